// The ContactsList scan; see list_scan.hpp.
//
// The planner and executor call the functions below as C callbacks. They
// hold no C++ objects, so PostgreSQL errors may longjmp through them; the
// C++ work (building and running the page) runs under run_callback(), which
// turns an exception into an ERROR raised from a plain frame.
#include "pg/list_scan.hpp"

#include "pg/boundary.hpp"
#include "pg/list_page.hpp"
#include "pg/list_rows.hpp"
#include "pg/settings.hpp"

#include "core/query_builder.hpp"

extern "C" {
#include "access/sysattr.h"
#include "catalog/objectaccess.h"
#include "catalog/pg_language.h"
#include "catalog/pg_proc.h"
#include "nodes/extensible.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/clauses.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/planmain.h"
#include "optimizer/paths.h"
#include "optimizer/restrictinfo.h"
#include "parser/parsetree.h"
#include "nodes/supportnodes.h"
#include "utils/acl.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/syscache.h"
}

#include <cstring>
#include <string_view>
#include <utility>

extern "C" Datum contacts_list(PG_FUNCTION_ARGS);

namespace contacts::pg {
namespace {

constexpr int kColumns = kListDataColumns + 1;  // the data columns and the cursor
constexpr int kArgs = 4;                         // filter, sort, cursor, limit

set_rel_pathlist_hook_type previous_pathlist_hook = nullptr;

// ---- planning ---------------------------------------------------------------

// Whether funcid is this library's contacts_list with the signature its C
// code reads (jsonb, text[], text, integer), returning a set.
bool is_contacts_list(Oid funcid) {
    HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
    if (!HeapTupleIsValid(tuple)) return false;
    const Form_pg_proc proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple));
    bool ours = proc->prolang == ClanguageId && proc->proretset && proc->pronargs == kArgs &&
                proc->proargtypes.values[0] == JSONBOID && proc->proargtypes.values[1] == TEXTARRAYOID &&
                proc->proargtypes.values[2] == TEXTOID && proc->proargtypes.values[3] == INT4OID;
    if (ours) {
        bool src_null = true, bin_null = true;
        const Datum src = SysCacheGetAttr(PROCOID, tuple, Anum_pg_proc_prosrc, &src_null);
        const Datum bin = SysCacheGetAttr(PROCOID, tuple, Anum_pg_proc_probin, &bin_null);
        // The symbol the function resolves to is this library's contacts_list
        // (the library is loaded: this code runs in it).
        ours = !src_null && !bin_null &&
               load_external_function(TextDatumGetCString(bin), TextDatumGetCString(src), false, nullptr) ==
                   reinterpret_cast<void*>(&contacts_list);
    }
    ReleaseSysCache(tuple);
    return ours;
}

Plan* plan_list_path(PlannerInfo* root, RelOptInfo* rel, CustomPath* best_path, List* tlist, List* clauses,
                     List* /*custom_plans*/);

// Whether the query uses the function's row as a whole (`SELECT l FROM
// contacts_list(...) l`, `l::text`): the scan's row is its columns, which a
// whole-row reference cannot be resolved against, so that stays a Function
// Scan.
bool needs_whole_row(RelOptInfo* rel) {
    Bitmapset* attnos = nullptr;
    pull_varattnos(reinterpret_cast<Node*>(rel->reltarget->exprs), rel->relid, &attnos);
    pull_varattnos(reinterpret_cast<Node*>(extract_actual_clauses(rel->baserestrictinfo, false)), rel->relid, &attnos);
    const bool whole_row = bms_is_member(InvalidAttrNumber - FirstLowInvalidHeapAttributeNumber, attnos);
    bms_free(attnos);
    return whole_row;
}

const CustomPathMethods list_path_methods = {"ContactsList", plan_list_path, nullptr};

Node* create_list_scan_state(CustomScan* cscan);

const CustomScanMethods list_scan_methods = {"ContactsList", create_list_scan_state};

