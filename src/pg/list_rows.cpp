// The rows of contacts_list: see list_rows.hpp.
//
// The executor hands each row straight to a DestReceiver of ours, which adds
// the cursor and passes the row to the RowWriter: no intermediate
// SPI_tuptable copy and re-deforming per row (that copy was a measurable
// share of a 50-row page). The receiver is a C callback PostgreSQL calls from
// inside the executor, so its C++ work runs under run_callback(): an
// exception there becomes a PostgreSQL ERROR raised from the callback's own
// frame, which the executor unwinds as usual up to the pg_call() around
// SPI_execute_plan_extended, and from there it travels as a PgError again.
#include "pg/list_rows.hpp"

#include "pg/bind_params.hpp"
#include "pg/boundary.hpp"
#include "pg/cursor_values.hpp"
#include "pg/plan_cache.hpp"

#include "core/error.hpp"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::pg {
namespace {

namespace core = contacts::core;

// The row's data columns plus its cursor: into the result (hold == nullptr),
// or formed as a tuple in hold and returned (a backward page, stored later).
// Plain C frame: PostgreSQL calls only, no C++ objects.
HeapTuple store_row(ReturnSetInfo* rsinfo, MemoryContext hold, const Datum* row_values, const bool* row_nulls,
                    const char* cursor, int cursor_len) {
    Datum values[kListDataColumns + 1];
    bool nulls[kListDataColumns + 1];
    std::memcpy(values, row_values, sizeof(Datum) * kListDataColumns);
    std::memcpy(nulls, row_nulls, sizeof(bool) * kListDataColumns);
    text* cursor_text = cstring_to_text_with_len(cursor, cursor_len);
    values[kListDataColumns] = PointerGetDatum(cursor_text);
    nulls[kListDataColumns] = false;
    HeapTuple tuple = nullptr;
    if (hold == nullptr) {
        tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
    } else {
        MemoryContext previous = MemoryContextSwitchTo(hold);
        tuple = heap_form_tuple(rsinfo->setDesc, values, nulls);
        MemoryContextSwitchTo(previous);
    }
    pfree(cursor_text);
    return tuple;
}

// The per-row work, in C++.
class RowSink {
public:
    RowSink(const core::BuiltQuery& q, RowWriter& out) : q_(q), out_(out), cursor_(q.sort) {}

    void add(TupleTableSlot* slot) {
        check_interrupts();
        pg_call([=] { slot_getallattrs(slot); });
        TupleDesc desc = slot->tts_tupleDescriptor;
        if (desc->natts != kListDataColumns)
            throw core::Error(core::SqlState::InternalError, "contacts_list's query returned an unexpected row shape");

        cursor_.begin();
        for (std::size_t col : q_.cursor_columns)
            add_cursor_key(cursor_, slot->tts_values[col], slot->tts_isnull[col], TupleDescAttr(desc, col)->atttypid);
        out_.write(slot->tts_values, slot->tts_isnull, cursor_.finish());
    }

private:
    const core::BuiltQuery& q_;
    RowWriter& out_;
    core::CursorEncoder cursor_;
};

// The DestReceiver PostgreSQL calls; plain C frames holding no C++ objects.
struct SinkReceiver {
    DestReceiver pub;  // first: PostgreSQL sees a DestReceiver*
    RowSink* sink;
};

struct RowArgs {
    RowSink* sink;
    TupleTableSlot* slot;
};

void add_row(void* arg) {
    auto* a = static_cast<RowArgs*>(arg);
    a->sink->add(a->slot);
}

bool receive_slot(TupleTableSlot* slot, DestReceiver* self) {
    RowArgs args{reinterpret_cast<SinkReceiver*>(self)->sink, slot};
    run_callback(add_row, &args);
    return true;
}

void receiver_startup(DestReceiver*, int, TupleDesc) {}
void receiver_shutdown(DestReceiver*) {}
void receiver_destroy(DestReceiver*) {}

}  // namespace

void TuplestoreRows::write(const Datum* values, const bool* nulls, std::string_view cursor) {
    // One guarded call per row: the row's cursor as a text value, and the
    // row stored (the tuplestore copies it; the text is freed at once).
    ReturnSetInfo* rsinfo = rsinfo_;
    const char* data = cursor.data();
    const int len = static_cast<int>(cursor.size());
    if (!backward_) {
        pg_call([=] { store_row(rsinfo, nullptr, values, nulls, data, len); });
    } else {
        MemoryContext hold = hold_;
        held_.push_back(pg_call([=] { return store_row(rsinfo, hold, values, nulls, data, len); }));
    }
}

void TuplestoreRows::finish() {
    // A backward page arrived nearest-first: store it last row first.
    ReturnSetInfo* rsinfo = rsinfo_;
    for (auto it = held_.rbegin(); it != held_.rend(); ++it) {
        HeapTuple tuple = *it;
        pg_call([=] { tuplestore_puttuple(rsinfo->setResult, tuple); });
    }
    held_.clear();
}

void emit_list_rows(const core::BuiltQuery& q, RowWriter& out) {
    BoundParams bound = bind_params(q.params);
    ParamListInfo params = param_list(bound);
    SPIPlanPtr plan = plan_for_call(q.sql, bound.types, q.plan_per_call, params);

    RowSink sink(q, out);
    SinkReceiver receiver{};
    receiver.pub.receiveSlot = receive_slot;
    receiver.pub.rStartup = receiver_startup;
    receiver.pub.rShutdown = receiver_shutdown;
    receiver.pub.rDestroy = receiver_destroy;
    receiver.pub.mydest = DestTuplestore;  // rows go to a store of ours, as PL/pgSQL's RETURN QUERY does
    receiver.sink = &sink;

    SPIExecuteOptions options{};
    options.params = params;
    options.read_only = true;
    // The page's row count as tcount (the statement returns at most q.limit
    // rows, so it cuts nothing): with a count PostgreSQL runs a parallel
    // plan in the leader alone. A page is one short LIMIT'd read, and
    // starting workers for it cost more than they gave in every list
    // scenario at 3M contacts on 2 cores (sort by city: 45 ms with two
    // workers, 12 ms in the leader; common search 33 vs 22 ms). Counts,
    // which read everything, run with their workers (list.cpp).
    options.tcount = static_cast<uint64>(q.limit);
    options.dest = &receiver.pub;
    const SPIExecuteOptions* opts = &options;
    out.begin(q.backward);
    pg_call([=] {
        const int rc = SPI_execute_plan_extended(plan, opts);
        if (rc != SPI_OK_SELECT) elog(ERROR, "contacts_ext query failed: %s", SPI_result_code_string(rc));
    });
    out.finish();
}

}  // namespace contacts::pg
