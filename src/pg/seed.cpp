// contacts_seed(n, seed): append n generated contacts to the three tables, fast.
//
// The bulk path COPY takes: rows are built straight into tuple slots and
// written 1,000 at a time with table_multi_insert() through a bulk-insert
// buffer strategy; no SQL is parsed, planned or executed per row.
//
//  - Ids continue after the largest id in the tables and their identity
//    sequences; the sequences are moved past the new rows afterwards.
//  - The three tables are locked in SHARE ROW EXCLUSIVE mode: readers go on,
//    writers (and a second contacts_seed) wait, so the ids and the foreign keys
//    the rows satisfy by construction (an address and a relationship carry the
//    id of their contact) cannot be broken concurrently. That is why the
//    internal foreign-key triggers are not fired, as a bulk loader may; user
//    triggers would be skipped too, so a table with an enabled user trigger is
//    refused. NOT NULL and CHECK constraints are checked per row.
//  - Indexes: when the load is at least as large as what the tables hold, the
//    heap is written first and every index is rebuilt once at the end (what
//    "load, then CREATE INDEX" does, much faster than n index insertions);
//    otherwise each row's index entries are inserted as it is written.
//  - Progress: a NOTICE about every 10% (n >= 10,000), and the row count in
//    pg_stat_progress_copy for other sessions to watch. Cancel and
//    statement_timeout are honoured between batches.
//
// Privileges are checked like INSERT's: INSERT on each table; a table with row
// level security active for the caller is refused (bulk rows bypass policies).
//
// This file holds no C++ objects with destructors across PostgreSQL calls
// (only plain structs and trivially destructible GeneratedContact), so it
// calls PostgreSQL directly: an ERROR's longjmp skips nothing.
#include "pg/args.hpp"
#include "pg/boundary.hpp"
#include "pg/contact_datums.hpp"

#include "core/contact_generator.hpp"

extern "C" {
#include "access/heapam.h"
#include "catalog/dependency.h"
#include "catalog/index.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "nodes/makefuncs.h"
#include "pgstat.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/rel.h"
#include "utils/rls.h"
}

namespace {

using contacts::pg::SeedColumn;
using contacts::pg::SeedTable;

constexpr int kBatchSize = 1000;
constexpr int kMaxSeedColumns = 16;
// Below this many contacts the progress NOTICEs would be noise.
constexpr int64 kProgressMinRows = 10000;
// Rough rows per 8 kB heap page of app_user, to compare a load with what the
// table holds without counting it.
constexpr int64 kUserRowsPerPage = 50;

// Tables in insertion order: an app_user row references its address, a
// relationship references its app_user.
constexpr SeedTable kTables[contacts::pg::kSeedTableCount] = {
    SeedTable::Address, SeedTable::AppUser, SeedTable::Relationship};
const char* const kTableNames[contacts::pg::kSeedTableCount] = {"address", "app_user",
                                                                 "customer_relationship"};

// One target table and its batch of slots. Plain data: the relation, slots
// and executor state are PostgreSQL's, released at the end of the call or by
// transaction abort.
struct TableWriter {
    SeedTable table;
    Relation rel;
    const SeedColumn* columns;
    int ncolumns;
    int attindex[kMaxSeedColumns];  // tuple descriptor index of each of our columns
    ResultRelInfo* rri;
    bool check_constraints;
    TupleTableSlot* slots[kBatchSize];
    int used;
    BulkInsertState bistate;
};

// Checks that `rel` is one contacts_seed can write and maps our columns onto
// its attributes. Columns the user added are left NULL when that is allowed.
void map_columns(TableWriter* w) {
    TupleDesc desc = RelationGetDescr(w->rel);
    const char* relname = RelationGetRelationName(w->rel);
    for (int k = 0; k < w->ncolumns; ++k) w->attindex[k] = -1;

    for (int i = 0; i < desc->natts; ++i) {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        if (att->attisdropped) continue;
        int ours = -1;
        for (int k = 0; k < w->ncolumns; ++k)
            if (strcmp(NameStr(att->attname), w->columns[k].name) == 0) ours = k;
        if (ours >= 0) {
            if (att->atttypid != w->columns[ours].type)
                ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                                errmsg("column %s.%s has type %s, contacts_seed expects %s", relname,
                                       NameStr(att->attname), format_type_be(att->atttypid),
                                       format_type_be(w->columns[ours].type))));
            w->attindex[ours] = i;
        } else if (att->attnotnull || att->atthasdef || att->attgenerated) {
            ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                            errmsg("contacts_seed cannot fill column %s.%s", relname, NameStr(att->attname)),
                            errdetail("The column was added after the extension was created and is NOT NULL, "
                                      "has a default or is generated."),
                            errhint("Insert through SQL instead: INSERT ... SELECT ... FROM contacts_generate(...).")));
        }
    }
    for (int k = 0; k < w->ncolumns; ++k)
        if (w->attindex[k] < 0)
            ereport(ERROR, (errcode(ERRCODE_UNDEFINED_COLUMN),
                            errmsg("column %s.%s is missing", relname, w->columns[k].name),
                            errhint("The table no longer has the shape contacts_ext created; "
                                    "contacts_seed cannot write to it.")));
}

