#include "core/query_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <regex>
#include <set>

#include "core/error.hpp"

using namespace contacts::core;

namespace {

const std::string kCols =
    "u.id, u.first_name, u.last_name, u.gender, u.customer_id, u.phone_number, u.birthday, u.created, "
    "u.last_updated, u.address_id, a.street, a.street_number, a.city_code, a.city, a.country, "
    "cr.id AS relationship_id, cr.points, cr.created AS relationship_created, cr.last_activity";
const std::string kFrom =
    "FROM s.app_user u LEFT JOIN s.address a ON a.id = u.address_id LEFT JOIN s.customer_relationship cr ON "
    "cr.appuser_id = u.id";

BuildOptions options() {
    BuildOptions o;
    o.schema_sql = "s";
    return o;
}

BuiltQuery list(std::string_view filter, const std::vector<std::string>& sort = {},
                const std::optional<std::string>& cursor = std::nullopt, int64_t limit = 50,
                const BuildOptions& o = options()) {
    return build_list_query(filter, sort, cursor, limit, o);
}

Error list_error(std::string_view filter, const std::vector<std::string>& sort = {},
                 const std::optional<std::string>& cursor = std::nullopt, int64_t limit = 50) {
    try {
        list(filter, sort, cursor, limit);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an error";
    return Error(SqlState::InternalError, "none");
}

// Every $n in the SQL refers to a parameter and every parameter is used;
// nothing but placeholders, whitelisted names and fixed SQL is in the text.
void expect_params_consistent(const BuiltQuery& q) {
    std::set<std::size_t> used;
    std::regex re("\\$([0-9]+)");
    for (auto it = std::sregex_iterator(q.sql.begin(), q.sql.end(), re); it != std::sregex_iterator(); ++it) {
        used.insert(std::stoul((*it)[1].str()));
    }
    for (std::size_t n : used) EXPECT_TRUE(n >= 1 && n <= q.params.size()) << "$" << n << " in " << q.sql;
    EXPECT_EQ(used.size(), q.params.size()) << q.sql;
}

std::string cursor_for(const std::vector<std::string>& sort, const std::vector<CursorValue>& values) {
    return encode_cursor(parse_sort(sort), values);
}

}  // namespace

TEST(QueryBuilder, Columns) {
    const auto& c = list_columns();
    ASSERT_EQ(c.size(), 19u);
    EXPECT_EQ(c.front(), "id");
    EXPECT_EQ(c.back(), "last_activity");
}

TEST(QueryBuilder, FirstPage) {
    BuiltQuery q = list("{}");
    // The LIMIT is the page size as a number (the planner's row goal), not a parameter.
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom + " ORDER BY u.id ASC NULLS LAST LIMIT 50");
    EXPECT_TRUE(q.params.empty());
    EXPECT_FALSE(q.plan_per_call);
    EXPECT_EQ(q.sort.normalized(), "id");
    EXPECT_EQ(q.cursor_columns, (std::vector<std::size_t>{0}));
    EXPECT_FALSE(q.backward);
    EXPECT_EQ(q.limit, 50);
}

TEST(QueryBuilder, FilterSortAndCursor) {
    std::vector<std::string> sort = {"-points", "last_name"};
    std::string c = cursor_for(sort, {CursorValue::of("100"), CursorValue::of("Smith"), CursorValue::of("42")});
    BuiltQuery q = list(R"({"first_name__icontains": "ann"})", sort, c);
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom +
                         " WHERE u.first_name OPERATOR(s.~~*@) $1 AND (cr.points <= $2 AND (cr.points < $2 OR (cr.points = $2 "
                         "AND (u.last_name, u.id) > ($3, $4)))) ORDER BY cr.points DESC NULLS FIRST, u.last_name "
                         "ASC NULLS LAST, u.id ASC NULLS LAST LIMIT 50");
    ASSERT_EQ(q.params.size(), 4u);
    EXPECT_TRUE(q.plan_per_call);  // a pattern lookup
    EXPECT_EQ(q.params[0].text, "%ann%");
    EXPECT_EQ(q.params[1].type, ParamType::Int4);
    EXPECT_EQ(q.params[1].text, "100");
    EXPECT_EQ(q.params[1].origin_key, "cursor");
    EXPECT_EQ(q.params[2].type, ParamType::Text);
    EXPECT_EQ(q.params[3].type, ParamType::Int8);
    EXPECT_EQ(q.cursor_columns, (std::vector<std::size_t>{16, 2, 0}));
    expect_params_consistent(q);
}

