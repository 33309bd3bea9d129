// The ContactsList scan: contacts_list in FROM without materializing its page.
//
// A set-returning function in FROM is a Function Scan: PostgreSQL calls it,
// it forms every row as a tuple in a tuplestore, and the scan reads them back
// and takes them apart again. For a 50-row first page that round trip (form
// each 20-column tuple, deform it for the client) was about 170,000 of the
// 390,000 instructions contacts_list added to the hand-written SQL (callgrind,
// pgbench -M prepared), the largest fixed cost left.
//
// When the planner meets `FROM contacts_list(...)` (one function, no
// ORDINALITY, arguments that reference no other table of the query), a
// set_rel_pathlist hook replaces the Function Scan path by a Custom Scan
// "ContactsList". It runs the same code on the same arguments
// (list_page.hpp): the same SQL, plan cache, cursor, timeout, SET clauses of
// the function (search_path, jit) and EXECUTE privilege check; only the
// rows' destination differs. They are copied once into the scan's page
// buffer (one allocation per row, the datums as they are) and returned as
// virtual tuples, with no tuple forming or deforming.
//
// Anything else (contacts_list in a SELECT list, WITH ORDINALITY, LATERAL
// arguments, contacts_ext.list_scan = off) keeps the Function Scan: both give
// the same rows (sql/list_scan.sql, and the differential test runs the scan).
//
// The scan does not run backwards or restore marks: the planner puts a
// Materialize above it where that is needed (SCROLL cursors, merge joins).
// It is never parallel-aware; plans that contain it run in the leader.
#pragma once

#include "pg/postgres.hpp"

namespace contacts::pg {

// Installs the planner hook and registers the scan (from _PG_init).
void register_list_scan();

}  // namespace contacts::pg