// Refuses what a bulk write would silently bypass.
void check_writable(TableWriter* w) {
    Relation rel = w->rel;
    const char* relname = RelationGetRelationName(rel);
    if (rel->rd_rel->relkind != RELKIND_RELATION)
        ereport(ERROR, (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                        errmsg("contacts_seed can only write to plain tables; %s is not one", relname)));

    AclResult acl = pg_class_aclcheck(RelationGetRelid(rel), GetUserId(), ACL_INSERT);
    if (acl != ACLCHECK_OK) aclcheck_error(acl, OBJECT_TABLE, relname);

    if (check_enable_rls(RelationGetRelid(rel), InvalidOid, false) == RLS_ENABLED)
        ereport(ERROR, (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                        errmsg("contacts_seed cannot write to %s: row level security is active for this role",
                               relname),
                        errhint("Seed as the table owner or a role that bypasses row level security.")));

    if (rel->trigdesc != nullptr) {
        for (int i = 0; i < rel->trigdesc->numtriggers; ++i) {
            const Trigger* t = &rel->trigdesc->triggers[i];
            if (!t->tgisinternal && t->tgenabled != TRIGGER_DISABLED)
                ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                                errmsg("contacts_seed does not fire triggers, and %s has trigger %s", relname,
                                       t->tgname),
                                errhint("Disable it with ALTER TABLE ... DISABLE TRIGGER, or insert through SQL: "
                                        "INSERT ... SELECT ... FROM contacts_generate(...).")));
        }
    }
}

void open_writer(TableWriter* w, SeedTable table, Oid relid, EState* estate, Index rti, bool maintain_indexes) {
    w->table = table;
    w->rel = table_open(relid, NoLock);  // locked by the caller
    w->ncolumns = contacts::pg::seed_columns(table, &w->columns);
    check_writable(w);
    map_columns(w);

    w->rri = makeNode(ResultRelInfo);
    InitResultRelInfo(w->rri, w->rel, rti, nullptr, 0);
    if (maintain_indexes) ExecOpenIndices(w->rri, false);
    w->check_constraints = w->rel->rd_att->constr != nullptr;

    for (int i = 0; i < kBatchSize; ++i) w->slots[i] = table_slot_create(w->rel, nullptr);
    w->used = 0;
    w->bistate = GetBulkInsertState();
    (void)estate;
}

void add_row(TableWriter* w, const contacts::core::GeneratedContact& c) {
    TupleTableSlot* slot = w->slots[w->used++];
    ExecClearTuple(slot);
    TupleDesc desc = slot->tts_tupleDescriptor;
    for (int i = 0; i < desc->natts; ++i) slot->tts_isnull[i] = true;

    Datum values[kMaxSeedColumns];
    bool nulls[kMaxSeedColumns];
    contacts::pg::fill_seed_row(w->table, c, values, nulls);
    for (int k = 0; k < w->ncolumns; ++k) {
        slot->tts_values[w->attindex[k]] = values[k];
        slot->tts_isnull[w->attindex[k]] = nulls[k];
    }
    ExecStoreVirtualTuple(slot);
}

// Writes the batch: constraints, heap, then index entries when maintained.
void flush(TableWriter* w, EState* estate, CommandId cid) {
    if (w->used == 0) return;
    if (w->check_constraints)
        for (int i = 0; i < w->used; ++i) {
            ExecConstraints(w->rri, w->slots[i], estate);
            ResetPerTupleExprContext(estate);
        }

    table_multi_insert(w->rel, w->slots, w->used, cid, 0, w->bistate);

    if (w->rri->ri_NumIndices > 0) {
        for (int i = 0; i < w->used; ++i) {
            List* conflicts = ExecInsertIndexTuples(w->rri, w->slots[i], estate, false, false, nullptr, NIL);
            list_free(conflicts);
            ResetPerTupleExprContext(estate);
        }
    }
    for (int i = 0; i < w->used; ++i) ExecClearTuple(w->slots[i]);
    w->used = 0;
}

