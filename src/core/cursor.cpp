#include "core/cursor.hpp"

#include <cstdint>
#include <limits>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/siphash.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

// Fixed MAC key (see cursor.hpp: integrity, not authorisation). Changing it
// invalidates every outstanding cursor, so it only changes with the version.
constexpr uint8_t kMacKey[16] = {0x63, 0x6f, 0x6e, 0x74, 0x61, 0x63, 0x74, 0x73,   // "contacts"
                                 0x2d, 0x63, 0x75, 0x72, 0x73, 0x6f, 0x72, 0x31};  // "-cursor1"

enum Tag : uint8_t { TagNull = 0, TagInt = 1, TagText = 2, TagDate = 3, TagTimestampTz = 4 };

Tag tag_for(FieldType t) {
    switch (t) {
        case FieldType::BigInt:
        case FieldType::Integer: return TagInt;
        case FieldType::Text: return TagText;
        case FieldType::Date: return TagDate;
        case FieldType::TimestampTz: return TagTimestampTz;
    }
    return TagText;
}

void put_u64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t get_u64(std::string_view in, std::size_t pos) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[pos + static_cast<std::size_t>(i)]);
    return v;
}

void put_varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

uint64_t mac(std::string_view bytes) {
    return siphash24(kMacKey, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

[[noreturn]] void invalid(const std::string& detail) {
    throw Error(SqlState::InvalidParameterValue, "invalid cursor", detail,
                "Pass a cursor exactly as contacts_list returned it, with the same sort; "
                "use a NULL cursor to start from the first (or, with a negative limit, the last) page.");
}

// Reads the payload after its MAC has been verified. Anything wrong from here
// on means a forged MAC or a bug, but it is still only "invalid cursor".
class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}

    bool done() const { return pos_ == b_.size(); }

    uint8_t byte() {
        if (pos_ >= b_.size()) invalid("the cursor is truncated");
        return static_cast<uint8_t>(b_[pos_++]);
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = byte();
            // The 10th byte may only contribute the top bit; a final zero
            // byte after the first would be a second spelling of the value.
            if (shift == 63 && b > 1) invalid("malformed integer");
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) invalid("malformed integer");
                return v;
            }
        }
        invalid("malformed integer");
    }

    std::string bytes() {
        uint64_t len = varint();
        if (len > b_.size() - pos_) invalid("the cursor is truncated");
        std::string s(b_.substr(pos_, static_cast<std::size_t>(len)));
        pos_ += static_cast<std::size_t>(len);
        return s;
    }

private:
    std::string_view b_;
    std::size_t pos_ = 0;
};

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

}  // namespace

// Appends the base64url form of bytes to out.
void append_base64url(std::string_view bytes, std::string& out) {
    auto at = [&](std::size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
    const std::size_t start = out.size();
    out.resize(start + (bytes.size() * 4 + 2) / 3);
    char* o = &out[start];
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
        *o++ = kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const uint32_t v = at(i) << 16;
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const uint32_t v = (at(i) << 16) | (at(i + 1) << 8);
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
    }
}

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    append_base64url(bytes, out);
    return out;
}

