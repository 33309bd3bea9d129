// libFuzzer target: the index side of text search (core/trgm_index.hpp).
//
// The input is split at its first 0x00 byte into a text and a LIKE pattern
// (without one, the pattern is derived from the text). Checks, for every input:
//   - nothing crashes on arbitrary bytes: LikeMatcher, folded_like_query,
//     raw_like_query (which may throw core::Error for invalid UTF-8 only);
//   - extract_keys gives sorted, duplicate-free, non-negative keys whose
//     fields are code points;
//   - LikeMatcher agrees with a plain recursive LIKE (short inputs);
//   - soundness, the property the GIN index relies on: when the pattern
//     matches the folded text (@~~), or the raw text (LIKE), every key and
//     prefix range the query requires is present in the text's keys.
//
// The index does not store those keys but extract_index_keys(), where the
// accented form (kAccented) marks a trigram the text has only with a
// non-plain character, and a query may demand the plain form (plain_keys) so
// that ILIKE '%bac%' skips "Zagrebačka". A wrong plain flag on either side
// loses rows silently, which the checks above cannot see. So also:
//   - the index keys are sorted and duplicate-free, plain_of() of each has
//     code-point fields, their plain forms are exactly extract_keys(folded),
//     and pure-ASCII text has exactly extract_keys(folded) (all plain);
//   - the queries are what trgm_gin.cpp can encode: plain, sorted keys,
//     plain_keys a subset of them (none for accent-insensitive @~~), prefix
//     lengths that comparePartial can recover from the start key;
//   - gin_candidate(), a replay of extractQuery/comparePartial/consistent on
//     the index keys, agrees with the documented rule (plain_keys in plain
//     form, other keys and prefix ranges in either form, match_all: no
//     requirement) for every text, matching or not;
//   - soundness against the index keys: a text that matches ILIKE (both
//     sides lower_case()d, as PostgreSQL's ILIKE in a UTF-8 database), LIKE
//     (raw text) or @~~ (fold_like_pattern() on the folded text) is a
//     candidate of raw_like_query(), raw_like_query() and folded_like_query()
//     respectively, exactly as the GIN scan would decide.
//
//   CXX=clang++ cmake -S . -B build-fuzz && cmake --build build-fuzz --target fuzz_trgm_index
//   ./build-fuzz/fuzz_trgm_index -max_total_time=60 test/fuzz/corpus/trgm_index
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/fold.hpp"
#include "core/trigram.hpp"
#include "core/trgm_index.hpp"

namespace core = contacts::core;
namespace trgm = contacts::core::trgm;

namespace {

void print_hex(const char* label, std::string_view s) {
    std::fprintf(stderr, "  %s (hex):", label);
    for (char c : s) std::fprintf(stderr, " %02x", static_cast<unsigned char>(c));
    std::fprintf(stderr, "\n");
}

[[noreturn]] void fail(const char* what, std::string_view a, std::string_view b = {}) {
    std::fprintf(stderr, "invariant violated: %s\n  text: %.*s\n  pattern: %.*s\n", what, static_cast<int>(a.size()),
                 a.data(), static_cast<int>(b.size()), b.data());
    // Accented inputs are hard to read back from a terminal.
    print_hex("text", a);
    print_hex("pattern", b);
    std::abort();
}

std::vector<std::string> chars_of(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        len = std::min(len, s.size() - i);
        out.emplace_back(s.substr(i, len));
        i += len;
    }
    return out;
}

struct Tok {
    int kind;  // 0 literal, 1 _, 2 %
    std::string ch;
};

bool ref_like(const std::vector<Tok>& p, std::size_t pi, const std::vector<std::string>& t, std::size_t ti) {
    if (pi == p.size()) return ti == t.size();
    if (p[pi].kind == 2) {
        for (std::size_t k = ti; k <= t.size(); ++k)
            if (ref_like(p, pi + 1, t, k)) return true;
        return false;
    }
    if (ti >= t.size()) return false;
    if (p[pi].kind == 0 && p[pi].ch != t[ti]) return false;
    return ref_like(p, pi + 1, t, ti + 1);
}

