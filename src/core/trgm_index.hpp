// The index side of contacts_ext's text search: the keys the GIN operator
// class contacts_trgm_ops stores, what a LIKE pattern or a similarity query
// requires of them, and the LIKE matcher of the folded-LIKE operator.
//
// Keys. A key is one trigram of folded text (the same word-padded trigrams as
// pg_trgm and core/trigram.hpp: "  word " gives "  w", " wo", "wor", "ord",
// "rd "), stored exactly, not hashed: its three code points (21 bits each)
// packed into an int8 as (middle << 42) | (last << 21) | first (the sign bit,
// kAccented, is the accented form below).
// Comparing keys as integers therefore compares trigrams by middle, then last,
// then first code point — the same order as comparing UTF-8 bytes of the
// rotated trigram. That rotation is what lets a pattern fragment shorter than
// a trigram become ONE contiguous key range instead of a full index scan:
//
//   - every character c inside a padded word is the middle of a trigram (two
//     blanks pad the front, one the back), so "contains c" is the range of
//     keys whose middle is c;
//   - every two consecutive characters "cd" of a padded word are the middle
//     and last of a trigram, so "contains cd" is the range (middle c, last d),
//     including "c at the end of a word" as (c, blank).
//
// The GIN scan turns such a range into a partial match (comparePartial), which
// reads only the entries in the range. pg_trgm cannot do this: its keys are
// CRC-compacted, so it falls back to scanning the whole index.
//
// Index keys carry one more bit: kAccented (the sign bit) marks a trigram
// occurrence with a character that is not plain ASCII in the original text
// (é, č, ß, ø … before folding). An accent-insensitive query asks for either
// form of each trigram; a case-insensitive one (ILIKE) of an ASCII pattern
// asks for the plain form only, so "Zagrebačka" is no candidate for
// ILIKE '%bac%' although it folds to "zagrebacka" (pg_trgm, which lower-cases
// but does not fold, never offers it either). See extract_index_keys().
//
// Similarity is pg_trgm's formula, shared / (|a| + |b| - shared), over these
// exact trigram sets. It equals pg_trgm's similarity() of the folded texts
// except where pg_trgm's 24-bit hashing of a multibyte trigram happens to
// make two different trigrams collide (then pg_trgm counts them as shared).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::core::trgm {

using Key = int64_t;

inline constexpr int kFieldBits = 21;
inline constexpr Key kFieldMask = (Key{1} << kFieldBits) - 1;

constexpr Key make_key(char32_t first, char32_t middle, char32_t last) {
    return (static_cast<Key>(middle) << (2 * kFieldBits)) | (static_cast<Key>(last) << kFieldBits) |
           static_cast<Key>(first);
}
// The sign bit: the trigram occurrence has a non-plain character (see
// extract_index_keys()). Fields and the middle-last-first order are the same
// in both halves; all accented keys sort before all plain ones.
inline constexpr Key kAccented = static_cast<Key>(uint64_t{1} << 63);
constexpr Key plain_of(Key k) { return k & ~kAccented; }
constexpr Key accented_of(Key k) { return k | kAccented; }
constexpr bool is_accented(Key k) { return k < 0; }

constexpr char32_t key_first(Key k) { return static_cast<char32_t>(k & kFieldMask); }
constexpr char32_t key_middle(Key k) { return static_cast<char32_t>((k >> (2 * kFieldBits)) & kFieldMask); }
constexpr char32_t key_last(Key k) { return static_cast<char32_t>((k >> kFieldBits) & kFieldMask); }

// The trigram as text, in reading order (first, middle, last), UTF-8.
std::string key_text(Key k);

// The keys of folded text (fold() output), sorted ascending and duplicate-free,
// written to `out` (cleared first). Words are maximal runs of word characters
// (Unicode Alphabetic or decimal digit, as in core/trigram.hpp).
void extract_keys(std::string_view folded, std::vector<Key>& out);

// The keys a contacts_trgm_ops index stores for a value: extract_keys(folded)
// (folded == fold(text)), each with kAccented set when one of the trigram's
// characters comes from a character of `text` that is not plain — plain
// meaning its simple lower case is ASCII (A-Z, a-z, digits, and İ, K (Kelvin)
// which lower() may turn into ASCII) and it folds to that one character. Plain
// ASCII text has exactly the keys of extract_keys(). When folding does not
// work character by character on this text (rare compositions, e.g. kana
// voicing marks), every key is left plain: a plain key only ever widens what
// an ILIKE query finds. Sorted, duplicate-free (a trigram may occur in both
// forms).
void extract_index_keys(std::string_view text, std::string_view folded, std::vector<Key>& out);

// shared / (|a| + |b| - shared) in float as pg_trgm computes it; 0 when
// either set is empty.
float similarity(const std::vector<Key>& a, const std::vector<Key>& b);

// --- pattern queries ---------------------------------------------------------

