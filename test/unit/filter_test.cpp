#include "core/filter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"

using namespace contacts::core;

namespace {

struct Rendered {
    std::string sql;
    std::vector<Param> params;
};

Rendered render(std::string_view filter, double threshold = 0.3) {
    FilterNode node = parse_filter(filter);
    ParamList params;
    SqlContext ctx;
    ctx.schema_sql = "s";
    ctx.similarity_threshold = threshold;
    ctx.params = &params;
    Rendered r;
    r.sql = filter_sql(node, ctx);
    r.params = std::move(params).take();
    return r;
}

Error error_of(std::string_view filter) {
    try {
        render(filter);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an error for " << filter;
    return Error(SqlState::InternalError, "none");
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

void expect_param(const Param& p, ParamType type, const std::string& text, const std::string& key) {
    EXPECT_EQ(p.type, type);
    EXPECT_EQ(p.text, text);
    EXPECT_EQ(p.origin_key, key);
    EXPECT_FALSE(p.is_null);
}

}  // namespace

// --- structure ----------------------------------------------------------------

TEST(Filter, EmptyFilterIsTrue) {
    Rendered r = render("{}");
    EXPECT_EQ(r.sql, "TRUE");
    EXPECT_TRUE(r.params.empty());
}

TEST(Filter, KeysAreAnded) {
    Rendered r = render(R"({"first_name": "Ann", "points__gte": 1000})");
    EXPECT_EQ(r.sql, "(u.first_name = $1 AND cr.points >= $2)");
    ASSERT_EQ(r.params.size(), 2u);
    expect_param(r.params[0], ParamType::Text, "Ann", "first_name");
    expect_param(r.params[1], ParamType::Int4, "1000", "points__gte");
}

TEST(Filter, OrAndNotNest) {
    Rendered r = render(
        R"({"or": [{"first_name": "Ann"}, {"and": [{"city": "Berlin"}, {"not": {"gender": "M"}}]}]})");
    EXPECT_EQ(r.sql, "(u.first_name = $1 OR (a.city = $2 AND NOT (u.gender = $3)))");
}

TEST(Filter, EmptyGroups) {
    EXPECT_EQ(render(R"({"or": []})").sql, "FALSE");
    EXPECT_EQ(render(R"({"and": []})").sql, "TRUE");
    EXPECT_EQ(render(R"({"not": {"or": []}})").sql, "TRUE");
    EXPECT_EQ(render(R"({"not": {}})").sql, "FALSE");
    EXPECT_EQ(render(R"({"or": [{}]})").sql, "TRUE");
    EXPECT_EQ(render(R"({"first_name": "x", "or": []})").sql, "(u.first_name = $1 AND FALSE)");
}

TEST(Filter, NotIsTwoValuedOnNullableFields) {
    // Nullable: NOT must keep the NULL rows, so "IS NOT TRUE".
    EXPECT_EQ(render(R"({"not": {"city": "Berlin"}})").sql, "(a.city = $1) IS NOT TRUE");
    EXPECT_EQ(render(R"({"not": {"points__gt": 5}})").sql, "(cr.points > $1) IS NOT TRUE");
    EXPECT_EQ(render(R"({"not": {"phone_number__contains": "30"}})").sql,
              "(u.phone_number LIKE $1) IS NOT TRUE");
    // Not nullable: plain NOT.
    EXPECT_EQ(render(R"({"not": {"first_name": "Ann"}})").sql, "NOT (u.first_name = $1)");
    // Double negation is positive again.
    EXPECT_EQ(render(R"({"not": {"not": {"city": "Berlin"}}})").sql, "a.city = $1");
    // De Morgan.
    EXPECT_EQ(render(R"({"not": {"city": "B", "first_name": "A"}})").sql,
              "((a.city = $1) IS NOT TRUE OR NOT (u.first_name = $2))");
    EXPECT_EQ(render(R"({"not": {"or": [{"city": "B"}, {"first_name": "A"}]}})").sql,
              "((a.city = $1) IS NOT TRUE AND NOT (u.first_name = $2))");
}

TEST(Filter, IsNullAndExactNull) {
    // IS NULL goes through the field's null test: address columns are NULL
    // exactly when u.address_id is, relationship columns when there is no
    // relationship (cr.appuser_id IS NULL: an anti-join).
    EXPECT_EQ(render(R"({"city__isnull": true})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"city__isnull": false})").sql, "a.city IS NOT NULL");
    EXPECT_EQ(render(R"({"city__isnull": "true"})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"city": null})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"city__exact": null})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"city__iexact": null})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"not": {"city": null}})").sql, "a.city IS NOT NULL");
    EXPECT_EQ(render(R"({"not": {"city__isnull": false}})").sql, "a.id IS NULL");
    EXPECT_EQ(render(R"({"points__isnull": true})").sql, "cr.appuser_id IS NULL");
    EXPECT_EQ(render(R"({"relationship_created": null})").sql, "cr.appuser_id IS NULL");
    EXPECT_EQ(render(R"({"last_activity__isnull": true})").sql, "cr.last_activity IS NULL");  // nullable column
    EXPECT_EQ(render(R"({"phone_number__isnull": true})").sql, "u.phone_number IS NULL");
    EXPECT_EQ(render(R"({"birthday__year__isnull": true})").sql, "u.birthday IS NULL");
    EXPECT_EQ(render(R"({"last_name__unaccent__isnull": false})").sql, "u.last_name IS NOT NULL");
    EXPECT_TRUE(render(R"({"id__isnull": true})").params.empty());
}

// --- text lookups ---------------------------------------------------------------

TEST(Filter, TextLookups) {
    struct Case {
        const char* filter;
        const char* sql;
        const char* param;
    };
    const Case cases[] = {
        {R"({"last_name": "O'Brien"})", "u.last_name = $1", "O'Brien"},
        {R"({"last_name__exact": "a%b"})", "u.last_name = $1", "a%b"},
        {R"({"last_name__iexact": "a%b_c\\d"})", "u.last_name OPERATOR(s.~~*@) $1", "a\\%b\\_c\\\\d"},
        {R"({"last_name__contains": "ab%c"})", "u.last_name LIKE $1", "%ab\\%c%"},
        {R"({"last_name__icontains": "ab"})", "u.last_name OPERATOR(s.~~*@) $1", "%ab%"},
        {R"({"last_name__startswith": "_x"})", "u.last_name LIKE $1", "\\_x%"},
        {R"({"last_name__istartswith": "x"})", "u.last_name OPERATOR(s.~~*@) $1", "x%"},
        {R"({"last_name__endswith": "x\\"})", "u.last_name LIKE $1", "%x\\\\"},
        {R"({"last_name__iendswith": "x"})", "u.last_name OPERATOR(s.~~*@) $1", "%x"},
        {R"({"last_name__gt": "M"})", "u.last_name > $1", "M"},
        {R"({"last_name__gte": "M"})", "u.last_name >= $1", "M"},
        {R"({"last_name__lt": "M"})", "u.last_name < $1", "M"},
        {R"({"last_name__lte": "M"})", "u.last_name <= $1", "M"},
        {R"({"customer_id": 12})", "u.customer_id = $1", "12"},  // numbers become their text
        {R"({"address__street__icontains": "str"})", "a.street OPERATOR(s.~~*@) $1", "%str%"},
        {R"({"gender": "F"})", "u.gender = $1", "F"},
        {R"({"street_number__startswith": "1"})", "a.street_number LIKE $1", "1%"},
        {R"({"city_code": "10115"})", "a.city_code = $1", "10115"},
        {R"({"country__iexact": "germany"})", "a.country OPERATOR(s.~~*@) $1", "germany"},
        {R"({"phone_number__endswith": "99"})", "u.phone_number LIKE $1", "%99"},
    };
    for (const Case& c : cases) {
        Rendered r = render(c.filter);
        EXPECT_EQ(r.sql, c.sql) << c.filter;
        ASSERT_EQ(r.params.size(), 1u) << c.filter;
        EXPECT_EQ(r.params[0].type, ParamType::Text);
        EXPECT_EQ(r.params[0].text, c.param) << c.filter;
    }
}

TEST(Filter, TextInAndRange) {
    Rendered r = render(R"({"city__in": ["Berlin", "São Paulo", 7]})");
    EXPECT_EQ(r.sql, "a.city = ANY($1)");
    ASSERT_EQ(r.params.size(), 1u);
    EXPECT_EQ(r.params[0].type, ParamType::TextArray);
    EXPECT_EQ(r.params[0].elements, (std::vector<std::string>{"Berlin", "São Paulo", "7"}));
    EXPECT_EQ(r.params[0].origin_key, "city__in");

    r = render(R"({"city__in": []})");
    EXPECT_EQ(r.sql, "a.city = ANY($1)");  // = ANY('{}') is FALSE, not NULL
    EXPECT_TRUE(r.params[0].elements.empty());

    r = render(R"({"last_name__range": ["A", "M"]})");
    EXPECT_EQ(r.sql, "(u.last_name >= $1 AND u.last_name <= $2)");
    EXPECT_EQ(r.params[0].text, "A");
    EXPECT_EQ(r.params[1].text, "M");
}

TEST(Filter, Unaccent) {
    // The value is folded and LIKE-escaped in C++; @~~ folds the column.
    Rendered r = render(R"({"last_name__unaccent__iexact": "MÜLLER"})");
    EXPECT_EQ(r.sql, "u.last_name OPERATOR(s.@~~) $1");
    expect_param(r.params.at(0), ParamType::Text, "muller", "last_name__unaccent__iexact");
    EXPECT_EQ(render(R"({"last_name__unaccent": "Müller"})").params.at(0).text, "muller");
    struct Case {
        const char* filter;
        const char* param;
    } cases[] = {
        {R"({"city__unaccent__icontains": "São"})", "%sao%"},
        {R"({"city__unaccent__contains": "São"})", "%sao%"},
        {R"({"city__unaccent__startswith": "Straße"})", "strasse%"},
        {R"({"city__unaccent__istartswith": "x"})", "x%"},
        {R"({"city__unaccent__endswith": "LO"})", "%lo"},
        {R"({"city__unaccent__iendswith": "lo"})", "%lo"},
        // LIKE metacharacters in the value, and one produced by folding
        // (fullwidth ％ folds to %), are escaped after folding.
        {R"({"city__unaccent__icontains": "a%b_c\\"})", "%a\\%b\\_c\\\\%"},
        {R"({"city__unaccent__icontains": "５０％"})", "%50\\%%"},
        {R"({"city__unaccent__iexact": "İstanbul"})", "istanbul"},
    };
    for (const Case& c : cases) {
        Rendered rc = render(c.filter);
        EXPECT_EQ(rc.sql, "a.city OPERATOR(s.@~~) $1") << c.filter;
        EXPECT_EQ(rc.params.at(0).text, c.param) << c.filter;
    }
}

TEST(Filter, TrigramSimilar) {
    // The %~ operator folds both sides and reads contacts_ext.similarity_threshold.
    Rendered r = render(R"({"first_name__trigram_similar": "jon", "last_name__trigram_similar": "smit"})", 0.45);
    EXPECT_EQ(r.sql, "(u.first_name OPERATOR(s.%~) $1 AND u.last_name OPERATOR(s.%~) $2)");
    ASSERT_EQ(r.params.size(), 2u);
    expect_param(r.params[0], ParamType::Text, "jon", "first_name__trigram_similar");
}

// --- integer lookups ------------------------------------------------------------

TEST(Filter, IntegerLookups) {
    struct Case {
        const char* filter;
        const char* sql;
        ParamType type;
        const char* param;
    };
    const Case cases[] = {
        {R"({"id": 5})", "u.id = $1", ParamType::Int8, "5"},
        {R"({"id__exact": "5"})", "u.id = $1", ParamType::Int8, "5"},
        {R"({"id__gt": 9223372036854775807})", "u.id > $1", ParamType::Int8, "9223372036854775807"},
        {R"({"id__gte": -9223372036854775808})", "u.id >= $1", ParamType::Int8, "-9223372036854775808"},
        {R"({"address_id__lt": 10})", "u.address_id < $1", ParamType::Int8, "10"},
        {R"({"address__id__lte": 10})", "u.address_id <= $1", ParamType::Int8, "10"},
        {R"({"relationship_id": 3})", "cr.id = $1", ParamType::Int8, "3"},
        {R"({"relationship__id__gt": 3})", "cr.id > $1", ParamType::Int8, "3"},
        {R"({"points__gte": "1000"})", "cr.points >= $1", ParamType::Int4, "1000"},
        {R"({"points__gte": 1000})", "cr.points >= $1", ParamType::Int4, "1000"},
        {R"({"points__gte": 1000.0})", "cr.points >= $1", ParamType::Int4, "1000"},
        {R"({"points__gte": 1e3})", "cr.points >= $1", ParamType::Int4, "1000"},
        {R"({"points__gte": " +0012 "})", "cr.points >= $1", ParamType::Int4, "12"},
        {R"({"points__lt": -2147483648})", "cr.points < $1", ParamType::Int4, "-2147483648"},
        {R"({"relationship__points": 2147483647})", "cr.points = $1", ParamType::Int4, "2147483647"},
    };
    for (const Case& c : cases) {
        Rendered r = render(c.filter);
        EXPECT_EQ(r.sql, c.sql) << c.filter;
        ASSERT_EQ(r.params.size(), 1u);
        EXPECT_EQ(r.params[0].type, c.type) << c.filter;
        EXPECT_EQ(r.params[0].text, c.param) << c.filter;
    }
    Rendered r = render(R"({"points__in": [1, "2", 3.0]})");
    EXPECT_EQ(r.sql, "cr.points = ANY($1)");
    EXPECT_EQ(r.params[0].type, ParamType::Int4Array);
    EXPECT_EQ(r.params[0].elements, (std::vector<std::string>{"1", "2", "3"}));
    r = render(R"({"id__in": [1]})");
    EXPECT_EQ(r.params[0].type, ParamType::Int8Array);
    r = render(R"({"points__range": [10, "20"]})");
    EXPECT_EQ(r.sql, "(cr.points >= $1 AND cr.points <= $2)");
    EXPECT_EQ(r.params[1].text, "20");
}

TEST(Filter, IntegerValueErrors) {
    struct Case {
        const char* filter;
        SqlState state;
        const char* message;
    };
    const Case cases[] = {
        {R"({"points__gte": "abc"})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"points__gte\": the string \"abc\" is not an integer"},
        {R"({"points__gte": 10.5})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"points__gte\": the number 10.5 is not an integer"},
        {R"({"points__gte": "+-5"})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"points__gte\": the string \"+-5\" is not an integer"},
        {R"({"points__gte": ""})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"points__gte\": the string \"\" is not an integer"},
        {R"({"points": 2147483648})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"points\": the number 2147483648 is out of range for type integer"},
        {R"({"id": 9223372036854775808})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id\": the number 9223372036854775808 is out of range for type bigint"},
        {R"({"id": true})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id\": expected an integer, not true"},
        {R"({"id": [1]})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id\": expected an integer, not an array"},
        {R"({"id__gt": null})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id__gt\": null is not allowed here (use exact null or isnull to match NULL)"},
        {R"({"id__in": [1, null]})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id__in\" (element 1): null is not allowed here (use exact null or isnull to match NULL)"},
        {R"({"id__in": [1, "x"]})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"id__in\" (element 1): the string \"x\" is not an integer"},
        {R"({"id__in": 1})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id__in\": in expects a JSON array of values, not the number 1"},
        {R"({"id__range": [1]})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id__range\": range expects an array [low, high] (both inclusive), not an array"},
        {R"({"id__range": [1, 2, 3]})", SqlState::InvalidParameterValue, nullptr},
        {R"({"id__range": {"a": 1}})", SqlState::InvalidParameterValue, nullptr},
        {R"({"id__isnull": 1})", SqlState::InvalidParameterValue,
         "invalid value for filter key \"id__isnull\": isnull expects true or false, not the number 1"},
        {R"({"or": [{"not": {"points": "x"}}]})", SqlState::InvalidTextRepresentation,
         "invalid value for filter key \"points\": the string \"x\" is not an integer (at or[0].not)"},
    };
    for (const Case& c : cases) {
        Error e = error_of(c.filter);
        EXPECT_EQ(e.state(), c.state) << c.filter << ": " << e.what();
        if (c.message != nullptr) {
            EXPECT_STREQ(e.what(), c.message) << c.filter;
        }
    }
}

// --- dates and timestamps -------------------------------------------------------

TEST(Filter, DateAndTimestampLookups) {
    Rendered r = render(R"({"birthday": "1990-11-23"})");
    EXPECT_EQ(r.sql, "u.birthday = $1");
    expect_param(r.params[0], ParamType::Date, "1990-11-23", "birthday");
    r = render(R"({"birthday__gt": "1990-11-23"})");
    EXPECT_EQ(r.sql, "u.birthday > $1");
    r = render(R"({"created__lte": "2024-01-01T00:00:00Z"})");
    EXPECT_EQ(r.sql, "u.created <= $1");
    expect_param(r.params[0], ParamType::TimestampTz, "2024-01-01T00:00:00Z", "created__lte");
    r = render(R"({"last_activity__range": ["2024-01-01", "2024-02-01"]})");
    EXPECT_EQ(r.sql, "(cr.last_activity >= $1 AND cr.last_activity <= $2)");
    r = render(R"({"relationship__created__in": ["2024-01-01", "2024-02-01"]})");
    EXPECT_EQ(r.sql, "cr.created = ANY($1)");
    EXPECT_EQ(r.params[0].type, ParamType::TimestampTzArray);
    r = render(R"({"birthday__in": ["2000-01-01"]})");
    EXPECT_EQ(r.params[0].type, ParamType::DateArray);
    // Dates are strings; PostgreSQL parses them (and reports bad ones by key).
    Error e = error_of(R"({"birthday": 19901123})");
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    EXPECT_NE(std::string(e.what()).find("expected a date as a string"), std::string::npos);
    e = error_of(R"({"created__gt": false})");
    EXPECT_NE(std::string(e.what()).find("expected a timestamptz as a string"), std::string::npos);
}

TEST(Filter, YearTransformIsARange) {
    Rendered r = render(R"({"birthday__year": 1990})");
    EXPECT_EQ(r.sql, "(u.birthday >= $1 AND u.birthday < $2)");
    expect_param(r.params[0], ParamType::Date, "1990-01-01", "birthday__year");
    expect_param(r.params[1], ParamType::Date, "1991-01-01", "birthday__year");
    r = render(R"({"created__year__exact": "2020"})");
    EXPECT_EQ(r.sql, "(u.created >= $1 AND u.created < $2)");
    expect_param(r.params[0], ParamType::TimestampTz, "2020-01-01", "created__year__exact");
    EXPECT_EQ(render(R"({"birthday__year__gt": 1990})").sql, "u.birthday >= $1");
    EXPECT_EQ(render(R"({"birthday__year__gt": 1990})").params[0].text, "1991-01-01");
    EXPECT_EQ(render(R"({"birthday__year__gte": 1990})").params[0].text, "1990-01-01");
    EXPECT_EQ(render(R"({"birthday__year__lt": 1990})").sql, "u.birthday < $1");
    EXPECT_EQ(render(R"({"birthday__year__lt": 1990})").params[0].text, "1990-01-01");
    EXPECT_EQ(render(R"({"birthday__year__lte": 1990})").params[0].text, "1991-01-01");
    EXPECT_EQ(render(R"({"birthday__year__lte": 9999})").params[0].text, "10000-01-01");
    EXPECT_EQ(render(R"({"birthday__year__gte": 5})").params[0].text, "0005-01-01");
    r = render(R"({"birthday__year__range": [1980, 1989]})");
    EXPECT_EQ(r.sql, "(u.birthday >= $1 AND u.birthday < $2)");
    EXPECT_EQ(r.params[0].text, "1980-01-01");
    EXPECT_EQ(r.params[1].text, "1990-01-01");
    r = render(R"({"birthday__year__in": [1980, 1990]})");
    EXPECT_EQ(r.sql, "EXTRACT(YEAR FROM u.birthday) = ANY($1)");
    EXPECT_EQ(r.params[0].type, ParamType::Int4Array);
    Error e = error_of(R"({"birthday__year": 0})");
    EXPECT_STREQ(e.what(),
                 "invalid value for filter key \"birthday__year\": year 0 is out of range (allowed: 1 to 9999)");
    EXPECT_EQ(error_of(R"({"birthday__year__range": [2000, 10000]})").state(), SqlState::InvalidParameterValue);
    EXPECT_EQ(error_of(R"({"birthday__year": "x"})").state(), SqlState::InvalidTextRepresentation);
    // Nullable field under NOT: the whole range is wrapped.
    EXPECT_EQ(render(R"({"not": {"birthday__year": 1990}})").sql,
              "((u.birthday >= $1 AND u.birthday < $2)) IS NOT TRUE");
}

TEST(Filter, MonthAndDay) {
    Rendered r = render(R"({"birthday__month": 11})");
    EXPECT_EQ(r.sql, "EXTRACT(MONTH FROM u.birthday) = $1");
    expect_param(r.params[0], ParamType::Int4, "11", "birthday__month");
    EXPECT_EQ(render(R"({"created__day__gte": "15"})").sql, "EXTRACT(DAY FROM u.created) >= $1");
    EXPECT_EQ(render(R"({"last_activity__month__in": [1, 2]})").sql,
              "EXTRACT(MONTH FROM cr.last_activity) = ANY($1)");
    EXPECT_EQ(render(R"({"birthday__day__range": [1, 10]})").sql,
              "(EXTRACT(DAY FROM u.birthday) >= $1 AND EXTRACT(DAY FROM u.birthday) <= $2)");
    EXPECT_EQ(error_of(R"({"birthday__month": "nov"})").state(), SqlState::InvalidTextRepresentation);
    EXPECT_EQ(error_of(R"({"birthday__month": 4294967296})").state(), SqlState::InvalidParameterValue);
}

TEST(Filter, DateTransformIsARange) {
    const std::string lo = "CAST($1 AS pg_catalog.timestamptz)";
    const std::string hi = "CAST($1 + 1 AS pg_catalog.timestamptz)";
    Rendered r = render(R"({"created__date": "2024-03-01"})");
    EXPECT_EQ(r.sql, "(u.created >= " + lo + " AND u.created < " + hi + ")");
    expect_param(r.params[0], ParamType::Date, "2024-03-01", "created__date");
    EXPECT_EQ(render(R"({"created__date__gt": "2024-03-01"})").sql, "u.created >= " + hi);
    EXPECT_EQ(render(R"({"created__date__gte": "2024-03-01"})").sql, "u.created >= " + lo);
    EXPECT_EQ(render(R"({"created__date__lt": "2024-03-01"})").sql, "u.created < " + lo);
    EXPECT_EQ(render(R"({"created__date__lte": "2024-03-01"})").sql, "u.created < " + hi);
    EXPECT_EQ(render(R"({"last_updated__date__range": ["2024-03-01", "2024-03-31"]})").sql,
              "(u.last_updated >= CAST($1 AS pg_catalog.timestamptz) AND u.last_updated < CAST($2 + 1 AS "
              "pg_catalog.timestamptz))");
    r = render(R"({"last_activity__date__in": ["2024-03-01"]})");
    EXPECT_EQ(r.sql, "CAST(cr.last_activity AS pg_catalog.date) = ANY($1)");
    EXPECT_EQ(r.params[0].type, ParamType::DateArray);
}

// --- every lookup on every field type: applicability -------------------------------

TEST(Filter, LookupApplicabilityMatrix) {
    const char* lookups[] = {"exact",      "iexact",      "contains", "icontains", "startswith", "istartswith",
                             "endswith",   "iendswith",   "gt",       "gte",       "lt",         "lte",
                             "in",         "range",       "isnull",   "trigram_similar"};
    auto value_for = [](const std::string& lookup, const char* scalar) -> std::string {
        if (lookup == "in") return std::string("[") + scalar + "]";
        if (lookup == "range") return std::string("[") + scalar + ", " + scalar + "]";
        if (lookup == "isnull") return "true";
        return scalar;
    };
    struct FieldCase {
        const char* field;
        const char* scalar;
        std::vector<std::string> allowed;
    };
    const std::vector<std::string> ordering = {"exact", "gt", "gte", "lt", "lte", "in", "range", "isnull"};
    std::vector<std::string> all(std::begin(lookups), std::end(lookups));
    const FieldCase cases[] = {
        {"first_name", "\"x\"", all},
        {"city", "\"x\"", all},
        {"id", "1", ordering},
        {"points", "1", ordering},
        {"birthday", "\"2000-01-01\"", ordering},
        {"created", "\"2000-01-01\"", ordering},
        {"first_name__unaccent", "\"x\"",
         {"exact", "iexact", "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith",
          "isnull"}},
        {"birthday__year", "2000", ordering},
        {"birthday__month", "2", ordering},
        {"created__day", "2", ordering},
        {"created__date", "\"2000-01-01\"", ordering},
    };
    for (const FieldCase& fc : cases) {
        for (const char* lookup : lookups) {
            std::string filter = std::string("{\"") + fc.field + "__" + lookup + "\": " + value_for(lookup, fc.scalar) + "}";
            bool allowed = std::find(fc.allowed.begin(), fc.allowed.end(), lookup) != fc.allowed.end();
            if (allowed) {
                EXPECT_NO_THROW(render(filter)) << filter;
            } else {
                Error e = error_of(filter);
                EXPECT_EQ(e.state(), SqlState::InvalidParameterValue) << filter;
                EXPECT_NE(std::string(e.what()).find("does not apply"), std::string::npos) << e.what();
                EXPECT_NE(e.hint().find("Allowed for"), std::string::npos) << filter;
            }
        }
    }
}

// --- key errors ---------------------------------------------------------------------

TEST(Filter, UnknownFieldIs42703WithTheList) {
    Error e = error_of(R"({"nickname": "x"})");
    EXPECT_EQ(e.state(), SqlState::UndefinedColumn);
    EXPECT_STREQ(e.what(), "unknown field \"nickname\" in filter key \"nickname\"");
    EXPECT_NE(e.detail().find("Allowed fields: id, first_name"), std::string::npos);
    EXPECT_NE(e.detail().find("address__city"), std::string::npos);
    EXPECT_NE(e.detail().find("search, or, and, not"), std::string::npos);

    e = error_of(R"({"address__zip__exact": "x"})");
    EXPECT_EQ(e.state(), SqlState::UndefinedColumn);
    EXPECT_STREQ(e.what(), "unknown field \"address__zip\" in filter key \"address__zip__exact\"");
    for (const char* f : {R"({"": 1})", R"({"__exact": 1})", R"({"cursor": "x"})", R"({"Search": "x"})",
                          R"({"OR": []})", R"({"u.id": 1})", R"({"id; DROP TABLE x": 1})"}) {
        EXPECT_EQ(error_of(f).state(), SqlState::UndefinedColumn) << f;
    }
    e = error_of(R"({"and": [{"x": 1}]})");
    EXPECT_STREQ(e.what(), "unknown field \"x\" in filter key \"x\" (at and[0])");
}

TEST(Filter, UnknownLookupAndTransform) {
    Error e = error_of(R"({"first_name__like": "x"})");
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    EXPECT_STREQ(e.what(), "unknown lookup \"like\" in filter key \"first_name__like\"");
    EXPECT_EQ(e.hint(),
              "Allowed for text field \"first_name\": exact, iexact, contains, icontains, startswith, "
              "istartswith, endswith, iendswith, gt, gte, lt, lte, in, range, isnull, trigram_similar; "
              "transforms: unaccent.");
    e = error_of(R"({"points__icontains": "1"})");
    EXPECT_STREQ(e.what(), "lookup \"icontains\" does not apply to integer field \"points\" (filter key \"points__icontains\")");
    EXPECT_EQ(e.hint(), "Allowed for integer field \"points\": exact, gt, gte, lt, lte, in, range, isnull.");
    e = error_of(R"({"first_name__year": 1})");
    EXPECT_STREQ(e.what(), "transform \"year\" does not apply to text field \"first_name\" (filter key \"first_name__year\")");
    e = error_of(R"({"birthday__date": "2000-01-01"})");
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    EXPECT_NE(e.hint().find("transforms: year, month, day."), std::string::npos) << e.hint();
    e = error_of(R"({"birthday__foo__exact": 1})");
    EXPECT_STREQ(e.what(), "unknown transform \"foo\" in filter key \"birthday__foo__exact\"");
    e = error_of(R"({"birthday__year__icontains": 1})");
    EXPECT_NE(std::string(e.what()).find("does not apply to date field \"birthday\" with transform \"year\""),
              std::string::npos);
    e = error_of(R"({"birthday__year__month__exact": 1})");
    EXPECT_STREQ(e.what(), "filter key \"birthday__year__month__exact\" has too many parts");
    e = error_of(R"({"first_name__": 1})");
    EXPECT_STREQ(e.what(), "unknown lookup \"\" in filter key \"first_name__\"");
    e = error_of(R"({"first_name__unaccent__unaccent": "x"})");
    EXPECT_STREQ(e.what(), "unknown lookup \"unaccent\" in filter key \"first_name__unaccent__unaccent\"");
    e = error_of(R"({"first_name__unaccent__gt": "x"})");
    EXPECT_NE(std::string(e.what()).find("does not apply to text field \"first_name\" with transform \"unaccent\""),
              std::string::npos);
}

TEST(Filter, StructureErrors) {
    struct Case {
        const char* filter;
        const char* message;
    };
    const Case cases[] = {
        {"[]", "filter must be a JSON object, not array"},
        {"null", "filter must be a JSON object, not null"},
        {"\"x\"", "filter must be a JSON object, not string"},
        {R"({"or": {}})", "\"or\" must be an array of filter objects, not object"},
        {R"({"and": "x"})", "\"and\" must be an array of filter objects, not string"},
        {R"({"or": [1]})", "element 0 of \"or\" must be a filter object, not number"},
        {R"({"or": [{}, []]})", "element 1 of \"or\" must be a filter object, not array"},
        {R"({"not": []})", "\"not\" must be a filter object, not array"},
        {R"({"not": {"not": null}})", "\"not\" must be a filter object, not null (at not)"},
        {R"({"search": 5})", "\"search\" must be a string, not number"},
        {R"({"first_name": {"a": 1}})", "invalid value for filter key \"first_name\": expected a string, not an object"},
        {R"({"first_name": true})", "invalid value for filter key \"first_name\": expected a string, not true"},
        {R"({"first_name__contains": null})",
         "invalid value for filter key \"first_name__contains\": null is not allowed here (use exact null or isnull to match NULL)"},
    };
    for (const Case& c : cases) {
        Error e = error_of(c.filter);
        EXPECT_EQ(e.state(), SqlState::InvalidParameterValue) << c.filter;
        EXPECT_STREQ(e.what(), c.message) << c.filter;
    }
    // JSON errors pass through.
    EXPECT_EQ(error_of("{").state(), SqlState::InvalidTextRepresentation);
    EXPECT_EQ(error_of(R"({"a": 1, "a": 2})").state(), SqlState::InvalidTextRepresentation);
}

TEST(Filter, Limits) {
    std::string many = "{\"or\": [";
    for (int i = 0; i < 1001; ++i) many += std::string(i ? "," : "") + "{\"id\": 1}";
    many += "]}";
    // 1001 elements: the JSON array limit (1000) trips first.
    EXPECT_EQ(error_of(many).state(), SqlState::ProgramLimitExceeded);
    std::string nested = "{\"or\": [";
    for (int i = 0; i < 2; ++i) {
        nested += std::string(i ? "," : "") + "{\"or\": [";
        for (int j = 0; j < 600; ++j) nested += std::string(j ? "," : "") + "{\"id\": 1}";
        nested += "]}";
    }
    nested += "]}";
    Error e = error_of(nested);
    EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
    EXPECT_STREQ(e.what(), "filter has too many conditions (more than 1000)");
    std::string deep;
    for (int i = 0; i < 40; ++i) deep += "{\"not\": ";
    deep += "{}" + std::string(40, '}');
    EXPECT_EQ(error_of(deep).state(), SqlState::ProgramLimitExceeded);
    std::string terms = "{\"search\": \"";
    for (int i = 0; i < 33; ++i) terms += "t ";
    terms += "\"}";
    e = error_of(terms);
    EXPECT_EQ(e.state(), SqlState::ProgramLimitExceeded);
    EXPECT_STREQ(e.what(), "\"search\" has too many terms (more than 32)");
}

// --- search ----------------------------------------------------------------------------

TEST(Filter, SearchTermsSplitOnUnicodeWhiteSpace) {
    auto terms = split_search_terms("  ann\tberlin\xC2\xA0" "x\xE3\x80\x80y  ", 32);
    ASSERT_EQ(terms.size(), 4u);
    EXPECT_EQ(terms[0].text, "ann");
    EXPECT_EQ(terms[1].text, "berlin");
    EXPECT_EQ(terms[2].text, "x");
    EXPECT_EQ(terms[3].text, "y");
    EXPECT_TRUE(split_search_terms("", 32).empty());
    EXPECT_TRUE(split_search_terms(" \n\t\xE2\x80\x83", 32).empty());
    EXPECT_EQ(split_search_terms("Müller", 32).at(0).text, "Müller");
}

TEST(Filter, PhoneLikeTerms) {
    EXPECT_EQ(split_search_terms("30-1234", 32).at(0).digits, "301234");
    EXPECT_EQ(split_search_terms("+49(30)1.2/3", 32).at(0).digits, "4930123");
    EXPECT_EQ(split_search_terms("123", 32).at(0).digits, "123");
    EXPECT_EQ(split_search_terms("12", 32).at(0).digits, "");      // fewer than 3 digits
    EXPECT_EQ(split_search_terms("1-2", 32).at(0).digits, "");
    EXPECT_EQ(split_search_terms("123a", 32).at(0).digits, "");    // a letter: not phone-like
    EXPECT_EQ(split_search_terms("+++", 32).at(0).digits, "");
}

TEST(Filter, SearchSql) {
    Rendered r = render(R"({"search": "Ann"})");
    std::string expected = "(";
    const char* cols[] = {"u.first_name", "u.last_name", "u.customer_id", "u.phone_number",
                          "a.street",     "a.city",      "a.country"};
    for (int i = 0; i < 7; ++i) {
        if (i) expected += " OR ";
        expected += std::string(cols[i]) + " OPERATOR(s.@~~) $1";
    }
    expected += ")";
    EXPECT_EQ(r.sql, expected);
    ASSERT_EQ(r.params.size(), 1u);
    expect_param(r.params[0], ParamType::Text, "%ann%", "search");  // folded and escaped in C++

    EXPECT_EQ(render(R"({"search": "Müller_%"})").params.at(0).text, "%muller\\_\\%%");

    r = render(R"({"search": "ann 30-1234"})");
    EXPECT_TRUE(contains(r.sql, ") AND ("));
    EXPECT_TRUE(contains(r.sql, " OR s.contacts_phone_digits(u.phone_number) OPERATOR(s.@~~) $3 OR a.street"));
    ASSERT_EQ(r.params.size(), 3u);
    expect_param(r.params[1], ParamType::Text, "%30-1234%", "search");
    expect_param(r.params[2], ParamType::Text, "%301234%", "search");

    EXPECT_EQ(render(R"({"search": "   "})").sql, "TRUE");
    EXPECT_EQ(render(R"({"not": {"search": ""}})").sql, "FALSE");
    r = render(R"({"not": {"search": "a b"}})");
    EXPECT_EQ(r.sql.rfind("((", 0), 0u);
    EXPECT_TRUE(contains(r.sql, ") IS NOT TRUE OR ("));
}

TEST(Filter, TablesUsed) {
    auto use = [](const char* f) { return tables_used(parse_filter(f)); };
    EXPECT_FALSE(use("{}").address);
    EXPECT_FALSE(use("{}").relationship);
    EXPECT_FALSE(use(R"({"first_name": "x", "address_id": 1, "address__id": 2})").address);
    EXPECT_TRUE(use(R"({"not": {"or": [{"city": "x"}]}})").address);
    EXPECT_FALSE(use(R"({"not": {"or": [{"city": "x"}]}})").relationship);
    EXPECT_TRUE(use(R"({"and": [{"last_activity__isnull": true}]})").relationship);
    EXPECT_TRUE(use(R"({"search": "x"})").address);
    EXPECT_FALSE(use(R"({"search": " "})").address);
}

TEST(Filter, SameShapeSameSql) {
    // Plan caching keys on SQL text: values must never change it.
    EXPECT_EQ(render(R"({"first_name__icontains": "a", "points__in": [1]})").sql,
              render(R"({"first_name__icontains": "zz'; --", "points__in": [1, 2, 3, 4]})").sql);
}
