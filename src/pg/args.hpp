// Reading SQL arguments with clear errors. These ereport directly, so call
// them only from frames without C++ objects that have destructors.
#pragma once

#include "pg/postgres.hpp"

namespace contacts::pg {

// The int8 argument argno, or ERROR 22004 naming it when it is NULL (for
// functions that are not STRICT because NULL is a mistake, not "no answer").
inline int64 required_int8_arg(FunctionCallInfo fcinfo, int argno, const char* name) {
    if (PG_ARGISNULL(argno))
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("%s must not be NULL", name)));
    return PG_GETARG_INT64(argno);
}

}  // namespace contacts::pg
