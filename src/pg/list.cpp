// contacts_list, contacts_count and contacts_explain: the PostgreSQL side.
//
// The core (src/core/query_builder.hpp) turns the arguments into one SQL
// statement with $n parameters; this file binds the parameters, runs the
// statement through SPI with a per-session cached plan (plan_cache.hpp) and
// hands the rows back, each with its cursor.
//
// Everything here holds C++ objects (strings, vectors), so every call into
// PostgreSQL goes through pg_call(); an ERROR becomes an exception, the stack
// unwinds, and CONTACTS_FUNCTION re-raises it. On that path SPI is not
// finished by us: the transaction's abort cleans it up (calling SPI_finish
// from a destructor during unwinding could itself raise).
#include "pg/bind_params.hpp"
#include "pg/call_timeout.hpp"
#include "pg/boundary.hpp"
#include "pg/call_args.hpp"
#include "pg/list_page.hpp"
#include "pg/list_rows.hpp"
#include "pg/plan_cache.hpp"
#include "pg/settings.hpp"
#include "pg/table_estimate.hpp"

#include "core/error.hpp"
#include "core/query_builder.hpp"

extern "C" {
#include "utils/guc.h"
}

#include <cmath>
#include <string>
#include <vector>

namespace {

namespace core = contacts::core;
using contacts::pg::build_options;
using contacts::pg::pg_call;


void spi_connect() {
    pg_call([] {
        if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    });
}

void spi_finish() {
    pg_call([] { SPI_finish(); });
}

// Runs q (a SELECT) read-only with its cached plan; rows are in SPI_tuptable.
// No row count is passed to SPI: PostgreSQL runs a plan without its parallel
// workers when the caller may stop it early (a count > 0; PL/pgSQL's SELECT
// INTO is served that way too), and the statement bounds its own result.
void run_query(const core::BuiltQuery& q) {
    contacts::pg::BoundParams bound = contacts::pg::bind_params(q.params);
    ParamListInfo params = contacts::pg::param_list(bound);
    SPIPlanPtr plan = contacts::pg::plan_for_call(q.sql, bound.types, q.plan_per_call, params);
    pg_call([=] {
        int rc = SPI_execute_plan_with_paramlist(plan, params, true, 0);
        if (rc != SPI_OK_SELECT) elog(ERROR, "contacts_ext query failed: %s", SPI_result_code_string(rc));
    });
}

}  // namespace

CONTACTS_FUNCTION(contacts_list) {
    const core::BuiltQuery q = contacts::pg::build_list_call(fcinfo);

    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    // The executor's expected row type: building it from pg_proc on every
    // call (flags 0) was a tenth of a one-row call's instructions.
    pg_call([=] { InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC); });
    if (rsinfo->setDesc->natts != contacts::pg::kListDataColumns + 1)
        throw core::Error(core::SqlState::InternalError, "contacts_list's declared result does not have 20 columns");

    // After InitMaterializedSRF: the per-query context, alive until the
    // executor has read the rows.
    contacts::pg::TuplestoreRows rows(rsinfo, CurrentMemoryContext);
    contacts::pg::run_list_query(q, rows);
    return Datum(0);
}

namespace {

enum class CountMode { Exact, Planned, Estimated };

CountMode parse_count_mode(const std::string& mode) {
    if (mode == "exact") return CountMode::Exact;
    if (mode == "planned") return CountMode::Planned;
    if (mode == "estimated") return CountMode::Estimated;
    throw core::Error(core::SqlState::InvalidParameterValue, "unknown count mode \"" + mode + "\"", "",
                      "Use 'exact', 'planned' (the planner's estimate) or 'estimated' (exact below "
                      "contacts_ext.count_exact_threshold rows, planned above).");
}

// The planner's row estimate for q, planned with its parameter values (the
// query is planned, never started or run), or read from the table's size
// when nothing is filtered.
double planned_rows(FunctionCallInfo fcinfo, const core::BuiltQuery& q) {
    if (q.unfiltered) {
        if (const std::optional<double> rows = contacts::pg::unfiltered_contacts_estimate(fcinfo)) return *rows;
    }
    contacts::pg::BoundParams bound = contacts::pg::bind_params(q.params);
    return contacts::pg::planned_rows(q.sql, bound.types, contacts::pg::param_list(bound));
}

int64_t exact_count(const core::BuiltQuery& q) {
    run_query(q);
    if (SPI_processed != 1) throw core::Error(core::SqlState::InternalError, "contacts_count returned no row");
    bool isnull = false;
    Datum d = pg_call([&] { return SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull); });
    return isnull ? 0 : DatumGetInt64(d);
}

}  // namespace

