// run_entry(): where C++ exceptions become PostgreSQL errors. See boundary.hpp.
#include "pg/boundary.hpp"

#include "core/error.hpp"

#include <cstring>
#include <new>

namespace contacts::pg {
namespace {

int to_errcode(core::SqlState state) {
    switch (state) {
        case core::SqlState::InvalidParameterValue: return ERRCODE_INVALID_PARAMETER_VALUE;
        case core::SqlState::InvalidTextRepresentation: return ERRCODE_INVALID_TEXT_REPRESENTATION;
        case core::SqlState::NumericValueOutOfRange: return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
        case core::SqlState::DatetimeFieldOverflow: return ERRCODE_DATETIME_FIELD_OVERFLOW;
        case core::SqlState::CharacterNotInRepertoire: return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
        case core::SqlState::NullValueNotAllowed: return ERRCODE_NULL_VALUE_NOT_ALLOWED;
        case core::SqlState::UndefinedColumn: return ERRCODE_UNDEFINED_COLUMN;
        case core::SqlState::ProgramLimitExceeded: return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
        case core::SqlState::QueryCanceled: return ERRCODE_QUERY_CANCELED;
        case core::SqlState::InternalError: return ERRCODE_INTERNAL_ERROR;
    }
    return ERRCODE_INTERNAL_ERROR;
}

// The error to raise once the catch scope has ended. Texts are copied into
// static buffers: copying must not allocate (an allocation failure inside a
// catch handler would be a second error with the first still in flight), and
// the backend is single-threaded. Over-long texts are truncated.
struct PendingError {
    static constexpr std::size_t kMessageSize = 4096;
    static constexpr std::size_t kDetailSize = 4096;

    int errcode = 0;
    char message[kMessageSize];
    char detail[kDetailSize];
    char hint[kDetailSize];

    static void copy(char* dst, std::size_t size, const char* src) noexcept {
        std::size_t n = std::strlen(src);
        if (n >= size) {
            // Truncate at a character boundary: never send half a UTF-8
            // sequence (continuation bytes are 10xxxxxx).
            n = size - 1;
            while (n > 0 && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) --n;
        }
        std::memcpy(dst, src, n);
        dst[n] = '\0';
    }

    void set(int code, const char* msg, const char* det = "", const char* hnt = "") noexcept {
        errcode = code;
        copy(message, sizeof message, msg);
        copy(detail, sizeof detail, det);
        copy(hint, sizeof hint, hnt);
    }
};

PendingError pending;

}  // namespace

namespace {

// Records the exception being handled (call only from a catch handler).
// Returns the PostgreSQL error to re-raise, or nullptr when `pending` holds it.
ErrorData* capture_current_exception() noexcept {
    try {
        throw;
    } catch (const PgError& e) {
        return e.edata();
    } catch (const core::Error& e) {
        pending.set(to_errcode(e.state()), e.what(), e.detail().c_str(), e.hint().c_str());
    } catch (const std::bad_alloc&) {
        pending.set(ERRCODE_OUT_OF_MEMORY, "out of memory in contacts_ext");
    } catch (const std::exception& e) {
        pending.set(ERRCODE_INTERNAL_ERROR, "internal error in contacts_ext", e.what());
    } catch (...) {
        pending.set(ERRCODE_INTERNAL_ERROR, "internal error in contacts_ext",
                    "an exception of unknown type was thrown");
    }
    return nullptr;
}

// Raises what capture_current_exception() recorded. Call with no C++ object
// alive in the calling frame.
[[noreturn]] void raise_captured(ErrorData* pg_error) {
    if (pg_error != nullptr) ReThrowError(pg_error);
    ereport(ERROR, (errcode(pending.errcode), errmsg_internal("%s", pending.message),
                    pending.detail[0] != '\0' ? errdetail_internal("%s", pending.detail) : 0,
                    pending.hint[0] != '\0' ? errhint("%s", pending.hint) : 0));
    pg_unreachable();
}

}  // namespace

Datum run_entry(FunctionCallInfo fcinfo, EntryBody body) {
    ErrorData* pg_error = nullptr;
    pending.errcode = 0;
    try {
        return body(fcinfo);
    } catch (...) {
        pg_error = capture_current_exception();
    }
    // Every C++ object of the call is destroyed by now: raising is safe.
    raise_captured(pg_error);
}

void run_callback(CallbackBody body, void* arg) {
    ErrorData* pg_error = nullptr;
    pending.errcode = 0;
    try {
        body(arg);
        return;
    } catch (...) {
        pg_error = capture_current_exception();
    }
    raise_captured(pg_error);
}

}  // namespace contacts::pg
