// Trigrams against pg_trgm's own output.
//
// The expected values below were produced by pg_trgm 1.6 on PostgreSQL 15.20
// (Debian 15.20-0+deb12u1, x86-64, glibc 2.36) in a database created with
// `initdb -E UTF8 --locale=C.UTF-8`:
//   SELECT array_to_string(show_trgm(s), '|') ...;  SELECT similarity(a, b) ...;
// The inputs are folded text (fold() output), which is what contacts_ext
// indexes. Beyond this table, extraction was compared with show_trgm() on
// 19,954 random folded strings mixing Latin, Greek, Cyrillic, Hebrew, Arabic,
// Devanagari, Thai, kana, CJK, Hangul, Cherokee, Deseret, Adlam, fullwidth
// forms and emoji — identical arrays, in the same order — and LIKE pattern
// extraction was compared for 43 patterns by the number of candidate rows a
// gin_trgm_ops bitmap scan returned over 5,000 rows — identical counts.
//
// Known divergences from pg_trgm (none affects folded text in practice):
// - Word characters: pg_trgm asks the C library (iswalpha/iswdigit); we ask
//   ICU 72 for Alphabetic or decimal digit. Over every code point the two
//   agree except for the ~4,400 characters added in Unicode 15 (glibc 2.36
//   knows Unicode 14), which are word characters for us only. In a database
//   whose LC_CTYPE is "C", pg_trgm treats every non-ASCII character as a
//   separator; we do not.
// - pg_trgm lower()s words; we extract from folded text as is. fold() output
//   is unchanged by lower() (Cherokee is emitted in lower case for this), so
//   on folded input the results are the same.
// - The hashed values in this table are those of a little-endian machine
//   (pg_trgm's hashed keys depend on byte order; ours follow the machine's,
//   as pg_trgm's do). show_trigrams() orders like pg_trgm where char is
//   signed (x86-64); where it is unsigned (ARM64), the order differs as
//   pg_trgm's own does.
#include "core/trigram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.hpp"
#include "core/fold.hpp"

using namespace contacts::core;

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += '|';
        out += parts[i];
    }
    return out;
}