void close_writer(TableWriter* w) {
    FreeBulkInsertState(w->bistate);
    table_finish_bulk_insert(w->rel, 0);
    for (int i = 0; i < kBatchSize; ++i) ExecDropSingleTupleTableSlot(w->slots[i]);
    if (w->rri->ri_NumIndices > 0) ExecCloseIndices(w->rri);
    table_close(w->rel, NoLock);
}

Oid relation_in(Oid nsp, const char* name) {
    Oid relid = get_relname_relid(name, nsp);
    if (!OidIsValid(relid))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
                        errmsg("table %s.%s does not exist", get_namespace_name(nsp), name),
                        errhint("contacts_seed writes to the tables CREATE EXTENSION contacts_ext made.")));
    return relid;
}

// The first id to use: one past every id in the tables and every value their
// identity sequences have handed out. Runs under the tables' locks.
int64 next_free_id(Oid nsp, const Oid* relids) {
    const char* nspname = get_namespace_name(nsp);
    StringInfoData sql;
    initStringInfo(&sql);
    Oid argtypes[contacts::pg::kSeedTableCount];
    Datum args[contacts::pg::kSeedTableCount];
    // Identifiers come from the catalog (quoted), never from input; the
    // sequences are bound as regclass parameters.
    appendStringInfoString(&sql, "SELECT GREATEST(0");
    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) {
        appendStringInfo(&sql, ", (SELECT pg_catalog.max(id) FROM %s)",
                         quote_qualified_identifier(nspname, kTableNames[t]));
        Oid seq = getIdentitySequence(relids[t], 1, true);
        argtypes[t] = REGCLASSOID;
        args[t] = ObjectIdGetDatum(seq);
        appendStringInfo(&sql, ", pg_catalog.pg_sequence_last_value(NULLIF($%d, 0))", t + 1);
    }
    appendStringInfoString(&sql, ")");

    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    int rc = SPI_execute_with_args(sql.data, contacts::pg::kSeedTableCount, argtypes, args, nullptr, true, 1);
    if (rc != SPI_OK_SELECT || SPI_processed != 1) elog(ERROR, "could not read the largest contact id: %s", SPI_result_code_string(rc));
    bool isnull;
    Datum d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
    int64 max_id = isnull ? 0 : DatumGetInt64(d);
    SPI_finish();
    return max_id + 1;
}

// Moves each identity sequence to last_id so later INSERTs do not collide.
void advance_sequences(const Oid* relids, int64 last_id) {
    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) {
        Oid seq = getIdentitySequence(relids[t], 1, true);
        if (!OidIsValid(seq)) continue;
        Oid argtypes[2] = {REGCLASSOID, INT8OID};
        Datum args[2] = {ObjectIdGetDatum(seq), Int64GetDatum(last_id)};
        int rc = SPI_execute_with_args("SELECT pg_catalog.setval($1, $2, true)", 2, argtypes, args, nullptr, false, 1);
        if (rc != SPI_OK_SELECT) elog(ERROR, "could not advance the identity sequence: %s", SPI_result_code_string(rc));
    }
    SPI_finish();
}

void report_progress(int64 done, int64 n) {
    ereport(NOTICE, (errmsg("contacts_seed: %lld of %lld contacts written (%lld%%)", static_cast<long long>(done),
                            static_cast<long long>(n), static_cast<long long>(done * 100 / n))));
}

}  // namespace

