// The words trigrams are made of, for core/trigram.cpp and core/trgm_index.cpp:
// pg_trgm's word characters, and the walk over the words of a text.
//
// A word is a maximal run of word characters; a character is a word character
// when it is Unicode Alphabetic or a decimal digit (see core/trigram.hpp for
// why not ICU's u_isalnum()).
//
// Header-only and inline: every character of every indexed row goes through
// here. src/core only (it includes core/utf8.hpp, hence core/no_postgres.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <unicode/uchar.h>

#include "core/utf8.hpp"

namespace contacts::core {

namespace detail {
constexpr std::array<bool, 128> make_ascii_word_chars() {
    std::array<bool, 128> t{};
    for (int c = '0'; c <= '9'; ++c) t[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
    return t;
}
}  // namespace detail

// The ASCII word characters: letters and digits.
inline constexpr std::array<bool, 128> kAsciiWordChar = detail::make_ascii_word_chars();

// pg_trgm's ISWORDCHR: t_isalpha() || t_isdigit(), which for a multibyte
// character in a UTF-8 locale is glibc's iswalpha()/iswdigit(). glibc derives
// "alpha" from Unicode's Alphabetic property and counts non-ASCII decimal
// digits as alpha; Alphabetic-or-Nd reproduces it (checked over every code
// point against PostgreSQL 15 on glibc 2.36: identical except for characters
// added in Unicode 15, which glibc's tables do not know yet).
// utf8::kBad (an invalid byte, see utf8::decode_lenient()) is not a word
// character.
inline bool is_word_char(char32_t c) {
    if (c < 0x80) return kAsciiWordChar[c];
    if (c == utf8::kBad) return false;
    const auto uc = static_cast<UChar32>(c);
    return u_isUAlphabetic(uc) || u_isdigit(uc);
}

// Walks the words of `text`, decoded with utf8::decode_lenient() (an invalid
// byte is a one-byte non-word character): for each word, in order,
// on_char(c) for each of its characters, then on_word_end(begin, end) with
// the word's byte range in `text`.
template <typename OnChar, typename OnWordEnd>
inline void for_each_word(std::string_view text, OnChar&& on_char, OnWordEnd&& on_word_end) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Skip to the next word character (pg_trgm's find_word).
        char32_t c;
        int len = utf8::decode_lenient(s + i, n - i, c);
        if (!is_word_char(c)) {
            i += static_cast<std::size_t>(len);
            continue;
        }
        const std::size_t begin = i;
        while (i < n) {
            len = utf8::decode_lenient(s + i, n - i, c);
            if (!is_word_char(c)) break;
            on_char(c);
            i += static_cast<std::size_t>(len);
        }
        on_word_end(begin, i);
    }
}

}  // namespace contacts::core
