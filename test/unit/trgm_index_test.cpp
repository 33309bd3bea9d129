// Keys, pattern requirements and the LIKE matcher of contacts_trgm_ops.
//
// The property tests are the important ones: for random texts and patterns
// drawn from alphabets that include the hard cases (accents, ß, Hangul jamo
// that compose, kana with separate voicing marks, Indic vowel signs,
// punctuation and the LIKE metacharacters), whenever a pattern matches a text,
// every key the query requires is among the text's keys and every prefix range
// holds one of them. A violation would make the GIN index miss a row.
#include "core/trgm_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "core/error.hpp"
#include "core/fold.hpp"
#include "core/trigram.hpp"

using namespace contacts::core;
using namespace contacts::core::trgm;

namespace {

std::vector<Key> keys_of(std::string_view folded) {
    std::vector<Key> k;
    extract_keys(folded, k);
    return k;
}

std::string texts(const std::vector<Key>& keys) {
    std::vector<std::string> t;
    for (Key k : keys) t.push_back(key_text(k));
    std::sort(t.begin(), t.end());
    std::string out;
    for (const std::string& s : t) out += (out.empty() ? "" : "|") + s;
    return out;
}

// Reference LIKE: plain recursion over code points.
std::vector<std::string> chars_of(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        out.emplace_back(s.substr(i, len));
        i += len;
    }
    return out;
}

struct RefTok {
    enum Kind { Lit, Any, Percent } kind;
    std::string ch;
};

std::vector<RefTok> ref_tokens(std::string_view p) {
    std::vector<RefTok> out;
    std::vector<std::string> cs = chars_of(p);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (cs[i] == "\\") {
            out.push_back({RefTok::Lit, i + 1 < cs.size() ? cs[++i] : "\\"});
        } else if (cs[i] == "%") {
            out.push_back({RefTok::Percent, ""});
        } else if (cs[i] == "_") {
            out.push_back({RefTok::Any, ""});
        } else {
            out.push_back({RefTok::Lit, cs[i]});
        }
    }
    return out;
}

bool ref_like(const std::vector<RefTok>& p, std::size_t pi, const std::vector<std::string>& t, std::size_t ti) {
    if (pi == p.size()) return ti == t.size();
    switch (p[pi].kind) {
        case RefTok::Percent:
            for (std::size_t k = ti; k <= t.size(); ++k)
                if (ref_like(p, pi + 1, t, k)) return true;
            return false;
        case RefTok::Any: return ti < t.size() && ref_like(p, pi + 1, t, ti + 1);
        case RefTok::Lit: return ti < t.size() && t[ti] == p[pi].ch && ref_like(p, pi + 1, t, ti + 1);
    }
    return false;
}

bool ref_like(std::string_view pattern, std::string_view text) {
    return ref_like(ref_tokens(pattern), 0, chars_of(text), 0);
}

// Whether the text's keys satisfy the query.
bool satisfies(const PatternQuery& q, const std::vector<Key>& text_keys) {
    for (Key k : q.keys)
        if (!std::binary_search(text_keys.begin(), text_keys.end(), k)) return false;
    for (const Prefix& p : q.prefixes) {
        bool any = false;
        for (Key k : text_keys) any = any || compare_prefix(p, k) == 0;
        if (!any) return false;
    }
    return true;
}

// Whether index keys (extract_index_keys) satisfy the query: keys in plain_keys
// in plain form, the others and the prefix ranges in either form.
bool satisfies_index(const PatternQuery& q, const std::vector<Key>& index_keys) {
    auto has = [&](Key k) { return std::binary_search(index_keys.begin(), index_keys.end(), k); };
    for (Key k : q.keys) {
        const bool plain_only = std::binary_search(q.plain_keys.begin(), q.plain_keys.end(), k);
        if (!has(k) && (plain_only || !has(accented_of(k)))) return false;
    }
    for (const Prefix& p : q.prefixes) {
        const Prefix acc{accented_of(p.start), p.length};
        bool any = false;
        for (Key k : index_keys) any = any || compare_prefix(p, k) == 0 || compare_prefix(acc, k) == 0;
        if (!any) return false;
    }
    return true;
}

