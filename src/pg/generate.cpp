// contacts_generate(n, seed, first_id): n synthetic contacts as rows.
//
// Value-per-call SRF: a row is produced only when the executor asks for it,
// so in a target list `SELECT contacts_generate(1e9) LIMIT 10` costs ten
// rows (in FROM, PostgreSQL materializes every row of any SRF first). The state kept between
// calls is three integers in multi_call_memory_ctx; nothing C++ outlives a
// call. The body holds only trivially destructible objects, so it calls
// PostgreSQL directly.
#include "pg/args.hpp"
#include "pg/boundary.hpp"
#include "pg/contact_datums.hpp"

#include "core/contact_generator.hpp"

namespace {

struct GenerateState {
    uint64_t seed;
    int64_t first_id;
};

}  // namespace

CONTACTS_FUNCTION(contacts_generate) {
    static_assert(std::is_trivially_destructible_v<contacts::core::GeneratedContact>);

    if (SRF_IS_FIRSTCALL()) {
        int64 n = contacts::pg::required_int8_arg(fcinfo, 0, "n");
        int64 seed = contacts::pg::required_int8_arg(fcinfo, 1, "seed");
        int64 first_id = contacts::pg::required_int8_arg(fcinfo, 2, "first_id");
        if (n < 0)
            ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                            errmsg("n must not be negative, got %lld", static_cast<long long>(n))));
        if (first_id < 1 || first_id > contacts::core::kMaxContactId ||
            n > contacts::core::kMaxContactId - first_id + 1)
            ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                            errmsg("contact ids must lie between 1 and %lld",
                                   static_cast<long long>(contacts::core::kMaxContactId)),
                            errdetail("first_id = %lld, n = %lld", static_cast<long long>(first_id),
                                      static_cast<long long>(n))));

        FuncCallContext* funcctx = SRF_FIRSTCALL_INIT();
        MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        TupleDesc desc;
        if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
            ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                            errmsg("contacts_generate must be called in a context that accepts a set of rows")));
        if (desc->natts != contacts::pg::kListColumnCount)
            ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                            errmsg("contacts_generate's declared result has %d columns, expected %d",
                                   desc->natts, static_cast<int>(contacts::pg::kListColumnCount))));
        funcctx->tuple_desc = BlessTupleDesc(desc);
        funcctx->max_calls = static_cast<uint64>(n);
        auto* state = static_cast<GenerateState*>(palloc(sizeof(GenerateState)));
        state->seed = static_cast<uint64_t>(seed);
        state->first_id = first_id;
        funcctx->user_fctx = state;
        MemoryContextSwitchTo(old);
    }

    // In FROM, the executor materializes every row before the first is
    // used, so a huge n is a long loop: let cancel and statement_timeout in.
    CHECK_FOR_INTERRUPTS();
    FuncCallContext* funcctx = SRF_PERCALL_SETUP();
    if (funcctx->call_cntr >= funcctx->max_calls) SRF_RETURN_DONE(funcctx);

    const auto* state = static_cast<const GenerateState*>(funcctx->user_fctx);
    contacts::core::GeneratedContact contact;
    contacts::core::generate_contact(state->seed, state->first_id + static_cast<int64_t>(funcctx->call_cntr),
                                     contact);
    Datum values[contacts::pg::kListColumnCount];
    bool nulls[contacts::pg::kListColumnCount];
    contacts::pg::fill_list_row(contact, values, nulls);
    HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
    SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
}
