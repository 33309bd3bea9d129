// UTF-8 decoding and encoding for the core, in one place.
//
// fold, the trigram code, the search term splitter and the JSON parser each
// used to carry their own copy, and the copies had drifted apart on malformed
// input (some accepted overlong forms, surrogates or lead bytes above F4).
// One strict decoder decides what a well-formed character is for all of
// them; callers that must step over bad bytes use the lenient wrapper.
//
// Header-only and inline: trigram extraction decodes every character of every
// row during an index build. Nothing here allocates except append(), which
// grows the caller's string.
//
// src/core only (it includes core/no_postgres.hpp, so a translation unit that
// has seen postgres.h cannot include it).
#pragma once

#include <cstddef>
#include <string>

#include "core/no_postgres.hpp"

namespace contacts::core::utf8 {

// The code point decode_lenient() reports for a byte that does not start a
// well-formed character. It is not a Unicode scalar value (those end at
// U+10FFFF), so no property lookup treats it as a letter or digit.
inline constexpr char32_t kBad = 0xFFFFFFFF;

// Decodes one character at p (avail > 0 bytes readable) following the
// well-formedness table of the Unicode standard (Table 3-7), which rejects
// overlong forms (C0, C1, E0 80..9F, F0 80..8F), UTF-16 surrogates
// (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF). NUL is
// rejected too, as PostgreSQL does for text. Returns the sequence length
// (1 to 4) and sets cp, or returns 0 when the bytes at p do not start a
// well-formed character (truncated sequences included).
constexpr int decode(const unsigned char* p, std::size_t avail, char32_t& cp) noexcept {
    const unsigned b0 = p[0];
    if (b0 < 0x80) {
        cp = b0;
        return b0 == 0 ? 0 : 1;
    }
    int len = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    char32_t c = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        c = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        c = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;       // E0 80..9F would be overlong
        else if (b0 == 0xED) hi = 0x9F;  // ED A0..BF would be a surrogate
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        c = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;       // F0 80..8F would be overlong
        else if (b0 == 0xF4) hi = 0x8F;  // F4 90.. would exceed U+10FFFF
    } else {
        return 0;  // continuation byte without a lead, C0/C1, F5..FF
    }
    if (avail < static_cast<std::size_t>(len)) return 0;  // truncated
    for (int k = 1; k < len; ++k) {
        const unsigned b = p[k];
        if (b < lo || b > hi) return 0;
        lo = 0x80;  // only the second byte has the narrowed range
        hi = 0xBF;
        c = (c << 6) | (b & 0x3F);
    }
    cp = c;
    return len;
}

// decode() for callers that step over malformed input rather than reject it:
// a byte that does not start a well-formed character is a one-byte character
// with code point kBad. NUL is U+0000 here (one byte), like any ASCII byte.
// Always returns at least 1, never more than avail.
constexpr int decode_lenient(const unsigned char* p, std::size_t avail, char32_t& cp) noexcept {
    if (p[0] < 0x80) {
        cp = p[0];
        return 1;
    }
    const int len = decode(p, avail, cp);
    if (len == 0) {
        cp = kBad;
        return 1;
    }
    return len;
}

// Appends the UTF-8 encoding of c (a Unicode scalar value; anything else gets
// the same lead-byte arithmetic and is not valid UTF-8). Not noexcept: growing
// `out` may throw std::bad_alloc, which callers turn into a PostgreSQL error.
inline void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        const char b[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 2);
    } else if (c < 0x10000) {
        const char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 3);
    } else {
        const char b[4] = {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                           static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 4);
    }
}

}  // namespace contacts::core::utf8
