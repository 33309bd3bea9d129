// The shape of a plan, for comparing a generic plan with custom ones.
#pragma once

#include "pg/postgres.hpp"

#include <string>

namespace contacts::pg {

// A compact text naming the nodes of the statement's plan tree (and of its
// subplans) with what decides its cost class: how each relation is read
// (sequential, bitmap, or which index in which direction), the sorts,
// limits, appends and parallel workers. Two plans with the same signature
// read the same relations through the same access paths; join methods
// (nested loop, merge, hash) and the order of a join's inputs, costs, row
// estimates and parameter values are left out.
// Reads the tree only: no PostgreSQL call, no ERROR.
std::string plan_signature(const PlannedStmt* stmt);

}  // namespace contacts::pg
