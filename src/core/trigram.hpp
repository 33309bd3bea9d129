// pg_trgm-compatible trigrams of folded text.
//
// The text is cut into words (maximal runs of alphanumeric characters), each
// word is padded with two spaces in front and one behind ("  word "), and
// every run of three consecutive characters of a padded word is a trigram.
// This is exactly what contrib/pg_trgm extracts, so for the same (folded)
// input the trigram sets — and therefore similarity() — agree with pg_trgm's
// show_trgm() and similarity() (see trigram_test.cpp for the comparison and
// the known divergences: characters new in Unicode 15; text that lower()
// would change, which fold() output never is; databases with LC_CTYPE "C").
//
// A trigram is represented by the same 32-bit key pg_trgm's GIN opclass
// stores: three single-byte characters are the key's three bytes (big-endian
// in the low 24 bits); any other trigram is hashed to 24 bits with
// PostgreSQL's legacy CRC-32, keeping the three bytes pg_trgm keeps on the
// same machine (the first three in memory: on x86-64 and ARM64 the CRC's low
// three bytes, lowest first).
//
// "Alphanumeric" is Unicode's Alphabetic property or a decimal digit (ICU
// u_isUAlphabetic() || u_isdigit()). This is what glibc's iswalpha/isdigit
// answer in a C.UTF-8 or other UTF-8 locale, which is what pg_trgm asks; ICU's
// narrower u_isalnum() (general category L* or Nd) would split Indic words at
// every vowel sign and Arabic words at every vowel mark.
//
// Inputs are expected to be folded (fold()), hence lower-case; nothing here
// changes case. Malformed UTF-8 is tolerated: an invalid byte is a
// one-byte non-word character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::core {

// Sorted (ascending unsigned key order), duplicate-free trigram keys of a
// folded text.
std::vector<uint32_t> extract_trigrams(std::string_view folded);

// How pg_trgm's show_trgm() prints a trigram: its three characters when each
// key byte is an ASCII letter, digit or space, otherwise "0x" and six
// lower-case hex digits of the key (a hashed trigram may happen to print as
// three characters too, exactly as in show_trgm()).
std::string trigram_to_display(uint32_t key);

// show_trgm(folded) as pg_trgm computes it: the display strings in pg_trgm's
// own order, which compares key bytes as `char` (signed on x86-64, unsigned
// on ARM64: hashed trigrams with a byte ≥ 0x80 sort first on x86-64).
std::vector<std::string> show_trigrams(std::string_view folded);

// pg_trgm's similarity of two sorted, duplicate-free key arrays:
// shared / (|a| + |b| - shared), computed in float as pg_trgm does; 0 when
// either is empty.
float similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// What a LIKE/ILIKE pattern requires of the folded text it matches.
struct LikePatternTrigrams {
    // Trigrams every matching (folded) text contains, sorted and
    // duplicate-free: pg_trgm's generate_wildcard_trgm(). A word next to a %
    // or _ is not padded on that side.
    std::vector<uint32_t> trigrams;
    // No trigram could be extracted (the pattern's words are shorter than
    // three characters after padding, e.g. '%ab%'): an index scan on these
    // trigrams would have to visit everything; use another path.
    bool no_trigrams = true;
    // The literal text before the first unescaped % or _, escapes removed:
    // every match starts with it (for a prefix range scan).
    std::string prefix;
    // Whether the pattern has an unescaped % or _ at all; if not, it matches
    // only the text equal to `prefix`.
    bool has_wildcard = false;
};

// Analyses a LIKE pattern whose literal parts are already folded (see
// fold_like_pattern()). The escape character is the backslash; a trailing
// lone backslash (which LIKE itself rejects) is ignored.
LikePatternTrigrams like_pattern_trigrams(std::string_view folded_pattern);

// Escapes %, _ and \ so that `literal` matches only itself inside a LIKE
// pattern: "%" + escape_like(term) + "%" is a contains pattern.
std::string escape_like(std::string_view literal);

// Rewrites the literal parts of a LIKE pattern and keeps its wildcards: each
// run of literal characters (escapes removed) is passed to `transform` as a
// whole and the result escaped again (escape_like()), so that a character the
// transform turns into %, _ or \ stays a literal. A trailing lone backslash
// is kept as a literal backslash. Exceptions of `transform` propagate.
std::string rewrite_like_literals(std::string_view pattern, std::string (*transform)(std::string_view));

// Folds the literal parts of a LIKE pattern and keeps its wildcards:
// rewrite_like_literals() with fold(), so that a fullwidth ％ in the pattern,
// which folds to %, stays a literal. Throws like fold() on invalid UTF-8.
std::string fold_like_pattern(std::string_view pattern);

}  // namespace contacts::core
