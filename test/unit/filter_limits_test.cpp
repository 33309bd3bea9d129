// FilterLimits::max_pattern_chars: pattern values and search strings are
// limited in characters (code points), not bytes.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "core/filter.hpp"

using namespace contacts::core;

namespace {

constexpr std::size_t kLimit = 1000;

// {"<key>": "<value>"} (value needs no JSON escaping).
std::string doc(const std::string& key, const std::string& value) {
    return "{\"" + key + "\": \"" + value + "\"}";
}

std::string repeat(const std::string& unit, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += unit;
    return s;
}

bool accepted(const std::string& json) {
    parse_filter(json);
    return true;
}

Error error_of(const std::string& json) {
    try {
        parse_filter(json);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an error";
    return Error(SqlState::InternalError, "none");
}

const char* const kPatternKeys[] = {
    "last_name__iexact",       "last_name__contains",   "last_name__icontains",
    "last_name__startswith",   "last_name__istartswith", "last_name__endswith",
    "last_name__iendswith",    "last_name__trigram_similar", "city__unaccent__exact",
    "city__unaccent__iexact",  "city__unaccent__icontains", "street__unaccent__iendswith",
};

}  // namespace

TEST(FilterPatternLimit, DefaultIsOneThousandCharacters) {
    EXPECT_EQ(FilterLimits{}.max_pattern_chars, kLimit);
}

TEST(FilterPatternLimit, BelowAtAndAboveForEveryPatternLookup) {
    for (const char* key : kPatternKeys) {
        SCOPED_TRACE(key);
        EXPECT_TRUE(accepted(doc(key, repeat("a", kLimit - 1))));
        EXPECT_TRUE(accepted(doc(key, repeat("a", kLimit))));
        Error e = error_of(doc(key, repeat("a", kLimit + 1)));
        EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
        EXPECT_EQ(std::string(e.what()), std::string("the value of filter key \"") + key +
                                             "\" is too long (1001 characters; the limit is 1000)");
        EXPECT_NE(e.detail().find("limited to 1000 characters"), std::string::npos);
    }
}

TEST(FilterPatternLimit, SearchStringBelowAtAndAbove) {
    // Terms separated by spaces: the whole string counts, spaces included.
    const std::string words = repeat("abcd ", 199) + "abcd";  // 999 characters, 200 terms
    EXPECT_EQ(words.size(), 999u);
    FilterLimits many_terms;
    many_terms.max_search_terms = 1000;
    EXPECT_NO_THROW(parse_filter(doc("search", repeat("x", kLimit - 1))));
    EXPECT_NO_THROW(parse_filter(doc("search", repeat("x", kLimit))));
    EXPECT_NO_THROW(parse_filter(doc("search", words + "e"), many_terms));
    Error e = error_of(doc("search", repeat("x", kLimit + 1)));
    EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
    EXPECT_STREQ(e.what(), "\"search\" is too long (1001 characters; the limit is 1000)");
    // Checked before the term count, so the message says what to shorten.
    e = error_of(doc("search", words + "ef"));
    EXPECT_STREQ(e.what(), "\"search\" is too long (1001 characters; the limit is 1000)");
}

TEST(FilterPatternLimit, MultiByteCharactersCountAsOne) {
    // "ü" is 2 bytes, "€" 3, "😀" 4 (a surrogate pair in JSON escapes).
    for (const std::string unit : {"\xC3\xBC", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
        SCOPED_TRACE(unit);
        const std::string at = repeat(unit, kLimit);  // 2,000-4,000 bytes, 1,000 characters
        EXPECT_GT(at.size(), kLimit);
        EXPECT_TRUE(accepted(doc("last_name__icontains", at)));
        EXPECT_TRUE(accepted(doc("search", at)));
        Error e = error_of(doc("last_name__icontains", at + unit));
        EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
        EXPECT_STREQ(e.what(),
                     "the value of filter key \"last_name__icontains\" is too long (1001 characters; "
                     "the limit is 1000)");
        e = error_of(doc("search", at + unit));
        EXPECT_STREQ(e.what(), "\"search\" is too long (1001 characters; the limit is 1000)");
    }
    // Escapes count as the character they denote: 1,000 x \u00fc is accepted.
    EXPECT_TRUE(accepted(doc("last_name__icontains", repeat("\\u00fc", kLimit))));
    EXPECT_EQ(error_of(doc("last_name__icontains", repeat("\\u00fc", kLimit + 1))).state(),
              SqlState::ProgramLimitExceeded);
    // Mixed: 999 ASCII + one 4-byte character = 1,000 characters.
    EXPECT_TRUE(accepted(doc("city__unaccent__icontains", repeat("a", kLimit - 1) + "\xF0\x9F\x98\x80")));
}

TEST(FilterPatternLimit, NamesNestedPositions) {
    Error e = error_of("{\"or\": [{\"id\": 1}, {\"not\": " + doc("city__icontains", repeat("a", 1001)) + "}]}");
    EXPECT_STREQ(e.what(),
                 "the value of filter key \"city__icontains\" is too long (1001 characters; the limit is "
                 "1000) (at or[1].not)");
}

TEST(FilterPatternLimit, NumbersAsPatternsAreCounted) {
    // Text fields accept JSON numbers (their source text).
    EXPECT_TRUE(accepted("{\"phone_number__contains\": " + repeat("1", kLimit) + "}"));
    EXPECT_EQ(error_of("{\"phone_number__contains\": " + repeat("1", kLimit + 1) + "}").state(),
              SqlState::ProgramLimitExceeded);
}

TEST(FilterPatternLimit, OtherLookupsKeepTheStringLimit) {
    // Equality, ordering and in are not patterns: a 5,000-character value is fine.
    const std::string long_value = repeat("a", 5000);
    EXPECT_TRUE(accepted(doc("last_name", long_value)));
    EXPECT_TRUE(accepted(doc("last_name__exact", long_value)));
    EXPECT_TRUE(accepted(doc("last_name__gte", long_value)));
    EXPECT_TRUE(accepted("{\"last_name__in\": [\"" + long_value + "\"]}"));
    EXPECT_TRUE(accepted("{\"last_name__range\": [\"a\", \"" + long_value + "\"]}"));
    // iexact null (IS NULL) has no value to limit.
    EXPECT_TRUE(accepted("{\"phone_number__iexact\": null}"));
}

TEST(FilterPatternLimit, Configurable) {
    FilterLimits limits;
    limits.max_pattern_chars = 3;
    EXPECT_NO_THROW(parse_filter(doc("last_name__icontains", "\xC3\xBC\xC3\xBC\xC3\xBC"), limits));
    try {
        parse_filter(doc("last_name__icontains", "abcd"), limits);
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(),
                     "the value of filter key \"last_name__icontains\" is too long (4 characters; the limit is 3)");
    }
}
