// fold(): a table of the hard cases, invalid UTF-8, long inputs, and the
// invariants the indexes rely on (idempotence; the fast paths agree with the
// plain ICU pipeline), checked exhaustively over every code point.
#include "core/fold.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uvernum.h>

#include "core/error.hpp"

using contacts::core::Error;
using contacts::core::fold;
using contacts::core::fold_append;
using contacts::core::fold_version;
using contacts::core::icu_version_string;
using contacts::core::is_valid_utf8;
using contacts::core::SqlState;
using contacts::core::detail::fold_reference;

namespace {

std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
}

std::string repeat(std::string_view s, std::size_t times) {
    std::string out;
    out.reserve(s.size() * times);
    for (std::size_t i = 0; i < times; ++i) out.append(s);
    return out;
}

struct FoldCase {
    const char* what;
    std::string input;
    std::string expected;
};

// Escapes are spelled out where the source text would hide the difference
// (combining marks, decomposed forms, invisible selectors).
const std::vector<FoldCase>& fold_cases() {
    static const std::vector<FoldCase> cases = {
        {"empty", "", ""},
        {"ASCII", "Hello, World! 123", "hello, world! 123"},
        {"ASCII punctuation untouched", "A-Z_a.z@[`]{~}", "a-z_a.z@[`]{~}"},
        // German
        {"umlaut", "Müller", "muller"},
        {"sharp s", "Straße", "strasse"},
        {"capital sharp s", "STRAẞE", "strasse"},
        {"sharp s upper spelling", "STRASSE", "strasse"},
        // Turkish: dotted capital I folds to i + U+0307, whose dot is removed;
        // dotless ı is mapped to i. Both spellings of Istanbul meet.
        {"Turkish dotted I", "İstanbul", "istanbul"},
        {"Turkish dotless i", "ıspanak", "ispanak"},
        {"Turkish mixed", "DİYARBAKIR", "diyarbakir"},
        {"Turkish dotted i decomposed", "I\u0307stanbul", "istanbul"},
        // Greek: final sigma folds like sigma; tonos removed.
        {"Greek capitals", "ΣΊΣΥΦΟΣ", "σισυφοσ"},
        {"Greek lower with final sigma", "σίσυφος", "σισυφοσ"},
        {"Greek polytonic", "ὈΔΥΣΣΕΎΣ", "οδυσσευσ"},
        {"Greek iota subscript", "ᾳ", "αι"},
        {"micro sign", "µm", "μm"},
        // Polish
        {"Polish l with stroke", "Łódź", "lodz"},
        {"Polish ogonek", "Wałęsa", "walesa"},
        // Scandinavian and Icelandic
        {"o with stroke", "Ørsted", "orsted"},
        {"ae and o with stroke", "Ærøskøbing", "aeroskobing"},
        {"a with ring", "Ångström Åsa", "angstrom asa"},
        {"angstrom sign", "\u212Bngström", "angstrom"},
        {"eth", "Guðrún", "gudrun"},
        {"thorn", "Þór", "thor"},
        // Latin letters without decomposition
        {"d with stroke", "Đorđe", "dorde"},
        {"oe ligature", "Œuvre cœur", "oeuvre coeur"},
        {"h with stroke", "Ħal Qormi", "hal qormi"},
        {"t with stroke", "Ŧŧ", "tt"},
        {"eng", "Ŋŋ", "nn"},
        {"kra", "ĸ", "k"},
        {"long s", "ſ", "s"},
        {"l with middle dot", "Ŀŀ coŀlecció", "ll colleccio"},
        {"ij ligature", "Ĳsselmeer", "ijsselmeer"},
        {"dz digraph", "ǄǅǆDž", "dzdzdzdz"},
        {"small capitals", "ᴀʙᴄ", "abc"},
        {"letters with hook", "ƒɓɗƙ", "fbdk"},
        {"schwa is not Latin-mapped", "Əliyev", "əliyev"},
        // Combining marks vs precomposed
        {"precomposed e acute", "é", "e"},
        {"decomposed e acute", "e\u0301", "e"},
        {"decomposed after ASCII", "Cafe\u0301 au lait", "cafe au lait"},
        {"several marks", "a\u0301\u0302\u0303\u0308b", "ab"},
        {"mark at start", "\u0301abc", "abc"},
        {"Vietnamese", "Nguyễn Thị Minh Khai", "nguyen thi minh khai"},
        {"Zoë both ways", "Zoë Zoe\u0308", "zoe zoe"},
        // Ligatures and compatibility forms
        {"fi ligature", "ﬁnance", "finance"},
        {"ffi ligature", "oﬃce", "office"},
        {"fullwidth", "ＡＢＣ１２３", "abc123"},
        {"fullwidth mixed", "Ｍüller", "muller"},
        {"halfwidth katakana", "ｶﾞｽ", "ガス"},
        {"black-letter capital", "ℌello", "hello"},
        {"roman numeral", "Ⅻ", "xii"},
        {"circled digit", "①②", "12"},
        {"squared unit", "㎏", "kg"},
        {"trade mark", "ACME™", "acmetm"},
        {"superscript", "x²", "x2"},
        {"vulgar fraction", "½", "1\u20442"},
        // Scripts where marks stay meaningful
        {"kana voicing kept", "ガス", "ガス"},
        {"kana decomposed voicing recomposed", "カ\u3099ス", "ガス"},
        {"Hangul", "서울", "서울"},
        {"Hangul conjoining jamo recomposed", "\u1109\u1165\u110B\u116E\u11AF", "서울"},
        {"Arabic harakat removed", "مُحَمَّد", "محمد"},
        {"Hebrew niqqud removed", "שָׁלוֹם", "שלום"},
        {"Devanagari virama removed, vowel sign kept", "हिन्दी", "हिनदी"},
        {"CJK unchanged", "東京都", "東京都"},
        {"Cyrillic", "МОСКВА Ёлка Й", "москва елка и"},
        {"Cherokee folds to lower case", "ᎠᎡᎢ ꭰꭱꭲ", "ꭰꭱꭲ ꭰꭱꭲ"},
        // Emoji pass through unchanged (including VS16 and ZWJ sequences).
        {"emoji", "😀", "😀"},
        {"emoji skin tone", "👍🏽", "👍🏽"},
        {"emoji ZWJ family", "👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧"},
        {"flag", "🇩🇪", "🇩🇪"},
        {"emoji presentation selector", "❤\uFE0F", "❤\uFE0F"},
        {"keycap", "1\uFE0F\u20E3", "1\uFE0F\u20E3"},
        {"emoji in text", "Anna 😀 Müller", "anna 😀 muller"},
        // Characters with no folding at all
        {"private use", "\uE000\U000F0000", "\uE000\U000F0000"},
        {"noncharacter", "\uFFFF", "\uFFFF"},
    };
    return cases;
}

}  // namespace

