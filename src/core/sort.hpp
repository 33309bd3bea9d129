// Sort specifications: parsing, normalisation and ORDER BY text.
//
// A sort is a list of field names (or Django aliases), each optionally
// prefixed with '-' for descending. NULLs order as PostgreSQL's default:
// last ascending, first descending; the ORDER BY text spells this out.
// `id` ascending is appended when absent, so the order is total; keys after
// `id` are dropped (id is unique, so they can never decide anything) — this
// normalisation also makes ["id", "city"] and ["id"] the same sort, with the
// same cursors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.hpp"

namespace contacts::core {

struct SortKey {
    const Field* field = nullptr;
    bool descending = false;
};

struct SortSpec {
    std::vector<SortKey> keys;  // never empty; the last key is always id

    // "last_name,-points,id": canonical names, the identity of the sort.
    std::string normalized() const;
    // A 64-bit fingerprint of normalized(), carried in cursors.
    uint64_t fingerprint() const;
    // The same keys with every direction flipped (and so every NULL
    // placement: ASC NULLS LAST ↔ DESC NULLS FIRST): the order backward
    // paging walks.
    SortSpec reversed() const;
};

// Parses a sort list. Errors: unknown field (42703, listing the fields),
// empty entry or a duplicate field (22023, naming it).
SortSpec parse_sort(const std::vector<std::string>& entries);

// "u.last_name ASC NULLS LAST, cr.points DESC NULLS FIRST, u.id ASC NULLS LAST".
// With a qualifier (e.g. "s"), keys are written as <qualifier>.<output column>
// instead of their SQL expressions, for ordering an outer query.
// first_key skips leading keys (for a branch where they are constant).
std::string order_by_sql(const SortSpec& spec, const std::string& qualifier = "", std::size_t first_key = 0);

}  // namespace contacts::core
