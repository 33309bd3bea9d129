// The whitelist of fields contacts_list can filter and sort on.
//
// Every identifier that ever reaches SQL text comes from this table: a
// field's SQL expression is a fixed string over the three table aliases of
// the list query (u = app_user, a = address, cr = customer_relationship).
// Filter and sort keys name the output columns of contacts_list; the
// Django-style paths of the contract (address__city, relationship__points,
// ...) are accepted as aliases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::core {

enum class FieldType { BigInt, Integer, Text, Date, TimestampTz };

// The table a field's value comes from. Count queries join a table only when
// a filter references it.
enum class Table { AppUser, Address, Relationship };

struct Field {
    std::string_view name;   // output column of contacts_list, e.g. "city"
    std::string_view alias;  // Django path, e.g. "address__city" ("" when none)
    std::string_view sql;    // SQL expression, e.g. "a.city"
    FieldType type;
    // May be NULL in a result row. Every column of the LEFT JOINed tables is
    // nullable here even when the table column is NOT NULL (no address → NULL
    // city).
    bool nullable;
    Table table;
    bool sortable;
    std::size_t column;  // 0-based position in contacts_list's output row
    // An expression that is NULL exactly when this field is, preferred for
    // "field IS NULL". For the NOT NULL columns of a joined table the field
    // is NULL only when there is no visible joined row: a.id IS NULL for
    // address (not u.address_id IS NULL: row level security on address can
    // hide a row the foreign key guarantees exists), cr.appuser_id IS NULL for
    // the relationship; PostgreSQL turns both into anti-joins. "IS NOT NULL"
    // keeps the field itself:
    // being strict in the joined table, it lets the planner make the LEFT JOIN
    // an inner join.
    std::string_view null_test_sql;
};

// The expression for "f IS NULL": f.null_test_sql, except that when no
// row of address can be hidden from the caller (no row level security
// applies to it), an address row exists exactly when u.address_id is set
// (the foreign key guarantees it), and "u.address_id IS NULL", a column
// test the planner estimates from statistics, replaces the anti-join on
// a.id, which it estimates as one row and may then serve with a full hash
// join.
std::string_view null_test_for(const Field& f, bool address_rows_hidable);

// All fields, in contacts_list's column order (19 of them; `cursor` is not a field).
const std::vector<Field>& all_fields();

// Looks a field up by output column name or Django alias; nullptr if unknown.
const Field* find_field(std::string_view name_or_alias);

// The primary key, the final tie-breaker of every sort.
const Field& id_field();

// "id, first_name, ..., address__street, ..." — the names and aliases, for
// error messages that say what is allowed.
std::string allowed_field_names();

// "bigint", "integer", "text", "date", "timestamptz".
std::string_view field_type_name(FieldType type);

}  // namespace contacts::core