// A key range standing for a pattern fragment of one or two characters: the
// keys whose middle (and, for two characters, last) code point equal the
// fragment's. `start` is the smallest such key (its remaining fields are 0,
// which no real trigram has: text cannot contain NUL).
struct Prefix {
    Key start = 0;
    int length = 1;  // 1: middle fixed; 2: middle and last fixed
};

// Compares a key with a prefix range the way GIN's comparePartial must:
// 0 when the key is in the range, > 0 once keys are past it (GIN stops), and
// < 0 for keys before it (never happens: GIN starts at `start`). A range
// with kAccented in `start` is the same range among accented keys.
int compare_prefix(const Prefix& p, Key k);

// What a LIKE pattern requires of the trigrams of the (folded) text it
// matches. Every matching text has all `keys` and, for each prefix, at least
// one key in its range. In terms of index keys (extract_index_keys()): each
// key in either form, except those in `plain_keys`, which the text has in
// plain form; each prefix range in either form.
struct PatternQuery {
    std::vector<Key> keys;         // sorted, duplicate-free, plain form
    std::vector<Key> plain_keys;   // the subset of `keys` required in plain form (sorted)
    std::vector<Prefix> prefixes;  // only when `keys` is empty (see like_query)
    // Nothing could be required (no word character in the pattern): every
    // text may match, the index must return every row.
    bool match_all = false;
};

// The requirements of a LIKE pattern whose literal text is folded (the right
// operand of @~~ after fold_like_pattern()). Backslash escapes; a trailing
// lone backslash is a literal backslash. Fragments of three or more
// characters (after word padding) give keys; when there are none, the
// fragments of one or two characters give prefix ranges (two-character ones
// only, if there are any: a one-character range is far less selective).
PatternQuery folded_like_query(std::string_view folded_pattern);

// The requirements, on the trigrams of fold(text), of a LIKE or ILIKE pattern
// matched against the raw text. A key is required in plain form when each of
// its characters comes from a pattern character that is ASCII and not 'I'
// (ILIKE may lower-case 'I' to a dotless ı, as in a Turkish locale): every
// character of a matching text there lower-cases to the same ASCII character,
// so it is plain. The literal runs of the pattern are folded;
// a folded character next to a wildcard is dropped (taken as part of the
// wildcard) when folding could merge it with the unknown neighbouring
// character of the text (Hangul jamo, kana voicing marks, Indic vowel signs:
// NFC compositions that survive folding), so the requirements never exclude a
// matching text. Throws like fold() on invalid UTF-8.
PatternQuery raw_like_query(std::string_view raw_pattern);

// The pattern raw_like_query() analyses: the literal runs folded, unsafe edge
// characters replaced by %, escapes kept. Exposed for tests.
std::string raw_pattern_folded(std::string_view raw_pattern);

// Whether a folded character may be cut off from whatever text precedes
// (follows) it without changing the fold of the whole: see raw_like_query().
bool safe_after_cut(char32_t c);   // as the first character of a run
bool safe_before_cut(char32_t c);  // as the last character of a run

// --- LIKE on folded text ---------------------------------------------------------

// A LIKE pattern compiled once and matched against many texts: PostgreSQL's
// LIKE semantics on UTF-8 (% any sequence, _ one character, backslash escapes
// the next character, byte-wise comparison). A trailing lone backslash is a
// literal backslash (fold_like_pattern() produces such patterns; PostgreSQL's
// own LIKE would reject it).
class LikeMatcher {
public:
    explicit LikeMatcher(std::string_view pattern);
    bool matches(std::string_view text) const;

private:
    // One piece between two %: characters to match in order, each a literal
    // (bytes) or any character (_).
    struct Segment {
        std::string bytes;           // the literal bytes of the segment, _ as a NUL placeholder
        std::vector<uint32_t> any;   // byte offsets in `bytes` of the _ placeholders
        std::size_t chars = 0;       // number of characters (literal characters + _)
        bool literal_only() const { return any.empty(); }
    };
    bool match_segment_at(const Segment& s, std::string_view text, std::size_t pos, std::size_t& end) const;

    std::vector<Segment> segments_;
    bool anchored_start_ = true;  // no leading %
    bool anchored_end_ = true;    // no trailing %
};

// --- case-insensitive matching for estimates -------------------------------------

// Lower case character by character (Unicode simple lower case: ß and
// accents stay, İ → i): what ILIKE compares in a UTF-8 database, where
// PostgreSQL's lower() is towlower() per character. Used to estimate ILIKE on
// a sample. Throws like fold() on invalid UTF-8.
std::string lower_case(std::string_view utf8);

// fold_like_pattern() with lower_case() instead of fold() (both are
// rewrite_like_literals() of core/trigram.hpp): the literal parts of a LIKE
// pattern lower-cased, wildcards and escapes kept.
std::string lower_like_pattern(std::string_view pattern);

// --- phone numbers -----------------------------------------------------------------

// The ASCII digits of a text, in order ("+49 (30) 1234-567" → "49301234567").
std::string phone_digits(std::string_view text);

}  // namespace contacts::core::trgm