std::vector<std::string> split_bars(const std::string& s) {
    std::vector<std::string> parts;
    if (s.empty()) return parts;
    for (std::size_t start = 0;;) {
        const std::size_t bar = s.find('|', start);
        parts.push_back(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) return parts;
        start = bar + 1;
    }
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// Display strings of keys in our (unsigned key) order.
std::string keys_display(const std::vector<uint32_t>& keys) {
    std::vector<std::string> parts;
    for (uint32_t k : keys) parts.push_back(trigram_to_display(k));
    return joined(parts);
}

bool sorted_unique(const std::vector<uint32_t>& v) {
    return std::adjacent_find(v.begin(), v.end(), [](uint32_t a, uint32_t b) { return a >= b; }) == v.end();
}

struct ShowTrgmCase {
    const char* input;
    const char* expected;  // array_to_string(show_trgm(input), '|')
};

// pg_trgm 1.6, PostgreSQL 15, UTF8 database, C.UTF-8 locale (see the top).
const ShowTrgmCase kShowTrgm[] = {
    {"muller strasse", "  m|  s| mu| st|ass|er |ler|lle|mul|ras|se |sse|str|tra|ull"},
    {"word", "  w| wo|ord|rd |wor"},
    {"a", "  a| a "},
    {"", ""},
    {"ab cd", "  a|  c| ab| cd|ab |cd "},
    {"x1 42", "  4|  x| 42| x1|42 |x1 "},
    {"o'brien", "  b|  o| br| o |bri|en |ien|rie"},
    {"jean-luc picard", "  j|  l|  p| je| lu| pi|an |ard|car|ean|ica|jea|luc|pic|rd |uc "},
    {"σισυφοσ", "0x94c17f|0xee4e2b|0x0ffa22|0x386f96|0x425b01|0x6ec7ba|0x72e67f|0x7e9aee"},
    {"東京都", "0x1b0ad0|0x4325b1|0x5a06d4|0x71aae1"},
    {"서울", "0x808385|0x9cceeb|0x56252e"},
    {"москва", "0xa7ceb7|0xd04d54|0xdf1c01|0xf24251|0x0922bf|0x34e61d|0x5b9c43"},
    {"hello😀world", "  h|  w| he| wo|ell|hel|ld |llo|lo |orl|rld|wor"},
    {"a_b", "  a|  b| a | b "},
    {"हिनदी", "0xcbe67d|0xde408c|0xe03a4b|0x12bba5|0x294aa5|0x6cfa98"},
    {"محمد", "0xa40379|0xc27af3|0xf3da60|0x06ea6d|0x77ef44"},
    // Not folded (ü, ß) but lower case: "0La" is a hashed trigram whose key
    // bytes happen to be printable, so show_trgm prints it as characters.
    {"müller straße", "0x9a07c3|0xde3801|0xef7d97|  m|  s| st|0La|0x366410|er |ler|lle|str|tra|0x76a40e"},
    {"ꭰꭱꭲ", "0x933af2|0x9e9a5e|0xf0a0b3|0x5168a2"},
    {"ab1 99 z", "  9|  a|  z| 99| ab| z |99 |ab1|b1 "},
    {"abcdefghijklmnopqrstuvwxyz0123456789",
     "  a| ab|012|123|234|345|456|567|678|789|89 |abc|bcd|cde|def|efg|fgh|ghi|hij|ijk|jkl|klm|lmn|mno|nop|opq|pqr|"
     "qrs|rst|stu|tuv|uvw|vwx|wxy|xyz|yz0|z01"},
    {"istanbul ispanak", "  i| is|ak |ana|anb|bul|isp|ist|nak|nbu|pan|spa|sta|tan|ul "},
    {"ガス", "0xc41071|0xe5e4d2|0xed8920"},
    {"123 456-7890", "  1|  4|  7| 12| 45| 78|123|23 |456|56 |789|890|90 "},
};

struct SimilarityCase {
    const char* a;
    const char* b;
    float expected;  // similarity(a, b), printed by PostgreSQL as float4
};

const SimilarityCase kSimilarity[] = {
    {"word", "words", 0.5714286f},
    {"muller", "mueller", 0.5f},
    {"muller strasse", "mueller str", 0.42105263f},
    {"σισυφοσ", "σισυφ", 0.5555556f},
    {"東京都", "東京", 0.4f},
    {"", "abc", 0.0f},
    {"abc", "abc", 1.0f},
    {"jean-luc", "jean luc", 1.0f},
    {"hello world", "world hello", 1.0f},
    {"christophe", "christopher", 0.7692308f},
    {"mohammed", "muhammad", 0.2f},
    {"schmidt", "schmitt", 0.45454547f},
    {"a", "b", 0.0f},
    {"ab", "abc", 0.4f},
    {"москва", "моска", 0.44444445f},
    {"müller", "muller", 0.4f},
};

}  // namespace

// The table's order is pg_trgm's on x86-64, where char is signed; elsewhere
// compare the sets.
std::string in_table_order(const std::vector<std::string>& shown) {
    return joined(std::is_signed_v<char> ? shown : sorted(shown));
}

std::string expected_in_table_order(const char* expected) {
    return std::is_signed_v<char> ? std::string(expected) : joined(sorted(split_bars(expected)));
}

TEST(Trigram, MatchesShowTrgm) {
    for (const ShowTrgmCase& c : kShowTrgm) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(in_table_order(show_trigrams(c.input)), expected_in_table_order(c.expected));
        const std::vector<uint32_t> keys = extract_trigrams(c.input);
        EXPECT_TRUE(sorted_unique(keys));
        EXPECT_EQ(keys.size(), show_trigrams(c.input).size());
    }
}

