#include "core/sql_text.hpp"

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

std::string like_escape_sql(std::string_view expr) {
    // Backslash first, so the backslashes added for % and _ are not doubled.
    std::string s = "pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(";
    s += expr;
    s += ", E'\\\\', E'\\\\\\\\'), '%', E'\\\\%'), '_', E'\\\\_')";
    return s;
}

std::string fold_sql(std::string_view schema_sql, std::string_view expr) {
    std::string s;
    s.reserve(schema_sql.size() + expr.size() + 16);
    s += schema_sql;
    s += ".contacts_fold(";
    s += expr;
    s += ")";
    return s;
}

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
