// Turning the core's typed Params into SPI arguments.
//
// Every value a user gave travels as a Param and arrives here; it is
// converted with the type's own input function (so dates and timestamps mean
// exactly what PostgreSQL says, in the session's time zone) and bound as a
// parameter, never spliced into SQL. A value PostgreSQL rejects becomes a
// core::Error naming the filter key it came from.
#pragma once

#include "pg/postgres.hpp"

#include "core/params.hpp"

#include <vector>

namespace contacts::pg {

struct BoundParams {
    std::vector<Oid> types;
    std::vector<Datum> values;
    std::vector<char> nulls;  // SPI's convention: ' ' not null, 'n' null
};

Oid param_type_oid(core::ParamType type);

// Converts every param; Datums are palloc'd in CurrentMemoryContext.
// Throws core::Error (22P02, or the input function's class-22 SQLSTATE's
// nearest core equivalent) naming Param::origin_key.
BoundParams bind_params(const std::vector<core::Param>& params);

// SPI's parameter list for bound values (what SPI_execute_plan builds from
// its Datum/nulls arrays), palloc'd in CurrentMemoryContext.
ParamListInfo param_list(const BoundParams& bound);

}  // namespace contacts::pg