TEST(Trigram, FoldedTextMatchesShowTrgmOfFoldedText) {
    // The promise: contacts_trigrams(x) = show_trgm(contacts_fold(x)).
    EXPECT_EQ(in_table_order(show_trigrams(fold("Müller Straße"))),
              expected_in_table_order("  m|  s| mu| st|ass|er |ler|lle|mul|ras|se |sse|str|tra|ull"));
    EXPECT_EQ(in_table_order(show_trigrams(fold("ΣΊΣΥΦΟΣ"))),
              expected_in_table_order("0x94c17f|0xee4e2b|0x0ffa22|0x386f96|0x425b01|0x6ec7ba|0x72e67f|0x7e9aee"));
    EXPECT_EQ(in_table_order(show_trigrams(fold("İSTANBUL ıspanak"))),
              expected_in_table_order("  i| is|ak |ana|anb|bul|isp|ist|nak|nbu|pan|spa|sta|tan|ul "));
    EXPECT_EQ(in_table_order(show_trigrams(fold("ᎠᎡᎢ"))),
              expected_in_table_order("0x933af2|0x9e9a5e|0xf0a0b3|0x5168a2"));
    EXPECT_EQ(in_table_order(show_trigrams(fold("ｶﾞｽ"))),
              expected_in_table_order("0xc41071|0xe5e4d2|0xed8920"));
}

TEST(Trigram, KeysAreGinKeys) {
    // trgm2int(): three one-byte characters are the key's bytes; hashed keys
    // are what show_trgm prints in hex.
    const std::vector<uint32_t> word = extract_trigrams("word");
    EXPECT_EQ(word, (std::vector<uint32_t>{0x202077, 0x20776f, 0x6f7264, 0x726420, 0x776f72}));
    const std::vector<uint32_t> m = extract_trigrams("müller straße");
    for (uint32_t k : {0x9a07c3u, 0xde3801u, 0xef7d97u, 0x366410u, 0x76a40eu, 0x304c61u /* "0La" */})
        EXPECT_TRUE(std::binary_search(m.begin(), m.end(), k)) << std::hex << k;
}

TEST(Trigram, Display) {
    EXPECT_EQ(trigram_to_display(0x616263), "abc");
    EXPECT_EQ(trigram_to_display(0x202061), "  a");
    EXPECT_EQ(trigram_to_display(0x304c61), "0La");  // hashed, printable bytes
    EXPECT_EQ(trigram_to_display(0x0922bf), "0x0922bf");
    EXPECT_EQ(trigram_to_display(0x000001), "0x000001");
    EXPECT_EQ(trigram_to_display(0x612d62), "0x612d62");  // '-' is not printed as a character
}

TEST(Trigram, SimilarityMatchesPgTrgm) {
    for (const SimilarityCase& c : kSimilarity) {
        SCOPED_TRACE(std::string(c.a) + " ~ " + c.b);
        // Exact float equality: same operations in the same precision.
        EXPECT_EQ(similarity(extract_trigrams(c.a), extract_trigrams(c.b)), c.expected);
        EXPECT_EQ(similarity(extract_trigrams(c.b), extract_trigrams(c.a)), c.expected);
    }
}

TEST(Trigram, SimilarityOfATextWithItself) {
    for (const ShowTrgmCase& c : kShowTrgm) {
        const std::vector<uint32_t> t = extract_trigrams(c.input);
        EXPECT_EQ(similarity(t, t), t.empty() ? 0.0f : 1.0f) << c.input;
    }
}

TEST(Trigram, WordsAndSeparators) {
    // Anything not alphanumeric separates words; an underscore too.
    EXPECT_EQ(extract_trigrams("a-b"), extract_trigrams("a b"));
    EXPECT_EQ(extract_trigrams("a_b"), extract_trigrams("a b"));
    EXPECT_EQ(extract_trigrams("  a   b  "), extract_trigrams("a b"));
    EXPECT_TRUE(extract_trigrams("").empty());
    EXPECT_TRUE(extract_trigrams("-- !! 😀 ..").empty());
    // Word order and repetition do not matter.
    EXPECT_EQ(extract_trigrams("abc abc def"), extract_trigrams("def abc"));
    // A Devanagari vowel sign (Mc, Alphabetic) is part of the word, as in
    // pg_trgm; ICU's u_isalnum would have split the word there.
    EXPECT_EQ(extract_trigrams("हिनदी").size(), 6u);
}

