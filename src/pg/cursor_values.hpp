// The text of a row's sort-key values, as cursors carry them.
//
// Dates and timestamps are written in ISO form with an explicit UTC offset,
// independent of the session's DateStyle and TimeZone, so a cursor made in
// one session reads back to the same instant in any other.
#pragma once

#include "pg/postgres.hpp"

#include "core/cursor.hpp"

namespace contacts::pg {

// Adds a row's sort-key value of type `type` (int8, int4, text, date,
// timestamptz) to the cursor being encoded. Throws PgError or core::Error.
void add_cursor_key(core::CursorEncoder& encoder, Datum value, bool is_null, Oid type);

}  // namespace contacts::pg
