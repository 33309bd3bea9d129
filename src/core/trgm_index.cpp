// Index keys, pattern requirements and the folded LIKE matcher: see trgm_index.hpp.
#include "core/trgm_index.hpp"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "core/error.hpp"
#include "core/fold.hpp"
#include "core/sorted_set.hpp"
#include "core/trigram.hpp"
#include "core/trigram_words.hpp"
#include "core/utf8.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core::trgm {
namespace {

// Characters are decoded with utf8::decode_lenient(): an invalid byte is a
// one-byte non-word character, code point kBad. Word characters are
// pg_trgm's, as in core/trigram.cpp: is_word_char() of core/trigram_words.hpp.
using utf8::kBad;
constexpr char32_t kBlank = U' ';

// --- pattern tokens ----------------------------------------------------------

struct PatternChar {
    char32_t cp;
    bool wildcard;
    bool plain = false;  // the text matches it only with plain characters (see raw_like_query)
};

// A folded LIKE pattern as characters, escapes resolved.
std::vector<PatternChar> tokenize(std::string_view pattern) {
    std::vector<PatternChar> out;
    out.reserve(pattern.size());
    const auto* s = reinterpret_cast<const unsigned char*>(pattern.data());
    const std::size_t n = pattern.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = s[i];
        if (b == '\\') {
            if (i + 1 == n) {  // trailing lone backslash: a literal backslash
                out.push_back({U'\\', false});
                break;
            }
            char32_t cp;
            const int len = utf8::decode_lenient(s + i + 1, n - i - 1, cp);
            out.push_back({cp, false});
            i += 1 + static_cast<std::size_t>(len);
        } else if (b == '%' || b == '_') {
            out.push_back({b, true});
            ++i;
        } else {
            char32_t cp;
            const int len = utf8::decode_lenient(s + i, n - i, cp);
            out.push_back({cp, false});
            i += static_cast<std::size_t>(len);
        }
    }
    return out;
}

// --- cut safety ----------------------------------------------------------------

const UNormalizer2* nfc() {
    static const UNormalizer2* n = [] {
        UErrorCode status = U_ZERO_ERROR;
        const UNormalizer2* p = unorm2_getNFCInstance(&status);
        if (U_FAILURE(status)) throw Error(SqlState::InternalError, "ICU NFC normalizer unavailable");
        return p;
    }();
    return n;
}

// The characters that can compose with a preceding character (NFC quick
// check "maybe") and survive folding (folding removes non-spacing marks
// except the kana voicing marks): Hangul vowel and final jamo, kana voicing
// marks, Indic and other vowel signs.
const std::vector<char32_t>& composing_survivors() {
    static const std::vector<char32_t> list = [] {
        std::vector<char32_t> v;
        for (UChar32 c = 0; c < 0x20000; ++c) {
            if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_MAYBE) continue;
            if (u_charType(c) == U_NON_SPACING_MARK && c != 0x3099 && c != 0x309A) continue;
            v.push_back(static_cast<char32_t>(c));
        }
        return v;
    }();
    return list;
}

}  // namespace

// --- keys ------------------------------------------------------------------------

std::string key_text(Key k) {
    std::string s;
    utf8::append(s, key_first(k));
    utf8::append(s, key_middle(k));
    utf8::append(s, key_last(k));
    return s;
}

void extract_keys(std::string_view folded, std::vector<Key>& out) {
    out.clear();
    const std::size_t n = folded.size();
    if (n == 0) return;
    out.reserve(n + 2);
    // Each word: "  w1 .. wn " as a rolling window of code points.
    char32_t a = kBlank, b = kBlank;
    for_each_word(
        folded,
        [&](char32_t c) {
            out.push_back(make_key(a, b, c));
            a = b;
            b = c;
        },
        [&](std::size_t, std::size_t) {
            out.push_back(make_key(a, b, kBlank));
            a = b = kBlank;
        });
    sort_unique(out);
}