TEST(Fold, HardCases) {
    for (const FoldCase& c : fold_cases()) {
        SCOPED_TRACE(c.what);
        EXPECT_EQ(fold(c.input), c.expected) << "input: " << c.input;
    }
}

TEST(Fold, HardCasesAreIdempotentAndMatchTheReference) {
    for (const FoldCase& c : fold_cases()) {
        SCOPED_TRACE(c.what);
        const std::string once = fold(c.input);
        EXPECT_EQ(fold(once), once);
        EXPECT_EQ(fold_reference(c.input), once);
        EXPECT_TRUE(is_valid_utf8(once));
    }
}

TEST(Fold, SpellingsMeet) {
    EXPECT_EQ(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφος"));
    EXPECT_EQ(fold("İstanbul"), fold("istanbul"));
    EXPECT_EQ(fold("ıstanbul"), fold("Istanbul"));
    EXPECT_EQ(fold("Straße"), fold("STRASSE"));
    EXPECT_EQ(fold("Łukasz"), fold("Lukasz"));
    EXPECT_EQ(fold("Søren"), fold("Soren"));
    EXPECT_EQ(fold("José"), fold("Jose\u0301"));
    EXPECT_EQ(fold("ﬁ"), fold("FI"));
    EXPECT_EQ(fold("ｍüｌｌｅｒ"), fold("MULLER"));
}

TEST(Fold, FoldAppendAppends) {
    std::string out = "prefix:";
    fold_append("Müller", out);
    EXPECT_EQ(out, "prefix:muller");
    fold_append("", out);
    EXPECT_EQ(out, "prefix:muller");
}

TEST(Fold, FoldAppendLeavesOutputUnchangedOnError) {
    std::string out = "prefix:";
    EXPECT_THROW(fold_append("Müller \xC3", out), Error);
    EXPECT_EQ(out, "prefix:");
}

// --- invalid UTF-8 ----------------------------------------------------------

TEST(Fold, InvalidUtf8IsRejected) {
    struct Bad {
        const char* what;
        std::string bytes;
    };
    const std::vector<Bad> bad = {
        {"truncated 2-byte", "\xC3"},
        {"truncated 2-byte before ASCII", "\xC3("},
        {"truncated 3-byte at end", "abc\xE2\x82"},
        {"truncated 4-byte", "\xF0\x9F\x98"},
        {"truncated after accented text", "Müller\xE2\x82"},
        {"overlong slash (C0)", "\xC0\xAF"},
        {"overlong (C1)", "\xC1\xBF"},
        {"overlong 3-byte", "\xE0\x80\xAF"},
        {"overlong 4-byte", "\xF0\x80\x80\xAF"},
        {"overlong NUL", "a\xC0\x80"},
        {"lone continuation", "\x80"},
        {"continuation inside ASCII", "a\xBF" "b"},
        {"continuation after 2-byte char", "\xC3\xA9\xA9"},
        {"surrogate high", "\xED\xA0\x80"},
        {"surrogate low", "\xED\xBF\xBF"},
        {"surrogate pair (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80"},
        {"above U+10FFFF", "\xF4\x90\x80\x80"},
        {"F5 lead byte", "\xF5\x80\x80\x80"},
        {"FE byte", "\xFE"},
        {"FF byte", "x\xFF"},
        {"NUL", std::string("a\0b", 3)},
        {"NUL alone", std::string(1, '\0')},
        {"invalid after 5000 bytes of CJK", repeat("東", 1700) + "\xE6\x9D"},
    };
    for (const Bad& b : bad) {
        SCOPED_TRACE(b.what);
        EXPECT_FALSE(is_valid_utf8(b.bytes));
        try {
            fold(b.bytes);
            ADD_FAILURE() << "fold accepted invalid UTF-8";
        } catch (const Error& e) {
            EXPECT_EQ(e.state(), SqlState::CharacterNotInRepertoire);
            EXPECT_NE(std::string(e.what()).find("invalid byte sequence for encoding \"UTF8\""), std::string::npos)
                << e.what();
        }
        EXPECT_THROW(fold_reference(b.bytes), Error);
    }
}

TEST(Fold, InvalidUtf8MessageNamesTheBytesLikePostgres) {
    try {
        fold("ab\xED\xA0\x80");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "invalid byte sequence for encoding \"UTF8\": 0xed 0xa0 0x80");
        EXPECT_EQ(e.detail(), "The byte sequence starts at byte offset 2.");
    }
    try {
        fold(std::string("x\0", 2));
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "invalid byte sequence for encoding \"UTF8\": 0x00");
    }
    try {
        fold("Müller \xE2\x82");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82");
        EXPECT_EQ(e.detail(), "The byte sequence starts at byte offset 8.");
    }
}