std::vector<Key> index_keys_of(std::string_view raw) {
    std::vector<Key> k;
    extract_index_keys(raw, fold(raw), k);
    return k;
}

// Lower case code point by code point: `ascii_only` as PostgreSQL's lower()
// in the C locale, otherwise Unicode simple lower case (libc's towlower).
std::string lower_cp(std::string_view s, bool ascii_only) {
    std::string out;
    for (const std::string& c : chars_of(s)) {
        if (c.size() == 1) {
            out.push_back(static_cast<char>(c[0] >= 'A' && c[0] <= 'Z' ? c[0] + 32 : c[0]));
            continue;
        }
        if (ascii_only) {
            out += c;
            continue;
        }
        UChar32 cp;
        int32_t i = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(c.data()), i, static_cast<int32_t>(c.size()), cp);
        cp = u_tolower(cp);
        char buf[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, cp);
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

}  // namespace

TEST(TrgmKeys, AccentedKeys) {
    // Plain ASCII text: the keys of the folded text, all plain.
    EXPECT_EQ(index_keys_of("Bachstrasse 5"), keys_of(fold("Bachstrasse 5")));
    // A trigram with a character folded from a non-ASCII one is accented; the
    // plain forms are the folded trigrams.
    const std::vector<Key> k = index_keys_of("Zagrebačka");
    std::vector<Key> plain;
    for (Key x : k) plain.push_back(plain_of(x));
    std::sort(plain.begin(), plain.end());
    EXPECT_EQ(plain, keys_of("zagrebacka"));
    auto has = [&](const char* t, bool accented) {
        std::vector<Key> one = keys_of(t);  // "xyz" padded: take the unpadded trigram
        for (Key x : one)
            if (key_text(x) == t) return std::binary_search(k.begin(), k.end(), accented ? accented_of(x) : x);
        return false;
    };
    EXPECT_TRUE(has("zag", false));
    EXPECT_TRUE(has("bac", true));
    EXPECT_FALSE(has("bac", false));
    EXPECT_TRUE(has("eba", false));
    EXPECT_TRUE(has("cka", true));
    // ß → ss: both s are accented; İ and the Kelvin sign lower-case to ASCII: plain.
    EXPECT_EQ(index_keys_of("İstanbul"), keys_of(fold("istanbul")));
    EXPECT_EQ(index_keys_of("\u212Aarl"), keys_of("karl"));
    std::vector<Key> accented, plain_ones;
    for (Key x : index_keys_of("Straße")) (is_accented(x) ? accented : plain_ones).push_back(plain_of(x));
    EXPECT_EQ(texts(accented), "ass|ras|se |sse");
    EXPECT_EQ(texts(plain_ones), "  s| st|str|tra");
    // Decomposed accents: the base letter stays plain (ILIKE '%bac%' matches
    // "bac" + combining caron), precomposed ones are accented.
    EXPECT_EQ(index_keys_of("bac\u030Cx"), keys_of("bacx"));
    // A trigram also present in plain form has no accented key.
    EXPECT_EQ(index_keys_of("bac bač"), keys_of("bac bac"));
    // Folding that composes across characters: every key plain.
    EXPECT_EQ(index_keys_of("か\u3099き"), keys_of(fold("か\u3099き")));
    // Accented keys sort first and ranges work among them.
    EXPECT_LT(accented_of(make_key(U'z', U'z', U'z')), make_key(0, 0, 0));
    const Prefix acc{accented_of(make_key(0, U'a', U'c')), 2};
    EXPECT_EQ(compare_prefix(acc, accented_of(make_key(U'b', U'a', U'c'))), 0);
    EXPECT_GT(compare_prefix(acc, accented_of(make_key(U'b', U'a', U'd'))), 0);
    EXPECT_GT(compare_prefix(acc, make_key(U'b', U'a', U'c')), 0);
    EXPECT_LT(compare_prefix(Prefix{make_key(0, U'a', U'c'), 2}, accented_of(make_key(U'b', U'a', U'c'))), 0);
}