namespace {

// fold() of one code point, cached: folding works character by character on
// almost all text, and a column has few distinct characters.
const std::string& fold_code_point(char32_t c) {
    static std::unordered_map<char32_t, std::string> cache;
    auto it = cache.find(c);
    if (it != cache.end()) return it->second;
    std::string one;
    utf8::append(one, c);
    if (cache.size() > 65536) cache.clear();
    return cache.emplace(c, fold(one)).first->second;
}

// Whether a character of indexed text is plain: every lower() PostgreSQL may
// apply (ASCII-only in the C locale, libc towlower, ICU) turns no other
// character into an ASCII one.
inline bool plain_text_char(char32_t c) {
    return c < 0x80 || u_tolower(static_cast<UChar32>(c)) < 0x80;
}

// Folds `text` character by character into `cps` with a plain flag per folded
// character. False when the result differs from `folded` (folding composed
// or reordered across characters).
bool fold_aligned(std::string_view text, std::string_view folded, std::vector<char32_t>& cps,
                  std::vector<bool>& plain) {
    cps.clear();
    plain.clear();
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t fpos = 0;
    for (std::size_t i = 0; i < n;) {
        char32_t c;
        i += static_cast<std::size_t>(utf8::decode_lenient(s + i, n - i, c));
        if (c == kBad) return false;
        const std::string& piece = fold_code_point(c);
        if (folded.compare(fpos, piece.size(), piece) != 0) return false;
        fpos += piece.size();
        const bool p = piece.size() == 1 && plain_text_char(c);
        const auto* q = reinterpret_cast<const unsigned char*>(piece.data());
        for (std::size_t k = 0; k < piece.size();) {
            char32_t d;
            k += static_cast<std::size_t>(utf8::decode_lenient(q + k, piece.size() - k, d));
            cps.push_back(d);
            // A folded character that is not ASCII is never required in plain
            // form (no plain pattern character folds to it): flagged plain,
            // so that its trigrams stay in one form.
            plain.push_back(p || d >= 0x80);
        }
    }
    return fpos == folded.size();
}

}  // namespace

void extract_index_keys(std::string_view text, std::string_view folded, std::vector<Key>& out) {
    bool ascii = true;
    for (char ch : text) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    static std::vector<char32_t> cps;
    static std::vector<bool> plain;
    if (ascii || !fold_aligned(text, folded, cps, plain)) {
        extract_keys(folded, out);
        return;
    }
    out.clear();
    out.reserve(cps.size() + 2);
    const std::size_t n = cps.size();
    for (std::size_t i = 0; i < n;) {
        if (!is_word_char(cps[i])) {
            ++i;
            continue;
        }
        // As extract_keys(), with a plain flag travelling with each character
        // (the blanks of the padding are plain).
        char32_t a = kBlank, b = kBlank;
        bool pa = true, pb = true;
        for (; i < n && is_word_char(cps[i]); ++i) {
            const bool pc = plain[i];
            const Key k = make_key(a, b, cps[i]);
            out.push_back(pa && pb && pc ? k : accented_of(k));
            a = b;
            pa = pb;
            b = cps[i];
            pb = pc;
        }
        const Key k = make_key(a, b, kBlank);
        out.push_back(pa && pb ? k : accented_of(k));
    }
    sort_unique(out);
    // A trigram the text has in plain form satisfies every query of it: its
    // accented form would only add an entry. (Accented keys sort first.)
    const auto first_plain = std::lower_bound(out.begin(), out.end(), Key{0});
    const auto end_accented = std::remove_if(out.begin(), first_plain, [&](Key k) {
        return std::binary_search(first_plain, out.end(), plain_of(k));
    });
    out.erase(end_accented, first_plain);
    // Long-lived buffers stay small.
    if (cps.capacity() > 65536) {
        std::vector<char32_t>().swap(cps);
        std::vector<bool>().swap(plain);
    }
}

float similarity(const std::vector<Key>& a, const std::vector<Key>& b) {
    if (a.empty() || b.empty()) return 0.0f;
    const std::size_t common = count_common(a, b);
    return static_cast<float>(common) / static_cast<float>(a.size() + b.size() - common);
}

int compare_prefix(const Prefix& p, Key k) {
    // As unsigned numbers with the sign bit flipped, keys keep their int8
    // order, and shifting keeps the accented bit with the fields compared.
    const int shift = p.length == 2 ? kFieldBits : 2 * kFieldBits;
    constexpr uint64_t kFlip = uint64_t{1} << 63;
    const uint64_t want = (static_cast<uint64_t>(p.start) ^ kFlip) >> shift;
    const uint64_t have = (static_cast<uint64_t>(k) ^ kFlip) >> shift;
    return have == want ? 0 : (have < want ? -1 : 1);
}

// --- pattern queries ---------------------------------------------------------------

