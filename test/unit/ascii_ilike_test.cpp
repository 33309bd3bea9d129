#include "core/ascii_ilike.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

using contacts::core::AsciiIlike;
using contacts::core::is_ascii;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// LIKE by its definition, by backtracking (PostgreSQL's rules: % any
// sequence, _ one character, backslash takes the next character literally).
bool like(std::string_view s, std::string_view p) {
    if (p.empty()) return s.empty();
    if (p[0] == '%') {
        for (std::size_t i = 0; i <= s.size(); ++i)
            if (like(s.substr(i), p.substr(1))) return true;
        return false;
    }
    if (p[0] == '_') return !s.empty() && like(s.substr(1), p.substr(1));
    std::size_t width = 1;
    char c = p[0];
    if (c == '\\') {
        c = p[1];  // callers never pass a lone trailing backslash
        width = 2;
    }
    return !s.empty() && s[0] == c && like(s.substr(1), p.substr(width));
}

bool ilike(const std::string& text, const std::string& pattern) {
    std::string scratch;
    auto m = AsciiIlike::compile(pattern);
    EXPECT_TRUE(m.has_value()) << pattern;
    auto r = m->matches(text, scratch);
    EXPECT_TRUE(r.has_value()) << text;
    return r.value_or(false);
}

}  // namespace

TEST(AsciiIlike, CaseInsensitiveLike) {
    EXPECT_TRUE(ilike("Strandweg 12", "%STRA%"));
    EXPECT_TRUE(ilike("Strandweg 12", "str%"));
    EXPECT_FALSE(ilike("Strandweg 12", "%xstra%"));
    EXPECT_TRUE(ilike("Ann", "a_N"));
    EXPECT_FALSE(ilike("Ann", "a_"));
    EXPECT_TRUE(ilike("", "%"));
    EXPECT_FALSE(ilike("", "_"));
    EXPECT_TRUE(ilike("100%", "100\\%"));
    EXPECT_FALSE(ilike("1000", "100\\%"));
    EXPECT_TRUE(ilike("a_b", "A\\_B"));
    EXPECT_FALSE(ilike("axb", "a\\_b"));
    EXPECT_TRUE(ilike("back\\slash", "%K\\\\S%"));
    // An escaped letter is lower-cased too, as lower() does to the pattern.
    EXPECT_TRUE(ilike("abc", "\\A%"));
}

TEST(AsciiIlike, LeavesOtherInputToPostgres) {
    EXPECT_FALSE(AsciiIlike::compile("%müller%").has_value());  // pattern not ASCII
    EXPECT_FALSE(AsciiIlike::compile("abc\\").has_value());      // lone trailing escape: an ERROR in PostgreSQL
    EXPECT_TRUE(AsciiIlike::compile("abc\\\\").has_value());     // an escaped backslash is fine
    std::string scratch;
    auto m = AsciiIlike::compile("%ller%");
    ASSERT_TRUE(m.has_value());
    EXPECT_FALSE(m->matches("Müller", scratch).has_value());    // text not ASCII
    EXPECT_FALSE(m->matches("\xC4\xB0ller", scratch).has_value());  // İ: lower() may make it ASCII
    EXPECT_EQ(m->matches("MILLER", scratch), std::optional<bool>(true));
    EXPECT_TRUE(is_ascii(""));
    EXPECT_FALSE(is_ascii("\x80"));
}

// Every pattern and text over a small alphabet of letters in both cases and
// the three special characters, against the definition.
TEST(AsciiIlike, AgreesWithTheDefinitionOnRandomInput) {
    std::mt19937 rng(20261122);
    const std::string alphabet = "aAbB%_\\";
    auto random_string = [&](std::size_t max_len) {
        std::string s(rng() % (max_len + 1), ' ');
        for (char& c : s) c = alphabet[rng() % alphabet.size()];
        return s;
    };
    int compared = 0;
    std::string scratch;
    for (int i = 0; i < 20000; ++i) {
        const std::string pattern = random_string(7);
        const std::string text = random_string(8);
        auto m = AsciiIlike::compile(pattern);
        std::size_t backslashes = 0;
        for (std::size_t k = pattern.size(); k > 0 && pattern[k - 1] == '\\'; --k) ++backslashes;
        if (backslashes % 2 == 1) {
            EXPECT_FALSE(m.has_value()) << pattern;
            continue;
        }
        ASSERT_TRUE(m.has_value()) << pattern;
        EXPECT_EQ(m->matches(text, scratch), std::optional<bool>(like(lower(text), lower(pattern))))
            << "'" << text << "' ILIKE '" << pattern << "'";
        ++compared;
    }
    EXPECT_GT(compared, 15000);
}