TEST(QueryBuilder, IdCursorAddsJoinBoundInOnClause) {
    std::string c = cursor_for({}, {CursorValue::of("1000")});
    BuiltQuery q = list("{}", {}, c);
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom +
                         " AND cr.appuser_id > $1 WHERE u.id > $1 ORDER BY u.id ASC NULLS LAST LIMIT 50");
    // Backward: the reversed order, nearest row first (the caller reverses).
    q = list("{}", {}, c, -50);
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom +
                         " AND cr.appuser_id < $1 WHERE u.id < $1 ORDER BY u.id DESC NULLS FIRST LIMIT 50");
    EXPECT_TRUE(q.backward);
    std::string d = cursor_for({"-id"}, {CursorValue::of("1000")});
    q = list("{}", {"-id"}, d);
    EXPECT_NE(q.sql.find(" AND cr.appuser_id < $1 WHERE u.id < $1 ORDER BY u.id DESC NULLS FIRST"), std::string::npos);
    // Not for other leading keys.
    std::string e = cursor_for({"last_name"}, {CursorValue::of("x"), CursorValue::of("1")});
    EXPECT_EQ(list("{}", {"last_name"}, e).sql.find("cr.appuser_id >"), std::string::npos);
}

TEST(QueryBuilder, NegativeLimitWithoutCursorIsLastPage) {
    BuiltQuery q = list("{}", {}, std::nullopt, -20);
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom + " ORDER BY u.id DESC NULLS FIRST LIMIT 20");
    EXPECT_TRUE(q.backward);
    EXPECT_EQ(q.limit, 20);
    EXPECT_TRUE(q.params.empty());
}

TEST(QueryBuilder, NullableLeadingKeySplitsIntoUnionAll) {
    BuiltQuery q = list("{}", {"city"});
    std::string order = "a.city ASC NULLS LAST, u.id ASC NULLS LAST";
    EXPECT_EQ(q.sql, "SELECT * FROM ((SELECT " + kCols + " " + kFrom + " WHERE a.city IS NOT NULL ORDER BY " + order +
                         " LIMIT 50) UNION ALL (SELECT " + kCols + " " + kFrom +
                         " WHERE a.id IS NULL ORDER BY u.id ASC NULLS LAST LIMIT 50)) AS s ORDER BY s.city "
                         "ASC NULLS LAST, s.id ASC NULLS LAST LIMIT 50");
    // With the split off: one branch.
    BuildOptions o = options();
    o.split_nullable_leading_key = false;
    q = list("{}", {"city"}, std::nullopt, 50, o);
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom + " ORDER BY " + order + " LIMIT 50");
    // A NULL cursor value in ASC order leaves only the NULL segment.
    std::string c = cursor_for({"city"}, {CursorValue::null(), CursorValue::of("7")});
    q = list(R"({"gender": "F"})", {"city"}, c);
    // (The NULL segment is ordered without its constant leading key.)
    EXPECT_EQ(q.sql, "SELECT " + kCols + " " + kFrom +
                         " WHERE u.gender = $1 AND (a.id IS NULL AND u.id > $2) ORDER BY u.id ASC NULLS "
                         "LAST LIMIT 50");
    EXPECT_FALSE(q.plan_per_call);  // equality: PostgreSQL's plan cache decides
    expect_params_consistent(q);
}

