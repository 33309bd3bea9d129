// The entry point of the core: (filter JSON, sort, cursor, limit) → one
// parameterised SQL statement plus typed parameters, for contacts_list,
// contacts_count and contacts_explain.
//
// Nothing from the input is ever spliced into SQL text: identifiers come
// from the field whitelist, values become $n parameters. The SQL uses only
// pg_catalog operators and functions (the PostgreSQL layer runs it with
// search_path = pg_catalog, pg_temp) and schema-qualifies our own tables and
// functions with BuildOptions::schema_sql.
//
// List query shape (forward page, no split):
//   SELECT <19 columns> FROM <s>.app_user u
//     LEFT JOIN <s>.address a ON a.id = u.address_id
//     LEFT JOIN <s>.customer_relationship cr ON cr.appuser_id = u.id [AND cr.appuser_id > $k]
//   WHERE <filter> AND <keyset> ORDER BY <sort> LIMIT <page size>
// The page size is written as a number (an integer check_limit() bounded,
// never input text) so the planner plans for one page, also in a generic
// plan; every filter and cursor value is a $n parameter.
// When the first sort key is id, the redundant cr.appuser_id bound goes
// into the ON clause (in WHERE it would turn the LEFT JOIN into an inner
// join): the planner does not carry a range on u.id across the join, and
// without it a middle page by id reads every relationship row before it.
// Branches: the rows are cut into disjoint parts, each its own
// ORDER BY ... LIMIT branch of a UNION ALL, merged and limited outside:
//  - a nullable leading sort key splits into NOT NULL / NULL segments (see
//    keyset.hpp). The NOT NULL branch carries a bound strict in the joined
//    table (a.city >= $1, a.city IS NOT NULL), so the planner may turn its
//    LEFT JOIN into an inner join and drive the scan from the sort column's
//    index; the NULL branch tests "no joined row" (u.address_id IS NULL, or
//    cr.appuser_id IS NULL: an anti-join) and is ordered by the remaining
//    keys only, since its leading key is NULL throughout;
//  - a search term splits by table (see search.hpp: app_user columns, then
//    address columns for the rows the first did not match), so a rare term is
//    collected from each table's trigram indexes.
// A negative limit (the page before the cursor, or the last page without
// one) runs the same construction over the reversed sort; the rows come out
// nearest-first and the PostgreSQL layer returns them last to first, in the
// requested order (BuiltQuery::backward).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cursor.hpp"
#include "core/filter.hpp"
#include "core/params.hpp"
#include "core/sort.hpp"

namespace contacts::core {

struct BuildOptions {
    std::string schema_sql;  // already-quoted schema identifier, e.g. public or "my schema"
    int max_limit = 1000;    // contacts_ext.max_limit
    double similarity_threshold = 0.3;  // contacts_ext.similarity_threshold
    // Split a nullable leading sort key into NOT NULL / NULL branches (see
    // keyset.hpp). Off: one branch with an OR bound (correct, less indexable).
    bool split_nullable_leading_key = true;
    // Row level security may hide address rows from the caller (see
    // null_test_for() in fields.hpp); the PostgreSQL layer checks.
    bool address_rows_hidable = true;
    FilterLimits filter_limits;
};

struct BuiltQuery {
    std::string sql;
    std::vector<Param> params;
    // List queries: the normalised requested sort, and for each of its keys
    // the 0-based output column holding the row's value, so the PostgreSQL
    // layer can build each row's cursor with encode_cursor(sort, values).
    SortSpec sort;
    std::vector<std::size_t> cursor_columns;
    bool backward = false;  // negative limit
    // The filter has a lookup whose best plan depends on its value
    // (selectivity_varies_by_value): plan with the values on every call.
    bool plan_per_call = false;
    int64_t limit = 0;      // rows at most (|limit|, or cap + 1 for capped counts)
    // Estimate queries: the filter has no condition at all ('{}', or an empty
    // "and"), so the query reads app_user alone, unfiltered, and without
    // parameters; its planned row count is the table's size estimate.
    bool unfiltered = false;
};

// The 19 output columns of the list query, in order.
const std::vector<std::string_view>& list_columns();

BuiltQuery build_list_query(std::string_view filter_json, const std::vector<std::string>& sort,
                            const std::optional<std::string>& cursor, int64_t limit, const BuildOptions& options);

// SELECT count(*) over the filtered contacts, joining only the tables the
// filter references (a 1:1 LEFT JOIN cannot change the count: address is
// joined by its primary key, the relationship by its unique appuser_id).
// With a cap, counts over a LIMIT cap + 1 subquery: the result is at most
// cap + 1, meaning "more than cap". cap must be >= 0.
BuiltQuery build_count_query(std::string_view filter_json, std::optional<int64_t> cap, const BuildOptions& options);

// SELECT 1 FROM <needed tables> WHERE <filter>: the query whose EXPLAIN row
// estimate is contacts_count's "planned" answer.
BuiltQuery build_estimate_query(std::string_view filter_json, const BuildOptions& options);

// encode_cursor(const SortSpec&, const std::vector<CursorValue>&) is declared
// in core/cursor.hpp: the PostgreSQL layer calls it per output row with the
// row's values of BuiltQuery::cursor_columns.

}  // namespace contacts::core
