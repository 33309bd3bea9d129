// plan_signature(): see plan_signature.hpp.
#include "pg/plan_signature.hpp"

extern "C" {
#include "nodes/plannodes.h"
}

namespace contacts::pg {
namespace {

void add_plan(const Plan* plan, std::string& out);

void add_list(const List* plans, std::string& out) {
    const ListCell* cell;
    foreach (cell, plans) add_plan(static_cast<const Plan*>(lfirst(cell)), out);
}

void add_plan(const Plan* plan, std::string& out) {
    if (plan == nullptr) {
        out += "-;";
        return;
    }
    switch (nodeTag(plan)) {
        // How two inputs are joined, or buffered for a join, is left out:
        // for a page of rows the join method changes little, while what
        // each relation is read through (below) decides between a
        // millisecond and a full scan.
        case T_NestLoop:
        case T_MergeJoin:
        case T_HashJoin:
            out += "J";
            break;
        case T_Hash:
        case T_Material:
        case T_Memoize:
            add_plan(plan->lefttree, out);
            return;
        default:
            out += std::to_string(static_cast<int>(nodeTag(plan)));
            break;
    }
    switch (nodeTag(plan)) {
        case T_IndexScan:
            out += ":" + std::to_string(reinterpret_cast<const IndexScan*>(plan)->indexid);
            out += reinterpret_cast<const IndexScan*>(plan)->indexorderdir == BackwardScanDirection ? "b" : "f";
            break;
        case T_IndexOnlyScan:
            out += ":" + std::to_string(reinterpret_cast<const IndexOnlyScan*>(plan)->indexid);
            out += reinterpret_cast<const IndexOnlyScan*>(plan)->indexorderdir == BackwardScanDirection ? "b" : "f";
            break;
        case T_BitmapIndexScan:
            out += ":" + std::to_string(reinterpret_cast<const BitmapIndexScan*>(plan)->indexid);
            break;
        case T_Gather:
            out += ":w" + std::to_string(reinterpret_cast<const Gather*>(plan)->num_workers);
            break;
        case T_GatherMerge:
            out += ":w" + std::to_string(reinterpret_cast<const GatherMerge*>(plan)->num_workers);
            break;
        default:
            break;
    }
    // Join inputs are compared as a set, not in order: a merge join and a
    // nested loop over the same two scans may list them either way.
    if (IsA(plan, NestLoop) || IsA(plan, MergeJoin) || IsA(plan, HashJoin)) {
        std::string left, right;
        add_plan(plan->lefttree, left);
        add_plan(plan->righttree, right);
        out += "(" + (left < right ? left + right : right + left) + ")";
        return;
    }
    if (IsA(plan, SeqScan) || IsA(plan, IndexScan) || IsA(plan, IndexOnlyScan) || IsA(plan, BitmapHeapScan))
        out += ":r" + std::to_string(reinterpret_cast<const Scan*>(plan)->scanrelid);
    out += "(";
    add_plan(plan->lefttree, out);
    add_plan(plan->righttree, out);
    switch (nodeTag(plan)) {
        case T_Append: add_list(reinterpret_cast<const Append*>(plan)->appendplans, out); break;
        case T_MergeAppend: add_list(reinterpret_cast<const MergeAppend*>(plan)->mergeplans, out); break;
        case T_BitmapAnd: add_list(reinterpret_cast<const BitmapAnd*>(plan)->bitmapplans, out); break;
        case T_BitmapOr: add_list(reinterpret_cast<const BitmapOr*>(plan)->bitmapplans, out); break;
        case T_SubqueryScan: add_plan(reinterpret_cast<const SubqueryScan*>(plan)->subplan, out); break;
        default: break;
    }
    out += ")";
}

}  // namespace

std::string plan_signature(const PlannedStmt* stmt) {
    std::string out;
    add_plan(stmt->planTree, out);
    out += "|";
    add_list(stmt->subplans, out);
    return out;
}

}  // namespace contacts::pg
