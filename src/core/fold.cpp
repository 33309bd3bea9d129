// Text folding: see fold.hpp for the contract and the pipeline.
//
// Three paths produce the same bytes (the fuzz target and the unit tests check
// that they do, against detail::fold_reference()):
//   - runs of ASCII are lower-cased eight bytes at a time, without ICU;
//   - a two-byte UTF-8 character (U+0080..U+07FF: Latin-1, Latin Extended,
//     Greek, Cyrillic, Hebrew, Arabic …) is looked up in a table built once
//     by running the ICU pipeline on each of those characters;
//   - a longer character that folds to itself (CJK, Hangul syllables, kana,
//     emoji …) is copied, per a bitmap computed through ICU a block at a
//     time;
//   - anything else goes through the ICU pipeline, a segment at a time.
// Cutting the text is only allowed before a "clean boundary": a character
// that no normalisation step can combine with or reorder against what
// precedes it (see is_clean()). Case folding, mark removal and the Latin
// table are per character, so they never care where the cuts are.
#include "core/fold.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {
namespace {

static_assert(std::is_same_v<UChar, char16_t>, "ICU must use char16_t for UChar");

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

// Decoding and encoding: core/utf8.hpp (utf8::decode() is the strict decoder
// whose verdict fold() enforces).

// Raises the error PostgreSQL itself would raise for these bytes: the message
// names the bytes the lead byte announces (at most what is left), in the same
// format as PostgreSQL's report_invalid_encoding(), so that users see one
// familiar message whichever layer noticed the problem.
// `base` is the offset of s in the caller's string, for the detail message.
[[noreturn]] void throw_invalid_utf8(const unsigned char* s, std::size_t n, std::size_t at, std::size_t base = 0) {
    const unsigned b0 = s[at];
    std::size_t announced = 1;
    if ((b0 & 0xE0) == 0xC0) announced = 2;
    else if ((b0 & 0xF0) == 0xE0) announced = 3;
    else if ((b0 & 0xF8) == 0xF0) announced = 4;
    announced = std::min(announced, n - at);
    std::string bytes;
    for (std::size_t k = 0; k < announced; ++k) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%s0x%02x", k ? " " : "", s[at + k]);
        bytes += hex;
    }
    throw Error(SqlState::CharacterNotInRepertoire,
                "invalid byte sequence for encoding \"UTF8\": " + bytes,
                "The byte sequence starts at byte offset " + std::to_string(base + at) + ".");
}

// ---------------------------------------------------------------------------
// ICU
// ---------------------------------------------------------------------------

struct Normalizers {
    const UNormalizer2* nfkd;
    const UNormalizer2* nfc;
};

// ICU's normaliser instances are immutable singletons owned by ICU and safe to
// share between threads; fetching them costs a lookup, so we do it once.
const Normalizers& normalizers() {
    static const Normalizers n = [] {
        UErrorCode err = U_ZERO_ERROR;
        Normalizers r{unorm2_getNFKDInstance(&err), nullptr};
        r.nfc = unorm2_getNFCInstance(&err);
        if (U_FAILURE(err) || !r.nfkd || !r.nfc)
            throw Error(SqlState::InternalError,
                        std::string("could not load ICU normalization data: ") + u_errorName(err));
        return r;
    }();
    return n;
}

[[noreturn]] void throw_icu(const char* what, UErrorCode err) {
    throw Error(SqlState::InternalError, std::string("ICU ") + what + " failed: " + u_errorName(err));
}

// A UTF-16 work buffer whose storage is kept between calls: its size only
// grows, `len` is the used part.
struct Buf {
    std::u16string storage;
    int32_t len = 0;