CONTACTS_FUNCTION(contacts_count) {
    const std::string filter = contacts::pg::filter_arg(fcinfo, 0);
    const std::optional<std::string> mode_arg = contacts::pg::optional_text_arg(fcinfo, 1);
    const CountMode mode = parse_count_mode(mode_arg.value_or("exact"));
    std::optional<int64_t> cap;
    if (!PG_ARGISNULL(2)) cap = PG_GETARG_INT64(2);
    if (cap && *cap < 0)
        throw core::Error(core::SqlState::InvalidParameterValue, "cap must not be negative", "",
                          "cap = 10000 counts at most 10,001 rows: a result of 10,001 means \"more than 10,000\".");
    const core::BuildOptions options = build_options(fcinfo);

    const int64_t result = contacts::pg::with_call_timeout("contacts_count", [&]() -> int64_t {
        spi_connect();
        std::optional<int64_t> counted;
        if (mode != CountMode::Exact) {
            const double estimate = planned_rows(fcinfo, core::build_estimate_query(filter, options));
            if (mode == CountMode::Planned || estimate > contacts::pg::count_exact_threshold) {
                counted = static_cast<int64_t>(std::llround(estimate));
                if (cap && *counted > *cap) counted = *cap + 1;
            }
        }
        if (!counted) counted = exact_count(core::build_count_query(filter, cap, options));
        spi_finish();
        return *counted;
    });
    PG_RETURN_INT64(result);
}

CONTACTS_FUNCTION(contacts_explain) {
    const std::string filter = contacts::pg::filter_arg(fcinfo, 0);
    const std::vector<std::string> sort = contacts::pg::sort_arg(fcinfo, 1);
    const std::optional<std::string> cursor = contacts::pg::optional_text_arg(fcinfo, 2);
    const int64_t limit = contacts::pg::required_int_arg(fcinfo, 3, "limit", false);
    const bool analyze = !PG_ARGISNULL(4) && PG_GETARG_BOOL(4);

    const core::BuiltQuery q = core::build_list_query(filter, sort, cursor, limit, build_options(fcinfo));
    contacts::pg::BoundParams bound = contacts::pg::bind_params(q.params);

    std::vector<std::string> lines;
    lines.emplace_back("-- SQL run by contacts_list (values are bound parameters, never part of the text):");
    lines.emplace_back("-- the LIMIT is the page size, written as a number so the planner plans for one page");
    if (q.backward)
        lines.emplace_back("-- a page before the cursor: read in the reversed order, returned last row first");
    lines.push_back(q.sql);
    lines.emplace_back("-- parameters:");
    for (std::size_t i = 0; i < q.params.size(); ++i) lines.push_back(core::describe_param(i + 1, q.params[i]));
    lines.emplace_back("-- plan choice in this session: " +
                       contacts::pg::plan_choice(q.sql, bound.types, q.plan_per_call));
    lines.emplace_back("-- plan, made with these values:");

    const std::string explain = std::string(analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + q.sql;
    spi_connect();
    const char* sql = explain.c_str();
    const int nargs = static_cast<int>(bound.types.size());
    Oid* types = bound.types.data();
    Datum* values = bound.values.data();
    const char* nulls = bound.nulls.data();
    pg_call([=] {
        int rc = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);
        if (rc != SPI_OK_UTILITY && rc != SPI_OK_SELECT)
            elog(ERROR, "EXPLAIN failed: %s", SPI_result_code_string(rc));
    });
    for (uint64 r = 0; r < SPI_processed; ++r) {
        const char* line = pg_call([=] { return SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1); });
        lines.emplace_back(line != nullptr ? line : "");
    }
    spi_finish();

    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    pg_call([=] { InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC); });
    for (const std::string& line : lines) {
        const char* data = line.data();
        const int len = static_cast<int>(line.size());
        pg_call([=] {
            Datum value = PointerGetDatum(cstring_to_text_with_len(data, len));
            bool isnull = false;
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
        });
    }
    return Datum(0);
}