TEST(Trigram, MalformedInputDoesNotCrash) {
    // Not fold() output, but must not read out of bounds: invalid bytes are
    // separators.
    EXPECT_EQ(extract_trigrams("ab\xFF" "cd"), extract_trigrams("ab cd"));
    EXPECT_EQ(extract_trigrams("ab\xE2\x82"), extract_trigrams("ab"));
    EXPECT_FALSE(like_pattern_trigrams("%ab\xC3").no_trigrams);
}

// --- LIKE patterns ----------------------------------------------------------------

namespace {

struct LikeCase {
    const char* pattern;
    const char* trigrams;  // display strings in key order, '|'-separated
    const char* prefix;
    bool has_wildcard;
};

// Derived by hand from pg_trgm's generate_wildcard_trgm() rules, and
// confirmed against pg_trgm's GIN index (same candidate rows; see the top).
const LikeCase kLike[] = {
    {"%mul%", "mul", "", true},
    {"mul%", "  m| mu|mul", "mul", true},
    {"%ller", "er |ler|lle", "", true},
    {"muller", "  m| mu|er |ler|lle|mul|ull", "muller", false},
    {"%l_er%", "", "", true},  // "l" and "er" are too short on their own
    {"%ab%", "", "", true},
    {"%x%", "", "", true},
    {"%", "", "", true},
    {"", "", "", false},
    {"_uller%", "lle|ull|ler", "", true},
    {"mu%ller", "  m| mu|er |ler|lle", "mu", true},
    {"%muller str%", "  s| st|er |ler|lle|mul|str|ull", "", true},
    // Escapes: an escaped wildcard is an ordinary non-word character, so it
    // ends a word with padding; escaped word characters are word characters.
    {"%\\%%", "", "", true},
    {"ab\\_cd%", "  a|  c| ab| cd|ab ", "ab_cd", true},
    {"%ab\\_cd%", "  c| cd|ab ", "", true},
    {"\\a\\b\\c", "  a| ab|abc|bc ", "abc", false},
    {"%\\a\\b\\c%", "abc", "", true},
    {"%50\\%%", "50 ", "", true},
    {"%ull\\", "ll |ull", "", true},  // a trailing lone backslash is ignored
    {"a\\\\b%", "  a|  b| a ", "a\\b", true},
    {"%σισ%", "0x6ec7ba", "", true},  // one of show_trgm('σισυφοσ')
};

}  // namespace

TEST(Trigram, LikePatterns) {
    for (const LikeCase& c : kLike) {
        SCOPED_TRACE(c.pattern);
        const LikePatternTrigrams r = like_pattern_trigrams(c.pattern);
        // Compare as sets of display strings (the table lists them readably).
        EXPECT_EQ(sorted(split_bars(keys_display(r.trigrams))), sorted(split_bars(c.trigrams)));
        EXPECT_TRUE(sorted_unique(r.trigrams));
        EXPECT_EQ(r.no_trigrams, r.trigrams.empty());
        EXPECT_EQ(r.prefix, c.prefix);
        EXPECT_EQ(r.has_wildcard, c.has_wildcard);
    }
}

TEST(Trigram, LikeTrigramsAreContainedInEveryMatch) {
    // The property the GIN opclass relies on: if folded text t matches a
    // pattern, t has every trigram the pattern requires. Checked for
    // contains / prefix / suffix / exact patterns of every substring.
    for (const ShowTrgmCase& c : kShowTrgm) {
        const std::string t = c.input;
        const std::vector<uint32_t> have = extract_trigrams(t);
        std::vector<std::size_t> cuts;  // character boundaries
        for (std::size_t i = 0; i <= t.size(); ++i)
            if (i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) cuts.push_back(i);
        for (std::size_t a = 0; a < cuts.size(); ++a) {
            for (std::size_t b = a; b < cuts.size(); ++b) {
                const std::string sub = escape_like(t.substr(cuts[a], cuts[b] - cuts[a]));
                std::vector<std::string> patterns = {"%" + sub + "%"};
                if (a == 0) patterns.push_back(sub + "%");
                if (b + 1 == cuts.size()) patterns.push_back("%" + sub);
                if (a == 0 && b + 1 == cuts.size()) patterns.push_back(sub);
                for (const std::string& p : patterns) {
                    const std::vector<uint32_t> need = like_pattern_trigrams(p).trigrams;
                    EXPECT_TRUE(std::includes(have.begin(), have.end(), need.begin(), need.end()))
                        << "text '" << t << "' pattern '" << p << "'";
                }
            }
        }
    }
}