TEST(QueryBuilder, BackwardSplitNestsInsideTheReorder) {
    std::string c = cursor_for({"-points"}, {CursorValue::of("10"), CursorValue::of("7")});
    BuiltQuery q = list("{}", {"-points"}, c, -5);
    // Reversed order: points ASC NULLS LAST, so "before (10, 7)" = non-NULL points after it, then NULLs.
    EXPECT_EQ(q.sql.rfind("SELECT * FROM ((SELECT ", 0), 0u) << q.sql;
    // (points ASC, id DESC: mixed directions, so no row comparison.)
    EXPECT_NE(q.sql.find("WHERE (cr.points >= $1 AND (cr.points > $1 OR (cr.points = $1 AND u.id < $2))) ORDER BY "
                         "cr.points ASC NULLS LAST, u.id DESC NULLS FIRST LIMIT 5) UNION ALL"),
              std::string::npos)
        << q.sql;
    EXPECT_NE(q.sql.find("WHERE cr.appuser_id IS NULL ORDER BY u.id DESC NULLS FIRST LIMIT 5)"), std::string::npos);
    // The outer merge keeps the reversed order: the caller returns its rows last first.
    const std::string tail = ") AS s ORDER BY s.points ASC NULLS LAST, s.id DESC NULLS FIRST LIMIT 5";
    EXPECT_EQ(q.sql.substr(q.sql.size() - tail.size()), tail) << q.sql;
    EXPECT_TRUE(q.backward);
    EXPECT_EQ(q.limit, 5);
    expect_params_consistent(q);
}

TEST(QueryBuilder, SearchWithNegativeLimit) {
    BuiltQuery q = list(R"({"search": "ann berlin"})", {}, std::nullopt, -50);
    // The longest term drives: one branch per table side, disjoint, merged
    // in the reversed order (the caller returns the rows last first).
    EXPECT_EQ(q.sql.rfind("SELECT * FROM ((SELECT " + kCols + " " + kFrom + " WHERE ", 0), 0u) << q.sql;
    EXPECT_NE(q.sql.find(" UNION ALL "), std::string::npos);
    EXPECT_NE(q.sql.find(" IS NOT TRUE"), std::string::npos);
    const std::string tail = ") AS s ORDER BY s.id DESC NULLS FIRST LIMIT 50";
    EXPECT_EQ(q.sql.substr(q.sql.size() - tail.size()), tail) << q.sql;
    EXPECT_TRUE(q.backward);
    EXPECT_TRUE(q.plan_per_call);
    ASSERT_EQ(q.params.size(), 2u);
    EXPECT_EQ(q.params[0].text, "%ann%");  // folded and escaped in C++
    EXPECT_EQ(q.params[1].text, "%berlin%");
    expect_params_consistent(q);
}

TEST(QueryBuilder, SearchBranchesAreSplitByTable) {
    BuiltQuery q = list(R"({"search": "berlin"})");
    const std::size_t union_at = q.sql.find(" UNION ALL ");
    ASSERT_NE(union_at, std::string::npos) << q.sql;
    const std::string user = q.sql.substr(0, union_at), address = q.sql.substr(union_at);
    // Branch 1: the app_user columns only, so their trigram indexes can serve it.
    EXPECT_NE(user.find("u.first_name OPERATOR(s.@~~) $1"), std::string::npos) << user;
    EXPECT_EQ(user.find("a.city OPERATOR"), std::string::npos) << user;
    // Branch 2: the address columns, and not the rows branch 1 has.
    EXPECT_NE(address.find("a.city OPERATOR(s.@~~) $1"), std::string::npos) << address;
    EXPECT_NE(address.find(") IS NOT TRUE"), std::string::npos) << address;
    EXPECT_EQ(std::count(q.sql.begin(), q.sql.end(), '$'), 7 + 4) << q.sql;  // 7 columns; $1 in each, user side twice

    BuiltQuery n = build_count_query(R"({"search": "berlin"})", std::nullopt, options());
    EXPECT_EQ(n.sql.rfind("SELECT count(*) FROM (SELECT 1 FROM s.app_user u LEFT JOIN s.address a", 0), 0u) << n.sql;
    EXPECT_NE(n.sql.find(" UNION ALL SELECT 1 FROM s.app_user u"), std::string::npos) << n.sql;
    EXPECT_TRUE(n.plan_per_call);
    BuiltQuery e = build_estimate_query(R"({"search": "berlin"})", options());
    EXPECT_NE(e.sql.find(" UNION ALL "), std::string::npos) << e.sql;
    // Without a search: one branch.
    EXPECT_EQ(list(R"({"city": "Berlin"})").sql.find("UNION"), std::string::npos);
}

