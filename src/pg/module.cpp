// Library entry: the module magic block and the GUCs.
//
// _PG_init holds no C++ objects, so the ereport()s that DefineCustom*Variable
// may raise cannot skip a destructor.
#include "pg/postgres.hpp"
#include "pg/call_timeout.hpp"
#include "pg/list_scan.hpp"
#include "pg/settings.hpp"

#include "utils/guc.h"

extern "C" {
PG_MODULE_MAGIC;
void _PG_init(void);
}

namespace contacts::pg {
bool allow_drop_with_data = false;
int max_limit = 1000;
int count_exact_threshold = 100000;
int list_timeout_ms = 30000;
double similarity_threshold = 0.3;
bool list_scan_enabled = true;
}

extern "C" void _PG_init(void) {
    DefineCustomBoolVariable(
        "contacts_ext.allow_drop_with_data",
        "Allows DROP EXTENSION contacts_ext while the contact tables hold rows.",
        "Off by default: dropping the extension would drop its tables and every contact in them.",
        &contacts::pg::allow_drop_with_data, false, PGC_USERSET, 0, nullptr, nullptr, nullptr);

    DefineCustomIntVariable(
        "contacts_ext.max_limit", "The largest page size contacts_list accepts (in absolute value).", nullptr,
        &contacts::pg::max_limit, 1000, 1, 1000000, PGC_USERSET, 0, nullptr, nullptr, nullptr);

    DefineCustomIntVariable(
        "contacts_ext.count_exact_threshold",
        "contacts_count(..., 'estimated') counts exactly up to this many planned rows.",
        "Above it, the planner's estimate is returned, as with mode 'planned'.",
        &contacts::pg::count_exact_threshold, 100000, 0, INT_MAX, PGC_USERSET, 0, nullptr, nullptr, nullptr);

    DefineCustomIntVariable(
        "contacts_ext.list_timeout", "Time limit for each contacts_list and contacts_count call.",
        "0 turns it off. It applies on top of statement_timeout, whichever is shorter.",
        &contacts::pg::list_timeout_ms, 30000, 0, INT_MAX, PGC_USERSET, GUC_UNIT_MS, nullptr, nullptr, nullptr);
    contacts::pg::register_call_timeout();

    DefineCustomRealVariable(
        "contacts_ext.similarity_threshold",
        "Trigram similarity at or above which the %~ operator (and trigram_similar) matches.",
        "Similarity of the folded texts, as pg_trgm computes it: shared trigrams / all distinct trigrams.",
        &contacts::pg::similarity_threshold, 0.3, 0.0, 1.0, PGC_USERSET, 0, nullptr, nullptr, nullptr);

    contacts::pg::register_list_scan();

    MarkGUCPrefixReserved("contacts_ext");
}