void list_pathlist_hook(PlannerInfo* root, RelOptInfo* rel, Index rti, RangeTblEntry* rte) {
    if (previous_pathlist_hook != nullptr) previous_pathlist_hook(root, rel, rti, rte);
    if (!list_scan_enabled || rte->rtekind != RTE_FUNCTION || rte->funcordinality ||
        list_length(rte->functions) != 1 || rel->lateral_relids != nullptr || list_length(rel->pathlist) != 1)
        return;
    const auto* rtfunc = linitial_node(RangeTblFunction, rte->functions);
    if (!IsA(rtfunc->funcexpr, FuncExpr)) return;
    const auto* call = reinterpret_cast<const FuncExpr*>(rtfunc->funcexpr);
    // Arguments are evaluated once per scan (and again when a parameter
    // they use changes), as the Function Scan does; ones that read other
    // tables of the query (LATERAL) or run subqueries stay with it.
    if (!call->funcretset || list_length(call->args) != kArgs || contain_var_clause(reinterpret_cast<Node*>(call->args)) ||
        contain_subplans(reinterpret_cast<Node*>(call->args)) || !is_contacts_list(call->funcid))
        return;
    const Path* function_scan = static_cast<const Path*>(linitial(rel->pathlist));
    if (function_scan->param_info != nullptr || needs_whole_row(rel)) return;

    CustomPath* path = makeNode(CustomPath);
    path->path.pathtype = T_CustomScan;
    path->path.parent = rel;
    path->path.pathtarget = rel->reltarget;
    path->path.param_info = nullptr;
    path->path.parallel_aware = false;
    path->path.parallel_safe = false;
    path->path.parallel_workers = 0;
    path->path.rows = rel->rows;
    // Costed as the Function Scan it replaces: the same work, one copy less.
    path->path.startup_cost = function_scan->startup_cost;
    path->path.total_cost = function_scan->total_cost;
    path->path.pathkeys = NIL;
    path->flags = 0;
    path->custom_paths = NIL;
    path->custom_private = NIL;
    path->methods = &list_path_methods;
    rel->pathlist = NIL;
    add_path(rel, &path->path);
}

Plan* plan_list_path(PlannerInfo* root, RelOptInfo* rel, CustomPath* best_path, List* tlist, List* clauses,
                     List* /*custom_plans*/) {
    const RangeTblEntry* rte = planner_rt_fetch(rel->relid, root);
    const auto* rtfunc = linitial_node(RangeTblFunction, rte->functions);
    auto* call = reinterpret_cast<FuncExpr*>(rtfunc->funcexpr);

    // The scan tuple is the function's row: one Var per output column, so
    // setrefs turns the plan's references to it into INDEX_VAR references
    // and EXPLAIN prints them by their column names.
    TupleDesc desc = get_expr_result_tupdesc(reinterpret_cast<Node*>(call), false);
    if (desc->natts != kColumns) elog(ERROR, "contacts_list's result does not have %d columns", kColumns);
    List* scan_tlist = NIL;
    for (int i = 0; i < desc->natts; ++i) {
        const Form_pg_attribute att = TupleDescAttr(desc, i);
        Var* var = makeVar(rel->relid, static_cast<AttrNumber>(i + 1), att->atttypid, att->atttypmod,
                           att->attcollation, 0);
        scan_tlist = lappend(scan_tlist, makeTargetEntry(reinterpret_cast<Expr*>(var), static_cast<AttrNumber>(i + 1),
                                                         pstrdup(NameStr(att->attname)), false));
    }

    // The plan no longer holds the call itself: record its dependency on the
    // function as a Function Scan's plan does (the cached query records it
    // too), so it is replanned when the function is dropped or replaced.
    record_plan_function_dependency(root, call->funcid);

    CustomScan* scan = makeNode(CustomScan);
    scan->scan.plan.targetlist = tlist;
    scan->scan.plan.qual = extract_actual_clauses(clauses, false);
    // No base relation to open: the rows come from the function.
    scan->scan.scanrelid = 0;
    scan->flags = best_path->flags;
    scan->custom_plans = NIL;
    scan->custom_exprs = static_cast<List*>(copyObjectImpl(call->args));  // copyObject() is a GNU C macro
    scan->custom_private = lappend_oid(NIL, call->funcid);  // list_make1_oid() is a C99 compound literal
    scan->custom_scan_tlist = scan_tlist;
    scan->methods = &list_scan_methods;
    return &scan->scan.plan;
}

// ---- execution --------------------------------------------------------------

