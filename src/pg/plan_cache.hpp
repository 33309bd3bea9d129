// Prepared plans per query shape, kept for the session.
//
// The core writes the same SQL text for the same shape (same fields,
// lookups, sort and cursor NULL pattern; values are parameters), so the SQL
// text plus parameter types identify a shape. Each shape is prepared once
// (parse and analysis are skipped afterwards) and kept with SPI_keepplan;
// PostgreSQL's plan cache revalidates it after DDL.
//
// Generic or custom plan: a shape whose filter has a search term or a text
// pattern lookup (core::selectivity_varies_by_value) is always planned with
// its values (CURSOR_OPT_CUSTOM_PLAN), because a generic plan cannot know
// that "%an%" matches half the table and "%xq%" nothing, and picking wrong
// costs far more than planning. Every other shape (no filter, equality,
// ranges, IN, cursor keys) gets PostgreSQL's own choice, as a prepared
// statement does: custom plans for the first five calls, then the generic
// plan when its estimated cost is no higher than theirs. The session's
// plan_cache_mode applies to those (force_custom_plan plans every call).
// The LIMIT is a literal row goal (query_builder.cpp, row_goal_sql), so the
// generic plan is costed for the page size, not for 10% of the table.
#pragma once

#include "pg/postgres.hpp"

#include <string>
#include <vector>

namespace contacts::pg {

// The kept plan for sql with these parameter types, prepared on first use.
// Must run inside SPI_connect. Throws PgError if preparing fails.
SPIPlanPtr cached_plan(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call);

// Number of shapes kept (for tests and contacts_explain).
std::size_t cached_plan_count();

}  // namespace contacts::pg
