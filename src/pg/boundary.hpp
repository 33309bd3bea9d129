// The C++/PostgreSQL boundary. A crash or a stray longjmp here takes the whole
// server down, so two rules are enforced by construction:
//
//  1. No C++ exception ever reaches PostgreSQL. Every SQL-callable function is
//     defined with CONTACTS_FUNCTION, whose wrapper catches everything,
//     lets every destructor run, and only then raises the PostgreSQL ERROR
//     (with the SQLSTATE the core chose, or the original PostgreSQL error).
//
//  2. No PostgreSQL ERROR (a longjmp) skips a live C++ destructor. Code that
//     holds objects with destructors calls PostgreSQL only through pg_call(),
//     which catches the ERROR with PG_TRY and rethrows it as PgError; frames
//     that hold only trivially destructible state may call PostgreSQL
//     directly (such functions say so in a comment).
#pragma once

#include "pg/postgres.hpp"

#include <exception>
#include <type_traits>

namespace contacts::pg {

// A PostgreSQL ERROR caught by pg_call(), carried through C++ frames as an
// exception and re-raised unchanged (same SQLSTATE, message, detail) at the
// boundary. The ErrorData lives in the memory context that was current when
// pg_call() was entered, so it outlives the unwinding.
class PgError final : public std::exception {
public:
    explicit PgError(ErrorData* edata) noexcept : edata_(edata) {}
    ErrorData* edata() const noexcept { return edata_; }
    int sqlerrcode() const noexcept { return edata_->sqlerrcode; }
    const char* what() const noexcept override {
        return edata_->message != nullptr ? edata_->message : "PostgreSQL error";
    }

private:
    ErrorData* edata_;
};

// Runs fn, which may call PostgreSQL functions that can ereport(ERROR), and
// turns such an ERROR into a PgError exception. fn itself must not create
// objects with destructors (a longjmp out of fn would skip them): keep it to
// plain PostgreSQL calls.
template <typename Fn>
auto pg_call(Fn&& fn) -> decltype(fn()) {
    using Result = decltype(fn());
    MemoryContext caller_context = CurrentMemoryContext;
    ErrorData* volatile edata = nullptr;
    if constexpr (std::is_void_v<Result>) {
        PG_TRY();
        {
            fn();
        }
        PG_CATCH();
        {
            MemoryContextSwitchTo(caller_context);
            edata = CopyErrorData();
            FlushErrorState();
        }
        PG_END_TRY();
        if (edata != nullptr) throw PgError(edata);
    } else {
        static_assert(std::is_trivially_copyable_v<Result>,
                      "pg_call results must be plain values (Datum, pointers, integers)");
        // The result is written through a pointer into this frame by the
        // void form, so no local of the frame that calls sigsetjmp changes
        // between setjmp and a possible longjmp.
        Result result{};
        Result* slot = &result;
        pg_call([&fn, slot] { *slot = fn(); });
        return result;
    }
}

// CHECK_FOR_INTERRUPTS for frames that hold C++ objects: a pending cancel or
// statement timeout becomes a PgError, the stack unwinds, and the boundary
// re-raises the original "canceling statement ..." error.
inline void check_interrupts() {
    if (INTERRUPTS_PENDING_CONDITION()) pg_call([] { CHECK_FOR_INTERRUPTS(); });
}

using EntryBody = Datum (*)(FunctionCallInfo);

// Calls body, converting any exception into a PostgreSQL ERROR raised after
// the exception object and every C++ frame are gone. Never returns by
// exception; returns body's Datum or longjmps via ereport.
Datum run_entry(FunctionCallInfo fcinfo, EntryBody body);

// For C callbacks that PostgreSQL itself calls (a DestReceiver): runs fn(arg);
// an exception becomes a PostgreSQL ERROR, raised from this frame after fn's
// frames are gone, which PostgreSQL's own error handling then unwinds.
using CallbackBody = void (*)(void* arg);
void run_callback(CallbackBody body, void* arg);


}  // namespace contacts::pg

// Defines the SQL-callable C function `name`: the fmgr entry point (C linkage,
// version-1 calling convention) wraps the body that follows in run_entry().
//
//   CONTACTS_FUNCTION(contacts_stats) { ... return datum; }
#define CONTACTS_FUNCTION(name)                                             \
    static Datum name##_body(PG_FUNCTION_ARGS);                             \
    extern "C" {                                                            \
    PG_FUNCTION_INFO_V1(name);                                              \
    }                                                                       \
    extern "C" Datum name(PG_FUNCTION_ARGS) {                               \
        return contacts::pg::run_entry(fcinfo, name##_body);                \
    }                                                                       \
    static Datum name##_body(PG_FUNCTION_ARGS)