TEST(QueryBuilder, RowGoalIsThePageSize) {
    const std::vector<std::pair<int64_t, std::string>> cases = {
        {1, "1"}, {2, "2"}, {3, "3"}, {50, "50"}, {-7, "7"}, {1000, "1000"}, {-1000, "1000"}};
    for (const auto& [limit, goal] : cases) {
        BuiltQuery q = list("{}", {}, std::nullopt, limit);
        const std::string tail = " LIMIT " + goal;
        EXPECT_EQ(q.sql.substr(q.sql.size() - tail.size()), tail) << limit << ": " << q.sql;
        EXPECT_EQ(q.limit, limit < 0 ? -limit : limit);
    }
}

TEST(QueryBuilder, CursorValuesAreTypedParams) {
    std::vector<std::string> sort = {"birthday", "-created", "last_name"};
    std::string c = cursor_for(sort, {CursorValue::of("1990-11-23"), CursorValue::of("2024-01-01 10:00:00+00"),
                                      CursorValue::of("x"), CursorValue::of("3")});
    BuiltQuery q = list("{}", sort, c);
    std::vector<ParamType> types;
    for (const Param& p : q.params) types.push_back(p.type);
    EXPECT_EQ(types, (std::vector<ParamType>{ParamType::Date, ParamType::TimestampTz, ParamType::Text,
                                             ParamType::Int8}));
    EXPECT_EQ(q.params[0].text, "1990-11-23");
    EXPECT_EQ(q.params[1].text, "2024-01-01 10:00:00+00");
    expect_params_consistent(q);
}

TEST(QueryBuilder, LimitErrors) {
    for (int64_t bad : {int64_t{0}, int64_t{1001}, int64_t{-1001}, std::numeric_limits<int64_t>::min(),
                        std::numeric_limits<int64_t>::max()}) {
        Error e = list_error("{}", {}, std::nullopt, bad);
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
        EXPECT_EQ(std::string(e.what()).rfind("limit must be between 1 and 1000 in absolute value, not ", 0), 0u);
    }
    EXPECT_NO_THROW(list("{}", {}, std::nullopt, 1000));
    EXPECT_NO_THROW(list("{}", {}, std::nullopt, -1000));
    EXPECT_NO_THROW(list("{}", {}, std::nullopt, 1));
    BuildOptions o = options();
    o.max_limit = 10;
    EXPECT_THROW(list("{}", {}, std::nullopt, 11, o), Error);
}

TEST(QueryBuilder, CursorErrors) {
    std::string by_city = cursor_for({"city"}, {CursorValue::of("B"), CursorValue::of("1")});
    Error e = list_error("{}", {"last_name"}, by_city);
    EXPECT_STREQ(e.what(), "cursor was created for a different sort");
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    e = list_error("{}", {}, std::string("garbage"));
    EXPECT_STREQ(e.what(), "invalid cursor");
    e = list_error("{}", {}, std::string(""));
    EXPECT_STREQ(e.what(), "invalid cursor");
    // Same sort spelled with an alias: accepted.
    EXPECT_NO_THROW(list("{}", {"address__city"}, by_city));
}

TEST(QueryBuilder, ErrorsPropagateWithTheirState) {
    EXPECT_EQ(list_error(R"({"nope": 1})").state(), SqlState::UndefinedColumn);
    EXPECT_EQ(list_error("{}", {"nope"}).state(), SqlState::UndefinedColumn);
    EXPECT_EQ(list_error(R"({"points": "x"})").state(), SqlState::InvalidTextRepresentation);
    EXPECT_EQ(list_error("{").state(), SqlState::InvalidTextRepresentation);
    EXPECT_EQ(list_error("").state(), SqlState::InvalidTextRepresentation);
}

