// Small helpers for building SQL text. None of them ever receives a value
// from the caller's input: they combine whitelisted identifiers, $n
// placeholders and fixed SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contacts::core::sql {

// Escapes LIKE/ILIKE metacharacters (%, _ and the default escape \) in a
// value computed in C++, so the pattern built around it matches it literally.
std::string like_escape(std::string_view value);

// The SQL expression that escapes LIKE metacharacters in another SQL
// expression's result. Used when the value only exists inside the statement
// (after folding with contacts_fold, whose output may contain %, _ or \ — e.g.
// a fullwidth ％ folds to %). E'' literals so the text means the same under
// any standard_conforming_strings setting.
std::string like_escape_sql(std::string_view expr);

// <schema>.contacts_fold(expr): ICU case and accent folding, done in SQL.
std::string fold_sql(std::string_view schema_sql, std::string_view expr);

// Joins parts with sep; wraps in parentheses when there is more than one.
std::string join_grouped(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace contacts::core::sql