bool base64url_decode(std::string_view text, std::string& out) {
    out.clear();
    if (text.size() % 4 == 1) return false;  // no byte count encodes to 4k+1 characters
    out.reserve(text.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        int v = b64_value(c);
        if (v < 0) return false;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    // Leftover bits must be zero, else two tokens would decode to the same
    // bytes and a flipped low bit in the last character would go unnoticed.
    return (acc & ((1u << bits) - 1)) == 0;
}

CursorEncoder::CursorEncoder(const SortSpec& spec) : spec_(spec) {
    if (spec.keys.size() > 255)
        throw Error(SqlState::InternalError, "encode_cursor: a sort of " + std::to_string(spec.keys.size()) + " keys");
    payload_.push_back(static_cast<char>(kCursorVersion));
    put_u64(payload_, spec.fingerprint());
    payload_.push_back(static_cast<char>(spec.keys.size()));
    header_size_ = payload_.size();
}

void CursorEncoder::begin() {
    payload_.resize(header_size_);
    keys_added_ = 0;
}

const Field& CursorEncoder::next_key(const char* what) {
    if (keys_added_ >= spec_.keys.size())
        throw Error(SqlState::InternalError, std::string("encode_cursor: ") + what + " after the last of " +
                                                 std::to_string(spec_.keys.size()) + " keys");
    return *spec_.keys[keys_added_++].field;
}

void CursorEncoder::add_null() {
    const Field& f = next_key("a NULL");
    if (!f.nullable)
        throw Error(SqlState::InternalError, "encode_cursor: NULL value for NOT NULL sort key " + std::string(f.name));
    payload_.push_back(static_cast<char>(TagNull));
}

void CursorEncoder::add_int(int64_t n) {
    const Field& f = next_key("an integer");
    if (tag_for(f.type) != TagInt)
        throw Error(SqlState::InternalError, "encode_cursor: an integer for key " + std::string(f.name));
    payload_.push_back(static_cast<char>(TagInt));
    // Zigzag: small negative numbers stay short.
    put_varint(payload_, (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
}

void CursorEncoder::add_text(std::string_view v) {
    const Field& f = next_key("a text");
    const Tag tag = tag_for(f.type);
    if (tag == TagInt || v.find('\0') != std::string_view::npos || (tag != TagText && v.empty()))
        throw Error(SqlState::InternalError, "encode_cursor: malformed value for key " + std::string(f.name));
    payload_.push_back(static_cast<char>(tag));
    put_varint(payload_, v.size());
    payload_.append(v);
}

std::string_view CursorEncoder::finish() {
    if (keys_added_ != spec_.keys.size())
        throw Error(SqlState::InternalError, "encode_cursor: " + std::to_string(keys_added_) +
                                                 " values for a sort of " + std::to_string(spec_.keys.size()) +
                                                 " keys");
    const std::size_t payload_size = payload_.size();
    put_u64(payload_, mac(payload_));
    token_.clear();
    append_base64url(payload_, token_);
    payload_.resize(payload_size);
    return token_;
}

std::string encode_cursor(const SortSpec& spec, const std::vector<CursorValue>& values) {
    if (values.size() != spec.keys.size())
        throw Error(SqlState::InternalError, "encode_cursor: " + std::to_string(values.size()) +
                                                 " values for a sort of " + std::to_string(spec.keys.size()) +
                                                 " keys");
    CursorEncoder encoder(spec);
    encoder.begin();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const CursorValue& v = values[i];
        if (v.is_null) {
            encoder.add_null();
        } else if (tag_for(spec.keys[i].field->type) == TagInt) {
            int64_t n = 0;
            if (json::number_to_int64(v.text, n) != json::IntResult::Ok ||
                v.text.find_first_of(".eE") != std::string::npos) {
                throw Error(SqlState::InternalError, "encode_cursor: \"" + v.text + "\" is not an integer (key " +
                                                         std::string(spec.keys[i].field->name) + ")");
            }
            encoder.add_int(n);
        } else {
            encoder.add_text(v.text);
        }
    }
    return std::string(encoder.finish());
}

std::string detail::seal_cursor_payload(std::string_view payload) {
    std::string b(payload);
    put_u64(b, mac(b));
    return base64url_encode(b);
}

std::vector<CursorValue> decode_cursor(const SortSpec& spec, std::string_view token) {
    if (token.size() > kMaxCursorLength) invalid("the cursor is too long");
    std::string b;
    if (!base64url_decode(token, b)) invalid("the cursor is not valid base64url");
    // version + fingerprint + count + MAC
    if (b.size() < 1 + 8 + 1 + 8) invalid("the cursor is too short");
    std::string_view payload(b.data(), b.size() - 8);
    if (get_u64(b, b.size() - 8) != mac(payload)) invalid("the cursor failed its integrity check");

    Reader r(payload);
    unsigned version = r.byte();
    if (version != kCursorVersion) {
        throw Error(SqlState::InvalidParameterValue, "unsupported cursor version " + std::to_string(version),
                    "This contacts_ext reads cursor version " + std::to_string(kCursorVersion) + ".",
                    "Start again from the first page (NULL cursor).");
    }
    uint64_t fp = 0;
    for (int i = 0; i < 8; ++i) fp |= static_cast<uint64_t>(r.byte()) << (8 * i);
    if (fp != spec.fingerprint()) {
        throw Error(SqlState::InvalidParameterValue, "cursor was created for a different sort",
                    "The current sort is {" + spec.normalized() + "}.",
                    "A cursor only works with the sort it came from; after changing the sort, start again "
                    "from the first page (NULL cursor).");
    }
    std::size_t n = r.byte();
    if (n != spec.keys.size()) invalid("wrong number of values");
    std::vector<CursorValue> values;
    values.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Field& f = *spec.keys[i].field;
        uint8_t tag = r.byte();
        if (tag == TagNull) {
            if (!f.nullable) invalid("NULL value for a NOT NULL key");
            values.push_back(CursorValue::null());
            continue;
        }
        if (tag != tag_for(f.type)) invalid("value of the wrong type");
        if (tag == TagInt) {
            uint64_t z = r.varint();
            int64_t v = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
            if (f.type == FieldType::Integer &&
                (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())) {
                invalid("integer out of range");
            }
            values.push_back(CursorValue::of(std::to_string(v)));
        } else {
            std::string s = r.bytes();
            // No UTF-8 check: the MAC proves we wrote these bytes, and a
            // SQL_ASCII database may legitimately hold any byte but NUL.
            if (s.find('\0') != std::string::npos) invalid("malformed text value");
            if (tag != TagText && s.empty()) invalid("empty date/time value");
            values.push_back(CursorValue::of(std::move(s)));
        }
    }
    if (!r.done()) invalid("trailing data");
    return values;
}

}  // namespace contacts::core
