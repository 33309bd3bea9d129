// The SQL text functions of contacts_ext's search: folding, trigrams,
// similarity, phone digits, the functions behind the @~~ and %~ operators,
// and the folding-version check.
//
// Every body here holds only trivially destructible locals (views, pointers,
// integers) and keeps its C++ buffers in statics, so it calls PostgreSQL
// directly; where a C++ object must live across a PostgreSQL call, the call
// goes through pg_call(). Core errors (invalid UTF-8) are exceptions that the
// CONTACTS_FUNCTION boundary turns into ERRORs.
#include "pg/boundary.hpp"
#include "pg/settings.hpp"
#include "pg/text_search.hpp"

#include "core/fold.hpp"
#include "core/sorted_set.hpp"
#include "core/trigram.hpp"
#include "core/trgm_index.hpp"

extern "C" {
#include "access/heapam.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/snapmgr.h"
}

#include <cstring>

namespace contacts::pg::textsearch {
namespace {

std::string g_fold[2];
std::vector<core::trgm::Key> g_keys;
bool g_version_checked = false;

constexpr std::size_t kKeepBytes = 1 << 20;  // buffers above this are released after use

}  // namespace

std::string_view fold_into_slot(std::string_view in, int slot) {
    std::string& buf = g_fold[slot];
    buf.clear();
    core::fold_append(in, buf);
    return buf;
}

const std::vector<core::trgm::Key>& keys_of_folded(std::string_view folded) {
    core::trgm::extract_keys(folded, g_keys);
    return g_keys;
}

void trim_buffers() {
    for (std::string& s : g_fold)
        if (s.capacity() > kKeepBytes) std::string().swap(s);
    if (g_keys.capacity() > kKeepBytes / sizeof(core::trgm::Key)) std::vector<core::trgm::Key>().swap(g_keys);
}

void require_utf8() {
    if (GetDatabaseEncoding() != PG_UTF8)
        ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("contacts_ext text search requires a UTF8 database"),
                        errdetail("The database encoding is %s.", GetDatabaseEncodingName())));
}

void check_fold_version(FunctionCallInfo fcinfo) {
    if (g_version_checked) return;
    if (fcinfo->flinfo == nullptr || !OidIsValid(fcinfo->flinfo->fn_oid) || !IsTransactionState()) return;
    // Once per backend, even if something below fails: the check must never
    // cost more than one look.
    g_version_checked = true;

    Oid nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
    if (!OidIsValid(nsp)) return;
    Oid relid = get_relname_relid("contacts_text_version", nsp);
    if (!OidIsValid(relid)) return;
    AttrNumber attnum = get_attnum(relid, "fold_version");
    if (attnum == InvalidAttrNumber) return;

    // A direct read (no SPI, no privilege check): the table holds one row of
    // public information and is read once per backend.
    Relation rel = table_open(relid, AccessShareLock);
    Snapshot snapshot = RegisterSnapshot(GetCatalogSnapshot(relid));
    TableScanDesc scan = table_beginscan(rel, snapshot, 0, nullptr);
    HeapTuple tuple = heap_getnext(scan, ForwardScanDirection);
    char* recorded = nullptr;
    if (tuple != nullptr) {
        bool isnull = true;
        Datum d = heap_getattr(tuple, attnum, RelationGetDescr(rel), &isnull);
        if (!isnull) recorded = TextDatumGetCString(d);
    }
    table_endscan(scan);
    UnregisterSnapshot(snapshot);
    table_close(rel, AccessShareLock);

    const char* running = core::fold_version().c_str();
    if (recorded != nullptr && strcmp(recorded, running) != 0) {
        const char* nspname = get_namespace_name(nsp);
        ereport(WARNING,
                (errcode(ERRCODE_COLLATION_MISMATCH),
                 errmsg("contacts_ext text folding has changed since its folded indexes were built"),
                 errdetail("The indexes were built with folding version \"%s\", but this server folds with "
                           "version \"%s\" (a different ICU or Unicode version). Searches may miss rows "
                           "until the indexes are rebuilt.",
                           recorded, running),
                 errhint("REINDEX each index listed by SELECT %s.contacts_folded_indexes(), then run "
                         "SELECT %s.contacts_fold_refresh_version().",
                         quote_identifier(nspname), quote_identifier(nspname))));
    }
}

}  // namespace contacts::pg::textsearch

namespace ts = contacts::pg::textsearch;
namespace trgm = contacts::core::trgm;