// The page: rows of kColumns datums, in the requested order. Everything is
// allocated in the scan's page context, reset on rescan.
struct PageRows {
    Datum* values = nullptr;  // count * kColumns
    bool* nulls = nullptr;
    int64 count = 0;
    int64 capacity = 0;
};

struct ListScanState {
    CustomScanState css;  // first: PostgreSQL sees a CustomScanState*
    List* args;           // ExprState per argument
    Oid funcid;
    ArrayType* proconfig;  // the function's SET clauses, or nullptr
    MemoryContext page_context;
    bool byval[kColumns];
    PageRows page;
    bool filled;
    int64 next;
};

// Copies each row into the page: its by-reference datums (the text columns)
// into one allocation, as they are (no detoasting: a toasted value stays a
// pointer the executor detoasts when it is sent, as in a tuplestore).
class PageWriter final : public RowWriter {
public:
    PageWriter(PageRows& page, MemoryContext context, const bool* byval)
        : page_(page), context_(context), byval_(byval) {}

    void begin(bool backward) override { backward_ = backward; }

    void write(const Datum* values, const bool* nulls, std::string_view cursor) override {
        if (page_.count == page_.capacity) grow();
        std::size_t bytes = MAXALIGN(VARHDRSZ + cursor.size());
        for (int i = 0; i < kListDataColumns; ++i) {
            if (nulls[i] || byval_[i]) continue;
            const void* p = DatumGetPointer(values[i]);
            if (!VARATT_IS_EXTERNAL_EXPANDED(p)) bytes += MAXALIGN(VARSIZE_ANY(p));
        }
        MemoryContext context = context_;
        char* memory = pg_call([=] { return static_cast<char*>(MemoryContextAlloc(context, bytes)); });

        Datum* out = page_.values + page_.count * kColumns;
        bool* out_nulls = page_.nulls + page_.count * kColumns;
        for (int i = 0; i < kListDataColumns; ++i) {
            out_nulls[i] = nulls[i];
            if (nulls[i]) {
                out[i] = Datum(0);
            } else if (byval_[i]) {
                out[i] = values[i];
            } else if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(values[i]))) {
                // Not produced by a table scan; flattened by datumCopy.
                const Datum v = values[i];
                out[i] = pg_call([=] {
                    MemoryContext previous = MemoryContextSwitchTo(context);
                    Datum copy = datumCopy(v, false, -1);
                    MemoryContextSwitchTo(previous);
                    return copy;
                });
            } else {
                const void* p = DatumGetPointer(values[i]);
                const std::size_t size = VARSIZE_ANY(p);
                std::memcpy(memory, p, size);
                out[i] = PointerGetDatum(memory);
                memory += MAXALIGN(size);
            }
        }
        SET_VARSIZE(memory, VARHDRSZ + cursor.size());
        std::memcpy(VARDATA(memory), cursor.data(), cursor.size());
        out[kListDataColumns] = PointerGetDatum(memory);
        out_nulls[kListDataColumns] = false;
        ++page_.count;
    }

    // A backward page arrived nearest the cursor first: reverse it.
    void finish() override {
        if (!backward_) return;
        for (int64 i = 0, j = page_.count - 1; i < j; ++i, --j) {
            for (int c = 0; c < kColumns; ++c) {
                std::swap(page_.values[i * kColumns + c], page_.values[j * kColumns + c]);
                std::swap(page_.nulls[i * kColumns + c], page_.nulls[j * kColumns + c]);
            }
        }
    }

private:
    void grow() {
        const int64 capacity = page_.capacity == 0 ? 64 : page_.capacity * 2;
        MemoryContext context = context_;
        const Size values_size = sizeof(Datum) * kColumns * capacity;
        const Size nulls_size = sizeof(bool) * kColumns * capacity;
        Datum* values = page_.values;
        bool* nulls = page_.nulls;
        pg_call([&] {
            if (values == nullptr) {
                values = static_cast<Datum*>(MemoryContextAllocHuge(context, values_size));
                nulls = static_cast<bool*>(MemoryContextAllocHuge(context, nulls_size));
            } else {
                values = static_cast<Datum*>(repalloc_huge(values, values_size));
                nulls = static_cast<bool*>(repalloc_huge(nulls, nulls_size));
            }
        });
        page_.values = values;
        page_.nulls = nulls;
        page_.capacity = capacity;
    }

    PageRows& page_;
    MemoryContext context_;
    const bool* byval_;
    bool backward_ = false;
};

