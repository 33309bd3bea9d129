// One contacts_list page, from arguments to rows: shared by the function
// (list.cpp, a materialized SRF) and the ContactsList scan (list_scan.cpp),
// so both run exactly the same query the same way.
#pragma once

#include "pg/list_rows.hpp"
#include "pg/postgres.hpp"

#include "core/query_builder.hpp"

namespace contacts::pg {

// The options every query of the call is built with: the extension's schema
// (of the function fcinfo calls), the GUCs, whether RLS may hide addresses.
core::BuildOptions build_options(FunctionCallInfo fcinfo);

// The list query for contacts_list's four arguments in fcinfo (filter, sort,
// cursor, limit). Throws core::Error (the caller's mistakes) or PgError.
core::BuiltQuery build_list_call(FunctionCallInfo fcinfo);

// Runs q under contacts_ext.list_timeout inside its own SPI connection and
// writes the page to out. Throws PgError or core::Error.
void run_list_query(const core::BuiltQuery& q, RowWriter& out);

}  // namespace contacts::pg
