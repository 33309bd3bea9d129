// The "search" key, by table, and a filter split into index-friendly branches.
//
// A search term matches when it occurs (folded: case and accents ignored) in
// any of seven columns of two tables. PostgreSQL cannot serve an OR across
// two tables with indexes, so written as one predicate a rare term costs a
// scan of every contact. The predicate split by table is index-friendly:
//
//   user side     u.first_name @~~ p OR u.last_name @~~ p OR u.customer_id @~~ p
//                 OR u.phone_number @~~ p [OR contacts_phone_digits(u.phone_number) @~~ d]
//   address side  a.street @~~ p OR a.city @~~ p OR a.country @~~ p
//
// and filter_branches() uses it to turn a filter whose top level has a
// search into two disjoint filters, one per side, for a UNION ALL of two
// queries each of which the planner can serve its own way: a BitmapOr over
// the trigram indexes of one table when the term is rare, a walk of the sort
// index when it is common.
#pragma once

#include <string>
#include <vector>

#include "core/filter.hpp"

namespace contacts::core {

// The two sides of one term's predicate (sharing their parameters).
struct SearchTermSql {
    std::string user;     // app_user columns and the phone-digits rule
    std::string address;  // address columns (NULL when the contact has no address)
};
SearchTermSql search_term_sides(const SearchTerm& term, SqlContext& ctx);

// The filter as disjoint predicates whose union is the filter: two when the
// filter's top level (the object itself or a direct "search" key) has a
// search term — the longest term (the likeliest to be rare) drives:
//   1. <rest of the filter> AND <term, user side>
//   2. <rest of the filter> AND <term, address side> AND (<term, user side>) IS NOT TRUE
// and one (filter_sql()) otherwise.
std::vector<std::string> filter_branches(const FilterNode& root, SqlContext& ctx);

}  // namespace contacts::core