TEST(TrgmQuery, PlainKeys) {
    PatternQuery q = raw_like_query("%bac%");
    EXPECT_EQ(q.plain_keys, q.keys);
    EXPECT_EQ(texts(q.keys), "bac");
    q = raw_like_query("%BAC%");
    EXPECT_EQ(q.plain_keys, q.keys);
    // 'I' may lower-case to ı (Turkish): trigrams with it in either form.
    q = raw_like_query("%BIRK%");
    EXPECT_EQ(texts(q.keys), "bir|irk");
    EXPECT_TRUE(q.plain_keys.empty());
    q = raw_like_query("%bač%");
    EXPECT_EQ(texts(q.keys), "bac");
    EXPECT_TRUE(q.plain_keys.empty());
    q = raw_like_query("%Straße%");
    EXPECT_EQ(texts(q.plain_keys), "str|tra");
    // Accent-insensitive patterns never require the plain form.
    EXPECT_TRUE(folded_like_query("%bac%").plain_keys.empty());
}

TEST(TrgmQuery, IlikeRequirementsHoldOnIndexKeys) {
    // ILIKE: lower(text) LIKE lower(pattern), with lower() as the C locale's
    // (ASCII only) or Unicode simple lower case; whenever it matches, the
    // index keys of the raw text satisfy the query of the raw pattern.
    std::mt19937 rng(23);
    const std::vector<std::string> alphabet = {
        "A", "a", "b", "C", "c", "I", "i", "k", " ", "-", "é", "É", "e\u0301", "\u0301", "č", "c\u030C", "ß",
        "ẞ", "ss", "İ", "ı", "\u212A", "Å", "\u212B", "ø", "æ", "ﬁ", "Ａ", "5", "５", "が", "か", "\u3099", "%", "_"};
    int checked = 0;
    for (int iter = 0; iter < 40000; ++iter) {
        std::string raw;
        for (int k = 1 + static_cast<int>(rng() % 9); k > 0; --k) raw += alphabet[rng() % alphabet.size()];
        const bool ascii_only = rng() % 2;
        std::vector<std::string> cs = chars_of(raw);
        std::size_t a = rng() % (cs.size() + 1), b = rng() % (cs.size() + 1);
        if (a > b) std::swap(a, b);
        std::string pattern = (rng() % 2) ? "%" : "";
        for (std::size_t i = a; i < b; ++i) {
            std::string c = cs[i];
            // Case changes of ASCII letters in the pattern (ILIKE ignores them).
            if (c.size() == 1 && rng() % 3 == 0) c[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
            // The pattern typed in lower case (İ → i, Kelvin sign → k, É → é).
            if (c.size() > 1 && rng() % 2 == 0) c = lower_cp(c, false);
            pattern += (rng() % 7 == 0) ? std::string("_") : escape_like(c);
        }
        if (rng() % 2) pattern += "%";
        if (!ref_like(lower_cp(pattern, ascii_only), lower_cp(raw, ascii_only))) continue;
        ++checked;
        ASSERT_TRUE(satisfies_index(raw_like_query(pattern), index_keys_of(raw)))
            << "pattern " << pattern << " text " << raw << " folded pattern " << raw_pattern_folded(pattern);
    }
    EXPECT_GT(checked, 5000);
}

TEST(TrgmKeys, OrderIsMiddleLastFirst) {
    EXPECT_LT(make_key(U'z', U'a', U'a'), make_key(U'a', U'a', U'b'));
    EXPECT_LT(make_key(U'z', U'a', U'b'), make_key(U'a', U'b', U'a'));
    EXPECT_GT(make_key(0x10FFFF, 0x10FFFF, 0x10FFFF), 0);  // never negative
    EXPECT_EQ(key_text(make_key(U'ü', U'ß', U'東')), "üß東");
}

TEST(TrgmKeys, SameTrigramsAsPgTrgm) {
    // For folded input our keys are exactly pg_trgm's trigrams (unhashed):
    // compare with the displays of core/trigram.hpp, which match show_trgm().
    for (const char* s : {"muller strasse", "word", "a", "", "ab cd", "x1 42", "o'brien", "jean-luc picard",
                          "a_b", "123 456-7890", "hello😀world"}) {
        std::vector<std::string> ours;
        for (Key k : keys_of(s)) ours.push_back(key_text(k));
        std::vector<std::string> theirs = show_trigrams(s);
        std::sort(ours.begin(), ours.end());
        std::sort(theirs.begin(), theirs.end());
        EXPECT_EQ(ours, theirs) << s;
    }
    // Multibyte trigrams: the same number as pg_trgm's (no collisions here).
    for (const char* s : {"σισυφοσ", "東京都", "서울", "москва", "हिनदी", "محمد", "ガス"})
        EXPECT_EQ(keys_of(s).size(), extract_trigrams(s).size()) << s;
    EXPECT_EQ(texts(keys_of("ab cd")), "  a|  c| ab| cd|ab |cd ");
}

TEST(TrgmKeys, SimilarityLikePgTrgm) {
    struct Case {
        const char* a;
        const char* b;
        float expected;
    } cases[] = {{"word", "words", 0.5714286f},     {"muller", "mueller", 0.5f},
                 {"σισυφοσ", "σισυφ", 0.5555556f},   {"", "abc", 0.0f},
                 {"abc", "abc", 1.0f},               {"hello world", "world hello", 1.0f},
                 {"christophe", "christopher", 0.7692308f}, {"москва", "моска", 0.44444445f}};
    for (const Case& c : cases) EXPECT_FLOAT_EQ(similarity(keys_of(c.a), keys_of(c.b)), c.expected) << c.a;
}

TEST(TrgmQuery, ShortFragmentsBecomeRanges) {
    PatternQuery q = folded_like_query("%an%");
    EXPECT_TRUE(q.keys.empty());
    ASSERT_EQ(q.prefixes.size(), 1u);
    EXPECT_EQ(q.prefixes[0].length, 2);
    EXPECT_EQ(q.prefixes[0].start, make_key(0, U'a', U'n'));
    EXPECT_FALSE(q.match_all);

    q = folded_like_query("%a%");
    ASSERT_EQ(q.prefixes.size(), 1u);
    EXPECT_EQ(q.prefixes[0].length, 1);

    q = folded_like_query("%a");  // a word ends with a: (x, a, blank)
    ASSERT_EQ(q.prefixes.size(), 1u);
    EXPECT_EQ(q.prefixes[0].start, make_key(0, U'a', U' '));

    q = folded_like_query("%a%bc%");  // two-character fragments win over one
    ASSERT_EQ(q.prefixes.size(), 1u);
    EXPECT_EQ(q.prefixes[0].start, make_key(0, U'b', U'c'));

    q = folded_like_query("a%");  // padded at the start: a whole trigram
    EXPECT_EQ(texts(q.keys), "  a");
    EXPECT_TRUE(q.prefixes.empty());

    q = folded_like_query("%abc%de%");  // full trigrams make short parts unnecessary
    EXPECT_EQ(texts(q.keys), "abc");
    EXPECT_TRUE(q.prefixes.empty());

    EXPECT_EQ(texts(folded_like_query("anna").keys), "  a| an|ann|na |nna");
    EXPECT_EQ(texts(folded_like_query("%a\\%b%").keys), "  b");  // \% is a literal non-word character
    EXPECT_TRUE(folded_like_query("%").match_all);
    EXPECT_TRUE(folded_like_query("%-/%").match_all);
    EXPECT_TRUE(folded_like_query("").match_all);
}

TEST(TrgmQuery, ComparePrefix) {
    Prefix p{make_key(0, U'a', U'n'), 2};
    EXPECT_EQ(compare_prefix(p, make_key(U'x', U'a', U'n')), 0);
    EXPECT_EQ(compare_prefix(p, make_key(U' ', U'a', U'n')), 0);
    EXPECT_GT(compare_prefix(p, make_key(U' ', U'a', U'o')), 0);
    EXPECT_LT(compare_prefix(p, make_key(U'z', U'a', U'm')), 0);
    Prefix one{make_key(0, U'a', 0), 1};
    EXPECT_EQ(compare_prefix(one, make_key(U'q', U'a', 0x10FFFF)), 0);
    EXPECT_GT(compare_prefix(one, make_key(U' ', U'b', U' ')), 0);
}

TEST(TrgmQuery, RawPatternsAreFolded) {
    EXPECT_EQ(raw_pattern_folded("%Müller%"), "%muller%");
    EXPECT_EQ(raw_pattern_folded("STRASSE_%"), "strasse_%");
    EXPECT_EQ(raw_pattern_folded("%Straße"), "%strasse");
    EXPECT_EQ(raw_pattern_folded("50\\%"), "50\\%");
    EXPECT_EQ(raw_pattern_folded("％x%"), "\\%x%");  // fullwidth % folds to a literal %
    // Hangul: a syllable without a final consonant (나) may take a
    // following final jamo; one with (울) may not.
    EXPECT_EQ(raw_pattern_folded("%가나%"), "%가%%");
    EXPECT_EQ(raw_pattern_folded("%서울%"), "%서울%");
    EXPECT_EQ(raw_pattern_folded("서울"), "서울");  // anchored both ends: nothing to drop
    EXPECT_EQ(raw_pattern_folded("%か%"), "%%%");   // か + ゙ composes to が
    EXPECT_EQ(raw_pattern_folded("%é%"), "%e%");
}

TEST(TrgmQuery, CutSafety) {
    EXPECT_TRUE(safe_before_cut(U'a'));
    EXPECT_TRUE(safe_after_cut(U'a'));
    EXPECT_TRUE(safe_before_cut(U'ø'));
    EXPECT_FALSE(safe_before_cut(0x1100));  // Hangul leading jamo
    EXPECT_FALSE(safe_before_cut(0xAC00));  // 가 + final jamo → 각
    EXPECT_FALSE(safe_after_cut(0x1161));   // vowel jamo joins the preceding consonant
    EXPECT_FALSE(safe_before_cut(0x304B));  // か + U+3099 → が
    EXPECT_FALSE(safe_after_cut(0x3099));
    EXPECT_FALSE(safe_before_cut(0x09C7));  // Bengali e + aa → o
    EXPECT_TRUE(safe_before_cut(0x6771));   // 東
}

TEST(LikeMatcher, Basics) {
    struct Case {
        const char* pattern;
        const char* text;
        bool match;
    } cases[] = {
        {"%ann%", "johanna", true},  {"%ann%", "jonas", false},   {"ann%", "anna", true},
        {"ann%", "hanna", false},    {"%na", "anna", true},       {"%na", "annas", false},
        {"anna", "anna", true},      {"anna", "annas", false},    {"", "", true},
        {"", "a", false},            {"%", "", true},             {"%", "abc", true},
        {"_", "ü", true},            {"_", "üu", false},          {"__", "üu", true},
        {"a_c", "abc", true},        {"a_c", "ac", false},        {"%a_c%", "xxabcxx", true},
        {"a%b%c", "abc", true},      {"a%b%c", "acb", false},     {"a%a", "a", false},
        {"a%a", "aa", true},         {"%\\%%", "50%", true},      {"%\\%%", "50", false},
        {"\\_x", "_x", true},        {"\\_x", "ax", false},       {"x\\", "x\\", true},
        {"%_b%", "ab", true},        {"%_b%", "b", false},        {"%b_", "ab", false},
        {"%東京%", "東京都", true},  {"_京%", "東京都", true},     {"%%a%%", "bab", true},
        {"a%%", "a", true},          {"%aa%a", "aaa", true},      {"%aa%aa", "aaa", false},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(LikeMatcher(c.pattern).matches(c.text), c.match) << c.pattern << " ~ " << c.text;
        EXPECT_EQ(ref_like(c.pattern, c.text), c.match) << "reference: " << c.pattern << " ~ " << c.text;
    }
}

TEST(LikeMatcher, AgreesWithReferenceOnRandomInput) {
    std::mt19937 rng(42);
    const std::vector<std::string> text_chars = {"a", "b", "ü", "東", "😀"};
    const std::vector<std::string> pat_chars = {"a", "b", "ü", "東", "😀", "%", "_", "\\%", "\\_", "%%"};
    for (int iter = 0; iter < 20000; ++iter) {
        std::string t, p;
        for (int k = static_cast<int>(rng() % 7); k > 0; --k) t += text_chars[rng() % text_chars.size()];
        for (int k = static_cast<int>(rng() % 6); k > 0; --k) p += pat_chars[rng() % pat_chars.size()];
        ASSERT_EQ(LikeMatcher(p).matches(t), ref_like(p, t)) << "pattern " << p << " text " << t;
    }
}

TEST(TrgmQuery, FoldedPatternRequirementsAreSound) {
    // Substrings of folded texts, with characters turned into _ and ends into
    // %: whenever the pattern matches, the requirements hold.
    std::mt19937 rng(7);
    const std::vector<std::string> alphabet = {"a", "n", "b", " ", "-", "ü", "ss", "東", "5", "%", "_", "\\"};
    int checked = 0;
    for (int iter = 0; iter < 20000; ++iter) {
        std::string raw;
        for (int k = 1 + static_cast<int>(rng() % 10); k > 0; --k) raw += alphabet[rng() % alphabet.size()];
        const std::string text = fold(raw);
        const std::vector<Key> tk = keys_of(text);
        std::vector<std::string> cs = chars_of(text);
        std::size_t a = rng() % (cs.size() + 1), b = rng() % (cs.size() + 1);
        if (a > b) std::swap(a, b);
        std::string pattern = (rng() % 2) ? "%" : "";
        for (std::size_t i = a; i < b; ++i) {
            if (rng() % 6 == 0) {
                pattern += "_";
            } else {
                pattern += escape_like(cs[i]);
            }
        }
        if (rng() % 2) pattern += "%";
        if (!LikeMatcher(pattern).matches(text)) continue;
        ++checked;
        ASSERT_TRUE(satisfies(folded_like_query(pattern), tk)) << "pattern " << pattern << " text " << text;
    }
    EXPECT_GT(checked, 5000);
}

TEST(TrgmQuery, RawPatternRequirementsAreSound) {
    // Raw texts mixing decomposed Hangul, kana with separate voicing marks,
    // Bengali vowel signs, combining accents and capitals; case-sensitive
    // LIKE on the raw text must imply the requirements on fold(text).
    std::mt19937 rng(11);
    const std::vector<std::string> alphabet = {
        "A", "n", "b", " ", "é", "e\u0301", "\u0301", "ß", "ẞ", "\u1100", "\u1161", "\u11A8", "가", "각",
        "か", "\u3099", "が", "\u09C7", "\u09BE", "ক", "İ", "%", "_"};
    int checked = 0;
    for (int iter = 0; iter < 30000; ++iter) {
        std::string raw;
        for (int k = 1 + static_cast<int>(rng() % 8); k > 0; --k) raw += alphabet[rng() % alphabet.size()];
        std::vector<std::string> cs = chars_of(raw);
        std::size_t a = rng() % (cs.size() + 1), b = rng() % (cs.size() + 1);
        if (a > b) std::swap(a, b);
        std::string pattern = (rng() % 2) ? "%" : "";
        for (std::size_t i = a; i < b; ++i) pattern += (rng() % 7 == 0) ? std::string("_") : escape_like(cs[i]);
        if (rng() % 2) pattern += "%";
        if (!ref_like(pattern, raw)) continue;
        ++checked;
        ASSERT_TRUE(satisfies(raw_like_query(pattern), keys_of(fold(raw))))
            << "pattern " << pattern << " text " << raw << " folded pattern " << raw_pattern_folded(pattern);
    }
    EXPECT_GT(checked, 5000);
}

TEST(LowerCase, KeepsAccentsAndSharpS) {
    EXPECT_EQ(lower_case("MÜLLER Straße İ ΧΟΣ"), "müller straße i χοσ");
    EXPECT_EQ(lower_like_pattern("%MÜ\\%_x%"), "%mü\\%_x%");
    EXPECT_THROW(lower_case("\xff"), contacts::core::Error);
}

TEST(PhoneDigits, KeepsAsciiDigits) {
    EXPECT_EQ(phone_digits("+49 (30) 1234-567"), "49301234567");
    EXPECT_EQ(phone_digits("abc"), "");
    EXPECT_EQ(phone_digits("٣٤٥"), "");  // only ASCII digits, like [0-9]
}
