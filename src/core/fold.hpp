// Text folding for accent- and case-insensitive search.
//
// fold() maps a UTF-8 string to the form every index and every query of
// contacts_ext compares: two strings that a user would call "the same name
// typed differently" (case, accents, compatibility forms, ligatures, the Latin
// letters that have no decomposition) fold to the same bytes.
//
// The pipeline, applied to every character (see fold.cpp for why each step is
// where it is):
//   1. Unicode full case folding (ß → ss, İ → i + U+0307, ς → σ, ﬀ → ff …).
//   2. ŀ → l (its compatibility decomposition would otherwise leave "l·").
//   3. NFKD: compatibility decomposition (ﬁ → fi, fullwidth Ａ → A, ① → 1,
//      é → e + U+0301), then case folding and NFKD once more, because a
//      compatibility decomposition can expose an upper-case letter (ℌ → H).
//   4. Non-spacing marks (general category Mn) are removed: the diacritics.
//      Kept: variation selectors (emoji presentation, U+FE0F) and the kana
//      voicing marks U+3099/U+309A (が is not か).
//   5. Latin letters without a decomposition are mapped to their base letters
//      (ø → o, ł → l, đ/ð → d, æ → ae, œ → oe, þ → th, ı → i, ħ → h …).
//      Cherokee, which case folding maps to upper case, is put in lower case:
//      folded text is then unchanged by lower() as well (checked for every
//      code point against PostgreSQL's lower() in a C.UTF-8 database).
//   6. NFC, so that the result is compact (Hangul syllables, Indic vowel
//      signs recomposed) and comparable with other NFC text.
//
// Mark removal applies to every script: Arabic harakat and Hebrew niqqud go
// (as search usually wants), and so do Indic viramas, Thai vowel and tone
// marks, and the breve that makes Cyrillic й from и — just as Swedish å
// becomes a. Every comparison folds both sides the same way, so this only
// widens what matches.
//
// The result is lower case, NFC, valid UTF-8 without NUL, and fold() is
// idempotent: fold(fold(x)) == fold(x).
//
// Folding depends on the Unicode data of the ICU library in use and on our
// rules (kFoldRulesVersion). Both are part of fold_version(); an index built
// under another fold_version() must be rebuilt (REINDEX), like a collation
// version change.
#pragma once

#include <string>
#include <string_view>

namespace contacts::core {

// Bump whenever the folding rules above change in a way that changes any
// output (the Latin table, the set of kept marks, the pipeline order).
inline constexpr int kFoldRulesVersion = 1;

// Folds UTF-8 text. Throws Error(SqlState::CharacterNotInRepertoire) when the
// input is not valid UTF-8 (overlong forms, UTF-16 surrogates, code points
// above U+10FFFF, truncated or stray continuation bytes) or contains NUL,
// which PostgreSQL text cannot hold either. Throws
// Error(SqlState::ProgramLimitExceeded) for inputs too large for ICU's 32-bit
// lengths.
std::string fold(std::string_view utf8);

// Appends fold(utf8) to out. On exception, out is left as it was.
void fold_append(std::string_view utf8, std::string& out);

// The version of the ICU library actually loaded (u_getVersion(), e.g.
// "72.1"). At build time this equals U_ICU_VERSION; at run time it is what
// matters, because the Unicode data lives in the shared library.
const char* icu_version_string() noexcept;

// Everything the result of fold() depends on, as one comparable string:
// "<rules>;icu-<ICU version>;unicode-<Unicode version>", e.g.
// "1;icu-72.1;unicode-15.0". Store it with an index; warn when it changes.
const std::string& fold_version() noexcept;

// Whether bytes are well-formed UTF-8 (the same rules fold() enforces,
// including the rejection of NUL).
bool is_valid_utf8(std::string_view bytes) noexcept;

namespace detail {
// The same result as fold(), computed without any fast path (the whole input
// goes through ICU at once). For tests and the fuzz target, which check that
// the fast paths never change a result.
std::string fold_reference(std::string_view utf8);
}  // namespace detail

}  // namespace contacts::core