TEST(Fold, ValidUtf8Boundaries) {
    // The extremes of each sequence length are accepted.
    for (char32_t c : {char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800}, char32_t{0xD7FF},
                       char32_t{0xE000}, char32_t{0xFFFD}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
        const std::string s = utf8(c);
        EXPECT_TRUE(is_valid_utf8(s)) << std::hex << static_cast<uint32_t>(c);
        EXPECT_NO_THROW(fold(s));
    }
}

// --- long inputs ----------------------------------------------------------------

TEST(Fold, OneMegabyteAscii) {
    const std::string in = repeat("The Quick Brown Fox 0123456789 ", 1 << 15);  // ~1 MB
    std::string expected = in;
    for (char& c : expected)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    EXPECT_EQ(fold(in), expected);
}

TEST(Fold, OneMegabyteAccented) {
    const std::string in = repeat("Müller Straße Ærøskøbing İstanbul Łódź ", 20000);  // ~1 MB
    const std::string out = fold(in);
    EXPECT_EQ(out, repeat("muller strasse aeroskobing istanbul lodz ", 20000));
    EXPECT_EQ(fold_reference(in), out);
}

TEST(Fold, OneMegabyteWithoutAscii) {
    // One long non-ASCII run: folded in segments cut at clean boundaries.
    const std::string in = repeat("東京都서울ガス\u0301Ω", 1 << 16);
    const std::string out = fold(in);
    EXPECT_EQ(out, repeat("東京都서울ガスω", 1 << 16));
    EXPECT_EQ(fold_reference(in), out);
}