struct FillArgs {
    ListScanState* state;
    FunctionCallInfo fcinfo;
};

// C++: the page, built and run exactly as the function builds and runs it.
void fill_page_body(void* arg) {
    auto* a = static_cast<FillArgs*>(arg);
    const core::BuiltQuery q = build_list_call(a->fcinfo);
    PageWriter writer(a->state->page, a->state->page_context, a->state->byval);
    run_list_query(q, writer);
}

// Evaluates the arguments and fills the page. Plain C frame.
void fill_page(ListScanState* s) {
    ExprContext* econtext = s->css.ss.ps.ps_ExprContext;
    MemoryContext previous = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

    FmgrInfo flinfo;
    std::memset(&flinfo, 0, sizeof flinfo);
    flinfo.fn_oid = s->funcid;
    flinfo.fn_nargs = kArgs;
    flinfo.fn_retset = true;
    flinfo.fn_mcxt = CurrentMemoryContext;
    LOCAL_FCINFO(fcinfo, kArgs);
    InitFunctionCallInfoData(*fcinfo, &flinfo, kArgs, InvalidOid, nullptr, nullptr);
    int i = 0;
    ListCell* lc;
    foreach (lc, s->args) {
        auto* arg = static_cast<ExprState*>(lfirst(lc));
        fcinfo->args[i].value = ExecEvalExpr(arg, econtext, &fcinfo->args[i].isnull);
        ++i;
    }

    // The function's SET clauses (search_path, jit) apply while the page is
    // made, as when PostgreSQL calls the function (fmgr_security_definer).
    // An error leaves the nesting level to the (sub)transaction's abort.
    int nest_level = -1;
    if (s->proconfig != nullptr) {
        nest_level = NewGUCNestLevel();
        ProcessGUCArray(s->proconfig, superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE);
    }
    FillArgs args{s, fcinfo};
    run_callback(fill_page_body, &args);
    if (nest_level >= 0) AtEOXact_GUC(true, nest_level);
    MemoryContextSwitchTo(previous);
}

TupleTableSlot* next_row(ScanState* ss) {
    auto* s = reinterpret_cast<ListScanState*>(ss);
    if (!s->filled) {
        fill_page(s);
        s->filled = true;
        s->next = 0;
    }
    TupleTableSlot* slot = ss->ss_ScanTupleSlot;
    ExecClearTuple(slot);
    if (s->next >= s->page.count) return slot;
    std::memcpy(slot->tts_values, s->page.values + s->next * kColumns, sizeof(Datum) * kColumns);
    std::memcpy(slot->tts_isnull, s->page.nulls + s->next * kColumns, sizeof(bool) * kColumns);
    ++s->next;
    return ExecStoreVirtualTuple(slot);
}

bool recheck_row(ScanState*, TupleTableSlot*) { return true; }

void begin_list_scan(CustomScanState* node, EState* estate, int /*eflags*/) {
    auto* s = reinterpret_cast<ListScanState*>(node);
    const auto* cscan = reinterpret_cast<const CustomScan*>(node->ss.ps.plan);
    s->funcid = linitial_oid(cscan->custom_private);

    // What calling the function checks: EXECUTE on it (and the object
    // access hook).
    const AclResult acl = pg_proc_aclcheck(s->funcid, GetUserId(), ACL_EXECUTE);
    if (acl != ACLCHECK_OK) aclcheck_error(acl, OBJECT_FUNCTION, get_func_name(s->funcid));
    InvokeFunctionExecuteHook(s->funcid);

    TupleDesc desc = node->ss.ss_ScanTupleSlot->tts_tupleDescriptor;
    if (desc->natts != kColumns) elog(ERROR, "contacts_list scan: unexpected row of %d columns", desc->natts);
    for (int i = 0; i < kColumns; ++i) s->byval[i] = TupleDescAttr(desc, i)->attbyval;

    s->args = ExecInitExprList(cscan->custom_exprs, &node->ss.ps);
    s->page_context = AllocSetContextCreate(estate->es_query_cxt, "contacts_list page", ALLOCSET_DEFAULT_SIZES);
    s->page = PageRows{};
    s->filled = false;
    s->next = 0;

    s->proconfig = nullptr;
    HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(s->funcid));
    if (!HeapTupleIsValid(tuple)) elog(ERROR, "cache lookup failed for function %u", s->funcid);
    bool isnull = true;
    const Datum config = SysCacheGetAttr(PROCOID, tuple, Anum_pg_proc_proconfig, &isnull);
    if (!isnull) {
        MemoryContext previous = MemoryContextSwitchTo(estate->es_query_cxt);
        s->proconfig = DatumGetArrayTypePCopy(config);
        MemoryContextSwitchTo(previous);
    }
    ReleaseSysCache(tuple);
}

