// ILIKE without PostgreSQL's lower() calls, for ASCII text.
//
// In a UTF-8 database PostgreSQL's ILIKE lower-cases the pattern and the
// text with lower() (a palloc'd copy of each, character by character) and then
// compares bytes with LIKE's rules. When both are ASCII and the collation
// lower-cases ASCII as A-Z → a-z (the PostgreSQL layer checks that once per
// call site: a Turkish collation maps I to ı), the answer is LIKE on the
// ASCII-lower-cased strings, which this computes without allocation. Texts
// with other bytes are left to PostgreSQL (matches() says so), as are
// patterns that are not ASCII or end in a lone backslash (PostgreSQL rejects
// those).
//
// It is the recheck of every trigram-index ILIKE on contact names and
// addresses, where lower() was about 40% of a count(*) of common matches.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/trgm_index.hpp"

namespace contacts::core {

// Every byte below 0x80.
bool is_ascii(std::string_view bytes);

class AsciiIlike {
public:
    // nullopt when the pattern must be left to PostgreSQL (see above).
    static std::optional<AsciiIlike> compile(std::string_view pattern);

    // text ILIKE pattern, or nullopt when text is not ASCII. scratch is a
    // buffer the caller keeps between calls (no allocation once it is large
    // enough).
    std::optional<bool> matches(std::string_view text, std::string& scratch) const;

private:
    explicit AsciiIlike(std::string_view lowered) : matcher_(lowered) {}
    trgm::LikeMatcher matcher_;
};

}  // namespace contacts::core