TEST(QueryBuilder, CountSkipsUnneededJoins) {
    BuiltQuery q = build_count_query("{}", std::nullopt, options());
    EXPECT_EQ(q.sql, "SELECT count(*) FROM s.app_user u");
    EXPECT_TRUE(q.params.empty());
    q = build_count_query(R"({"first_name": "Ann", "address_id__isnull": true})", std::nullopt, options());
    EXPECT_EQ(q.sql, "SELECT count(*) FROM s.app_user u WHERE (u.first_name = $1 AND u.address_id IS NULL)");
    q = build_count_query(R"({"city": "Berlin"})", std::nullopt, options());
    EXPECT_EQ(q.sql, "SELECT count(*) FROM s.app_user u LEFT JOIN s.address a ON a.id = u.address_id WHERE a.city = $1");
    q = build_count_query(R"({"not": {"points__gt": 5}})", std::nullopt, options());
    EXPECT_EQ(q.sql,
              "SELECT count(*) FROM s.app_user u LEFT JOIN s.customer_relationship cr ON cr.appuser_id = u.id WHERE "
              "(cr.points > $1) IS NOT TRUE");
    q = build_count_query(R"({"search": "x", "points": 1})", std::nullopt, options());
    EXPECT_NE(q.sql.find("LEFT JOIN s.address a ON a.id = u.address_id LEFT JOIN s.customer_relationship cr"),
              std::string::npos);
}

TEST(QueryBuilder, CappedCount) {
    BuiltQuery q = build_count_query(R"({"gender": "F"})", int64_t{10000}, options());
    EXPECT_EQ(q.sql, "SELECT count(*) FROM (SELECT 1 FROM s.app_user u WHERE u.gender = $1 LIMIT $2) AS c");
    ASSERT_EQ(q.params.size(), 2u);
    EXPECT_EQ(q.params[1].text, "10001");
    EXPECT_EQ(q.params[1].origin_key, "cap");
    q = build_count_query("{}", int64_t{0}, options());
    EXPECT_EQ(q.params[0].text, "1");
    q = build_count_query("{}", std::numeric_limits<int64_t>::max(), options());
    EXPECT_EQ(q.params[0].text, "9223372036854775807");
    try {
        build_count_query("{}", int64_t{-1}, options());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
        EXPECT_STREQ(e.what(), "cap must be at least 0, not -1");
    }
}

TEST(QueryBuilder, EstimateQuery) {
    BuiltQuery q = build_estimate_query(R"({"points__gte": 5})", options());
    EXPECT_EQ(q.sql,
              "SELECT 1 FROM s.app_user u LEFT JOIN s.customer_relationship cr ON cr.appuser_id = u.id WHERE cr.points >= $1");
    EXPECT_FALSE(q.unfiltered);
}

TEST(QueryBuilder, EstimateQueryKnowsWhenNothingIsFiltered) {
    for (const char* f : {"{}", R"({"and": []})", R"({"not": {"or": []}})"}) {
        BuiltQuery q = build_estimate_query(f, options());
        EXPECT_EQ(q.sql, "SELECT 1 FROM s.app_user u") << f;
        EXPECT_TRUE(q.unfiltered) << f;
    }
    for (const char* f : {R"({"or": []})", R"({"id__gte": 1})", R"({"city__isnull": false})", R"({"search": "x"})"}) {
        BuiltQuery q = build_estimate_query(f, options());
        EXPECT_FALSE(q.unfiltered) << f << ": " << q.sql;
    }
}

TEST(QueryBuilder, SchemaIsSplicedAsGiven) {
    BuildOptions o;
    o.schema_sql = "\"my schema\"";
    BuiltQuery q = list(R"({"last_name__unaccent": "x"})", {}, std::nullopt, 5, o);
    EXPECT_NE(q.sql.find("FROM \"my schema\".app_user u LEFT JOIN \"my schema\".address a"), std::string::npos);
    EXPECT_NE(q.sql.find("u.last_name OPERATOR(\"my schema\".@~~) $1"), std::string::npos);
    BuildOptions bad;
    EXPECT_THROW(list("{}", {}, std::nullopt, 5, bad), Error);
}

TEST(QueryBuilder, ValuesNeverReachTheSqlText) {
    const std::string evil = "x'); DROP TABLE app_user; --";
    std::string filter = R"({"first_name": "x'); DROP TABLE app_user; --", "search": "x'); DROP TABLE app_user; --"})";
    std::string c = cursor_for({"last_name"}, {CursorValue::of(evil), CursorValue::of("1")});
    BuiltQuery q = list(filter, {"last_name"}, c);
    EXPECT_EQ(q.sql.find("DROP"), std::string::npos);
    EXPECT_EQ(q.sql.find(evil), std::string::npos);
    expect_params_consistent(q);
}

