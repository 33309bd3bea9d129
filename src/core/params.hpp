// Typed query parameters ($1, $2, ...) and the list that numbers them.
//
// The core never splices a value into SQL text: every value the caller gave
// (filter values, cursor values, the limit) becomes a Param, and the SQL
// refers to it as $n. The PostgreSQL layer converts each Param's text form
// with the type's input function (so date/timestamptz values are parsed by
// PostgreSQL itself, with its own rules) and reports a conversion error
// naming origin_key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::core {

enum class ParamType {
    Int8,
    Int4,
    Text,
    Bool,
    Date,
    TimestampTz,
    Float8,
    Int8Array,
    Int4Array,
    TextArray,
    DateArray,
    TimestampTzArray,
};

// "bigint", "integer", ... (the SQL type name, for messages and explain output).
std::string_view param_type_name(ParamType type);
bool param_type_is_array(ParamType type);

struct Param {
    ParamType type = ParamType::Text;
    bool is_null = false;
    // Scalar types: the value's text form (integers and floats in decimal,
    // booleans as "true"/"false", dates and timestamps as the caller wrote
    // them, to be parsed by PostgreSQL). Unused for arrays.
    std::string text;
    // Array types: the elements' text forms (never NULL elements).
    std::vector<std::string> elements;
    // What the value came from, for error messages: a filter key such as
    // "points__gte", or "search", "cursor", "limit", "cap".
    std::string origin_key;
};

// "$3 = '%ann%' (text, from first_name__icontains)": one line per parameter,
// values as SQL literals, for contacts_explain's output.
std::string describe_param(std::size_t index, const Param& p);

// Appends parameters and hands out their placeholders. Numbering is by order
// of addition, so the same query shape always yields the same SQL text (the
// plan cache key).
class ParamList {
public:
    // Adds p and returns its placeholder, e.g. "$3".
    std::string add(Param p);
    std::string add_scalar(ParamType type, std::string text, std::string origin_key);
    std::string add_array(ParamType type, std::vector<std::string> elements, std::string origin_key);

    std::size_t size() const noexcept { return params_.size(); }
    const std::vector<Param>& params() const noexcept { return params_; }
    std::vector<Param> take() && { return std::move(params_); }

private:
    std::vector<Param> params_;
};

}  // namespace contacts::core