TupleTableSlot* exec_list_scan(CustomScanState* node) { return ExecScan(&node->ss, next_row, recheck_row); }

void end_list_scan(CustomScanState* node) {
    auto* s = reinterpret_cast<ListScanState*>(node);
    MemoryContextDelete(s->page_context);
}

// Run again when a parameter of the arguments changed; otherwise the same
// page is read again from the start, as a Function Scan rereads its
// tuplestore.
void rescan_list_scan(CustomScanState* node) {
    auto* s = reinterpret_cast<ListScanState*>(node);
    if (node->ss.ps.chgParam != nullptr) {
        MemoryContextReset(s->page_context);
        s->page = PageRows{};
        s->filled = false;
    }
    s->next = 0;
    ExecScanReScan(&node->ss);
}

const CustomExecMethods list_exec_methods = {
    "ContactsList",
    begin_list_scan,
    exec_list_scan,
    end_list_scan,
    rescan_list_scan,
    nullptr,  // MarkPosCustomScan
    nullptr,  // RestrPosCustomScan
    nullptr,  // EstimateDSMCustomScan
    nullptr,  // InitializeDSMCustomScan
    nullptr,  // ReInitializeDSMCustomScan
    nullptr,  // InitializeWorkerCustomScan
    nullptr,  // ShutdownCustomScan
    nullptr,  // ExplainCustomScan
};

Node* create_list_scan_state(CustomScan* /*cscan*/) {
    auto* s = static_cast<ListScanState*>(palloc0(sizeof(ListScanState)));
    NodeSetTag(s, T_CustomScanState);
    s->css.methods = &list_exec_methods;
    return reinterpret_cast<Node*>(s);
}

}  // namespace

void register_list_scan() {
    DefineCustomBoolVariable(
        "contacts_ext.list_scan", "Runs contacts_list in FROM as a ContactsList scan, without materializing its page.",
        "Off: a Function Scan, as for any set-returning function. Both return the same rows; taken when a query is planned.",
        &list_scan_enabled, true, PGC_USERSET, 0, nullptr, nullptr, nullptr);
    RegisterCustomScanMethods(&list_scan_methods);
    previous_pathlist_hook = set_rel_pathlist_hook;
    set_rel_pathlist_hook = list_pathlist_hook;
}

}  // namespace contacts::pg

// contacts_list's planner support function (SUPPORT in its SQL definition).
// Its estimate of rows is the page size when the limit is a constant. And as
// the planner calls it while simplifying the query, before it builds paths,
// it loads this library, and with it the ContactsList hook, for the first
// query of a session that names contacts_list. Plain C frame.
CONTACTS_FUNCTION(contacts_list_support) {
    Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
    if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
    auto* rows = reinterpret_cast<SupportRequestRows*>(request);
    if (rows->node == nullptr || !IsA(rows->node, FuncExpr)) PG_RETURN_POINTER(nullptr);
    const List* args = reinterpret_cast<const FuncExpr*>(rows->node)->args;
    if (list_length(args) != 4 || !IsA(lfourth(args), Const)) PG_RETURN_POINTER(nullptr);
    const auto* limit = static_cast<const Const*>(lfourth(args));
    if (limit->constisnull) PG_RETURN_POINTER(nullptr);
    const int64 page = DatumGetInt32(limit->constvalue);
    const int64 size = page < 0 ? -page : page;
    // A limit out of range is an error when the call runs; plan for one row.
    rows->rows = size == 0 || size > contacts::pg::max_limit ? 1.0 : static_cast<double>(size);
    PG_RETURN_POINTER(rows);
}
