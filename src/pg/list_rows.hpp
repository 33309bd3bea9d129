// Runs a list query and writes its rows, each with its cursor, into the
// result of a materialized set-returning function.
#pragma once

#include "pg/postgres.hpp"

#include "core/query_builder.hpp"

namespace contacts::pg {

// The 19 columns of the list query; contacts_list returns them plus the cursor.
constexpr int kListDataColumns = 19;

// Executes q (inside SPI_connect) with its cached plan and appends every row
// plus its cursor to rsinfo->setResult, in the requested order (a backward
// page is read nearest-first and written last row first). Throws PgError or
// core::Error.
void emit_list_rows(const core::BuiltQuery& q, ReturnSetInfo* rsinfo);

}  // namespace contacts::pg
