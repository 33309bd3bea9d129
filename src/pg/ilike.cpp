// contacts_ilike(text, text) → bool: the function of a ~~*@ b, exactly
// PostgreSQL's ILIKE, with the ASCII fast path of core/ascii_ilike.hpp.
//
// Anything the fast path does not answer (text or pattern not ASCII, a
// pattern PostgreSQL rejects, a collation that does not lower-case ASCII as
// A-Z → a-z, a nondeterministic collation, another encoding) is answered by
// PostgreSQL's own texticlike, errors included.
//
// The body holds only trivially destructible locals, so it calls PostgreSQL
// directly; the compiled pattern is a C++ object owned by the call site's
// cache and deleted by a reset callback of fn_mcxt.
#include "pg/boundary.hpp"
#include "pg/text_search.hpp"

#include "core/ascii_ilike.hpp"

extern "C" {
#include "catalog/pg_collation.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/pg_locale.h"
}

#include <cstring>
#include <optional>
#include <string>

namespace {

namespace core = contacts::core;
namespace ts = contacts::pg::textsearch;

// Per call site, in fn_mcxt: the last pattern seen and its compiled form,
// and what the call site's collation does to ASCII.
struct IlikeCache {
    char* pattern;  // raw right operand
    int length;
    bool have_pattern;
    core::AsciiIlike* matcher;  // nullptr: this pattern is left to texticlike
    bool collation_checked;
    bool collation_plain;  // lower() maps ASCII to ASCII, A-Z → a-z only
    MemoryContextCallback callback;
};

// Lower-cased texts are written here; released when a huge one passed.
std::string g_scratch;
constexpr std::size_t kKeepScratch = 1 << 16;

void delete_matcher(void* arg) {
    auto* cache = static_cast<IlikeCache*>(arg);
    delete cache->matcher;
    cache->matcher = nullptr;
}

// Whether ILIKE under collation may take the fast path: a UTF-8 database,
// a deterministic collation, and lower() leaving every ASCII character ASCII
// with only A-Z changed (a Turkish collation maps I to dotless ı). Probed
// once per call site with lower() itself, so libc and ICU collations, the
// database default included, are judged by what ILIKE would do.
bool collation_lowers_ascii_plainly(Oid collation) {
    if (GetDatabaseEncoding() != PG_UTF8 || !OidIsValid(collation)) return false;
    if (collation != DEFAULT_COLLATION_OID) {
        pg_locale_t locale = pg_newlocale_from_collation(collation);
        if (locale != nullptr && !locale->deterministic) return false;  // ILIKE raises its error
    }
    char probe[127];
    for (int i = 0; i < 127; ++i) probe[i] = static_cast<char>(i + 1);
    text* lowered = DatumGetTextPP(
        DirectFunctionCall1Coll(lower, collation, PointerGetDatum(cstring_to_text_with_len(probe, 127))));
    if (VARSIZE_ANY_EXHDR(lowered) != 127) return false;
    const char* out = VARDATA_ANY(lowered);
    for (int i = 0; i < 127; ++i) {
        const char c = probe[i];
        const char expected = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (out[i] != expected) return false;
    }
    return true;
}

IlikeCache* cache_of(FunctionCallInfo fcinfo) {
    FmgrInfo* flinfo = fcinfo->flinfo;
    auto* cache = static_cast<IlikeCache*>(flinfo->fn_extra);
    if (cache == nullptr) {
        cache = static_cast<IlikeCache*>(MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(IlikeCache)));
        cache->callback.func = delete_matcher;
        cache->callback.arg = cache;
        MemoryContextRegisterResetCallback(flinfo->fn_mcxt, &cache->callback);
        flinfo->fn_extra = cache;
    }
    return cache;
}

// The fast-path matcher for pattern at this call site, or nullptr.
const core::AsciiIlike* ascii_matcher(FunctionCallInfo fcinfo, const text* pattern) {
    IlikeCache* cache = cache_of(fcinfo);
    if (!cache->collation_checked) {
        cache->collation_plain = collation_lowers_ascii_plainly(PG_GET_COLLATION());
        cache->collation_checked = true;
    }
    if (!cache->collation_plain) return nullptr;
    std::string_view p = ts::bytes_of(pattern);
    if (cache->have_pattern && static_cast<std::size_t>(cache->length) == p.size() &&
        memcmp(cache->pattern, p.data(), p.size()) == 0)
        return cache->matcher;
    char* copy = static_cast<char*>(MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, p.size() + 1));
    memcpy(copy, p.data(), p.size());
    delete cache->matcher;
    cache->matcher = nullptr;
    cache->have_pattern = false;
    if (cache->pattern != nullptr) pfree(cache->pattern);
    cache->pattern = copy;
    cache->length = static_cast<int>(p.size());
    if (std::optional<core::AsciiIlike> compiled = core::AsciiIlike::compile(p))  // may throw: cache stays consistent
        cache->matcher = new core::AsciiIlike(std::move(*compiled));
    cache->have_pattern = true;
    return cache->matcher;
}

}  // namespace

CONTACTS_FUNCTION(contacts_ilike) {
    text* a = PG_GETARG_TEXT_PP(0);
    text* b = PG_GETARG_TEXT_PP(1);
    if (const core::AsciiIlike* matcher = ascii_matcher(fcinfo, b)) {
        const std::optional<bool> result = matcher->matches(ts::bytes_of(a), g_scratch);
        if (g_scratch.capacity() > kKeepScratch) std::string().swap(g_scratch);
        if (result.has_value()) PG_RETURN_BOOL(*result);
    }
    return DirectFunctionCall2Coll(texticlike, PG_GET_COLLATION(), PointerGetDatum(a), PointerGetDatum(b));
}
