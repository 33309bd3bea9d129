// contacts_count(filter, 'planned') for a filter with no condition, without
// planning a statement.
//
// The planner's estimate for "SELECT 1 FROM app_user u" is the table's size
// estimate: reltuples scaled to the table's current number of pages
// (estimate_rel_size), rounded as every row estimate is (clamp_row_est).
// Asking for that directly costs a fifth of planning the statement, the one
// thing a planned count of all contacts does, and gives the same number
// (sql/list.sql compares the two).
#pragma once

#include "pg/postgres.hpp"

#include <optional>

namespace contacts::pg {

// The estimate, after the privilege check running the statement would make
// (SELECT on app_user or on any of its columns; else ERROR 42501). nullopt
// when the statement's plan would say more than the table's size: row level
// security adds its policies' conditions, or app_user has inheritance
// children or is not a plain table. Throws PgError.
std::optional<double> unfiltered_contacts_estimate(FunctionCallInfo fcinfo);

}  // namespace contacts::pg
