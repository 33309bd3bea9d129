#include "core/cursor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <limits>
#include <random>

#include "core/error.hpp"

using namespace contacts::core;

namespace {

Error decode_error(const SortSpec& spec, std::string_view token) {
    try {
        decode_cursor(spec, token);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected a cursor error for " << token;
    return Error(SqlState::InternalError, "none");
}

std::string le64(uint64_t v) {
    std::string s;
    for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    return s;
}

// A raw payload header for spec: version, fingerprint, key count.
std::string header(const SortSpec& spec, unsigned version = kCursorVersion, std::size_t n = 0) {
    std::string b;
    b.push_back(static_cast<char>(version));
    b += le64(spec.fingerprint());
    b.push_back(static_cast<char>(n ? n : spec.keys.size()));
    return b;
}

}  // namespace

TEST(Base64Url, RoundTripAndAlphabet) {
    std::mt19937 rng(7);
    for (int len = 0; len < 70; ++len) {
        std::string bytes;
        for (int i = 0; i < len; ++i) bytes.push_back(static_cast<char>(rng() & 0xFF));
        std::string enc = base64url_encode(bytes);
        EXPECT_EQ(enc.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        EXPECT_EQ(enc.size(), (static_cast<std::size_t>(len) * 4 + 2) / 3);
        std::string dec;
        ASSERT_TRUE(base64url_decode(enc, dec));
        EXPECT_EQ(dec, bytes);
    }
    EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
    std::string out;
    EXPECT_FALSE(base64url_decode("AAAAA", out));    // 4k+1 characters
    EXPECT_FALSE(base64url_decode("AA==", out));     // padding
    EXPECT_FALSE(base64url_decode("AA+/", out));     // standard alphabet
    EXPECT_FALSE(base64url_decode("AA A", out));     // white space
    EXPECT_FALSE(base64url_decode("AB", out));       // non-zero trailing bits
    EXPECT_TRUE(base64url_decode("AA", out));
}

TEST(Cursor, RoundTripEveryFieldType) {
    SortSpec spec = parse_sort({"-points", "last_name", "birthday", "-created", "city", "-relationship_id"});
    std::vector<std::vector<CursorValue>> rows = {
        {CursorValue::of("1000"), CursorValue::of("Müller"), CursorValue::of("1990-11-23"),
         CursorValue::of("2024-05-01 12:00:00.123456+02"), CursorValue::of("São Paulo"), CursorValue::of("7"),
         CursorValue::of("42")},
        {CursorValue::null(), CursorValue::of(""), CursorValue::null(), CursorValue::of("infinity"),
         CursorValue::null(), CursorValue::null(), CursorValue::of("-9223372036854775808")},
        {CursorValue::of("-2147483648"), CursorValue::of(std::string(100000, 'x')), CursorValue::of("0001-01-01 BC"),
         CursorValue::of("-infinity"), CursorValue::of("\xF0\x9F\x98\x80 '\"\\%_"), CursorValue::of("0"),
         CursorValue::of("9223372036854775807")},
        {CursorValue::of("2147483647"), CursorValue::of("a"), CursorValue::of("2000-02-29"),
         CursorValue::of("2000-01-01 00:00:00+00"), CursorValue::of("Berlin"), CursorValue::of("-1"),
         CursorValue::of("1")},
    };
    for (const auto& row : rows) {
        std::string token = encode_cursor(spec, row);
        EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        EXPECT_EQ(decode_cursor(spec, token), row);
    }
}

TEST(Cursor, EncodingIsDeterministicAndCompact) {
    SortSpec spec = parse_sort({});
    std::string a = encode_cursor(spec, {CursorValue::of("12345")});
    EXPECT_EQ(a, encode_cursor(spec, {CursorValue::of("12345")}));
    EXPECT_NE(a, encode_cursor(spec, {CursorValue::of("12346")}));
    EXPECT_LE(a.size(), 32u);  // 1 + 8 + 1 + 1 + 3 + 8 bytes
}

TEST(Cursor, EverySingleBitFlipIsDetected) {
    SortSpec spec = parse_sort({"city", "-points"});
    std::string token =
        encode_cursor(spec, {CursorValue::of("Berlin"), CursorValue::null(), CursorValue::of("123")});
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (std::size_t i = 0; i < token.size(); ++i) {
        // Flip each of the 6 bits a character carries.
        int v = static_cast<int>(alphabet.find(token[i]));
        for (int bit = 0; bit < 6; ++bit) {
            std::string t = token;
            t[i] = alphabet[static_cast<std::size_t>(v ^ (1 << bit))];
            Error e = decode_error(spec, t);
            EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
            EXPECT_STREQ(e.what(), "invalid cursor") << "char " << i << " bit " << bit;
        }
    }
    // And every bit of the decoded payload, re-encoded canonically.
    std::string raw;
    ASSERT_TRUE(base64url_decode(token, raw));
    for (std::size_t i = 0; i < raw.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            std::string r = raw;
            r[i] = static_cast<char>(r[i] ^ (1 << bit));
            EXPECT_STREQ(decode_error(spec, base64url_encode(r)).what(), "invalid cursor");
        }
    }
}

TEST(Cursor, TruncationAndGarbage) {
    SortSpec spec = parse_sort({"last_name"});
    std::string token = encode_cursor(spec, {CursorValue::of("Smith"), CursorValue::of("5")});
    for (std::size_t len = 0; len < token.size(); ++len) {
        EXPECT_STREQ(decode_error(spec, token.substr(0, len)).what(), "invalid cursor") << len;
    }
    for (const char* garbage : {"", "x", "null", "NULL", "eyJpZCI6MX0", "!!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                "0", "-1", "http://x"}) {
        Error e = decode_error(spec, garbage);
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
        EXPECT_STREQ(e.what(), "invalid cursor");
        EXPECT_FALSE(e.hint().empty());
    }
    EXPECT_STREQ(decode_error(spec, token + "A").what(), "invalid cursor");
    EXPECT_STREQ(decode_error(spec, token + "AA").what(), "invalid cursor");
    EXPECT_STREQ(decode_error(spec, std::string(kMaxCursorLength + 4, 'A')).what(), "invalid cursor");
}

TEST(Cursor, OtherSortIsRejectedWithItsOwnMessage) {
    SortSpec by_city = parse_sort({"city"});
    SortSpec by_city_desc = parse_sort({"-city"});
    SortSpec by_id = parse_sort({});
    std::string token = encode_cursor(by_city, {CursorValue::of("Berlin"), CursorValue::of("5")});
    for (const SortSpec* other : {&by_city_desc, &by_id}) {
        Error e = decode_error(*other, token);
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
        EXPECT_STREQ(e.what(), "cursor was created for a different sort");
        EXPECT_NE(e.detail().find("{"), std::string::npos);
    }
    // Aliases are the same sort.
    EXPECT_NO_THROW(decode_cursor(parse_sort({"address__city"}), token));
}

TEST(Cursor, VersionIsChecked) {
    SortSpec spec = parse_sort({});
    std::string b = header(spec, 2);
    b.push_back(1);
    b.push_back(2);
    Error e = decode_error(spec, detail::seal_cursor_payload(b));
    EXPECT_STREQ(e.what(), "unsupported cursor version 2");
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
}

TEST(Cursor, StructuralChecksBehindTheMac) {
    SortSpec spec = parse_sort({"-points"});  // points (integer, nullable), id (bigint)
    auto sealed = [&](const std::string& body, std::size_t n = 0) {
        return detail::seal_cursor_payload(header(spec, kCursorVersion, n) + body);
    };
    // Valid: NULL points, id 3 (zigzag 6).
    EXPECT_EQ(decode_cursor(spec, sealed(std::string("\x00\x01\x06", 3))),
              (std::vector<CursorValue>{CursorValue::null(), CursorValue::of("3")}));
    struct Case {
        std::string body;
        std::size_t n;
    };
    const Case bad[] = {
        {std::string("\x00\x01\x06", 3), 3},                 // wrong key count
        {std::string("\x00\x01", 2), 0},                     // truncated value
        {std::string("\x00\x01\x06\x00", 4), 0},             // trailing data
        {std::string("\x02\x01x\x01\x06", 5), 0},            // text value for an integer key
        {std::string("\x00\x00", 2), 0},                     // NULL for the NOT NULL id
        {std::string("\x01\x80\x80\x80\x80\x10\x01\x06", 8), 0},  // points beyond int4 (zigzag 2^32)
        {std::string("\x00\x01\x86\x00", 4), 0},             // overlong varint (non-canonical)
        {std::string("\x00\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 12), 0},  // varint > 64 bits
        {std::string("\x00\x07\x06", 3), 0},                 // unknown tag
    };
    for (const Case& c : bad) {
        Error e = decode_error(spec, sealed(c.body, c.n));
        EXPECT_STREQ(e.what(), "invalid cursor");
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    }
    SortSpec by_birthday = parse_sort({"birthday"});
    std::string body = std::string("\x03\x00", 2) + std::string("\x01\x02", 2);  // empty date
    EXPECT_STREQ(decode_error(by_birthday, detail::seal_cursor_payload(header(by_birthday) + body)).what(),
                 "invalid cursor");
    SortSpec by_name = parse_sort({"last_name"});
    body = std::string("\x02\x03" "a\0b", 5) + std::string("\x01\x02", 2);  // NUL in text
    EXPECT_STREQ(decode_error(by_name, detail::seal_cursor_payload(header(by_name) + body)).what(),
                 "invalid cursor");
}

TEST(Cursor, EncodeRejectsCallerBugs) {
    SortSpec spec = parse_sort({"-points"});
    auto bug = [&](const std::vector<CursorValue>& values) {
        try {
            encode_cursor(spec, values);
        } catch (const Error& e) {
            EXPECT_EQ(e.state(), SqlState::InternalError);
            return;
        }
        ADD_FAILURE() << "expected InternalError";
    };
    bug({CursorValue::of("1")});                                            // too few
    bug({CursorValue::of("1"), CursorValue::null()});                       // NULL id
    bug({CursorValue::of("x"), CursorValue::of("1")});                      // not an integer
    bug({CursorValue::of("1.5"), CursorValue::of("1")});
    bug({CursorValue::of("1e3"), CursorValue::of("1")});
    bug({CursorValue::of("1"), CursorValue::of("99999999999999999999")});
    SortSpec by_name = parse_sort({"last_name"});
    try {
        encode_cursor(by_name, {CursorValue::of(std::string("a\0b", 3)), CursorValue::of("1")});
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.state(), SqlState::InternalError);
    }
}

// contacts_list reuses one encoder for a whole page: every row's token must
// equal the one encode_cursor makes on its own, whatever came before it.
TEST(CursorEncoder, ReusedAcrossRowsMatchesEncodeCursor) {
    SortSpec spec = parse_sort({"-points", "last_name", "birthday"});
    CursorEncoder encoder(spec);
    struct Row {
        std::optional<int64_t> points;
        std::string last_name;
        std::optional<std::string> birthday;
        int64_t id;
    };
    const std::vector<Row> rows = {
        {1200, "Meyer", "1980-02-29", 7},
        {std::nullopt, std::string(300, 'x'), std::nullopt, 8},  // long text, then short: buffers shrink back
        {-5, "", "2001-01-01", std::numeric_limits<int64_t>::min()},
        {std::numeric_limits<int32_t>::max(), "Ørsted", "-infinity", std::numeric_limits<int64_t>::max()},
    };
    for (const Row& r : rows) {
        encoder.begin();
        std::vector<CursorValue> values;
        if (r.points) {
            encoder.add_int(*r.points);
            values.push_back(CursorValue::of(std::to_string(*r.points)));
        } else {
            encoder.add_null();
            values.push_back(CursorValue::null());
        }
        encoder.add_text(r.last_name);
        values.push_back(CursorValue::of(r.last_name));
        if (r.birthday) {
            encoder.add_text(*r.birthday);
            values.push_back(CursorValue::of(*r.birthday));
        } else {
            encoder.add_null();
            values.push_back(CursorValue::null());
        }
        encoder.add_int(r.id);
        values.push_back(CursorValue::of(std::to_string(r.id)));
        const std::string token(encoder.finish());
        EXPECT_EQ(token, encode_cursor(spec, values));
        EXPECT_EQ(decode_cursor(spec, token), values);
    }
}

TEST(CursorEncoder, RejectsCallerBugs) {
    SortSpec spec = parse_sort({"-points", "birthday"});  // points, birthday, id
    auto bug = [&](const std::function<void(CursorEncoder&)>& fill) {
        CursorEncoder encoder(spec);
        encoder.begin();
        try {
            fill(encoder);
            encoder.finish();
        } catch (const Error& e) {
            EXPECT_EQ(e.state(), SqlState::InternalError) << e.what();
            return;
        }
        ADD_FAILURE() << "expected InternalError";
    };
    bug([](CursorEncoder& e) { e.add_int(1); });                                     // too few
    bug([](CursorEncoder& e) { e.add_int(1); e.add_null(); e.add_int(1); e.add_int(2); });  // too many
    bug([](CursorEncoder& e) { e.add_text("1"); });                                  // text for an integer key
    bug([](CursorEncoder& e) { e.add_int(1); e.add_int(19800229); });                // integer for a date key
    bug([](CursorEncoder& e) { e.add_int(1); e.add_text(""); });                     // empty date
    bug([](CursorEncoder& e) { e.add_int(1); e.add_null(); e.add_null(); });        // NULL id
    bug([](CursorEncoder& e) { e.add_int(1); e.add_text(std::string_view("19\0", 3)); });  // NUL byte
    // A failed row does not poison the next one.
    CursorEncoder encoder(spec);
    encoder.begin();
    EXPECT_THROW(encoder.add_text("x"), Error);
    encoder.begin();
    encoder.add_int(3);
    encoder.add_null();
    encoder.add_int(4);
    EXPECT_EQ(std::string(encoder.finish()),
              encode_cursor(spec, {CursorValue::of("3"), CursorValue::null(), CursorValue::of("4")}));
}

TEST(Cursor, RandomRoundTrips) {
    std::mt19937_64 rng(42);
    const auto& fields = all_fields();
    for (int iter = 0; iter < 300; ++iter) {
        std::vector<std::string> entries;
        for (const Field& f : fields) {
            if (rng() % 4 == 0) entries.push_back((rng() % 2 ? "-" : "") + std::string(f.name));
        }
        std::shuffle(entries.begin(), entries.end(), rng);
        SortSpec spec = parse_sort(entries);
        std::vector<CursorValue> row;
        for (const SortKey& k : spec.keys) {
            if (k.field->nullable && rng() % 3 == 0) {
                row.push_back(CursorValue::null());
                continue;
            }
            switch (k.field->type) {
                case FieldType::BigInt: row.push_back(CursorValue::of(std::to_string(static_cast<int64_t>(rng())))); break;
                case FieldType::Integer: row.push_back(CursorValue::of(std::to_string(static_cast<int32_t>(rng())))); break;
                case FieldType::Text: {
                    std::string s;
                    for (std::size_t i = rng() % 20; i > 0; --i) s.push_back(static_cast<char>(1 + rng() % 255));
                    row.push_back(CursorValue::of(s));
                    break;
                }
                default: row.push_back(CursorValue::of("2020-01-0" + std::to_string(1 + rng() % 9))); break;
            }
        }
        std::string token = encode_cursor(spec, row);
        ASSERT_EQ(decode_cursor(spec, token), row) << spec.normalized();
    }
}
