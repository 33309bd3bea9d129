// contacts_ext.list_timeout: a time limit of its own for every
// contacts_list / contacts_count call, so a runaway search cannot hold a
// connection even where statement_timeout is off or generous.
//
// Built on PostgreSQL's timeout framework: a timer whose handler requests a
// query cancel, exactly as statement_timeout does, so the query stops at its
// next CHECK_FOR_INTERRUPTS. The resulting "canceling statement" ERROR is
// then reported as our own (SQLSTATE 57014, naming the GUC).
#pragma once

#include "pg/boundary.hpp"

namespace contacts::pg {

// Registers the timeout (from _PG_init).
void register_call_timeout();

// Arms the timer for the lifetime of the object (nothing when the GUC is 0)
// and disarms it on every exit path.
class CallTimeout {
public:
    explicit CallTimeout(const char* function_name);
    ~CallTimeout();
    CallTimeout(const CallTimeout&) = delete;
    CallTimeout& operator=(const CallTimeout&) = delete;

    // If e is the cancel this timer caused, the error to raise instead.
    [[noreturn]] void rethrow(const PgError& e) const;

private:
    const char* function_name_;
    bool armed_ = false;
};

// Runs body under the call timeout, translating its cancel.
template <typename Body>
auto with_call_timeout(const char* function_name, Body&& body) -> decltype(body()) {
    CallTimeout timeout(function_name);
    try {
        return body();
    } catch (const PgError& e) {
        timeout.rethrow(e);
    }
}

}  // namespace contacts::pg