TEST(Fold, LongRunOfCombiningMarks) {
    // No clean boundary for 600 KB: one segment, all marks removed.
    const std::string in = "a" + repeat("\u0301", 300000) + "b";
    EXPECT_EQ(fold(in), "ab");
}

// --- exhaustive invariants --------------------------------------------------------

TEST(Fold, EveryCodePointIsIdempotentAndMatchesTheReference) {
    std::size_t checked = 0;
    for (char32_t c = 1; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string in = utf8(c);
        const std::string once = fold(in);
        if (fold(once) != once || fold_reference(in) != once) {
            ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(c) << " folds to " << once;
            if (++checked > 20) return;  // do not flood the log
        }
    }
}

TEST(Fold, EveryCodePointBetweenLettersMatchesTheReference) {
    // Neighbours matter for the fast paths: check every code point between an
    // ASCII letter and a two-byte letter, and between two combining contexts.
    std::size_t failures = 0;
    for (char32_t c = 1; c <= 0x10FFFF && failures < 20; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string in = "a" + utf8(c) + "é" + utf8(c) + "\u0301" + utf8(c) + "か";
        const std::string once = fold(in);
        if (fold(once) != once || fold_reference(in) != once) {
            ADD_FAILURE() << "context of U+" << std::hex << static_cast<uint32_t>(c);
            ++failures;
        }
    }
}

TEST(Fold, RandomMixturesMatchTheReference) {
    // Strings drawn from the characters that interact under normalisation:
    // combining marks of several classes, kana and voicing marks, Hangul jamo,
    // a class-0 Thai mark, Indic vowel signs, Latin table letters, emoji
    // parts, ASCII.
    const std::vector<char32_t> alphabet = {
        'a', 'e', 'i', 'A', 'Z', ' ', '-', '%', '1', 0xE9, 0xC5, 0xDF, 0xF8, 0x142, 0x130, 0x131, 0x140, 0x13F,
        0x3A3, 0x3C2, 0x3B1, 0x345, 0x300, 0x301, 0x308, 0x323, 0x327, 0x338, 0x34F, 0x5B4, 0x64E, 0x651, 0x93F,
        0x94D, 0x940, 0x93E, 0xB47, 0xB3E, 0xB56, 0xE31, 0xE34, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x304B, 0x3099,
        0x309A, 0x30AB, 0xFF76, 0xFF9E, 0xFB01, 0xFF21, 0x212B, 0x210C, 0x2160, 0x1E9E, 0x13A0, 0xAB70, 0x1F600,
        0x1F3FD, 0x200D, 0xFE0F, 0x20E3, 0xE0100, 0x0F71, 0x0F72, 0x0F80, 0x1D165, 0x1D16D, 0xFDFA, 0x1F88, 0x1FB3};
    std::mt19937 rng(20240604);
    for (int round = 0; round < 20000; ++round) {
        std::string in;
        const int len = static_cast<int>(rng() % 12);
        for (int k = 0; k < len; ++k) in += utf8(alphabet[rng() % alphabet.size()]);
        const std::string once = fold(in);
        ASSERT_EQ(fold_reference(in), once) << "input #" << round;
        ASSERT_EQ(fold(once), once) << "input #" << round;
    }
}

// --- versions ---------------------------------------------------------------------

TEST(Fold, Versions) {
    // Linked against the ICU whose headers we compiled with.
    EXPECT_STREQ(icu_version_string(), U_ICU_VERSION);
    const std::string v = fold_version();
    EXPECT_EQ(v.rfind(std::to_string(contacts::core::kFoldRulesVersion) + ";icu-" + icu_version_string() +
                          ";unicode-",
                      0),
              0u)
        << v;
}
