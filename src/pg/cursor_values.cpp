// Sort-key values as cursor text; see cursor_values.hpp.
#include "pg/cursor_values.hpp"

#include "pg/boundary.hpp"

#include "core/error.hpp"

extern "C" {
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"
}

#include <string>

namespace contacts::pg {
namespace {

// "2024-03-01 12:34:56.789+00", or "infinity"/"-infinity"; BC years as ISO
// output spells them. Written into buf (MAXDATELEN + 1 bytes).
void timestamptz_iso_utc(TimestampTz ts, char* buf) {
    if (TIMESTAMP_NOT_FINITE(ts)) {
        EncodeSpecialTimestamp(ts, buf);
        return;
    }
    struct pg_tm tm;
    fsec_t fsec;
    // No time zone argument: the fields are in UTC.
    if (timestamp2tm(ts, nullptr, &tm, &fsec, nullptr, nullptr) != 0)
        ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("timestamp out of range")));
    // Without a time zone, timestamp2tm marks the fields "no zone known"
    // (tm_isdst = -1), and EncodeDateTime would then omit the offset: the
    // text would be read back in the session's zone. The fields are UTC.
    tm.tm_isdst = 0;
    EncodeDateTime(&tm, fsec, true, 0, nullptr, USE_ISO_DATES, buf);
}

void date_iso(DateADT d, char* buf) {
    if (DATE_NOT_FINITE(d)) {
        EncodeSpecialDate(d, buf);
        return;
    }
    struct pg_tm tm;
    j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    EncodeDateOnly(&tm, USE_ISO_DATES, buf);
}

}  // namespace

core::CursorValue cursor_value(Datum value, bool is_null, Oid type) {
    if (is_null) return core::CursorValue::null();
    switch (type) {
        case INT8OID: return core::CursorValue::of(std::to_string(DatumGetInt64(value)));
        case INT4OID: return core::CursorValue::of(std::to_string(DatumGetInt32(value)));
        case TEXTOID: {
            // Detoasting may allocate: through the guard.
            struct varlena* t = pg_call([=] { return pg_detoast_datum_packed(reinterpret_cast<struct varlena*>(DatumGetPointer(value))); });
            return core::CursorValue::of(std::string(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
        }
        case DATEOID: {
            char buf[MAXDATELEN + 1];
            char* out = buf;
            pg_call([=] { date_iso(DatumGetDateADT(value), out); });
            return core::CursorValue::of(buf);
        }
        case TIMESTAMPTZOID: {
            char buf[MAXDATELEN + 1];
            char* out = buf;
            pg_call([=] { timestamptz_iso_utc(DatumGetTimestampTz(value), out); });
            return core::CursorValue::of(buf);
        }
        default:
            throw core::Error(core::SqlState::InternalError,
                              "contacts_ext cannot put a value of type " + std::to_string(type) + " into a cursor");
    }
}

}  // namespace contacts::pg
