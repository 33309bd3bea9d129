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

// "OPERATOR(<schema>.<op>)": one of contacts_ext's operators, qualified (the
// statements run with search_path = pg_catalog, pg_temp). The text search
// operators (extension/parts/50_text_search.sql):
//   @~~   LIKE on folded text: fold(a) LIKE b with b's literal parts folded
//   ~~*@  exactly ILIKE, estimated by contacts_ext
//   %~    trigram similarity of the folded texts >= contacts_ext.similarity_threshold
std::string op_sql(std::string_view schema_sql, std::string_view op);

// "<expr> OPERATOR(<schema>.<op>) <rhs>".
std::string op_expr(std::string_view schema_sql, std::string_view lhs, std::string_view op, std::string_view rhs);

// <schema>.contacts_phone_digits(expr): the ASCII digits of a phone number
// (the expression the default phone-digits index is built on).
std::string phone_digits_sql(std::string_view schema_sql, std::string_view expr);

// A folded LIKE pattern for the right operand of @~~, computed in C++:
// "%" + escape(fold(value)) + "%" for contains, and so on. Folding happens
// here so the bound parameter already is what the index compares; the
// operator folds it again, which changes nothing (folding is idempotent).
// Throws like fold() on invalid UTF-8.
enum class Anchor { Contains, StartsWith, EndsWith, Exact };
std::string folded_pattern(std::string_view value, Anchor anchor);

// The raw LIKE/ILIKE pattern of a value: escape(value) with % on the open sides.
std::string like_pattern(std::string_view value, Anchor anchor);

// Joins parts with sep; wraps in parentheses when there is more than one.
std::string join_grouped(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace contacts::core::sql