TEST(Trigram, ShortPatternsHaveNoTrigrams) {
    for (const char* p : {"%a%", "%ab%", "%é%", "_", "%%", "%\\%%", "%a%b%"}) {
        const LikePatternTrigrams r = like_pattern_trigrams(p);
        EXPECT_TRUE(r.no_trigrams) << p;
    }
    // A one-letter prefix is padded on the left: it has a trigram.
    EXPECT_FALSE(like_pattern_trigrams("a%").no_trigrams);
    EXPECT_EQ(keys_display(like_pattern_trigrams("ab%").trigrams), "  a| ab");
}

TEST(Trigram, EscapeLike) {
    EXPECT_EQ(escape_like(""), "");
    EXPECT_EQ(escape_like("abc"), "abc");
    EXPECT_EQ(escape_like("50%_off\\"), "50\\%\\_off\\\\");
    EXPECT_EQ(escape_like("müller"), "müller");
    // An escaped literal contributes exactly its own trigrams.
    EXPECT_EQ(like_pattern_trigrams(escape_like("o'brien")).trigrams, extract_trigrams("o'brien"));
}

TEST(Trigram, FoldLikePattern) {
    EXPECT_EQ(fold_like_pattern("%Müller%"), "%muller%");
    EXPECT_EQ(fold_like_pattern("MÜ%LLER_"), "mu%ller_");
    EXPECT_EQ(fold_like_pattern("%ΣΊΣ\\_%"), "%σισ\\_%");
    // Folding makes a fullwidth percent sign a '%': it stays literal.
    EXPECT_EQ(fold_like_pattern("100％"), "100\\%");
    EXPECT_EQ(fold_like_pattern("a＿b"), "a\\_b");
    EXPECT_EQ(fold_like_pattern("a＼b"), "a\\\\b");
    // Escaped letters are folded like the others and need no escape.
    EXPECT_EQ(fold_like_pattern("\\É\\%"), "e\\%");
    // A decomposed accent after an escaped letter is still removed.
    EXPECT_EQ(fold_like_pattern("\\e\u0301%"), "e%");
    // Trailing lone backslash: literal.
    EXPECT_EQ(fold_like_pattern("ab\\"), "ab\\\\");
    EXPECT_THROW(fold_like_pattern("%\xC3%"), Error);
}

namespace {
std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}
std::string to_percent(std::string_view s) { return std::string(s.size(), '%'); }
}  // namespace

TEST(Trigram, RewriteLikeLiterals) {
    // Each literal run is transformed as a whole; wildcards stay as they are.
    EXPECT_EQ(rewrite_like_literals("", upper_ascii), "");
    EXPECT_EQ(rewrite_like_literals("ab%c_d", upper_ascii), "AB%C_D");
    // Escapes are removed before the transform and put back after it.
    EXPECT_EQ(rewrite_like_literals("a\\%b%", upper_ascii), "A\\%B%");
    EXPECT_EQ(rewrite_like_literals("\\x", upper_ascii), "X");
    // A % the transform produces is escaped: it stays a literal.
    EXPECT_EQ(rewrite_like_literals("ab_c", to_percent), "\\%\\%_\\%");
    // Trailing lone backslash: literal.
    EXPECT_EQ(rewrite_like_literals("ab\\", upper_ascii), "AB\\\\");
    EXPECT_EQ(rewrite_like_literals("%MÜ\\%x", fold), fold_like_pattern("%MÜ\\%x"));
}