namespace {

// The requirements of a folded pattern given as characters.
PatternQuery like_query(const std::vector<PatternChar>& p) {
    PatternQuery q;
    std::vector<Prefix> two, one;
    std::vector<bool> part_plain;
    std::vector<char32_t> part;
    const std::size_t n = p.size();
    for (std::size_t i = 0; i < n;) {
        if (p[i].wildcard || !is_word_char(p[i].cp)) {
            ++i;
            continue;
        }
        // A run of literal word characters, padded on each side that is a
        // word boundary in every matching text (the pattern's start or end,
        // or a literal non-word character), not on a side that is a wildcard.
        const bool pad_before = i == 0 || !p[i - 1].wildcard;
        part.clear();
        part_plain.clear();
        if (pad_before) {
            part.insert(part.end(), {kBlank, kBlank});
            part_plain.insert(part_plain.end(), {true, true});
        }
        std::size_t j = i;
        for (; j < n && !p[j].wildcard && is_word_char(p[j].cp); ++j) {
            part.push_back(p[j].cp);
            part_plain.push_back(p[j].plain);
        }
        const bool pad_after = j == n || !p[j].wildcard;
        if (pad_after) {
            part.push_back(kBlank);
            part_plain.push_back(true);
        }
        if (part.size() >= 3) {
            for (std::size_t k = 0; k + 3 <= part.size(); ++k) {
                const Key key = make_key(part[k], part[k + 1], part[k + 2]);
                q.keys.push_back(key);
                if (part_plain[k] && part_plain[k + 1] && part_plain[k + 2]) q.plain_keys.push_back(key);
            }
        } else if (part.size() == 2) {
            two.push_back({make_key(0, part[0], part[1]), 2});
        } else {
            one.push_back({make_key(0, part[0], 0), 1});
        }
        i = j;
    }
    sort_unique(q.keys);
    sort_unique(q.plain_keys);
    if (q.keys.empty()) {
        std::vector<Prefix>& chosen = two.empty() ? one : two;
        std::sort(chosen.begin(), chosen.end(), [](const Prefix& a, const Prefix& b) { return a.start < b.start; });
        chosen.erase(std::unique(chosen.begin(), chosen.end(),
                                 [](const Prefix& a, const Prefix& b) { return a.start == b.start; }),
                     chosen.end());
        q.prefixes = std::move(chosen);
    }
    q.match_all = q.keys.empty() && q.prefixes.empty();
    return q;
}

}  // namespace

PatternQuery folded_like_query(std::string_view folded_pattern) { return like_query(tokenize(folded_pattern)); }

bool safe_after_cut(char32_t c) {
    if (c < 0x80) return true;
    if (c == kBad || c > 0x10FFFF) return false;
    const auto uc = static_cast<UChar32>(c);
    return u_getCombiningClass(uc) == 0 && unorm2_hasBoundaryBefore(nfc(), uc);
}

bool safe_before_cut(char32_t c) {
    if (c < 0x80) return true;
    if (c == kBad || c > 0x10FFFF) return false;
    const auto uc = static_cast<UChar32>(c);
    if (u_getCombiningClass(uc) != 0) return false;
    for (char32_t d : composing_survivors())
        if (unorm2_composePair(nfc(), uc, static_cast<UChar32>(d)) >= 0) return false;
    return true;
}

