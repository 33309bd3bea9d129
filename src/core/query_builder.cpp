#include "core/query_builder.hpp"

#include <limits>
#include <utility>

#include "core/error.hpp"
#include "core/keyset.hpp"
#include "core/no_postgres.hpp"
#include "core/search.hpp"

namespace contacts::core {

namespace {

ParamType cursor_param_type(FieldType t) {
    switch (t) {
        case FieldType::BigInt: return ParamType::Int8;
        case FieldType::Integer: return ParamType::Int4;
        case FieldType::Text: return ParamType::Text;
        case FieldType::Date: return ParamType::Date;
        case FieldType::TimestampTz: return ParamType::TimestampTz;
    }
    return ParamType::Text;
}

// "u.id, ..., cr.id AS relationship_id, ...": every field, named as its output column.
std::string select_list() {
    std::string s;
    for (const Field& f : all_fields()) {
        if (!s.empty()) s += ", ";
        s += f.sql;
        std::string_view column = f.sql.substr(f.sql.find('.') + 1);
        if (column != f.name) {
            s += " AS ";
            s += f.name;
        }
    }
    return s;
}

std::string from_clause(const std::string& schema, bool address, bool relationship,
                        const std::string& relationship_extra = "") {
    std::string s = "FROM " + schema + ".app_user u";
    if (address) s += " LEFT JOIN " + schema + ".address a ON a.id = u.address_id";
    if (relationship) {
        s += " LEFT JOIN " + schema + ".customer_relationship cr ON cr.appuser_id = u.id";
        s += relationship_extra;
    }
    return s;
}

std::string where_clause(const std::vector<std::string>& conjuncts) {
    std::string s;
    for (const std::string& c : conjuncts) {
        if (c == "TRUE") continue;
        s += s.empty() ? " WHERE " : " AND ";
        s += c;
    }
    return s;
}

void check_options(const BuildOptions& o) {
    if (o.schema_sql.empty()) throw Error(SqlState::InternalError, "BuildOptions.schema_sql is empty");
    if (o.max_limit < 1) throw Error(SqlState::InternalError, "BuildOptions.max_limit must be at least 1");
}

void check_limit(int64_t limit, int max_limit) {
    if (limit == 0 || limit > max_limit || limit < -static_cast<int64_t>(max_limit)) {
        throw Error(SqlState::InvalidParameterValue,
                    "limit must be between 1 and " + std::to_string(max_limit) + " in absolute value, not " +
                        std::to_string(limit),
                    "",
                    "A positive limit returns the rows after the cursor, a negative one the rows before it "
                    "(without a cursor: the last page). The maximum is the setting contacts_ext.max_limit.");
    }
}

// The filter as disjoint predicates whose union it is: one, or two when a
// search term is split by table (see search.hpp), each its own branch.
struct FilterSql {
    std::vector<std::string> branches;
    TableUse tables;
    bool plan_per_call = false;
};

FilterSql render_filter(std::string_view filter_json, const BuildOptions& o, ParamList& params) {
    FilterNode node = parse_filter(filter_json, o.filter_limits);
    SqlContext ctx;
    ctx.schema_sql = o.schema_sql;
    ctx.similarity_threshold = o.similarity_threshold;
    ctx.address_rows_hidable = o.address_rows_hidable;
    ctx.params = &params;
    FilterSql f;
    f.branches = filter_branches(node, ctx);
    f.tables = tables_used(node);
    f.plan_per_call = selectivity_varies_by_value(node);
    return f;
}

// The LIMIT written into a list statement: the page size as a number. The
// planner needs the row goal to choose between walking an index in sort
// order and collecting then sorting matches; as a $n parameter a generic
// plan would assume 10% of the table and lose that choice, so every call
// would be planned afresh. It is an integer the core range-checked
// (check_limit), printed by std::to_string: no input text reaches the
// statement. Each page size is its own cached shape (applications use a
// handful).
std::string row_goal_sql(int64_t rows) { return std::to_string(rows); }

// "SELECT 1 FROM ... WHERE <branch>", the branches joined by UNION ALL
// (they are disjoint): one row per matching contact.
std::string matching_rows_sql(const std::string& from, const std::vector<std::string>& branches) {
    std::string s;
    for (const std::string& b : branches) {
        if (!s.empty()) s += " UNION ALL ";
        s += "SELECT 1 " + from + where_clause({b});
    }
    return s;
}

}  // namespace

const std::vector<std::string_view>& list_columns() {
    static const std::vector<std::string_view> columns = [] {
        std::vector<std::string_view> c;
        for (const Field& f : all_fields()) c.push_back(f.name);
        return c;
    }();
    return columns;
}

BuiltQuery build_list_query(std::string_view filter_json, const std::vector<std::string>& sort,
                            const std::optional<std::string>& cursor, int64_t limit, const BuildOptions& o) {
    check_options(o);
    check_limit(limit, o.max_limit);

    BuiltQuery q;
    q.sort = parse_sort(sort);
    q.backward = limit < 0;
    q.limit = limit < 0 ? -limit : limit;
    for (const SortKey& k : q.sort.keys) q.cursor_columns.push_back(k.field->column);

    std::optional<std::vector<CursorValue>> position;
    if (cursor.has_value()) position = decode_cursor(q.sort, *cursor);

    ParamList params;
    FilterSql filter = render_filter(filter_json, o, params);
    q.plan_per_call = filter.plan_per_call;

    // The order walked: the requested one, or its reverse for a page before the cursor.
    const SortSpec effective = q.backward ? q.sort.reversed() : q.sort;
    KeysetPlan plan = plan_keyset(effective, position ? &*position : nullptr, o.split_nullable_leading_key);

    // Cursor values: one parameter per non-NULL value, typed like its key.
    std::vector<std::string> placeholders(effective.keys.size());
    if (position) {
        for (std::size_t i = 0; i < effective.keys.size(); ++i) {
            if ((*position)[i].is_null) continue;
            placeholders[i] = params.add_scalar(cursor_param_type(effective.keys[i].field->type),
                                                (*position)[i].text, "cursor");
        }
    }
    const std::string limit_sql = row_goal_sql(q.limit);

    // Sorting by id: repeat the id bound on the relationship's appuser_id, in the ON clause.
    std::string join_extra;
    if (position && effective.keys[0].field == &id_field()) {
        join_extra = std::string(" AND cr.appuser_id ") + (effective.keys[0].descending ? "<" : ">") + " " +
                     placeholders[0];
    }

    const std::string from = from_clause(o.schema_sql, true, true, join_extra);
    const std::string columns = select_list();
    const std::string order = order_by_sql(effective);
    const std::string order_without_leading = order_by_sql(effective, "", 1);
    auto branch = [&](const KeysetSegment& seg, const std::string& predicate) {
        // In the NULL segment the leading key is NULL throughout: ordering by
        // the other keys is the same order, and one an index (e.g. the
        // primary key) can deliver.
        const std::string& branch_order =
            seg.rows == KeysetSegment::Rows::LeadingNull ? order_without_leading : order;
        return "SELECT " + columns + " " + from +
               where_clause({predicate, keyset_sql(seg.predicate, effective, placeholders, o.address_rows_hidable)}) +
               " ORDER BY " + branch_order + " LIMIT " + limit_sql;
    };

    std::vector<std::string> branches;
    for (const KeysetSegment& seg : plan.segments)
        for (const std::string& predicate : filter.branches) branches.push_back(branch(seg, predicate));

    if (branches.size() == 1) {
        q.sql = std::move(branches[0]);
    } else {
        // The branches hold disjoint rows (keyset segments by their leading
        // key, filter branches by construction); each is an ordered, limited
        // scan, and the outer ORDER BY ... LIMIT merges at most
        // branches × limit rows.
        std::string u;
        for (const std::string& b : branches) {
            if (!u.empty()) u += " UNION ALL ";
            u += "(" + b + ")";
        }
        q.sql = "SELECT * FROM (" + u + ") AS s ORDER BY " + order_by_sql(effective, "s") + " LIMIT " + limit_sql;
    }
    // A backward page comes out nearest-first (the reversed sort); the
    // PostgreSQL layer returns its rows last to first, in the requested order.
    q.params = std::move(params).take();
    return q;
}

BuiltQuery build_count_query(std::string_view filter_json, std::optional<int64_t> cap, const BuildOptions& o) {
    check_options(o);
    if (cap && *cap < 0) {
        throw Error(SqlState::InvalidParameterValue, "cap must be at least 0, not " + std::to_string(*cap),
                    "", "With cap, counting stops after cap rows and returns cap + 1 (\"more than cap\").");
    }
    BuiltQuery q;
    q.sort = parse_sort({});
    ParamList params;
    FilterSql filter = render_filter(filter_json, o, params);
    q.plan_per_call = filter.plan_per_call;
    const std::string from =
        from_clause(o.schema_sql, filter.tables.address, filter.tables.relationship);
    if (cap) {
        // cap + 1 rows prove "more than cap"; saturate at the bigint maximum.
        q.limit = *cap == std::numeric_limits<int64_t>::max() ? *cap : *cap + 1;
        std::string limit_ph = params.add_scalar(ParamType::Int8, std::to_string(q.limit), "cap");
        q.sql = "SELECT count(*) FROM (" + matching_rows_sql(from, filter.branches) + " LIMIT " + limit_ph + ") AS c";
    } else if (filter.branches.size() == 1) {
        q.sql = "SELECT count(*) " + from + where_clause({filter.branches[0]});
    } else {
        q.sql = "SELECT count(*) FROM (" + matching_rows_sql(from, filter.branches) + ") AS c";
    }
    q.params = std::move(params).take();
    return q;
}

BuiltQuery build_estimate_query(std::string_view filter_json, const BuildOptions& o) {
    check_options(o);
    BuiltQuery q;
    q.sort = parse_sort({});
    ParamList params;
    FilterSql filter = render_filter(filter_json, o, params);
    q.plan_per_call = filter.plan_per_call;
    q.sql = matching_rows_sql(from_clause(o.schema_sql, filter.tables.address, filter.tables.relationship),
                              filter.branches);
    q.params = std::move(params).take();
    q.unfiltered = filter.branches.size() == 1 && filter.branches[0] == "TRUE" && q.params.empty() &&
                   !filter.tables.address && !filter.tables.relationship;
    return q;
}

}  // namespace contacts::core
