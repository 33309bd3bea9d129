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

[[noreturn]] void fail(const char* what, std::string_view a, std::string_view b = {}) {
    std::fprintf(stderr, "invariant violated: %s\n  text: %.*s\n  pattern: %.*s\n", what, static_cast<int>(a.size()),
                 a.data(), static_cast<int>(b.size()), b.data());
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
    return 0;
}