bool ref_like(std::string_view pattern, std::string_view text) {
    std::vector<Tok> p;
    std::vector<std::string> cs = chars_of(pattern);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (cs[i] == "\\") {
            p.push_back({0, i + 1 < cs.size() ? cs[++i] : "\\"});
        } else if (cs[i] == "%") {
            if (p.empty() || p.back().kind != 2) p.push_back({2, ""});
        } else if (cs[i] == "_") {
            p.push_back({1, ""});
        } else {
            p.push_back({0, cs[i]});
        }
    }
    return ref_like(p, 0, chars_of(text), 0);
}

bool satisfies(const trgm::PatternQuery& q, const std::vector<trgm::Key>& keys) {
    for (trgm::Key k : q.keys)
        if (!std::binary_search(keys.begin(), keys.end(), k)) return false;
    for (const trgm::Prefix& p : q.prefixes) {
        bool any = false;
        for (trgm::Key k : keys) any = any || trgm::compare_prefix(p, k) == 0;
        if (!any) return false;
    }
    return true;
}

void check_keys(const std::vector<trgm::Key>& keys, std::string_view text) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] < 0) fail("negative key", text);
        if (i > 0 && keys[i - 1] >= keys[i]) fail("keys not sorted and unique", text);
        if (trgm::key_first(keys[i]) > 0x10FFFF || trgm::key_middle(keys[i]) > 0x10FFFF ||
            trgm::key_last(keys[i]) > 0x10FFFF)
            fail("key field is not a code point", text);
    }
}

// The index keys of a text (extract_index_keys()); `keys` is
// extract_keys(folded). Int8 order is the GIN order, so accented keys
// (negative) sort first.
void check_index_keys(const std::vector<trgm::Key>& ikeys, const std::vector<trgm::Key>& keys, std::string_view text) {
    std::vector<trgm::Key> plain;
    plain.reserve(ikeys.size());
    for (std::size_t i = 0; i < ikeys.size(); ++i) {
        if (i > 0 && ikeys[i - 1] >= ikeys[i]) fail("index keys not sorted and unique", text);
        const trgm::Key p = trgm::plain_of(ikeys[i]);
        if (trgm::key_first(p) > 0x10FFFF || trgm::key_middle(p) > 0x10FFFF || trgm::key_last(p) > 0x10FFFF)
            fail("index key field is not a code point", text);
        plain.push_back(p);
    }
    // Only the flag is added: dropping or inventing a trigram would change
    // what every query (and similarity) sees.
    std::sort(plain.begin(), plain.end());
    plain.erase(std::unique(plain.begin(), plain.end()), plain.end());
    if (plain != keys) fail("index keys in plain form are not extract_keys(folded)", text);
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii && ikeys != keys) fail("ASCII text has index keys other than extract_keys(folded)", text);
}

// What trgm_gin.cpp can encode: it sends keys as entries (plain ones as one
// entry, others as a plain/accented pair told apart by adjacency), so keys
// must be plain and plain_keys among them; comparePartial only sees a
// prefix's start key and recovers its length from the last field.
void check_query(const trgm::PatternQuery& q, bool accent_insensitive, std::string_view text,
                 std::string_view pattern) {
    for (std::size_t i = 0; i < q.keys.size(); ++i) {
        if (trgm::is_accented(q.keys[i])) fail("query key in accented form", text, pattern);
        if (i > 0 && q.keys[i - 1] >= q.keys[i]) fail("query keys not sorted and unique", text, pattern);
    }
    for (std::size_t i = 1; i < q.plain_keys.size(); ++i)
        if (q.plain_keys[i - 1] >= q.plain_keys[i]) fail("plain_keys not sorted and unique", text, pattern);
    if (!std::includes(q.keys.begin(), q.keys.end(), q.plain_keys.begin(), q.plain_keys.end()))
        fail("plain_keys not a subset of keys", text, pattern);
    // @~~ ignores accents: demanding a plain trigram would drop "Müller"
    // from '%muller%'.
    if (accent_insensitive && !q.plain_keys.empty()) fail("@~~ query requires plain keys", text, pattern);
    if (!q.prefixes.empty() && !q.keys.empty()) fail("prefixes next to keys", text, pattern);
    for (const trgm::Prefix& p : q.prefixes) {
        if (trgm::is_accented(p.start)) fail("prefix start in accented form", text, pattern);
        if ((p.length == 1) != (trgm::key_last(p.start) == 0) || (p.length != 1 && p.length != 2))
            fail("prefix length not recoverable from its start key", text, pattern);
    }
}