namespace {

// --- per-call caches in fn_extra -----------------------------------------------

// The compiled folded-LIKE pattern of the last right operand seen by this
// call site. Plain data in fn_mcxt; the matcher is a C++ object, deleted by a
// reset callback of fn_mcxt (so also when the query ends in an ERROR).
struct LikeCache {
    char* pattern;  // raw right operand, palloc'd in fn_mcxt
    int length;
    trgm::LikeMatcher* matcher;
    MemoryContextCallback callback;
};

void delete_matcher(void* arg) {
    auto* cache = static_cast<LikeCache*>(arg);
    delete cache->matcher;
    cache->matcher = nullptr;
}

trgm::LikeMatcher* compile_folded_like(std::string_view pattern) {
    return new trgm::LikeMatcher(contacts::core::fold_like_pattern(pattern));
}

// Calls PostgreSQL directly: no C++ objects live in this frame.
const trgm::LikeMatcher* folded_like_matcher(FunctionCallInfo fcinfo, const text* pattern) {
    FmgrInfo* flinfo = fcinfo->flinfo;
    auto* cache = static_cast<LikeCache*>(flinfo->fn_extra);
    if (cache == nullptr) {
        cache = static_cast<LikeCache*>(MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(LikeCache)));
        cache->callback.func = delete_matcher;
        cache->callback.arg = cache;
        MemoryContextRegisterResetCallback(flinfo->fn_mcxt, &cache->callback);
        flinfo->fn_extra = cache;
    }
    std::string_view p = ts::bytes_of(pattern);
    if (cache->matcher != nullptr && static_cast<std::size_t>(cache->length) == p.size() &&
        memcmp(cache->pattern, p.data(), p.size()) == 0)
        return cache->matcher;
    char* copy = static_cast<char*>(MemoryContextAlloc(flinfo->fn_mcxt, p.size() + 1));
    memcpy(copy, p.data(), p.size());
    delete cache->matcher;
    cache->matcher = nullptr;
    if (cache->pattern != nullptr) pfree(cache->pattern);
    cache->pattern = copy;
    cache->length = static_cast<int>(p.size());
    cache->matcher = compile_folded_like(p);  // may throw; the cache stays consistent (no matcher)
    return cache->matcher;
}

// The trigram keys of the folded right operand of %~, kept in fn_mcxt.
struct KeysCache {
    char* query;
    int length;
    int nkeys;
    trgm::Key* keys;
};

// Calls PostgreSQL directly: no C++ objects live in this frame.
const KeysCache* similar_query_keys(FunctionCallInfo fcinfo, const text* query) {
    FmgrInfo* flinfo = fcinfo->flinfo;
    auto* cache = static_cast<KeysCache*>(flinfo->fn_extra);
    std::string_view q = ts::bytes_of(query);
    if (cache != nullptr && static_cast<std::size_t>(cache->length) == q.size() &&
        memcmp(cache->query, q.data(), q.size()) == 0)
        return cache;
    if (cache == nullptr) {
        cache = static_cast<KeysCache*>(MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(KeysCache)));
        flinfo->fn_extra = cache;
    }
    if (cache->query != nullptr) pfree(cache->query);
    if (cache->keys != nullptr) pfree(cache->keys);
    cache->query = nullptr;
    cache->keys = nullptr;
    cache->length = -1;
    const std::vector<trgm::Key>& keys = ts::keys_of_folded(ts::fold_into_slot(q, 1));
    cache->keys = static_cast<trgm::Key*>(
        MemoryContextAlloc(flinfo->fn_mcxt, sizeof(trgm::Key) * (keys.empty() ? 1 : keys.size())));
    std::copy(keys.begin(), keys.end(), cache->keys);
    cache->nkeys = static_cast<int>(keys.size());
    cache->query = static_cast<char*>(MemoryContextAlloc(flinfo->fn_mcxt, q.size() + 1));
    memcpy(cache->query, q.data(), q.size());
    cache->length = static_cast<int>(q.size());
    return cache;
}

float similarity_with(const KeysCache* q, const std::vector<trgm::Key>& keys) {
    if (q->nkeys == 0 || keys.empty()) return 0.0f;
    const std::size_t common =
        contacts::core::count_common(q->keys, static_cast<std::size_t>(q->nkeys), keys.data(), keys.size());
    return static_cast<float>(common) /
           static_cast<float>(static_cast<std::size_t>(q->nkeys) + keys.size() - common);
}

