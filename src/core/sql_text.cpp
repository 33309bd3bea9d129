#include "core/sql_text.hpp"

#include "core/fold.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core::sql {

std::string like_escape(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 8);
    for (char c : value) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::string op_sql(std::string_view schema_sql, std::string_view op) {
    std::string s = "OPERATOR(";
    s += schema_sql;
    s += ".";
    s += op;
    s += ")";
    return s;
}

std::string op_expr(std::string_view schema_sql, std::string_view lhs, std::string_view op, std::string_view rhs) {
    std::string s(lhs);
    s += " ";
    s += op_sql(schema_sql, op);
    s += " ";
    s += rhs;
    return s;
}

std::string phone_digits_sql(std::string_view schema_sql, std::string_view expr) {
    std::string s(schema_sql);
    s += ".contacts_phone_digits(";
    s += expr;
    s += ")";
    return s;
}

namespace {
std::string anchored(std::string escaped, Anchor anchor) {
    switch (anchor) {
        case Anchor::Contains: return "%" + escaped + "%";
        case Anchor::StartsWith: return escaped + "%";
        case Anchor::EndsWith: return "%" + escaped;
        case Anchor::Exact: return escaped;
    }
    return escaped;
}
}  // namespace

std::string folded_pattern(std::string_view value, Anchor anchor) {
    return anchored(like_escape(fold(value)), anchor);
}

std::string like_pattern(std::string_view value, Anchor anchor) { return anchored(like_escape(value), anchor); }

std::string join_grouped(const std::vector<std::string>& parts, std::string_view sep) {
    if (parts.size() == 1) return parts.front();
    std::string s = "(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += sep;
        s += parts[i];
    }
    s += ")";
    return s;
}

}  // namespace contacts::core::sql