    UChar* data() { return storage.data(); }
    int32_t capacity() const { return static_cast<int32_t>(storage.size()); }
    void ensure(std::size_t units) {
        if (units > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
            throw Error(SqlState::ProgramLimitExceeded, "string too long to fold",
                        "A run of text without a safe split point exceeds ICU's 2^31 code unit limit.");
        if (storage.size() < units) storage.resize(units);
    }
};

// Two buffers the pipeline ping-pongs between. One pair per thread (a
// PostgreSQL backend has one), so steady-state folding does not allocate.
struct Scratch {
    Buf a, b;
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

// Buffers above this size (in UTF-16 units) are freed after use, so that one
// huge value does not pin megabytes for the rest of a backend's life.
constexpr std::size_t kKeepUnits = std::size_t{1} << 16;

// Frees oversized scratch buffers when the fold of a segment ends, however it
// ends.
struct ScratchTrim {
    Scratch& s;
    ~ScratchTrim() {
        for (Buf* b : {&s.a, &s.b}) {
            if (b->storage.size() > kKeepUnits) {
                std::u16string().swap(b->storage);
                b->len = 0;
            }
        }
    }
};

// Full, locale-independent case folding (CaseFolding.txt statuses C and F):
// ß → ss, İ → i + U+0307, ς → σ, ﬀ → ff. Turkic folding (I → ı) is not used:
// the same text must fold the same way whatever the user's language.
void case_fold(Buf& src, Buf& dst) {
    dst.ensure(static_cast<std::size_t>(src.len) * 3 + 16);  // folding expands a unit to at most 3
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = u_strFoldCase(dst.data(), dst.capacity(), src.data(), src.len, U_FOLD_CASE_DEFAULT, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        dst.ensure(static_cast<std::size_t>(n));
        err = U_ZERO_ERROR;
        n = u_strFoldCase(dst.data(), dst.capacity(), src.data(), src.len, U_FOLD_CASE_DEFAULT, &err);
    }
    if (U_FAILURE(err)) throw_icu("case folding", err);
    dst.len = n;
}

// Normalises src into dst, unless src already is in that form (the common
// case for the final NFC, and for NFKD of text without precomposed letters).
// Returns whether dst was written.
bool normalize(const UNormalizer2* form, Buf& src, Buf& dst) {
    UErrorCode err = U_ZERO_ERROR;
    const int32_t ok = unorm2_spanQuickCheckYes(form, src.data(), src.len, &err);
    if (U_FAILURE(err)) throw_icu("normalization check", err);
    if (ok == src.len) return false;
    dst.ensure(static_cast<std::size_t>(src.len) * 3 + 16);
    int32_t n = unorm2_normalize(form, src.data(), src.len, dst.data(), dst.capacity(), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {  // e.g. U+FDFA decomposes to 18 units
        dst.ensure(static_cast<std::size_t>(n));
        err = U_ZERO_ERROR;
        n = unorm2_normalize(form, src.data(), src.len, dst.data(), dst.capacity(), &err);
    }
    if (U_FAILURE(err)) throw_icu("normalization", err);
    dst.len = n;
    return true;
}

// Latin letters (lower case: they are looked up after case folding) that
// Unicode gives no decomposition, so NFKD + mark removal leaves them alone,
// mapped to the base letters a reader sees in them. Built from the Unicode
// character names ("LATIN SMALL LETTER X WITH STROKE/HOOK/BAR/…", small
// capitals, and the ligatures/digraphs of plain letters), plus ß, ð, þ, ı, ȷ,
// ĸ, ŋ, ſ and ŀ. Letters that are not a variant of a Latin base letter (ə, ɛ,
// ʒ, ƿ …) are left alone: there is no spelling users would expect instead.
// Changing this table changes fold() output: bump kFoldRulesVersion.
struct LatinMapping {
    char32_t cp;
    char to[3];  // one or two ASCII letters, NUL-terminated
};

constexpr LatinMapping kLatin[] = {
    {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00F0, "d"},  {0x00F8, "o"},  {0x00FE, "th"}, {0x0111, "d"},
    {0x0127, "h"},  {0x0131, "i"},  {0x0138, "k"},  {0x0140, "l"},  {0x0142, "l"},  {0x014B, "n"},
    {0x0153, "oe"}, {0x0167, "t"},  {0x017F, "s"},  {0x0180, "b"},  {0x0183, "b"},  {0x0188, "c"},
    {0x018C, "d"},  {0x0192, "f"},  {0x0195, "hv"}, {0x0199, "k"},  {0x019A, "l"},  {0x019E, "n"},
    {0x01A3, "oi"}, {0x01A5, "p"},  {0x01AB, "t"},  {0x01AD, "t"},  {0x01B4, "y"},  {0x01B6, "z"},
    {0x01E5, "g"},  {0x0221, "d"},  {0x0223, "ou"}, {0x0225, "z"},  {0x0234, "l"},  {0x0235, "n"},
    {0x0236, "t"},  {0x0237, "j"},  {0x0238, "db"}, {0x0239, "qp"}, {0x023C, "c"},  {0x023F, "s"},
    {0x0240, "z"},  {0x0247, "e"},  {0x0249, "j"},  {0x024B, "q"},  {0x024D, "r"},  {0x024F, "y"},
    {0x0253, "b"},  {0x0255, "c"},  {0x0256, "d"},  {0x0257, "d"},  {0x0260, "g"},  {0x0262, "g"},
    {0x0266, "h"},  {0x0268, "i"},  {0x026A, "i"},  {0x026B, "l"},  {0x026C, "l"},  {0x026D, "l"},
    {0x0271, "m"},  {0x0272, "n"},  {0x0273, "n"},  {0x0274, "n"},  {0x0276, "oe"}, {0x027C, "r"},
    {0x027D, "r"},  {0x027E, "r"},  {0x0280, "r"},  {0x0282, "s"},  {0x0288, "t"},  {0x028B, "v"},
    {0x028F, "y"},  {0x0290, "z"},  {0x0291, "z"},  {0x0299, "b"},  {0x029B, "g"},  {0x029C, "h"},
    {0x029D, "j"},  {0x029F, "l"},  {0x02A0, "q"},  {0x02A3, "dz"}, {0x02A5, "dz"}, {0x02A6, "ts"},
    {0x02A8, "tc"}, {0x02AA, "ls"}, {0x02AB, "lz"}, {0x1D00, "a"},  {0x1D01, "ae"}, {0x1D04, "c"},
    {0x1D05, "d"},  {0x1D07, "e"},  {0x1D0A, "j"},  {0x1D0B, "k"},  {0x1D0C, "l"},  {0x1D0D, "m"},
    {0x1D0F, "o"},  {0x1D15, "ou"}, {0x1D18, "p"},  {0x1D1B, "t"},  {0x1D1C, "u"},  {0x1D20, "v"},
    {0x1D21, "w"},  {0x1D22, "z"},  {0x1D6B, "ue"}, {0x1D6C, "b"},  {0x1D6D, "d"},  {0x1D6E, "f"},
    {0x1D6F, "m"},  {0x1D70, "n"},  {0x1D71, "p"},  {0x1D72, "r"},  {0x1D73, "r"},  {0x1D74, "s"},
    {0x1D75, "t"},  {0x1D76, "z"},  {0x1D7B, "i"},  {0x1D7D, "p"},  {0x1D7E, "u"},  {0x1D80, "b"},
    {0x1D81, "d"},  {0x1D82, "f"},  {0x1D83, "g"},  {0x1D84, "k"},  {0x1D85, "l"},  {0x1D86, "m"},
    {0x1D87, "n"},  {0x1D88, "p"},  {0x1D89, "r"},  {0x1D8A, "s"},  {0x1D8C, "v"},  {0x1D8D, "x"},
    {0x1D8E, "z"},  {0x1D8F, "a"},  {0x1D91, "d"},  {0x1D92, "e"},  {0x1D96, "i"},  {0x1D99, "u"},
    {0x1E9C, "s"},  {0x1E9D, "s"},  {0x1EFF, "y"},  {0x2C61, "l"},  {0x2C65, "a"},  {0x2C66, "t"},
    {0x2C68, "h"},  {0x2C6A, "k"},  {0x2C6C, "z"},  {0x2C71, "v"},  {0x2C73, "w"},  {0x2C74, "v"},
    {0x2C78, "e"},  {0x2C7A, "o"},  {0xA729, "tz"}, {0xA730, "f"},  {0xA731, "s"},  {0xA733, "aa"},
    {0xA735, "ao"}, {0xA737, "au"}, {0xA739, "av"}, {0xA73B, "av"}, {0xA73D, "ay"}, {0xA741, "k"},
    {0xA743, "k"},  {0xA745, "k"},  {0xA749, "l"},  {0xA74B, "o"},  {0xA74D, "o"},  {0xA74F, "oo"},
    {0xA751, "p"},  {0xA753, "p"},  {0xA755, "p"},  {0xA757, "q"},  {0xA759, "q"},  {0xA75F, "v"},
    {0xA761, "vy"}, {0xA78E, "l"},  {0xA791, "n"},  {0xA793, "c"},  {0xA794, "c"},  {0xA795, "h"},
    {0xA797, "b"},  {0xA799, "f"},  {0xA7A1, "g"},  {0xA7A3, "k"},  {0xA7A5, "n"},  {0xA7A7, "r"},
    {0xA7A9, "s"},  {0xA7AF, "q"},  {0xA7B9, "u"},  {0xA7C8, "d"},  {0xA7CA, "s"},  {0xAB34, "e"},
    {0xAB37, "l"},  {0xAB38, "l"},  {0xAB39, "l"},  {0xAB3A, "m"},  {0xAB3B, "n"},  {0xAB46, "r"},
    {0xAB49, "r"},  {0xAB4E, "u"},  {0xAB50, "ui"}, {0xAB52, "u"},  {0xAB56, "x"},  {0xAB57, "x"},
    {0xAB58, "x"},  {0xAB59, "x"},  {0xAB5A, "y"},  {0xAB63, "uo"}, {0xAB66, "dz"}, {0xAB67, "ts"},
    {0x1DF04, "l"}, {0x1DF09, "t"}, {0x1DF11, "l"}, {0x1DF13, "l"}, {0x1DF16, "r"}, {0x1DF1A, "i"},
    {0x1DF1B, "o"}, {0x1DF1D, "c"}, {0x1DF1E, "s"},
};

constexpr bool latin_table_sorted() {
    for (std::size_t i = 1; i < std::size(kLatin); ++i)
        if (!(kLatin[i - 1].cp < kLatin[i].cp)) return false;
    return true;
}
static_assert(latin_table_sorted(), "kLatin must be sorted by code point for binary search");

const char* latin_mapping(char32_t c) {
    if (c < kLatin[0].cp || c > kLatin[std::size(kLatin) - 1].cp) return nullptr;
    const auto* end = std::end(kLatin);
    const auto* it = std::lower_bound(std::begin(kLatin), end, c,
                                      [](const LatinMapping& m, char32_t v) { return m.cp < v; });
    return (it != end && it->cp == c) ? it->to : nullptr;
}

// Non-spacing marks we keep although step 4 removes Mn: variation selectors
// (emoji vs text presentation, CJK ideographic variants; they are not
// diacritics) and the kana voicing marks (dakuten/handakuten change the
// consonant: が/か, ぱ/は are different syllables, not accented ones).
inline bool keep_mark(char32_t c) {
    return c == 0x3099 || c == 0x309A || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_VARIATION_SELECTOR);
}

// Steps 4 and 5 of the pipeline (and the Cherokee exception) over a NFKD,
// case-folded buffer.
void strip_marks_and_map(Buf& src, Buf& dst) {
    dst.ensure(static_cast<std::size_t>(src.len) * 2 + 16);  // a unit maps to at most 2 letters
    const UChar* s = src.data();
    UChar* d = dst.data();
    int32_t o = 0;
    for (int32_t i = 0; i < src.len;) {
        const int32_t start = i;
        UChar32 c;
        U16_NEXT_UNSAFE(s, i, c);
        if (c < 0x80) {
            d[o++] = static_cast<UChar>(c);
            continue;
        }
        if (u_charType(c) == U_NON_SPACING_MARK && !keep_mark(static_cast<char32_t>(c))) continue;
        if (const char* to = latin_mapping(static_cast<char32_t>(c))) {
            for (; *to; ++to) d[o++] = static_cast<UChar>(*to);
            continue;
        }
        if (c >= 0x13A0 && c <= 0x13F5) {
            // Cherokee is the one script that case folding maps to upper
            // case (for stability with Unicode 8, which added its lower case).
            // Emit lower case instead, so folded text is a fixed point of
            // lower() too — pg_trgm lower()s every word before extracting
            // trigrams, and this keeps our trigrams identical to its.
            d[o++] = static_cast<UChar>(u_tolower(c));
            continue;
        }
        for (int32_t k = start; k < i; ++k) d[o++] = s[k];
    }
    dst.len = o;
}

// The whole pipeline on one piece of valid or invalid UTF-8 (validated here;
// `base` is the piece's offset in the caller's string, for error messages).
void icu_fold(std::string_view piece, std::size_t base, std::string& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(piece.data());
    const std::size_t n = piece.size();
    const Normalizers& norm = normalizers();
    Scratch& sc = scratch();
    const ScratchTrim trim{sc};
    Buf* cur = &sc.a;
    Buf* tmp = &sc.b;

    // UTF-8 → UTF-16, validating.
    cur->ensure(n + 1);
    {
        UChar* d = cur->data();
        int32_t o = 0;
        for (std::size_t i = 0; i < n;) {
            char32_t c;
            const int len = utf8::decode(s + i, n - i, c);
            if (len == 0) throw_invalid_utf8(s, n, i, base);
            if (c < 0x10000) {
                d[o++] = static_cast<UChar>(c);
            } else {
                d[o++] = U16_LEAD(c);
                d[o++] = U16_TRAIL(c);
            }
            i += static_cast<std::size_t>(len);
        }
        cur->len = o;
    }

    // 1. Full case folding.
    case_fold(*cur, *tmp);
    std::swap(cur, tmp);

    // 2. ŀ (U+0140; Ŀ has folded to it) → l, before NFKD turns it into "l·".
    for (int32_t i = 0; i < cur->len; ++i)
        if (cur->data()[i] == 0x0140) cur->data()[i] = u'l';

    // 3. NFKD, then fold and decompose again if that exposed upper case
    //    (ℌ → H, ㎒ → MHz). This is Unicode's compatibility caseless
    //    matching (definition D146): NFKD(fold(NFKD(fold(NFD(x))))).
    if (normalize(norm.nfkd, *cur, *tmp)) std::swap(cur, tmp);
    case_fold(*cur, *tmp);
    if (tmp->len != cur->len ||
        std::memcmp(tmp->data(), cur->data(), static_cast<std::size_t>(cur->len) * sizeof(UChar)) != 0) {
        std::swap(cur, tmp);
        if (normalize(norm.nfkd, *cur, *tmp)) std::swap(cur, tmp);
    }

    // 4 and 5. Remove diacritics, map the Latin letters without decomposition.
    strip_marks_and_map(*cur, *tmp);
    std::swap(cur, tmp);

    // 6. Recompose.
    if (normalize(norm.nfc, *cur, *tmp)) std::swap(cur, tmp);

    // UTF-16 → UTF-8.
    out.reserve(out.size() + static_cast<std::size_t>(cur->len) * 3);
    const UChar* u = cur->data();
    for (int32_t i = 0; i < cur->len;) {
        UChar32 c;
        U16_NEXT_UNSAFE(u, i, c);
        utf8::append(out, static_cast<char32_t>(c));
    }
}

// ---------------------------------------------------------------------------
// Fast paths
// ---------------------------------------------------------------------------

// Whether the text may be cut just before c: no step of the pipeline can let c
// interact with what precedes it. That needs c to be a starter (combining
// class 0) that neither NFKD nor NFC can reorder or compose with its
// predecessor, and not a non-spacing mark (a dropped mark with class 0, such
// as Thai U+0E31, would leave its successor next to its predecessor).
bool is_clean_slow(char32_t c) {
    if (c < 0x80) return true;
    const Normalizers& norm = normalizers();
    const auto uc = static_cast<UChar32>(c);
    return u_getCombiningClass(uc) == 0 && u_charType(uc) != U_NON_SPACING_MARK &&
           unorm2_hasBoundaryBefore(norm.nfkd, uc) && unorm2_hasBoundaryBefore(norm.nfc, uc);
}

// The fold of each two-byte character, computed once through ICU.
struct SmallFold {
    uint8_t len = 0;
    bool clean = false;   // is_clean_slow()
    bool usable = false;  // clean and fits
    char bytes[13] = {};
};

struct SmallTable {
    std::array<SmallFold, 0x800> entry;  // indexed by code point, 0x80..0x7FF used
};

const SmallTable& small_table() {
    static const SmallTable table = [] {
        SmallTable t;
        std::string folded;
        for (char32_t c = 0x80; c < 0x800; ++c) {
            std::string in;
            utf8::append(in, c);
            folded.clear();
            icu_fold(in, 0, folded);
            SmallFold& e = t.entry[c];
            e.clean = is_clean_slow(c);
            if (folded.size() <= sizeof e.bytes) {
                e.len = static_cast<uint8_t>(folded.size());
                std::memcpy(e.bytes, folded.data(), folded.size());
                e.usable = e.clean;
            }
        }
        return t;
    }();
    return table;
}

// For code points from U+0800 up, two bits per character, computed through
// ICU a block of 256 code points at a time, on first use of the block (about
// 0.1 ms each; CJK text touches a few dozen blocks): whether it is clean, and
// whether it is "invariant" — clean and folding to itself (ideographs, Hangul
// syllables, kana, most symbols and emoji), so it can be copied as is.
struct BlockBits {
    uint64_t clean[4] = {};
    uint64_t invariant[4] = {};

