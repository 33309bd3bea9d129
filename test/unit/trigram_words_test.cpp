// pg_trgm's word characters and words: core/trigram_words.hpp.
#include "core/trigram_words.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace contacts::core;

TEST(TrigramWords, Ascii) {
    for (char32_t c = 0; c < 0x80; ++c) {
        const bool expected = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        EXPECT_EQ(is_word_char(c), expected) << static_cast<unsigned>(c);
        EXPECT_EQ(kAsciiWordChar[c], expected) << static_cast<unsigned>(c);
    }
}

TEST(TrigramWords, AlphabeticOrDecimalDigit) {
    EXPECT_TRUE(is_word_char(U'é'));
    EXPECT_TRUE(is_word_char(U'ß'));
    EXPECT_TRUE(is_word_char(U'\u0E34'));   // Thai vowel sign: Alphabetic, not u_isalnum()
    EXPECT_TRUE(is_word_char(U'\u0663'));   // Arabic-Indic digit three
    EXPECT_TRUE(is_word_char(U'\u4E2D'));   // CJK ideograph
    EXPECT_FALSE(is_word_char(U'\u00B7'));  // middle dot
    EXPECT_FALSE(is_word_char(U'\u2013'));  // en dash
    EXPECT_FALSE(is_word_char(U'\u0301'));  // combining acute: not Alphabetic
    EXPECT_FALSE(is_word_char(utf8::kBad));
}

namespace {
// The words for_each_word() reports, each as "<characters>@<begin>-<end>".
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string chars;
    for_each_word(
        text, [&](char32_t c) { utf8::append(chars, c); },
        [&](std::size_t begin, std::size_t end) {
            out.push_back(chars + "@" + std::to_string(begin) + "-" + std::to_string(end));
            chars.clear();
        });
    return out;
}
}  // namespace

TEST(TrigramWords, ForEachWord) {
    EXPECT_TRUE(words_of("").empty());
    EXPECT_TRUE(words_of(" -_%. ").empty());
    EXPECT_EQ(words_of("ab"), (std::vector<std::string>{"ab@0-2"}));
    EXPECT_EQ(words_of(" o'brien 42 "), (std::vector<std::string>{"o@1-2", "brien@3-8", "42@9-11"}));
    // Byte ranges of multibyte characters; an invalid byte separates words.
    EXPECT_EQ(words_of("müller\xFFx"), (std::vector<std::string>{"müller@0-7", "x@8-9"}));
}
