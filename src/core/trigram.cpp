// pg_trgm-compatible trigram extraction: see trigram.hpp.
//
// Written from a reading of contrib/pg_trgm (trgm_op.c: generate_trgm,
// make_trigrams, compact_trigram, get_wildcard_part, show_trgm, cnt_sml;
// trgm_gin.c: trgm2int) and src/include/utils/pg_crc.h (the legacy CRC);
// the comments say which pg_trgm behaviour each piece reproduces.
#include "core/trigram.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <type_traits>

#include "core/fold.hpp"
#include "core/sorted_set.hpp"
#include "core/trigram_words.hpp"
#include "core/utf8.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {
namespace {

// --- PostgreSQL's legacy CRC-32 -----------------------------------------------
// pg_trgm hashes multibyte trigrams with INIT/COMP/FIN_LEGACY_CRC32: the usual
// CRC-32 lookup table (reflected polynomial 0xEDB88320, the one zlib uses) but
// driven the "normal" (MSB-first) way — index by the CRC's top byte, shift
// left. It is not a standard CRC, but it is what the keys stored in pg_trgm
// indexes are made of, so we reproduce it bit for bit.
constexpr std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
        t[n] = c;
    }
    return t;
}
constexpr std::array<uint32_t, 256> kCrcTable = make_crc_table();
static_assert(kCrcTable[1] == 0x77073096u && kCrcTable[255] == 0x2D02EF8Du, "CRC table");

inline uint32_t legacy_crc32(const unsigned char* p, std::size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) crc = kCrcTable[((crc >> 24) ^ p[i]) & 0xFF] ^ (crc << 8);
    return crc ^ 0xFFFFFFFFu;
}

// The key of three characters spanning `len` bytes at p. pg_trgm keeps three
// one-byte characters as they are; otherwise it copies the first three bytes
// *in memory* of the CRC into the trigram, i.e. its low three bytes on a
// little-endian machine, lowest first. trgm2int() then reads the trigram's
// bytes as a big-endian 24-bit number.
// (A big-endian machine keeps the CRC's high three bytes instead.)
inline uint32_t trigram_key(const unsigned char* p, std::size_t len) {
    if (len == 3) return (uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2];
    const uint32_t crc = legacy_crc32(p, len);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return crc >> 8;
#else
    return ((crc & 0xFF) << 16) | (crc & 0xFF00) | ((crc >> 16) & 0xFF);
#endif
}

// --- trigram generation --------------------------------------------------------

// Characters are decoded with utf8::decode_lenient(): an invalid byte is a
// one-byte character that is not a word character (code point utf8::kBad,
// see is_word_char() in core/trigram_words.hpp). The input is normally fold()
// output, hence valid; this only keeps us from reading past the end on
// anything else.

// Appends the trigrams of an already padded word (pg_trgm's make_trigrams):
// every three consecutive characters. `offsets` is scratch space.
void add_trigrams(const unsigned char* w, std::size_t len, bool ascii, std::vector<std::size_t>& offsets,
                  std::vector<uint32_t>& out) {
    if (ascii) {
        for (std::size_t i = 0; i + 3 <= len; ++i)
            out.push_back((uint32_t{w[i]} << 16) | (uint32_t{w[i + 1]} << 8) | w[i + 2]);
        return;
    }
    offsets.clear();
    for (std::size_t i = 0; i < len;) {
        offsets.push_back(i);
        char32_t c;
        i += static_cast<std::size_t>(utf8::decode_lenient(w + i, len - i, c));
    }
    offsets.push_back(len);
    for (std::size_t k = 0; k + 3 < offsets.size(); ++k)
        out.push_back(trigram_key(w + offsets[k], offsets[k + 3] - offsets[k]));
}

}  // namespace

std::vector<uint32_t> extract_trigrams(std::string_view folded) {
    const auto* s = reinterpret_cast<const unsigned char*>(folded.data());
    const std::size_t n = folded.size();
    std::vector<uint32_t> keys;
    if (n == 0) return keys;
    keys.reserve(n + 1);  // a word of k characters gives k + 1 trigrams
    std::vector<std::size_t> offsets;
    std::string padded;
    bool ascii = true;  // of the current word
    for_each_word(
        folded, [&](char32_t c) { ascii = ascii && c < 0x80; },
        [&](std::size_t begin, std::size_t end) {
            // pg_trgm pads each word with LPADDING = 2 blanks before and
            // RPADDING = 1 after.
            if (ascii) {
                // Same trigrams as add_trigrams() on the padded copy, without
                // the copy: a rolling 24-bit window over "  word ".
                uint32_t window = 0x2020;  // the two leading blanks
                for (std::size_t k = begin; k < end; ++k) {
                    window = ((window << 8) | s[k]) & 0xFFFFFF;
                    keys.push_back(window);
                }
                keys.push_back(((window << 8) | ' ') & 0xFFFFFF);
            } else {
                padded.assign("  ");
                padded.append(folded.data() + begin, end - begin);
                padded.push_back(' ');
                add_trigrams(reinterpret_cast<const unsigned char*>(padded.data()), padded.size(), /*ascii=*/false,
                             offsets, keys);
            }
            ascii = true;
        });
    sort_unique(keys);
    return keys;
}

std::string trigram_to_display(uint32_t key) {
    // show_trgm prints a trigram as text when each of its bytes is an ASCII
    // alphanumeric or a blank (ISPRINTABLETRGM), else as "0x%06x" of
    // trgm2int(), which is our key.
    const unsigned char b[3] = {static_cast<unsigned char>(key >> 16), static_cast<unsigned char>(key >> 8),
                                static_cast<unsigned char>(key)};
    bool printable = true;
    for (unsigned char x : b) printable = printable && x < 0x80 && (kAsciiWordChar[x] || x == ' ');
    if (printable) return std::string(reinterpret_cast<const char*>(b), 3);
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%06x", static_cast<unsigned>(key & 0xFFFFFF));
    return hex;
}