// The GIN scan of contacts_trgm_ops for a LIKE-family query, replayed on one
// text's index keys: extractQuery's entries, each entry's check (exact entries
// looked up, partial ones walked from their start with comparePartial until
// it reports > 0), then consistent(). True when the row is a candidate.
bool gin_candidate(const trgm::PatternQuery& q, const std::vector<trgm::Key>& ikeys) {
    if (q.match_all) return true;  // GIN_SEARCH_MODE_ALL
    struct Entry {
        trgm::Key key;
        bool partial;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0, p = 0; i < q.keys.size(); ++i) {
        const trgm::Key k = q.keys[i];
        entries.push_back({k, false});
        if (p < q.plain_keys.size() && q.plain_keys[p] == k) {
            ++p;
        } else {
            entries.push_back({trgm::accented_of(k), false});
        }
    }
    for (const trgm::Prefix& prefix : q.prefixes) {
        entries.push_back({prefix.start, true});
        entries.push_back({trgm::accented_of(prefix.start), true});
    }
    // No entries in the default search mode: GIN returns no row at all.
    if (entries.empty()) return false;
    std::vector<bool> check;
    for (const Entry& e : entries) {
        if (!e.partial) {
            check.push_back(std::binary_search(ikeys.begin(), ikeys.end(), e.key));
            continue;
        }
        const trgm::Prefix range{e.key, trgm::key_last(e.key) == 0 ? 1 : 2};
        bool hit = false;
        for (auto it = std::lower_bound(ikeys.begin(), ikeys.end(), e.key); it != ikeys.end() && !hit; ++it) {
            const int c = trgm::compare_prefix(range, *it);
            if (c > 0) break;
            hit = c == 0;
        }
        check.push_back(hit);
    }
    const std::size_t n = entries.size();
    for (std::size_t i = 0; i < n; ++i) {
        const bool pair = i + 1 < n && !trgm::is_accented(entries[i].key) &&
                          entries[i + 1].key == trgm::accented_of(entries[i].key);
        if (pair) {
            if (!check[i] && !check[i + 1]) return false;
            ++i;
        } else if (!check[i]) {
            return false;
        }
    }
    return true;
}

// The rule as trgm_index.hpp states it, independent of the entry encoding.
bool has_either(const std::vector<trgm::Key>& ikeys, trgm::Key k) {
    return std::binary_search(ikeys.begin(), ikeys.end(), k) ||
           std::binary_search(ikeys.begin(), ikeys.end(), trgm::accented_of(k));
}

bool index_satisfies(const trgm::PatternQuery& q, const std::vector<trgm::Key>& ikeys) {
    if (q.match_all) return true;
    for (trgm::Key k : q.keys) {
        const bool plain_only = std::binary_search(q.plain_keys.begin(), q.plain_keys.end(), k);
        if (plain_only ? !std::binary_search(ikeys.begin(), ikeys.end(), k) : !has_either(ikeys, k)) return false;
    }
    for (const trgm::Prefix& p : q.prefixes) {
        const trgm::Prefix accented{trgm::accented_of(p.start), p.length};
        bool any = false;
        for (trgm::Key k : ikeys) any = any || trgm::compare_prefix(p, k) == 0 || trgm::compare_prefix(accented, k) == 0;
        if (!any) return false;
    }
    // Nothing required and not match_all is vacuously satisfied here, while
    // GIN returns no row for a query without entries: the cross-check flags it.
    return true;
}

