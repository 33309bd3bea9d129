#include "core/params.hpp"

#include <utility>

#include "core/error.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

std::string_view param_type_name(ParamType type) {
    switch (type) {
        case ParamType::Int8: return "bigint";
        case ParamType::Int4: return "integer";
        case ParamType::Text: return "text";
        case ParamType::Bool: return "boolean";
        case ParamType::Date: return "date";
        case ParamType::TimestampTz: return "timestamptz";
        case ParamType::Float8: return "double precision";
        case ParamType::Int8Array: return "bigint[]";
        case ParamType::Int4Array: return "integer[]";
        case ParamType::TextArray: return "text[]";
        case ParamType::DateArray: return "date[]";
        case ParamType::TimestampTzArray: return "timestamptz[]";
    }
    return "unknown";
}

bool param_type_is_array(ParamType type) {
    switch (type) {
        case ParamType::Int8Array:
        case ParamType::Int4Array:
        case ParamType::TextArray:
        case ParamType::DateArray:
        case ParamType::TimestampTzArray:
            return true;
        default:
            return false;
    }
}

namespace {

std::string sql_literal(std::string_view v) {
    std::string s = "'";
    for (char c : v) {
        if (c == '\'') s += '\'';
        s += c;
    }
    return s + "'";
}

}  // namespace

std::string describe_param(std::size_t index, const Param& p) {
    std::string s = "$" + std::to_string(index) + " = ";
    if (p.is_null) {
        s += "NULL";
    } else if (param_type_is_array(p.type)) {
        s += "ARRAY[";
        for (std::size_t i = 0; i < p.elements.size(); ++i) {
            if (i > 0) s += ", ";
            s += sql_literal(p.elements[i]);
        }
        s += "]";
    } else {
        s += sql_literal(p.text);
    }
    s += " (";
    s += param_type_name(p.type);
    if (!p.origin_key.empty()) {
        s += ", from ";
        s += p.origin_key;
    }
    s += ")";
    return s;
}

std::string ParamList::add(Param p) {
    // PostgreSQL accepts at most 65535 parameters per statement; the filter
    // limits keep us far below, but fail cleanly rather than emit bad SQL.
    if (params_.size() >= 65535) {
        throw Error(SqlState::ProgramLimitExceeded, "too many query parameters",
                    "A statement can bind at most 65535 parameters.");
    }
    params_.push_back(std::move(p));
    return "$" + std::to_string(params_.size());
}

std::string ParamList::add_scalar(ParamType type, std::string text, std::string origin_key) {
    Param p;
    p.type = type;
    p.text = std::move(text);
    p.origin_key = std::move(origin_key);
    return add(std::move(p));
}

std::string ParamList::add_array(ParamType type, std::vector<std::string> elements,
                                 std::string origin_key) {
    Param p;
    p.type = type;
    p.elements = std::move(elements);
    p.origin_key = std::move(origin_key);
    return add(std::move(p));
}

}  // namespace contacts::core
