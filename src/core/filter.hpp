// Filters: JSON document → validated AST → SQL predicate with $n parameters.
//
// Grammar (see the contract, issue 3):
//   { "<field>[__<transform>][__<lookup>]": value, "search": "terms",
//     "or": [filter, ...], "and": [filter, ...], "not": filter, ... }
// The keys of an object are ANDed.
//
// Decisions where the contract is silent (also in the README):
//  * iexact means ILIKE with the value's %, _ and \ escaped: exactly "what
//    ILIKE means", and a pg_trgm index on the column can serve it.
//  * unaccent folds both sides with contacts_fold (case and accents), so
//    unaccent__exact and unaccent__iexact are the same. Lookups after
//    unaccent: exact, iexact, (i)contains, (i)startswith, (i)endswith, isnull.
//  * "or": [] is FALSE (the empty disjunction), like "in": []; "and": [] and
//    {} are TRUE; "search" with no terms (empty or white space only) is TRUE.
//  * "exact"/"iexact" with null mean IS NULL; null anywhere else (inside
//    "in", as a "range" bound, with gt, ...) is an error naming the key.
//  * Integers may be given as JSON numbers or strings; either must denote an
//    integral value ("12", "12.0", "1.2e1"); text fields also accept JSON
//    numbers (their source text). Dates and timestamps must be strings; they
//    are parsed by PostgreSQL's input functions (the PostgreSQL layer reports
//    a bad one naming the key).
//  * year__exact/gt/gte/lt/lte/range compile to half-open ranges on the
//    column (index-friendly) and need years 1..9999; year__in, month and day
//    use EXTRACT. date__exact/... compile to ranges of timestamps
//    [d 00:00, d+1 00:00) in the session time zone; date__in casts.
//  * Every condition is two-valued: NOT of a condition on a nullable field is
//    emitted as "(cond) IS NOT TRUE", so excluding rows keeps those whose
//    field is NULL (as Django's exclude() does). In positive positions a
//    NULL condition already acts as FALSE in WHERE, so no wrapping is needed
//    there (and indexes stay usable).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.hpp"
#include "core/json.hpp"
#include "core/params.hpp"

namespace contacts::core {

enum class Lookup {
    Exact,
    IExact,
    Contains,
    IContains,
    StartsWith,
    IStartsWith,
    EndsWith,
    IEndsWith,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    Range,
    IsNull,
    TrigramSimilar,
};

enum class Transform { None, Unaccent, Year, Month, Day, Date };

std::string_view lookup_name(Lookup lookup);
// exact, gt, gte, lt, lte, in, range, isnull: the lookups that compare
// values (every type), as opposed to text patterns and similarity.
bool is_ordering_lookup(Lookup lookup);
std::string_view transform_name(Transform transform);

struct FilterLimits {
    json::Limits json;                 // document limits (depth 32, 1 MB strings, 1000 elements)
    std::size_t max_conditions = 1000; // field conditions + search terms in one filter
    std::size_t max_search_terms = 32; // per "search" value
    // Characters (code points) in a value that is matched as a pattern: the
    // value of iexact, (i)contains, (i)startswith, (i)endswith,
    // trigram_similar and of every lookup after unaccent, and a whole
    // "search" string. These are folded or lower-cased for every row scanned
    // (PostgreSQL's ILIKE lower-cases its pattern per call), so their cost
    // grows with rows x length; 1,000 is far above any value of the data
    // model (names, streets, e-mail addresses <= 254) and keeps that cost
    // near a short pattern's. Other values keep json.max_string_bytes.
    std::size_t max_pattern_chars = 1000;
};

// One "field__transform__lookup": value entry, validated and converted.
struct Condition {
    std::string key;  // the filter key as written, for messages and Param::origin_key
    const Field* field = nullptr;
    Transform transform = Transform::None;
    Lookup lookup = Lookup::Exact;
    // exact/iexact null → IS NULL; isnull → is_null_test with `negated` = isnull false.
    bool is_null_test = false;
    bool is_null_negated = false;
    // Converted values in text form: one for scalar lookups, two for range,
    // any number for in. Integers are canonical decimal.
    std::vector<std::string> values;
};

struct SearchTerm {
    std::string text;    // the term as given (folded in SQL)
    std::string digits;  // for phone-like terms: the digits alone, else empty
};

struct FilterNode {
    enum class Kind { And, Or, Not, Condition, Search };
    Kind kind = Kind::And;
    std::vector<FilterNode> children;  // And, Or: any number; Not: exactly one
    Condition condition;               // Condition
    std::vector<SearchTerm> terms;     // Search
};

// Parses and validates a filter document (a JSON object). Throws
// contacts::core::Error naming the offending key.
FilterNode parse_filter(std::string_view json_text, const FilterLimits& limits = {});
FilterNode parse_filter(const json::Value& document, const FilterLimits& limits = {});

// Splits a search string into terms (on Unicode white space) and marks
// phone-like terms (only digits and +()-./, at least 3 digits).
std::vector<SearchTerm> split_search_terms(std::string_view text, std::size_t max_terms);

struct SqlContext {
    std::string_view schema_sql;  // already-quoted schema identifier
    double similarity_threshold = 0.3;
    ParamList* params = nullptr;
    std::string threshold_placeholder;  // allocated on first trigram_similar
    bool address_rows_hidable = true;   // see null_test_for() (fields.hpp)
};

// The SQL predicate for a filter ("TRUE" for an empty filter). Appends the
// values it binds to ctx.params.
std::string filter_sql(const FilterNode& node, SqlContext& ctx);

// Which joined tables the filter references (so count queries can skip joins).
struct TableUse {
    bool address = false;
    bool relationship = false;
};
TableUse tables_used(const FilterNode& node);

// Whether the filter has a lookup whose selectivity swings by orders of
// magnitude with its value: a search term or a text pattern, folded,
// case-insensitive or similarity lookup ("an" matches a third of the
// contacts, "xq" none). The best plan for those depends on the value, so the
// PostgreSQL layer plans them with their values on every call; equality,
// ranges, IN and IS NULL are left to PostgreSQL's plan cache, as a prepared
// statement would be.
bool selectivity_varies_by_value(const FilterNode& node);

// The predicate for one search term (every column ORed). One function, so
// the index work can swap in an indexed expression in one place.
std::string search_term_sql(const SearchTerm& term, SqlContext& ctx);


}  // namespace contacts::core