ArrayType* trigram_array(std::string_view folded) {
    std::vector<std::string> shown = contacts::core::show_trigrams(folded);
    return contacts::pg::pg_call([&] {
        const int n = static_cast<int>(shown.size());
        if (n == 0) return construct_empty_array(TEXTOID);
        Datum* elems = static_cast<Datum*>(palloc(sizeof(Datum) * static_cast<std::size_t>(n)));
        for (int i = 0; i < n; ++i)
            elems[i] = PointerGetDatum(cstring_to_text_with_len(shown[i].data(), static_cast<int>(shown[i].size())));
        return construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT);
    });
}

}  // namespace

// contacts_fold(text) → text
CONTACTS_FUNCTION(contacts_fold) {
    text* in = PG_GETARG_TEXT_PP(0);
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    std::string_view raw = ts::bytes_of(in);
    std::string_view folded = ts::fold_into_slot(raw, 0);
    if (folded == raw) PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    text* out = cstring_to_text_with_len(folded.data(), static_cast<int>(folded.size()));
    ts::trim_buffers();
    PG_RETURN_TEXT_P(out);
}

// contacts_trigrams(text) → text[]: show_trgm() of the folded text.
CONTACTS_FUNCTION(contacts_trigrams) {
    text* in = PG_GETARG_TEXT_PP(0);
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    ArrayType* result = trigram_array(ts::fold_into_slot(ts::bytes_of(in), 0));
    ts::trim_buffers();
    PG_RETURN_ARRAYTYPE_P(result);
}

// contacts_similarity(text, text) → real
CONTACTS_FUNCTION(contacts_similarity) {
    static std::vector<trgm::Key> a_keys;
    text* a = PG_GETARG_TEXT_PP(0);
    text* b = PG_GETARG_TEXT_PP(1);
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    a_keys = ts::keys_of_folded(ts::fold_into_slot(ts::bytes_of(a), 0));
    const std::vector<trgm::Key>& b_keys = ts::keys_of_folded(ts::fold_into_slot(ts::bytes_of(b), 1));
    const float sim = trgm::similarity(a_keys, b_keys);
    ts::trim_buffers();
    PG_RETURN_FLOAT4(sim);
}

// contacts_phone_digits(text) → text: the ASCII digits, in order.
CONTACTS_FUNCTION(contacts_phone_digits) {
    text* in = PG_GETARG_TEXT_PP(0);
    const char* s = VARDATA_ANY(in);
    const int n = static_cast<int>(VARSIZE_ANY_EXHDR(in));
    auto* out = static_cast<text*>(palloc(VARHDRSZ + n));
    char* d = VARDATA(out);
    int k = 0;
    for (int i = 0; i < n; ++i)
        if (s[i] >= '0' && s[i] <= '9') d[k++] = s[i];
    SET_VARSIZE(out, VARHDRSZ + k);
    PG_RETURN_TEXT_P(out);
}

// contacts_like_folded(text, text) → bool: the function of a @~~ b.
CONTACTS_FUNCTION(contacts_like_folded) {
    text* a = PG_GETARG_TEXT_PP(0);
    text* b = PG_GETARG_TEXT_PP(1);
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    const trgm::LikeMatcher* matcher = folded_like_matcher(fcinfo, b);
    const bool result = matcher->matches(ts::fold_into_slot(ts::bytes_of(a), 0));
    ts::trim_buffers();
    PG_RETURN_BOOL(result);
}

// contacts_similar(text, text) → bool: the function of a %~ b.
CONTACTS_FUNCTION(contacts_similar) {
    text* a = PG_GETARG_TEXT_PP(0);
    text* b = PG_GETARG_TEXT_PP(1);
    ts::require_utf8();
    ts::check_fold_version(fcinfo);
    const KeysCache* q = similar_query_keys(fcinfo, b);
    const float sim = similarity_with(q, ts::keys_of_folded(ts::fold_into_slot(ts::bytes_of(a), 0)));
    ts::trim_buffers();
    PG_RETURN_BOOL(sim >= contacts::pg::similarity_threshold);
}

// contacts_fold_version() → text: what the running library folds with.
CONTACTS_FUNCTION(contacts_fold_version) {
    const std::string& v = contacts::core::fold_version();
    PG_RETURN_TEXT_P(cstring_to_text_with_len(v.data(), static_cast<int>(v.size())));
}
