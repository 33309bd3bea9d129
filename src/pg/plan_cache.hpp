// Prepared plans per query shape, kept for the session.
//
// The core writes the same SQL text for the same shape (same fields,
// lookups, sort, cursor NULL pattern and page size; values are parameters),
// so the SQL text plus parameter types identify a shape. Each shape is
// prepared once (parse and analysis are skipped afterwards) and kept with
// SPI_keepplan; PostgreSQL's plan cache revalidates it after DDL.
//
// Generic or custom plan. A generic plan saves the planning (about 0.3-0.5 ms
// for the three-table join) but is chosen without the values; a wrong one
// can cost a thousand times that. PostgreSQL's own rule (generic when its
// estimated cost is below the average custom plan's) is blind to what
// matters here, so the choice is made from the plans themselves:
//  - a shape whose filter has a search term or a text pattern lookup
//    (core::selectivity_varies_by_value: "%an%" matches a third of the
//    contacts, "%xq%" none) is planned with its values on every call;
//  - any other shape is planned with its values for its first five calls,
//    and the plan's signature (node types, join types, indexes, workers:
//    plan_signature.hpp) recorded. If the five agree and the generic plan has
//    the same signature, the generic plan is used from then on: it is the
//    plan fresh planning makes for such values. A call is planned with its
//    values again after 32 calls, then after twice as many each time the
//    plans agree (at most 1,024 calls apart); a different plan sends the
//    shape back to planning on every call, for good.
// The LIMIT is the page size as a number (query_builder.cpp, row_goal_sql),
// so a generic plan is costed for one page, not for 10% of the table.
#pragma once

#include "pg/postgres.hpp"

#include <string>
#include <vector>

namespace contacts::pg {

// The kept plan to execute sql with these parameter values (see above),
// prepared on first use. Must run inside SPI_connect. Throws PgError.
SPIPlanPtr plan_for_call(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call,
                         ParamListInfo params);

// The planner's row estimate for sql with these values: planned with them
// (the shape's kept plan source, so parse and analysis are skipped), never
// started or run; the caller must have the privileges running it would
// need (else ERROR 42501). Must run inside SPI_connect. Throws PgError.
double planned_rows(const std::string& sql, const std::vector<Oid>& types, ParamListInfo params);

// How this session currently plans the shape, in words (contacts_explain).
std::string plan_choice(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call);


}  // namespace contacts::pg