    static bool test(const uint64_t* bits, char32_t c) { return (bits[(c & 0xFF) >> 6] >> (c & 63)) & 1; }
};

const BlockBits& block_bits(char32_t c) {
    // One pointer per block, null until computed. Published with a
    // compare-and-swap so concurrent first uses are safe (the loser's copy is
    // freed); blocks are never freed afterwards.
    static std::atomic<const BlockBits*> blocks[0x110000 >> 8];
    std::atomic<const BlockBits*>& slot = blocks[c >> 8];
    const BlockBits* b = slot.load(std::memory_order_acquire);
    if (b) return *b;

    auto fresh = std::make_unique<BlockBits>();
    std::string in, folded;
    const char32_t first = c & ~char32_t{0xFF};
    for (char32_t x = first; x < first + 0x100; ++x) {
        if (x >= 0xD800 && x <= 0xDFFF) continue;  // surrogates are not characters
        if (!is_clean_slow(x)) continue;
        const uint64_t bit = uint64_t{1} << (x & 63);
        fresh->clean[(x & 0xFF) >> 6] |= bit;
        in.clear();
        utf8::append(in, x);
        folded.clear();
        icu_fold(in, 0, folded);
        if (folded == in) fresh->invariant[(x & 0xFF) >> 6] |= bit;
    }
    const BlockBits* expected = nullptr;
    if (slot.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) return *fresh.release();
    return *expected;
}

inline bool is_clean(char32_t c) {
    if (c < 0x80) return true;
    if (c < 0x800) return small_table().entry[c].clean;
    return BlockBits::test(block_bits(c).clean, c);
}

// Whether c can be handled by a fast path (ASCII, the two-byte table, or a
// copy of an invariant character) when a clean character follows it.
inline bool has_fast_path(char32_t c) {
    if (c < 0x80) return true;
    if (c < 0x800) return small_table().entry[c].usable;
    return BlockBits::test(block_bits(c).invariant, c);
}

// Whether position i of s is a place where the text may be cut (end of text,
// or a clean character). Invalid bytes are not: the slow path will report
// them.
inline bool clean_at(const unsigned char* s, std::size_t i, std::size_t n) {
    if (i >= n || s[i] < 0x80) return true;
    char32_t c;
    return utf8::decode(s + i, n - i, c) != 0 && is_clean(c);
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// End of the run of ASCII bytes other than NUL starting at i.
inline std::size_t ascii_run_end(const unsigned char* s, std::size_t i, std::size_t n) {
    while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        // A byte ≥ 0x80, or a zero byte (the classic "haszero" bit trick).
        if ((w & kHighBits) || ((w - kOnes) & ~w & kHighBits)) break;
        i += 8;
    }
    while (i < n && s[i] < 0x80 && s[i] != 0) ++i;
    return i;
}

// Lower-cases ASCII (no byte ≥ 0x80) eight bytes at a time: adding 0x3F sets
// bit 7 of every byte ≥ 'A', adding 0x25 sets it for every byte > 'Z'; no
// addition carries into the next byte because every byte is < 0x80. Their
// difference marks A..Z, and 0x80 >> 2 is the 0x20 that lower-cases.
inline void ascii_lower_copy(const unsigned char* s, std::size_t n, char* d) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        const uint64_t ge_a = w + 0x3F3F3F3F3F3F3F3FULL;
        const uint64_t gt_z = w + 0x2525252525252525ULL;
        w |= (ge_a & ~gt_z & kHighBits) >> 2;
        std::memcpy(d + i, &w, 8);
    }
    for (; i < n; ++i) {
        const unsigned char c = s[i];
        d[i] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
}

// Past this many bytes a slow segment ends at the next clean character, even
// one without a fast path; it bounds the scratch buffers.
constexpr std::size_t kSegmentTarget = 4096;

void fold_into(std::string_view in, std::string& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    out.reserve(out.size() + n);
    std::size_t i = 0;
    while (i < n) {
        const std::size_t run_end = ascii_run_end(s, i, n);
        if (run_end > i) {
            const std::size_t at = out.size();
            out.resize(at + (run_end - i));
            ascii_lower_copy(s + i, run_end - i, out.data() + at);
            i = run_end;
            if (i == n) break;
        }

        char32_t c;
        const int len = utf8::decode(s + i, n - i, c);
        if (len == 0) throw_invalid_utf8(s, n, i);  // includes NUL

        // A character with a fast path followed by a clean boundary: its fold
        // cannot depend on its neighbours.
        if (has_fast_path(c) && clean_at(s, i + static_cast<std::size_t>(len), n)) {
            if (c < 0x800) {
                const SmallFold& e = small_table().entry[c];
                out.append(e.bytes, e.len);
            } else {
                out.append(in.data() + i, static_cast<std::size_t>(len));
            }
            i += static_cast<std::size_t>(len);
            continue;
        }

        // ICU segment. If it starts with a character that may combine with
        // its predecessor (a combining mark after an ASCII letter), take the
        // predecessor in: it was emitted by the ASCII path as exactly one
        // byte. (A predecessor emitted by the table or by a previous segment
        // is always followed by a clean character, so never needs this.)
        std::size_t start = i;
        if (!is_clean(c) && i > 0 && s[i - 1] < 0x80) {
            --start;
            out.pop_back();
        }
        std::size_t end = i + static_cast<std::size_t>(len);
        while (end < n && s[end] >= 0x80) {
            char32_t c2;
            const int len2 = utf8::decode(s + end, n - end, c2);
            if (len2 == 0) throw_invalid_utf8(s, n, end);
            // End the segment before a clean character that has a fast path
            // (or any clean character once the segment is long), so the
            // fast paths resume; otherwise batch neighbours into one ICU call.
            if (is_clean(c2) && (has_fast_path(c2) || end - start >= kSegmentTarget)) break;
            end += static_cast<std::size_t>(len2);
        }
        icu_fold(in.substr(start, end - start), start, out);
        i = end;
    }
}

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    fold_into(utf8, out);
    return out;
}