std::vector<std::string> show_trigrams(std::string_view folded) {
    std::vector<uint32_t> keys = extract_trigrams(folded);
    // pg_trgm (PostgreSQL ≤ 17) sorts trigrams comparing their bytes as
    // `char`. Where char is signed, a byte ≥ 0x80 sorts before 0x00; flipping
    // bit 7 of each byte turns that order into plain unsigned order.
    if constexpr (std::is_signed_v<char>) {
        std::sort(keys.begin(), keys.end(),
                  [](uint32_t a, uint32_t b) { return (a ^ 0x808080u) < (b ^ 0x808080u); });
    }
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (uint32_t k : keys) out.push_back(trigram_to_display(k));
    return out;
}

float similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    // cnt_sml(): 0 when either side has no trigram; otherwise CALCSML with
    // DIVUNION, ((float4) count) / ((float4) (len1 + len2 - count)), the
    // lengths added as integers and both operands converted to float.
    if (a.empty() || b.empty()) return 0.0f;
    const std::size_t common = count_common(a, b);
    return static_cast<float>(common) / static_cast<float>(a.size() + b.size() - common);
}

LikePatternTrigrams like_pattern_trigrams(std::string_view pattern) {
    LikePatternTrigrams r;
    const auto* s = reinterpret_cast<const unsigned char*>(pattern.data());
    const std::size_t n = pattern.size();

    // The literal prefix, up to the first unescaped wildcard.
    {
        bool escaped = false;
        for (std::size_t i = 0; i < n; ++i) {
            const char c = pattern[i];
            if (escaped) {
                r.prefix.push_back(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '%' || c == '_') {
                r.has_wildcard = true;
                break;
            } else {
                r.prefix.push_back(c);
            }
        }
    }

    // The trigrams: pg_trgm's generate_wildcard_trgm() / get_wildcard_part().
    // Each "wildcard part" is a run of word characters (escapes removed). It
    // is padded like a word, except on a side where it touches an unescaped
    // % or _: there the text may continue with anything, so a padded
    // trigram would demand a word boundary that a match need not have.
    std::vector<std::size_t> offsets;
    std::string part;
    std::size_t pos = 0;
    while (pos < n) {
        bool in_escape = false;
        bool wildcard_before = false;
        bool wildcard_after = false;

        // Find the first word character, remembering whether a wildcard came
        // right before it. An escaped word character is a word character; an
        // escaped anything else (e.g. \%) is an ordinary non-word character.
        std::size_t p = pos;
        while (p < n) {
            char32_t c;
            const int len = utf8::decode_lenient(s + p, n - p, c);
            const bool word = is_word_char(c);
            if (in_escape) {
                if (word) break;  // in_escape carries into the copy loop
                in_escape = false;
                wildcard_before = false;
            } else if (c == '\\') {
                in_escape = true;
            } else if (c == '%' || c == '_') {
                wildcard_before = true;
            } else if (word) {
                break;
            } else {
                wildcard_before = false;
            }
            p += static_cast<std::size_t>(len);
        }
        if (p >= n) break;

        part.clear();
        if (!wildcard_before) part.append("  ");
        bool ascii = true;
        std::size_t e = p;
        while (e < n) {
            char32_t c;
            const int len = utf8::decode_lenient(s + e, n - e, c);
            const bool word = is_word_char(c);
            if (in_escape) {
                if (!word) {
                    // An escaped non-word character ends the part; restart
                    // the next scan at its backslash (one byte back) so the
                    // escape is seen again.
                    --e;
                    break;
                }
                part.append(pattern.data() + e, static_cast<std::size_t>(len));
                ascii = ascii && c < 0x80;
                in_escape = false;
            } else if (c == '\\') {
                in_escape = true;
            } else if (c == '%' || c == '_') {
                wildcard_after = true;
                break;
            } else if (word) {
                part.append(pattern.data() + e, static_cast<std::size_t>(len));
                ascii = ascii && c < 0x80;
            } else {
                break;
            }
            e += static_cast<std::size_t>(len);
        }
        if (!wildcard_after) part.push_back(' ');
        add_trigrams(reinterpret_cast<const unsigned char*>(part.data()), part.size(), ascii, offsets, r.trigrams);
        pos = e;
    }
    sort_unique(r.trigrams);
    r.no_trigrams = r.trigrams.empty();
    return r;
}

std::string escape_like(std::string_view literal) {
    std::string out;
    out.reserve(literal.size() + 8);
    for (char c : literal) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::string rewrite_like_literals(std::string_view pattern, std::string (*transform)(std::string_view)) {
    std::string out;
    std::string literal;
    auto flush = [&] {
        if (!literal.empty()) {
            out += escape_like(transform(literal));
            literal.clear();
        }
    };
    // Byte-wise is safe: %, _ and \ are ASCII, and no byte of a multibyte
    // UTF-8 character is below 0x80.
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            // The escaped byte is literal (the rest of a multibyte character
            // follows as literal bytes anyway). A trailing lone backslash is
            // taken literally.
            literal.push_back(i + 1 < pattern.size() ? pattern[++i] : '\\');
        } else if (c == '%' || c == '_') {
            flush();
            out.push_back(c);
        } else {
            literal.push_back(c);
        }
    }
    flush();
    return out;
}

std::string fold_like_pattern(std::string_view pattern) { return rewrite_like_literals(pattern, fold); }

}  // namespace contacts::core
