// Prepared plans per query shape, kept for the session.
//
// The core writes the same SQL text for the same shape (same fields,
// lookups, sort and cursor NULL pattern; values are parameters), so the SQL
// text plus parameter types identify a shape. Each shape is prepared once
// (parse and analysis are skipped afterwards) and kept with SPI_keepplan;
// PostgreSQL's plan cache revalidates it after DDL.
//
// Generic or custom plan: a shape whose parameters include filter values
// (a pattern, a range bound, a name) is always planned with its values
// (CURSOR_OPT_CUSTOM_PLAN), because a generic plan cannot know that "%an%"
// matches half the table and "%xq%" nothing, and picking wrong costs far
// more than planning. Shapes whose only parameters are the LIMIT and cursor
// keys use PostgreSQL's default choice: their best plan does not depend on
// the values, and the generic plan saves the planning.
#pragma once

#include "pg/postgres.hpp"

#include <string>
#include <vector>

namespace contacts::pg {

// The kept plan for sql with these parameter types, prepared on first use.
// Must run inside SPI_connect. Throws PgError if preparing fails.
SPIPlanPtr cached_plan(const std::string& sql, const std::vector<Oid>& types, bool values_shape_plan);

// Number of shapes kept (for tests and contacts_explain).
std::size_t cached_plan_count();

}  // namespace contacts::pg