// A pattern derived from the text: a substring with some characters made _
// and optional % at the ends, chosen by the input's own bytes.
std::string derived_pattern(std::string_view text) {
    std::vector<std::string> cs = chars_of(text);
    if (cs.empty()) return "%";
    const std::size_t seed = static_cast<unsigned char>(text[0]) + 31 * text.size();
    const std::size_t a = seed % cs.size();
    const std::size_t b = a + (seed / 7) % (cs.size() - a + 1);
    std::string p = (seed & 1) ? "%" : "";
    for (std::size_t i = a; i < b; ++i) p += ((seed + i) % 5 == 0) ? std::string("_") : core::escape_like(cs[i]);
    if (seed & 2) p += "%";
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    if (size > 256) return 0;
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = in.find('\0');
    std::string_view text = in.substr(0, nul);
    std::string pattern = nul == std::string_view::npos ? derived_pattern(text) : std::string(in.substr(nul + 1));

    // Arbitrary bytes never crash the pattern side.
    const trgm::LikeMatcher matcher(pattern);
    (void)matcher.matches(text);
    (void)trgm::folded_like_query(pattern);
    try {
        (void)trgm::raw_like_query(pattern);
    } catch (const core::Error&) {
        if (core::is_valid_utf8(pattern)) fail("raw_like_query threw on valid UTF-8", text, pattern);
    }

    if (!core::is_valid_utf8(text) || !core::is_valid_utf8(pattern)) return 0;
    if (text.size() <= 24 && pattern.size() <= 24 && matcher.matches(text) != ref_like(pattern, text))
        fail("LikeMatcher disagrees with the reference", text, pattern);

    const std::string folded = core::fold(text);
    std::vector<trgm::Key> keys;
    trgm::extract_keys(folded, keys);
    check_keys(keys, text);

    // @~~: the pattern's literals folded, matched against the folded text.
    const std::string folded_pattern = core::fold_like_pattern(pattern);
    if (trgm::LikeMatcher(folded_pattern).matches(folded) &&
        !satisfies(trgm::folded_like_query(folded_pattern), keys))
        fail("@~~ requirements miss a matching text", text, pattern);

    // LIKE on the raw text, served from the folded trigrams.
    if (matcher.matches(text) && !satisfies(trgm::raw_like_query(pattern), keys))
        fail("LIKE requirements miss a matching text", text, pattern);

    // --- the same queries against the keys the index really stores ---------
    std::vector<trgm::Key> ikeys;
    trgm::extract_index_keys(text, folded, ikeys);
    check_index_keys(ikeys, keys, text);

    // The queries extractQuery builds: @~~ from the folded pattern, LIKE and
    // both ILIKE strategies from the raw one.
    const trgm::PatternQuery folded_q = trgm::folded_like_query(folded_pattern);
    const trgm::PatternQuery raw_q = trgm::raw_like_query(pattern);
    check_query(folded_q, true, text, pattern);
    check_query(raw_q, false, text, pattern);
    const bool folded_candidate = gin_candidate(folded_q, ikeys);
    const bool raw_candidate = gin_candidate(raw_q, ikeys);
    if (folded_candidate != index_satisfies(folded_q, ikeys) || raw_candidate != index_satisfies(raw_q, ikeys))
        fail("GIN entries disagree with the documented key rule", text, pattern);

    if (trgm::LikeMatcher(folded_pattern).matches(folded) && !folded_candidate)
        fail("@~~ index requirements miss a matching text", text, pattern);
    if (matcher.matches(text) && !raw_candidate) fail("LIKE index requirements miss a matching text", text, pattern);

    // ILIKE in a UTF-8 database: lower() of both sides, then LIKE.
    std::string lower_text, lower_pattern;
    try {
        lower_text = trgm::lower_case(text);
        lower_pattern = trgm::lower_case(pattern);
    } catch (const core::Error&) {
        fail("lower_case threw on valid UTF-8", text, pattern);
    }
    const bool ilike = trgm::LikeMatcher(lower_pattern).matches(lower_text);
    if (lower_text.size() <= 24 && lower_pattern.size() <= 24 && ilike != ref_like(lower_pattern, lower_text))
        fail("LikeMatcher disagrees with the reference on lower-cased input", text, pattern);
    if (ilike && !raw_candidate) fail("ILIKE index requirements miss a matching text", text, pattern);
    return 0;
}