void fold_append(std::string_view utf8, std::string& out) {
    const std::size_t before = out.size();
    try {
        fold_into(utf8, out);
    } catch (...) {
        out.resize(before);
        throw;
    }
}

const char* icu_version_string() noexcept {
    static const std::array<char, U_MAX_VERSION_STRING_LENGTH> text = [] {
        std::array<char, U_MAX_VERSION_STRING_LENGTH> t{};
        UVersionInfo v;
        u_getVersion(v);
        u_versionToString(v, t.data());
        return t;
    }();
    return text.data();
}

const std::string& fold_version() noexcept {
    static const std::string version = [] {
        char unicode[U_MAX_VERSION_STRING_LENGTH] = {};
        UVersionInfo v;
        u_getUnicodeVersion(v);
        u_versionToString(v, unicode);
        return std::to_string(kFoldRulesVersion) + ";icu-" + icu_version_string() + ";unicode-" + unicode;
    }();
    return version;
}

bool is_valid_utf8(std::string_view bytes) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    for (std::size_t i = 0; i < n;) {
        const std::size_t run_end = ascii_run_end(s, i, n);
        i = run_end;
        if (i == n) break;
        char32_t c;
        const int len = utf8::decode(s + i, n - i, c);
        if (len == 0) return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

namespace detail {
std::string fold_reference(std::string_view utf8) {
    std::string out;
    icu_fold(utf8, 0, out);
    return out;
}
}  // namespace detail

}  // namespace contacts::core
