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
#include <string_view>

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

void add_cursor_key(core::CursorEncoder& encoder, Datum value, bool is_null, Oid type) {
    if (is_null) {
        encoder.add_null();
        return;
    }
    switch (type) {
        case INT8OID: encoder.add_int(DatumGetInt64(value)); return;
        case INT4OID: encoder.add_int(DatumGetInt32(value)); return;
        case TEXTOID: {
            auto* t = reinterpret_cast<struct varlena*>(DatumGetPointer(value));
            // A compressed or out-of-line value is detoasted (allocates:
            // through the guard); a plain one is read where it is.
            if (VARATT_IS_COMPRESSED(t) || VARATT_IS_EXTERNAL(t))
                t = pg_call([=] { return pg_detoast_datum_packed(t); });
            encoder.add_text(std::string_view(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
            return;
        }
        case DATEOID: {
            char buf[MAXDATELEN + 1];
            char* out = buf;
            pg_call([=] { date_iso(DatumGetDateADT(value), out); });
            encoder.add_text(buf);
            return;
        }
        case TIMESTAMPTZOID: {
            char buf[MAXDATELEN + 1];
            char* out = buf;
            pg_call([=] { timestamptz_iso_utc(DatumGetTimestampTz(value), out); });
            encoder.add_text(buf);
            return;
        }
        default:
            throw core::Error(core::SqlState::InternalError,
                              "contacts_ext cannot put a value of type " + std::to_string(type) + " into a cursor");
    }
}

}  // namespace contacts::pg