namespace {

// A character of a raw LIKE/ILIKE pattern that every matching text matches
// with a plain character (see raw_like_query()).
inline bool plain_pattern_char(char32_t c) { return c < 0x80 && c != U'I'; }

// The raw pattern as folded characters: the literal runs folded, unsafe edge
// characters replaced by %, with plain flags.
std::vector<PatternChar> raw_tokens(std::string_view raw) {
    std::vector<PatternChar> out;
    std::string literal;
    std::vector<char32_t> cps;
    std::vector<bool> plain;
    // Literal runs are separated by wildcards, so every run but a leading
    // one follows a wildcard.
    bool after_wildcard = false;
    auto flush = [&](bool before_wildcard) {
        if (literal.empty()) return;
        const std::string f = fold(literal);
        // Plain flags when folding works character by character here (else
        // none: a key not required in plain form only widens the search).
        cps.clear();
        plain.clear();
        {
            const auto* s = reinterpret_cast<const unsigned char*>(literal.data());
            std::size_t fpos = 0;
            bool aligned = true;
            for (std::size_t i = 0; i < literal.size() && aligned;) {
                char32_t c;
                i += static_cast<std::size_t>(utf8::decode_lenient(s + i, literal.size() - i, c));
                std::string one;
                utf8::append(one, c);
                const std::string piece = c < 0x80 ? std::string(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c))
                                                   : fold(one);
                if (f.compare(fpos, piece.size(), piece) != 0) {
                    aligned = false;
                    break;
                }
                fpos += piece.size();
                const bool p = piece.size() == 1 && plain_pattern_char(c);
                for (std::size_t k = 0; k < piece.size(); ++k)
                    if ((static_cast<unsigned char>(piece[k]) & 0xC0) != 0x80) plain.push_back(p);
            }
            if (!aligned || fpos != f.size()) plain.clear();
        }
        literal.clear();
        const auto* s = reinterpret_cast<const unsigned char*>(f.data());
        for (std::size_t i = 0; i < f.size();) {
            char32_t c;
            i += static_cast<std::size_t>(utf8::decode_lenient(s + i, f.size() - i, c));
            cps.push_back(c);
        }
        if (plain.size() != cps.size()) plain.assign(cps.size(), false);
        // Next to a wildcard the text continues with an unknown character:
        // drop edge characters that folding could merge with it.
        std::size_t b = 0, e = cps.size();
        if (after_wildcard)
            while (b < e && !safe_after_cut(cps[b])) ++b;
        if (before_wildcard) {
            // Dropping a starter ends it: composition never reaches across
            // a starter to the characters before it.
            while (e > b && !safe_before_cut(cps[e - 1])) {
                const bool starter = u_getCombiningClass(static_cast<UChar32>(cps[e - 1])) == 0;
                --e;
                if (starter) break;
            }
        }
        if (b > 0) out.push_back({U'%', true});
        for (std::size_t k = b; k < e; ++k) out.push_back({cps[k], false, plain[k]});
        if (e < cps.size()) out.push_back({U'%', true});
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\\') {
            // The escaped byte is literal; a trailing lone backslash too.
            literal.push_back(i + 1 < raw.size() ? raw[++i] : '\\');
        } else if (c == '%' || c == '_') {
            flush(true);
            out.push_back({static_cast<char32_t>(c), true});
            after_wildcard = true;
        } else {
            literal.push_back(c);
        }
    }
    flush(false);
    return out;
}

}  // namespace

std::string raw_pattern_folded(std::string_view raw) {
    std::string out;
    for (const PatternChar& c : raw_tokens(raw)) {
        if (!c.wildcard && (c.cp == U'%' || c.cp == U'_' || c.cp == U'\\')) out.push_back('\\');
        utf8::append(out, c.cp);
    }
    return out;
}

PatternQuery raw_like_query(std::string_view raw_pattern) { return like_query(raw_tokens(raw_pattern)); }

// --- LIKE matcher ---------------------------------------------------------------------

LikeMatcher::LikeMatcher(std::string_view pattern) {
    Segment cur;
    bool last_percent = false;
    const auto* s = reinterpret_cast<const unsigned char*>(pattern.data());
    const std::size_t n = pattern.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = s[i];
        if (b == '%') {
            if (segments_.empty() && cur.bytes.empty()) {
                anchored_start_ = false;  // leading %
            } else if (!cur.bytes.empty()) {
                segments_.push_back(std::move(cur));
                cur = Segment{};
            }  // else: %% is one %
            last_percent = true;
            ++i;
            continue;
        }
        last_percent = false;
        if (b == '_') {
            cur.any.push_back(static_cast<uint32_t>(cur.bytes.size()));
            cur.bytes.push_back('\0');
            ++cur.chars;
            ++i;
            continue;
        }
        std::size_t start = i;
        if (b == '\\') {
            if (i + 1 == n) {  // trailing lone backslash: literal
                cur.bytes.push_back('\\');
                ++cur.chars;
                break;
            }
            start = i + 1;
        }
        char32_t cp;
        const int len = utf8::decode_lenient(s + start, n - start, cp);
        cur.bytes.append(pattern.data() + start, static_cast<std::size_t>(len));
        ++cur.chars;
        i = start + static_cast<std::size_t>(len);
    }
    anchored_end_ = !last_percent;
    // An empty pattern is one empty anchored segment (it matches only "");
    // a pattern of only % is one empty unanchored segment.
    if (!cur.bytes.empty() || segments_.empty()) segments_.push_back(std::move(cur));
}

