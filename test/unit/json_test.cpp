#include "core/json.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "core/error.hpp"

namespace json = contacts::core::json;
using contacts::core::Error;
using contacts::core::SqlState;

namespace {

// Parses and returns the error; fails the test when parsing succeeds.
Error parse_error(std::string_view text, const json::Limits& limits = {}) {
    try {
        json::parse(text, limits);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected a parse error for: " << text;
    return Error(SqlState::InternalError, "no error");
}

}  // namespace

TEST(Json, Scalars) {
    EXPECT_TRUE(json::parse("null").is_null());
    EXPECT_TRUE(json::parse(" true ").as_bool());
    EXPECT_FALSE(json::parse("\tfalse\n").as_bool());
    EXPECT_EQ(json::parse("\"abc\"").as_string(), "abc");
    EXPECT_EQ(json::parse("-12.5e+3").number_text(), "-12.5e+3");
    EXPECT_EQ(json::parse("0").number_text(), "0");
}

TEST(Json, ObjectsAndArraysKeepOrder) {
    json::Value v = json::parse(R"({"b": [1, "x", null, {"c": false}], "a": {}})");
    ASSERT_TRUE(v.is_object());
    ASSERT_EQ(v.members().size(), 2u);
    EXPECT_EQ(v.members()[0].key, "b");
    EXPECT_EQ(v.members()[1].key, "a");
    const json::Value* b = v.find("b");
    ASSERT_NE(b, nullptr);
    ASSERT_EQ(b->items().size(), 4u);
    EXPECT_EQ(b->items()[0].number_text(), "1");
    EXPECT_EQ(b->items()[1].as_string(), "x");
    EXPECT_TRUE(b->items()[2].is_null());
    EXPECT_FALSE(b->items()[3].find("c")->as_bool());
    EXPECT_TRUE(v.find("a")->is_object());
    EXPECT_EQ(v.find("zzz"), nullptr);
    EXPECT_TRUE(json::parse("[]").items().empty());
    EXPECT_TRUE(json::parse("{ }").members().empty());
}

TEST(Json, StringEscapes) {
    EXPECT_EQ(json::parse(R"("a\"b\\c\/d\b\f\n\r\t")").as_string(), "a\"b\\c/d\b\f\n\r\t");
    EXPECT_EQ(json::parse(R"("\u00fc")").as_string(), "\xC3\xBC");            // ü
    EXPECT_EQ(json::parse(R"("\u20AC")").as_string(), "\xE2\x82\xAC");        // €
    EXPECT_EQ(json::parse(R"("\ud83d\ude00")").as_string(), "\xF0\x9F\x98\x80");  // 😀
    EXPECT_EQ(json::parse("\"M\xC3\xBCller\"").as_string(), "M\xC3\xBCller");   // raw UTF-8
}

TEST(Json, SyntaxErrorsAre22P02) {
    const char* bad[] = {
        "",          "   ",       "{",          "}",          "[1,]",       "[,1]",     "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}",     "{'a':1}",    "nul",        "tru",        "NaN",      "Infinity",
        "-Infinity", "01",        "1.",         ".5",         "1e",         "1e+",      "-",
        "+1",        "0x10",      "\"abc",      "\"\\x\"",    "\"\\u12\"",  "\"\\uZZZZ\"",
        "1 2",       "{} x",      "[1 2]",      "\"a\nb\"",   "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"",     "\"\\u0000\"", "// c\n{}",   "{\"a\":1 \"b\":2}",
    };
    for (const char* text : bad) {
        Error e = parse_error(text);
        EXPECT_EQ(e.state(), SqlState::InvalidTextRepresentation) << text << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find("invalid JSON at byte"), std::string::npos) << e.what();
    }
}

TEST(Json, ErrorNamesPosition) {
    Error e = parse_error(R"({"a": tru})");
    EXPECT_STREQ(e.what(), "invalid JSON at byte 6: invalid literal, expected true");
}

TEST(Json, DuplicateKeysRejected) {
    Error e = parse_error(R"({"a": 1, "a": 2})");
    EXPECT_EQ(e.state(), SqlState::InvalidTextRepresentation);
    EXPECT_NE(std::string(e.what()).find("duplicate key \"a\""), std::string::npos);
}

TEST(Json, InvalidUtf8Is22021) {
    const char* bad[] = {
        "\"\xC3\"",              // truncated
        "\"\xC0\xAF\"",          // overlong '/'
        "\"\xE0\x80\xAF\"",      // overlong
        "\"\xED\xA0\x80\"",      // UTF-16 surrogate encoded in UTF-8
        "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
        "\"\xFF\"",              // never valid
        "\"\x80\"",              // stray continuation byte
    };
    for (const char* text : bad) {
        Error e = parse_error(text);
        EXPECT_EQ(e.state(), SqlState::CharacterNotInRepertoire) << e.what();
    }
    // Outside strings any non-ASCII byte is a syntax error.
    EXPECT_EQ(parse_error("\xC3\xBC").state(), SqlState::InvalidTextRepresentation);
}

