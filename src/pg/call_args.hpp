// Reading contacts_list/contacts_count/contacts_explain arguments into plain
// C++ values, through pg_call (detoasting and jsonb output can ERROR).
#pragma once

#include "pg/postgres.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace contacts::pg {

// The filter as JSON text; NULL means no filter ("{}").
std::string filter_arg(FunctionCallInfo fcinfo, int argno);
// The sort keys; NULL means the default sort. A NULL element is an error.
std::vector<std::string> sort_arg(FunctionCallInfo fcinfo, int argno);
// A text argument, or nullopt when NULL.
std::optional<std::string> optional_text_arg(FunctionCallInfo fcinfo, int argno);
// An integer argument that must not be NULL (error 22004 naming it).
int64_t required_int_arg(FunctionCallInfo fcinfo, int argno, const char* name, bool is_int8);

// The quoted name of the schema holding the function being called: where
// the extension's tables are.
std::string extension_schema_sql(FunctionCallInfo fcinfo);

// Whether row level security applies to the extension's address table for
// the current user (so a contact's address row may be invisible to it).
bool address_rows_hidable(FunctionCallInfo fcinfo);

}  // namespace contacts::pg