namespace {
// pos < t.size().
inline std::size_t next_char_end(std::string_view t, std::size_t pos) {
    char32_t c;
    return pos + static_cast<std::size_t>(
                     utf8::decode_lenient(reinterpret_cast<const unsigned char*>(t.data()) + pos, t.size() - pos, c));
}
inline std::size_t prev_char_start(std::string_view t, std::size_t pos) {
    std::size_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
    return p;
}
}  // namespace

bool LikeMatcher::match_segment_at(const Segment& s, std::string_view t, std::size_t pos, std::size_t& end) const {
    std::size_t k = 0;  // index into s.bytes
    std::size_t next_any = 0;
    while (k < s.bytes.size()) {
        if (next_any < s.any.size() && s.any[next_any] == k) {
            if (pos >= t.size()) return false;
            pos = next_char_end(t, pos);
            ++k;
            ++next_any;
            continue;
        }
        const std::size_t lit_end = next_any < s.any.size() ? s.any[next_any] : s.bytes.size();
        const std::size_t len = lit_end - k;
        if (t.size() - pos < len || t.compare(pos, len, s.bytes, k, len) != 0) return false;
        pos += len;
        k = lit_end;
    }
    end = pos;
    return true;
}

bool LikeMatcher::matches(std::string_view t) const {
    std::size_t pos = 0;
    std::size_t first = 0;
    std::size_t last = segments_.size();  // one past the last segment to place freely
    std::size_t limit = t.size();

    if (anchored_start_) {
        const Segment& s = segments_.front();
        std::size_t end;
        if (!match_segment_at(s, t, 0, end)) return false;
        if (segments_.size() == 1 && anchored_end_) return end == t.size();
        pos = end;
        first = 1;
    }
    if (anchored_end_ && last > first) {
        // The last segment must end exactly at the end of the text: walk back.
        const Segment& s = segments_.back();
        std::size_t p = t.size();
        std::size_t k = s.bytes.size();
        std::size_t next_any = s.any.size();
        while (k > 0) {
            if (next_any > 0 && s.any[next_any - 1] == k - 1) {
                if (p == 0) return false;
                p = prev_char_start(t, p);
                --k;
                --next_any;
                continue;
            }
            const std::size_t lit_start = next_any > 0 ? s.any[next_any - 1] + 1 : 0;
            const std::size_t len = k - lit_start;
            if (p < len || t.compare(p - len, len, s.bytes, lit_start, len) != 0) return false;
            p -= len;
            k = lit_start;
        }
        if (p < pos) return false;
        limit = p;
        last -= 1;
    }
    for (std::size_t i = first; i < last; ++i) {
        const Segment& s = segments_[i];
        if (s.bytes.empty()) continue;
        bool found = false;
        if (s.literal_only()) {
            const std::size_t at = t.substr(0, limit).find(s.bytes, pos);
            if (at != std::string_view::npos) {
                pos = at + s.bytes.size();
                found = true;
            }
        } else if (s.any.front() != 0) {
            const std::size_t lead = s.any.front();
            std::string_view head(s.bytes.data(), lead);
            for (std::size_t at = t.find(head, pos); at != std::string_view::npos && at < limit;
                 at = t.find(head, at + 1)) {
                std::size_t end;
                if (match_segment_at(s, t, at, end) && end <= limit) {
                    pos = end;
                    found = true;
                    break;
                }
            }
        } else {
            for (std::size_t at = pos; at < limit; at = next_char_end(t, at)) {
                std::size_t end;
                if (match_segment_at(s, t, at, end) && end <= limit) {
                    pos = end;
                    found = true;
                    break;
                }
            }
        }
        if (!found) return false;
    }
    return pos <= limit;
}

std::string lower_case(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) fold(utf8);  // throws the same error fold() would
    std::string out;
    out.reserve(utf8.size());
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    for (std::size_t i = 0; i < utf8.size();) {
        if (s[i] < 0x80) {
            out.push_back(static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]));
            ++i;
            continue;
        }
        char32_t c;
        i += static_cast<std::size_t>(utf8::decode_lenient(s + i, utf8.size() - i, c));
        utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
    return out;
}

std::string lower_like_pattern(std::string_view pattern) { return rewrite_like_literals(pattern, lower_case); }

std::string phone_digits(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

}  // namespace contacts::core::trgm