TEST(QueryBuilder, SameShapeSameSql) {
    std::vector<std::string> sort = {"-points", "last_name"};
    std::string c1 = cursor_for(sort, {CursorValue::of("1"), CursorValue::of("a"), CursorValue::of("1")});
    std::string c2 = cursor_for(sort, {CursorValue::of("99"), CursorValue::of("zz"), CursorValue::of("77")});
    EXPECT_EQ(list(R"({"city__icontains": "a"})", sort, c1, 10).sql,
              list(R"({"city__icontains": "bbb"})", sort, c2, 10).sql);
    // Another page size is another shape.
    EXPECT_NE(list("{}", sort, c1, 10).sql, list("{}", sort, c1, 11).sql);
}

TEST(QueryBuilder, EverySortBothDirectionsIsConsistent) {
    for (const Field& f : all_fields()) {
        for (bool desc : {false, true}) {
            std::vector<std::string> sort = {(desc ? "-" : "") + std::string(f.name)};
            SortSpec spec = parse_sort(sort);
            std::vector<CursorValue> values;
            for (const SortKey& k : spec.keys) {
                switch (k.field->type) {
                    case FieldType::BigInt:
                    case FieldType::Integer: values.push_back(CursorValue::of("5")); break;
                    case FieldType::Text: values.push_back(CursorValue::of("m")); break;
                    default: values.push_back(CursorValue::of("2020-01-01")); break;
                }
            }
            std::string c = encode_cursor(spec, values);
            for (int64_t limit : {int64_t{10}, int64_t{-10}}) {
                for (const std::optional<std::string>& cur : {std::optional<std::string>{}, std::optional<std::string>{c}}) {
                    BuiltQuery q = list(R"({"search": "a 123", "points__in": [1]})", sort, cur, limit);
                    expect_params_consistent(q);
                    EXPECT_EQ(q.cursor_columns.front(), f.column);
                }
            }
        }
    }
}

TEST(QueryBuilder, DescribeParams) {
    BuiltQuery q = list(R"({"last_name__icontains": "O'B", "points__in": [1, 2]})", {}, std::nullopt, 5);
    ASSERT_EQ(q.params.size(), 2u);
    EXPECT_EQ(describe_param(1, q.params[0]), "$1 = '%O''B%' (text, from last_name__icontains)");
    EXPECT_EQ(describe_param(2, q.params[1]), "$2 = ARRAY['1', '2'] (integer[], from points__in)");
}

TEST(QueryBuilder, AddressNullTestWithoutRowLevelSecurity) {
    // Row level security on address may hide a row the foreign key points
    // to: "no address" is then "no visible joined row" (an anti-join on a.id).
    BuildOptions o = options();
    ASSERT_TRUE(o.address_rows_hidable);  // the safe default
    EXPECT_NE(list("{}", {"city"}, std::nullopt, 50, o).sql.find("WHERE a.id IS NULL"), std::string::npos);
    EXPECT_NE(list(R"({"city__isnull": true})", {}, std::nullopt, 50, o).sql.find("a.id IS NULL"), std::string::npos);
    // Without it, a set address_id is a visible address: a plain column test.
    o.address_rows_hidable = false;
    const std::string sorted = list("{}", {"city"}, std::nullopt, 50, o).sql;
    EXPECT_NE(sorted.find("WHERE u.address_id IS NULL"), std::string::npos) << sorted;
    EXPECT_EQ(sorted.find("a.id IS NULL"), std::string::npos) << sorted;
    const std::string filtered = list(R"({"city__isnull": true})", {}, std::nullopt, 50, o).sql;
    EXPECT_NE(filtered.find("u.address_id IS NULL"), std::string::npos) << filtered;
    // The relationship has no such column: always the anti-join.
    EXPECT_NE(list("{}", {"points"}, std::nullopt, 50, o).sql.find("cr.appuser_id IS NULL"), std::string::npos);
}