TEST(Json, Utf8Validator) {
    EXPECT_TRUE(json::is_valid_utf8(""));
    EXPECT_TRUE(json::is_valid_utf8("abc \xC3\xBC \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    EXPECT_FALSE(json::is_valid_utf8("\xC3"));
    EXPECT_FALSE(json::is_valid_utf8("\xED\xBF\xBF"));
    EXPECT_FALSE(json::is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Json, DepthLimit) {
    json::Limits limits;
    limits.max_depth = 32;
    std::string ok = std::string(32, '[') + std::string(32, ']');
    EXPECT_NO_THROW(json::parse(ok, limits));
    std::string deep = std::string(33, '[') + std::string(33, ']');
    Error e = parse_error(deep, limits);
    EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
    EXPECT_NE(std::string(e.what()).find("too deep"), std::string::npos);
    // A huge nesting attempt fails at the limit, not by exhausting the stack.
    std::string huge(1000000, '[');
    EXPECT_EQ(parse_error(huge, limits).state(), SqlState::ProgramLimitExceeded);
    std::string objs;
    for (int i = 0; i < 40; ++i) objs += "{\"a\":";
    objs += "1" + std::string(40, '}');
    EXPECT_EQ(parse_error(objs, limits).state(), SqlState::ProgramLimitExceeded);
}

TEST(Json, SizeLimits) {
    json::Limits limits;
    limits.max_string_bytes = 10;
    limits.max_array_elements = 3;
    limits.max_object_members = 2;
    limits.max_input_bytes = 100;
    EXPECT_NO_THROW(json::parse("\"0123456789\"", limits));
    EXPECT_EQ(parse_error("\"01234567890\"", limits).state(), SqlState::ProgramLimitExceeded);
    // The limit applies to decoded bytes: 4 escapes of ü are 8 bytes, fine; 6 are 12.
    EXPECT_NO_THROW(json::parse(R"("\u00fc\u00fc\u00fc\u00fc")", limits));
    EXPECT_EQ(parse_error(R"("\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc")", limits).state(),
              SqlState::ProgramLimitExceeded);
    // Keys count too.
    EXPECT_EQ(parse_error("{\"01234567890\": 1}", limits).state(), SqlState::ProgramLimitExceeded);
    EXPECT_NO_THROW(json::parse("[1,2,3]", limits));
    EXPECT_EQ(parse_error("[1,2,3,4]", limits).state(), SqlState::ProgramLimitExceeded);
    EXPECT_NO_THROW(json::parse("{\"a\":1,\"b\":2}", limits));
    EXPECT_EQ(parse_error("{\"a\":1,\"b\":2,\"c\":3}", limits).state(), SqlState::ProgramLimitExceeded);
    EXPECT_EQ(parse_error(std::string(101, ' ') + "1", limits).state(), SqlState::ProgramLimitExceeded);
}

TEST(Json, NumberToInt64) {
    struct Case {
        const char* text;
        json::IntResult result;
        int64_t value;
    };
    const Case cases[] = {
        {"0", json::IntResult::Ok, 0},
        {"-0", json::IntResult::Ok, 0},
        {"12", json::IntResult::Ok, 12},
        {"-12", json::IntResult::Ok, -12},
        {"12.0", json::IntResult::Ok, 12},
        {"12.000", json::IntResult::Ok, 12},
        {"1.2e1", json::IntResult::Ok, 12},
        {"1200e-2", json::IntResult::Ok, 12},
        {"1E3", json::IntResult::Ok, 1000},
        {"0.0e99999999999999999999", json::IntResult::Ok, 0},
        {"9223372036854775807", json::IntResult::Ok, std::numeric_limits<int64_t>::max()},
        {"-9223372036854775808", json::IntResult::Ok, std::numeric_limits<int64_t>::min()},
        {"9223372036854775808", json::IntResult::OutOfRange, 0},
        {"-9223372036854775809", json::IntResult::OutOfRange, 0},
        {"99999999999999999999", json::IntResult::OutOfRange, 0},
        {"1e19", json::IntResult::OutOfRange, 0},
        {"1e99999999999999999999", json::IntResult::OutOfRange, 0},
        {"922337203685477580.7e1", json::IntResult::Ok, std::numeric_limits<int64_t>::max()},
        {"12.5", json::IntResult::NotIntegral, 0},
        {"0.5", json::IntResult::NotIntegral, 0},
        {"1e-1", json::IntResult::NotIntegral, 0},
        {"1e-99999999999999999999", json::IntResult::NotIntegral, 0},
        {"", json::IntResult::Invalid, 0},
        {"abc", json::IntResult::Invalid, 0},
        {"1 ", json::IntResult::Invalid, 0},
        {"01", json::IntResult::Invalid, 0},
        {"+1", json::IntResult::Invalid, 0},
        {"1.", json::IntResult::Invalid, 0},
        {"NaN", json::IntResult::Invalid, 0},
    };
    for (const Case& c : cases) {
        int64_t out = -999;
        EXPECT_EQ(json::number_to_int64(c.text, out), c.result) << c.text;
        if (c.result == json::IntResult::Ok) {
            EXPECT_EQ(out, c.value) << c.text;
        }
    }
}

TEST(Json, NumberToDouble) {
    EXPECT_EQ(json::number_to_double("0.3"), 0.3);
    EXPECT_EQ(json::number_to_double("-1.5e2"), -150.0);
    EXPECT_EQ(json::number_to_double("1e-400"), 0.0);
    EXPECT_EQ(json::number_to_double("1e400"), std::nullopt);
    EXPECT_EQ(json::number_to_double("-1e400"), std::nullopt);
    EXPECT_EQ(json::number_to_double("NaN"), std::nullopt);
    EXPECT_EQ(json::number_to_double("inf"), std::nullopt);
    EXPECT_EQ(json::number_to_double("1.5x"), std::nullopt);
}

TEST(Json, WrongAccessorIsInternalError) {
    json::Value v = json::parse("1");
    try {
        (void)v.as_string();
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.state(), SqlState::InternalError);
    }
}
