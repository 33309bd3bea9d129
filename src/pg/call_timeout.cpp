// contacts_ext.list_timeout; see call_timeout.hpp.
#include "pg/call_timeout.hpp"

#include "pg/settings.hpp"

#include "core/error.hpp"

extern "C" {
#include "storage/latch.h"
#include "utils/timeout.h"
}

#include <exception>
#include <string>

namespace contacts::pg {
namespace {

TimeoutId timeout_id = MAX_TIMEOUTS;  // not registered
volatile sig_atomic_t timed_out = false;

// Runs in the SIGALRM handler: only async-signal-safe work, as
// StatementTimeoutHandler does.
void on_timeout() {
    timed_out = true;
    QueryCancelPending = true;
    InterruptPending = true;
    SetLatch(MyLatch);
}

}  // namespace

void register_call_timeout() { timeout_id = RegisterTimeout(USER_TIMEOUT, on_timeout); }

CallTimeout::CallTimeout(const char* function_name) : function_name_(function_name) {
    timed_out = false;
    if (list_timeout_ms > 0 && timeout_id != MAX_TIMEOUTS) {
        const TimeoutId id = timeout_id;
        const int ms = list_timeout_ms;
        pg_call([=] { enable_timeout_after(id, ms); });
        armed_ = true;
    }
}

CallTimeout::~CallTimeout() {
    // disable_timeout reports failure only with FATAL (process exit), never
    // with an ERROR longjmp, so it is safe in a destructor.
    if (armed_) disable_timeout(timeout_id, false);
    // The timer fired as the call was finishing: withdraw the cancel request
    // it made, or it would cancel whatever the session runs next.
    if (timed_out && std::uncaught_exceptions() == 0) QueryCancelPending = false;
    timed_out = false;
}

void CallTimeout::rethrow(const PgError& e) const {
    if (timed_out && e.sqlerrcode() == ERRCODE_QUERY_CANCELED)
        throw core::Error(core::SqlState::QueryCanceled,
                          std::string("canceling ") + function_name_ + " due to contacts_ext.list_timeout (" +
                              std::to_string(list_timeout_ms) + " ms)",
                          "",
                          "Narrow the filter, or raise contacts_ext.list_timeout (0 turns the limit off).");
    throw e;
}

}  // namespace contacts::pg
