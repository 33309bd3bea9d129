// libFuzzer target: folding and trigram extraction on arbitrary bytes.
//
// Checks, for every input:
//   - fold() either succeeds or throws core::Error for invalid UTF-8 (any other
//     exception escapes and libFuzzer reports it); it succeeds exactly when
//     is_valid_utf8() says so;
//   - the fast paths agree with detail::fold_reference() (plain ICU pipeline);
//   - the result is valid UTF-8 and a fixed point: fold(fold(x)) == fold(x);
//   - trigram keys are sorted, unique, 24-bit; show_trigrams() shows the same
//     set; similarity of a text with itself is 1 (0 without trigrams);
//   - LIKE soundness: for substrings of the folded text, the trigrams that
//     like_pattern_trigrams() requires of "%sub%", "sub%", "%sub" and "sub"
//     are all among the text's trigrams (the GIN opclass would otherwise miss
//     rows);
//   - like_pattern_trigrams() and fold_like_pattern() never crash on raw bytes.
//
//   CXX=clang++ cmake -S . -B build-fuzz && cmake --build build-fuzz --target fuzz_fold_trigram
//   ./build-fuzz/fuzz_fold_trigram -max_total_time=60 test/fuzz/corpus/fold_trigram
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

namespace core = contacts::core;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    if (!detail.empty()) {
        std::fprintf(stderr, "  bytes:");
        for (unsigned char c : detail) std::fprintf(stderr, " %02x", c);
        std::fprintf(stderr, "\n");
    }
    std::abort();
}

bool sorted_unique(const std::vector<uint32_t>& v) {
    for (std::size_t i = 1; i < v.size(); ++i)
        if (v[i - 1] >= v[i]) return false;
    return true;
}

void check_trigram_array(const std::vector<uint32_t>& v, const char* what) {
    if (!sorted_unique(v)) fail(what);
    for (uint32_t k : v)
        if (k > 0xFFFFFF) fail(what);
}

// Fold one (valid or not) input both ways; returns whether it was valid.
bool fold_both(std::string_view in, std::string& out) {
    bool ok = true;
    try {
        out = core::fold(in);
    } catch (const core::Error& e) {
        if (e.state() != core::SqlState::CharacterNotInRepertoire) fail("fold threw an unexpected SqlState");
        ok = false;
    }
    std::string ref;
    bool ref_ok = true;
    try {
        ref = core::detail::fold_reference(in);
    } catch (const core::Error& e) {
        if (e.state() != core::SqlState::CharacterNotInRepertoire) fail("fold_reference threw an unexpected SqlState");
        ref_ok = false;
    }
    if (ok != ref_ok) fail("fold and fold_reference disagree on validity", in);
    if (ok != core::is_valid_utf8(in)) fail("fold and is_valid_utf8 disagree", in);
    if (ok && ref != out) fail("fold fast paths differ from the ICU reference", in);
    return ok;
}

void check_like_soundness(const std::string& text, const std::vector<uint32_t>& have, const uint8_t* data,
                          std::size_t size) {
    std::vector<std::size_t> cuts;  // character boundaries
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    auto check = [&](std::size_t a, std::size_t b) {
        const std::string sub = core::escape_like(text.substr(cuts[a], cuts[b] - cuts[a]));
        std::vector<std::string> patterns = {"%" + sub + "%"};
        if (a == 0) patterns.push_back(sub + "%");
        if (b + 1 == cuts.size()) patterns.push_back("%" + sub);
        if (a == 0 && b + 1 == cuts.size()) patterns.push_back(sub);
        for (const std::string& p : patterns) {
            const core::LikePatternTrigrams r = core::like_pattern_trigrams(p);
            check_trigram_array(r.trigrams, "like trigrams not sorted/unique");
            if (r.no_trigrams != r.trigrams.empty()) fail("no_trigrams inconsistent");
            if (!std::includes(have.begin(), have.end(), r.trigrams.begin(), r.trigrams.end()))
                fail("LIKE pattern requires a trigram its match lacks", p);
        }
    };
    if (cuts.size() <= 40) {
        for (std::size_t a = 0; a < cuts.size(); ++a)
            for (std::size_t b = a; b < cuts.size(); ++b) check(a, b);
    } else {
        // A few substrings chosen by the input itself, plus the whole text.
        for (std::size_t k = 0; k + 1 < size && k < 16; k += 2) {
            std::size_t a = data[k] % cuts.size();
            std::size_t b = data[k + 1] % cuts.size();
            if (a > b) std::swap(a, b);
            check(a, b);
        }
        check(0, cuts.size() - 1);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);

    // Raw bytes as a LIKE pattern (not folded: must still be safe).
    check_trigram_array(core::like_pattern_trigrams(in).trigrams, "raw like trigrams not sorted/unique");
    check_trigram_array(core::extract_trigrams(in), "raw trigrams not sorted/unique");

    std::string folded;
    if (!fold_both(in, folded)) {
        try {
            core::fold_like_pattern(in);
        } catch (const core::Error&) {
        }
        return 0;
    }

    if (!core::is_valid_utf8(folded)) fail("folded text is not valid UTF-8", in);
    std::string twice;
    if (!fold_both(folded, twice) || twice != folded) fail("fold is not idempotent", in);

    const std::vector<uint32_t> t = core::extract_trigrams(folded);
    check_trigram_array(t, "trigrams not sorted/unique");
    if (core::show_trigrams(folded).size() != t.size()) fail("show_trigrams size differs");
    const float self = core::similarity(t, t);
    if (self != (t.empty() ? 0.0f : 1.0f)) fail("similarity(t, t) is not 1", in);

    check_like_soundness(folded, t, data, size);

    // The folded text used as a pattern, and the pattern folding helper.
    const core::LikePatternTrigrams lp = core::like_pattern_trigrams(folded);
    check_trigram_array(lp.trigrams, "like trigrams not sorted/unique");
    const std::string fp = core::fold_like_pattern(in);
    if (!core::is_valid_utf8(fp)) fail("fold_like_pattern output is not valid UTF-8", in);
    check_trigram_array(core::like_pattern_trigrams(fp).trigrams, "folded-pattern trigrams not sorted/unique");
    return 0;
}
