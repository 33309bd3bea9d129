// contacts_trgm_ops: the GIN operator class for text (see core/trgm_index.hpp
// for the keys and why their order makes short patterns cheap).
//
// Keys are int8 (STORAGE int8, compared with btint8cmp): one per distinct
// trigram of the folded value, exact, not hashed, in plain or accented form
// (core/trgm_index.hpp, extract_index_keys()). Strategies (text_search.hpp):
//   1  a @~~ b    LIKE on folded text          all pattern keys required, recheck
//   2  a %~ b     folded trigram similarity    enough shared keys, recheck
//   3  a ~~ b     LIKE                         all pattern keys required, recheck
//   4  a ~~* b    ILIKE                        all pattern keys required, recheck
//   5  a ~~*@ b   ILIKE, estimated by us       all pattern keys required, recheck
// A required key is one entry when the pattern requires its plain form (an
// ASCII part of a LIKE/ILIKE pattern), else two adjacent entries, plain and
// accented, of which either will do. A pattern fragment of one or two
// characters is a partial-match entry (again in both forms): the range of
// keys with that middle (and last) character, which comparePartial() walks.
// Only a pattern without any word character scans the whole index
// (GIN_SEARCH_MODE_ALL), as it must: every row may match.
//
// An index built before keys had an accented form holds every key in plain
// form: queries stay correct on it (a plain key is what every query accepts),
// only ILIKE loses the precision; REINDEX gains it.
//
// The bodies hold only trivially destructible locals (the C++ work happens in
// statics), so they call PostgreSQL directly.
#include "pg/boundary.hpp"
#include "pg/settings.hpp"
#include "pg/text_search.hpp"

#include "core/trigram.hpp"
#include "core/trgm_index.hpp"

extern "C" {
#include "access/gin.h"
#include "access/stratnum.h"
}

namespace ts = contacts::pg::textsearch;
namespace trgm = contacts::core::trgm;

namespace {

// The requirements of the last pattern analysed (static: see the top).
trgm::PatternQuery g_query;

// Index keys of the value being indexed.
std::vector<trgm::Key> g_index_keys;

// Whether entries i and i + 1 are the plain and accented forms of one key
// (or range), of which either satisfies the requirement.
inline bool is_pair(const Datum* entries, int32 i, int32 n) {
    if (i + 1 >= n) return false;
    const trgm::Key a = DatumGetInt64(entries[i]);
    const trgm::Key b = DatumGetInt64(entries[i + 1]);
    return !trgm::is_accented(a) && b == trgm::accented_of(a);
}

bool is_like_strategy(StrategyNumber s) {
    return s == ts::kFoldedLike || s == ts::kLike || s == ts::kILike || s == ts::kILikeEstimated;
}

// Analyses the query operand for a strategy into g_query. C++ only.
void analyse_pattern(StrategyNumber strategy, std::string_view pattern) {
    if (strategy == ts::kFoldedLike) {
        g_query = trgm::folded_like_query(contacts::core::fold_like_pattern(pattern));
    } else {
        g_query = trgm::raw_like_query(pattern);
    }
}

}  // namespace

// extractValue(text, internal nentries, internal nullFlags) → internal
CONTACTS_FUNCTION(contacts_trgm_extract_value) {
    text* value = PG_GETARG_TEXT_PP(0);
    auto* nentries = reinterpret_cast<int32*>(PG_GETARG_POINTER(1));
    CHECK_FOR_INTERRUPTS();
    ts::require_utf8();
    ts::check_fold_version(fcinfo);

    const std::string_view raw = ts::bytes_of(value);
    trgm::extract_index_keys(raw, ts::fold_into_slot(raw, 0), g_index_keys);
    const std::vector<trgm::Key>& keys = g_index_keys;
    *nentries = static_cast<int32>(keys.size());
    Datum* entries = nullptr;
    if (!keys.empty()) {
        entries = static_cast<Datum*>(palloc(sizeof(Datum) * keys.size()));
        for (std::size_t i = 0; i < keys.size(); ++i) entries[i] = Int64GetDatum(keys[i]);
    }
    ts::trim_buffers();
    if (g_index_keys.capacity() > 65536) std::vector<trgm::Key>().swap(g_index_keys);
    PG_RETURN_POINTER(entries);
}

