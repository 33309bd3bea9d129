// The rows of contacts_list: see list_rows.hpp.
//
// The executor hands each row straight to a DestReceiver of ours, which adds
// the cursor and stores the row in the function's result: no intermediate
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
#include <vector>

namespace contacts::pg {
namespace {

namespace core = contacts::core;

// The per-row work, in C++.
class RowSink {
public:
    // hold_context must outlive the query's execution (the executor's own
    // memory is gone when SPI_execute_plan_extended returns).
    RowSink(const core::BuiltQuery& q, ReturnSetInfo* rsinfo, MemoryContext hold_context)
        : q_(q), rsinfo_(rsinfo), hold_context_(hold_context), key_values_(q.cursor_columns.size()) {}

    void add(TupleTableSlot* slot) {
        check_interrupts();
        pg_call([=] { slot_getallattrs(slot); });
        TupleDesc desc = slot->tts_tupleDescriptor;
        if (desc->natts != kListDataColumns)
            throw core::Error(core::SqlState::InternalError, "contacts_list's query returned an unexpected row shape");

        Datum values[kListDataColumns + 1];
        bool nulls[kListDataColumns + 1];
        std::memcpy(values, slot->tts_values, sizeof(Datum) * kListDataColumns);
        std::memcpy(nulls, slot->tts_isnull, sizeof(bool) * kListDataColumns);
        for (std::size_t k = 0; k < q_.cursor_columns.size(); ++k) {
            const std::size_t col = q_.cursor_columns[k];
            key_values_[k] = cursor_value(values[col], nulls[col], TupleDescAttr(desc, col)->atttypid);
        }
        token_ = core::encode_cursor(q_.sort, key_values_);
        const char* data = token_.data();
        const int len = static_cast<int>(token_.size());
        values[kListDataColumns] = pg_call([=] { return PointerGetDatum(cstring_to_text_with_len(data, len)); });
        nulls[kListDataColumns] = false;

        ReturnSetInfo* rsinfo = rsinfo_;
        if (!q_.backward) {
            pg_call([=, &values, &nulls] { tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls); });
        } else {
            MemoryContext hold = hold_context_;
            held_.push_back(pg_call([=, &values, &nulls] {
                MemoryContext previous = MemoryContextSwitchTo(hold);
                HeapTuple tuple = heap_form_tuple(rsinfo->setDesc, values, nulls);
                MemoryContextSwitchTo(previous);
                return tuple;
            }));
        }
    }

    // A backward page arrived nearest-first: store it last row first.
    void flush_held() {
        ReturnSetInfo* rsinfo = rsinfo_;
        for (auto it = held_.rbegin(); it != held_.rend(); ++it) {
            HeapTuple tuple = *it;
            pg_call([=] { tuplestore_puttuple(rsinfo->setResult, tuple); });
        }
        held_.clear();
    }

private:
    const core::BuiltQuery& q_;
    ReturnSetInfo* rsinfo_;
    MemoryContext hold_context_;
    std::vector<core::CursorValue> key_values_;
    std::string token_;
    std::vector<HeapTuple> held_;  // backward pages, in hold_context_
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

void emit_list_rows(const core::BuiltQuery& q, ReturnSetInfo* rsinfo) {
    BoundParams bound = bind_params(q.params);
    ParamListInfo params = param_list(bound);
    SPIPlanPtr plan = plan_for_call(q.sql, bound.types, q.plan_per_call, params);

    // After SPI_connect: SPI's procedure context, alive until SPI_finish.
    RowSink sink(q, rsinfo, CurrentMemoryContext);
    SinkReceiver receiver{};
    receiver.pub.receiveSlot = receive_slot;
    receiver.pub.rStartup = receiver_startup;
    receiver.pub.rShutdown = receiver_shutdown;
    receiver.pub.rDestroy = receiver_destroy;
    receiver.pub.mydest = DestTuplestore;  // rows go to a tuplestore (ours), as PL/pgSQL's RETURN QUERY does
    receiver.sink = &sink;

    SPIExecuteOptions options{};
    options.params = params;
    options.read_only = true;
    options.tcount = static_cast<uint64>(q.limit);
    options.dest = &receiver.pub;
    const SPIExecuteOptions* opts = &options;
    pg_call([=] {
        const int rc = SPI_execute_plan_extended(plan, opts);
        if (rc != SPI_OK_SELECT) elog(ERROR, "contacts_ext query failed: %s", SPI_result_code_string(rc));
    });
    sink.flush_held();
}

}  // namespace contacts::pg