CONTACTS_FUNCTION(contacts_seed) {
    static_assert(std::is_trivially_destructible_v<contacts::core::GeneratedContact>);
    static_assert(std::is_trivially_destructible_v<TableWriter>);

    int64 n = contacts::pg::required_int8_arg(fcinfo, 0, "n");
    int64 seed = contacts::pg::required_int8_arg(fcinfo, 1, "seed");
    if (n < 0)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("n must not be negative, got %lld", static_cast<long long>(n))));
    if (n == 0) PG_RETURN_INT64(0);

    // The tables live in the schema the extension (and so this function) was
    // created in.
    Oid nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
    Oid relids[contacts::pg::kSeedTableCount];
    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) {
        relids[t] = relation_in(nsp, kTableNames[t]);
        LockRelationOid(relids[t], ShareRowExclusiveLock);
    }

    // Load-then-rebuild when the load is at least as large as the table.
    Relation users = table_open(relids[1], NoLock);
    int64 existing_estimate = static_cast<int64>(RelationGetNumberOfBlocks(users)) * kUserRowsPerPage;
    table_close(users, NoLock);
    bool rebuild_indexes = n >= existing_estimate;

    EState* estate = CreateExecutorState();
    List* range_table = NIL;
    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) {
        RangeTblEntry* rte = makeNode(RangeTblEntry);
        rte->rtekind = RTE_RELATION;
        rte->relid = relids[t];
        rte->relkind = RELKIND_RELATION;
        rte->rellockmode = ShareRowExclusiveLock;
        rte->requiredPerms = ACL_INSERT;
        range_table = lappend(range_table, rte);
    }
    ExecInitRangeTable(estate, range_table);

    auto* writers = static_cast<TableWriter*>(palloc0(sizeof(TableWriter) * contacts::pg::kSeedTableCount));
    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t)
        open_writer(&writers[t], kTables[t], relids[t], estate, static_cast<Index>(t + 1), !rebuild_indexes);
    // After open_writer's privilege checks, so a caller without INSERT learns
    // that first.
    int64 first_id = next_free_id(nsp, relids);
    if (n > contacts::core::kMaxContactId - first_id + 1)
        ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                        errmsg("contacts_seed would exceed the largest contact id %lld",
                               static_cast<long long>(contacts::core::kMaxContactId)),
                        errdetail("The next free id is %lld.", static_cast<long long>(first_id))));
    TableWriter* address = &writers[0];
    TableWriter* user = &writers[1];
    TableWriter* relationship = &writers[2];

    pgstat_progress_start_command(PROGRESS_COMMAND_COPY, relids[1]);
    pgstat_progress_update_param(PROGRESS_COPY_COMMAND, PROGRESS_COPY_COMMAND_FROM);
    pgstat_progress_update_param(PROGRESS_COPY_TYPE, PROGRESS_COPY_TYPE_CALLBACK);

    MemoryContext batch_context =
        AllocSetContextCreate(CurrentMemoryContext, "contacts_seed batch", ALLOCSET_DEFAULT_SIZES);
    CommandId cid = GetCurrentCommandId(true);
    int64 step = n / 10 > 0 ? n / 10 : 1;
    int64 next_report = step;

    for (int64 done = 0; done < n;) {
        CHECK_FOR_INTERRUPTS();
        MemoryContext old = MemoryContextSwitchTo(batch_context);
        int64 batch = n - done < kBatchSize ? n - done : kBatchSize;
        for (int64 i = 0; i < batch; ++i) {
            contacts::core::GeneratedContact c;
            contacts::core::generate_contact(static_cast<uint64_t>(seed), first_id + done + i, c);
            if (c.has_address) add_row(address, c);
            add_row(user, c);
            if (c.has_relationship) add_row(relationship, c);
        }
        flush(address, estate, cid);
        flush(user, estate, cid);
        flush(relationship, estate, cid);
        MemoryContextSwitchTo(old);
        MemoryContextReset(batch_context);

        done += batch;
        pgstat_progress_update_param(PROGRESS_COPY_TUPLES_PROCESSED, done);
        if (n >= kProgressMinRows && (done >= next_report || done == n)) {
            report_progress(done, n);
            while (next_report <= done) next_report += step;
        }
    }

    for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) close_writer(&writers[t]);
    FreeExecutorState(estate);
    MemoryContextDelete(batch_context);
    CommandCounterIncrement();

    if (rebuild_indexes) {
        if (n >= kProgressMinRows) ereport(NOTICE, (errmsg("contacts_seed: building indexes")));
        ReindexParams params = {};
        for (int t = 0; t < contacts::pg::kSeedTableCount; ++t) {
            CHECK_FOR_INTERRUPTS();
            reindex_relation(relids[t], REINDEX_REL_PROCESS_TOAST | REINDEX_REL_CHECK_CONSTRAINTS, &params);
        }
        CommandCounterIncrement();
    }

    advance_sequences(relids, first_id + n - 1);
    pgstat_progress_end_command();
    PG_RETURN_INT64(n);
}