// extractQuery(text, internal nentries, int2 strategy, internal partial_matches,
//              internal extra_data, internal nullFlags, internal searchMode) → internal
CONTACTS_FUNCTION(contacts_trgm_extract_query) {
    text* query = PG_GETARG_TEXT_PP(0);
    auto* nentries = reinterpret_cast<int32*>(PG_GETARG_POINTER(1));
    const StrategyNumber strategy = PG_GETARG_UINT16(2);
    auto** partial = reinterpret_cast<bool**>(PG_GETARG_POINTER(3));
    auto* search_mode = reinterpret_cast<int32*>(PG_GETARG_POINTER(6));
    CHECK_FOR_INTERRUPTS();
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    *nentries = 0;
    Datum* entries = nullptr;

    if (strategy == ts::kSimilar) {
        const std::vector<trgm::Key>& keys = ts::keys_of_folded(ts::fold_into_slot(ts::bytes_of(query), 0));
        if (contacts::pg::similarity_threshold <= 0.0) {
            // Every value is similar enough, even one sharing no trigram.
            *search_mode = GIN_SEARCH_MODE_ALL;
        } else if (!keys.empty()) {
            // No keys and a positive threshold: nothing can match (nentries 0).
            // Each key in both forms (a pair).
            entries = static_cast<Datum*>(palloc(sizeof(Datum) * 2 * keys.size()));
            for (std::size_t i = 0; i < keys.size(); ++i) {
                entries[2 * i] = Int64GetDatum(keys[i]);
                entries[2 * i + 1] = Int64GetDatum(trgm::accented_of(keys[i]));
            }
            *nentries = static_cast<int32>(2 * keys.size());
        }
        ts::trim_buffers();
        PG_RETURN_POINTER(entries);
    }
    if (!is_like_strategy(strategy)) elog(ERROR, "contacts_trgm_ops: unknown strategy %d", strategy);

    analyse_pattern(strategy, ts::bytes_of(query));
    if (g_query.match_all) {
        *search_mode = GIN_SEARCH_MODE_ALL;
        PG_RETURN_POINTER(nullptr);
    }
    // Plain-only keys are one entry, the others and the ranges two (a pair).
    const std::size_t nkeys = g_query.keys.size();
    const std::size_t nplain = g_query.plain_keys.size();
    const std::size_t n = 2 * nkeys - nplain + 2 * g_query.prefixes.size();
    entries = static_cast<Datum*>(palloc(sizeof(Datum) * n));
    std::size_t e = 0;
    for (std::size_t i = 0, p = 0; i < nkeys; ++i) {
        const trgm::Key k = g_query.keys[i];
        entries[e++] = Int64GetDatum(k);
        if (p < nplain && g_query.plain_keys[p] == k) {
            ++p;
        } else {
            entries[e++] = Int64GetDatum(trgm::accented_of(k));
        }
    }
    if (!g_query.prefixes.empty()) {
        bool* pm = static_cast<bool*>(palloc0(sizeof(bool) * n));
        for (const trgm::Prefix& prefix : g_query.prefixes) {
            pm[e] = true;
            entries[e++] = Int64GetDatum(prefix.start);
            pm[e] = true;
            entries[e++] = Int64GetDatum(trgm::accented_of(prefix.start));
        }
        *partial = pm;
    }
    Assert(e == n);
    *nentries = static_cast<int32>(n);
    PG_RETURN_POINTER(entries);
}

// consistent(internal check, int2 strategy, text query, int4 nkeys,
//            internal extra_data, internal recheck, internal queryKeys, internal nullFlags) → bool
CONTACTS_FUNCTION(contacts_trgm_consistent) {
    const bool* check = reinterpret_cast<bool*>(PG_GETARG_POINTER(0));
    const StrategyNumber strategy = PG_GETARG_UINT16(1);
    const int32 nkeys = PG_GETARG_INT32(3);
    auto* recheck = reinterpret_cast<bool*>(PG_GETARG_POINTER(5));
    const auto* query_keys = reinterpret_cast<const Datum*>(PG_GETARG_POINTER(6));

    // Trigrams are necessary, never sufficient: the operator decides.
    *recheck = true;
    if (strategy == ts::kSimilar) {
        if (nkeys == 0) PG_RETURN_BOOL(true);  // GIN_SEARCH_MODE_ALL (threshold 0)
        // Entries are pairs: a query trigram is shared when either form is.
        int32 ntrue = 0;
        for (int32 i = 0; i + 1 < nkeys; i += 2) ntrue += check[i] || check[i + 1] ? 1 : 0;
        // similarity = shared / (|row| + |query| - shared) <= shared / |query|.
        PG_RETURN_BOOL(static_cast<float>(ntrue) / static_cast<float>(nkeys / 2) >=
                       contacts::pg::similarity_threshold);
    }
    for (int32 i = 0; i < nkeys; ++i) {
        if (is_pair(query_keys, i, nkeys)) {
            if (!check[i] && !check[i + 1]) PG_RETURN_BOOL(false);
            ++i;
        } else if (!check[i]) {
            PG_RETURN_BOOL(false);
        }
    }
    PG_RETURN_BOOL(true);
}

// triConsistent(internal check, int2 strategy, text query, int4 nkeys,
//               internal extra_data, internal queryKeys, internal nullFlags) → char
CONTACTS_FUNCTION(contacts_trgm_triconsistent) {
    const auto* check = reinterpret_cast<GinTernaryValue*>(PG_GETARG_POINTER(0));
    const StrategyNumber strategy = PG_GETARG_UINT16(1);
    const int32 nkeys = PG_GETARG_INT32(3);
    const auto* query_keys = reinterpret_cast<const Datum*>(PG_GETARG_POINTER(5));

    if (strategy == ts::kSimilar) {
        if (nkeys == 0) PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
        int32 possible = 0;
        for (int32 i = 0; i + 1 < nkeys; i += 2) possible += check[i] != GIN_FALSE || check[i + 1] != GIN_FALSE ? 1 : 0;
        PG_RETURN_GIN_TERNARY_VALUE(static_cast<float>(possible) / static_cast<float>(nkeys / 2) >=
                                            contacts::pg::similarity_threshold
                                        ? GIN_MAYBE
                                        : GIN_FALSE);
    }
    for (int32 i = 0; i < nkeys; ++i) {
        if (is_pair(query_keys, i, nkeys)) {
            if (check[i] == GIN_FALSE && check[i + 1] == GIN_FALSE) PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
            ++i;
        } else if (check[i] == GIN_FALSE) {
            PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
        }
    }
    PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);  // always rechecked
}

// comparePartial(int8 partial_key, int8 key, int2 strategy, internal extra_data) → int4
CONTACTS_FUNCTION(contacts_trgm_compare_partial) {
    const trgm::Key start = PG_GETARG_INT64(0);
    const trgm::Key key = PG_GETARG_INT64(1);
    // A one-character range has no last character in its start key.
    const trgm::Prefix prefix{start, trgm::key_last(start) == 0 ? 1 : 2};
    PG_RETURN_INT32(trgm::compare_prefix(prefix, key));
}
