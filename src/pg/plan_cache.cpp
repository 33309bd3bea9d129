// The per-session plan cache; see plan_cache.hpp.
#include "pg/plan_cache.hpp"

#include "pg/boundary.hpp"
#include "pg/plan_signature.hpp"

extern "C" {
#include "utils/plancache.h"
#include "utils/resowner.h"
}

#include <algorithm>
#include <list>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace contacts::pg {
namespace {

// Bounded: a session that sends thousands of different shapes (a fuzzer,
// say) keeps the most recently used ones.
constexpr std::size_t kMaxShapes = 256;
// Custom plans compared before the generic plan may be used.
constexpr int kLearningCalls = 5;
// While the generic plan is in use, one call is planned with its values to
// check that the plans still agree: 32 calls after learning, then after
// twice as many calls each time they agree, up to every 1,024th call. A
// check costs a planning (0.3-0.5 ms at 3M contacts); at a fixed interval of
// 32 it was a tenth of a short page's time on average.
constexpr uint64_t kFirstRecheck = 32;
constexpr uint64_t kMaxRecheckInterval = 1024;

enum class Mode { Learning, Generic, Custom };

struct Entry {
    std::size_t hash = 0;  // of (sql, types, per_call): see shape_hash()
    std::string sql;
    std::vector<Oid> types;
    bool per_call = false;
    SPIPlanPtr custom = nullptr;   // CURSOR_OPT_CUSTOM_PLAN: planned with each call's values
    SPIPlanPtr generic = nullptr;  // CURSOR_OPT_GENERIC_PLAN, made when learning ends
    Mode mode = Mode::Learning;
    int samples = 0;
    uint64_t calls = 0;
    uint64_t next_recheck = 0;      // Generic mode: the call number of the next check
    uint64_t recheck_interval = 0;  // calls between the last check and the next
    std::string signature;  // of the custom plans seen while learning (all equal)
};

// Most recently used first. std containers own only the shapes and
// pointers; the plans themselves live in PostgreSQL memory (SPI_keepplan) and
// are freed with SPI_freeplan on eviction. The index is keyed by the shape's
// hash, so a lookup copies nothing (the SQL is 1-2 KB); entries with equal
// hashes are told apart by comparing the shapes.
std::list<Entry> lru;
std::unordered_multimap<std::size_t, std::list<Entry>::iterator> index;

std::size_t shape_hash(const std::string& sql, const std::vector<Oid>& types, bool per_call) {
    std::size_t h = std::hash<std::string_view>{}(sql);
    for (Oid t : types) h = h * 31 + t;
    return h * 2 + (per_call ? 1 : 0);
}

std::list<Entry>::iterator find_entry(std::size_t hash, const std::string& sql, const std::vector<Oid>& types,
                                      bool per_call) {
    auto [first, last] = index.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        const Entry& e = *it->second;
        if (e.per_call == per_call && e.types == types && e.sql == sql) return it->second;
    }
    return lru.end();
}

void forget(const Entry& e) {
    auto [first, last] = index.equal_range(e.hash);
    for (auto it = first; it != last; ++it) {
        if (&*it->second == &e) {
            index.erase(it);
            return;
        }
    }
}

SPIPlanPtr prepare(const std::string& sql, const std::vector<Oid>& types, int options) {
    const char* text = sql.c_str();
    Oid* argtypes = const_cast<Oid*>(types.data());
    const int nargs = static_cast<int>(types.size());
    // PARALLEL_OK as PL/pgSQL passes it: the statement always runs to
    // completion in one SPI call, so a parallel plan (a count, a search
    // that collects matches) may use workers.
    const int cursor_options = options | CURSOR_OPT_PARALLEL_OK;
    return pg_call([=]() -> SPIPlanPtr {
        SPIPlanPtr p = SPI_prepare_cursor(text, nargs, argtypes, cursor_options);
        if (p == nullptr)
            elog(ERROR, "contacts_ext could not prepare its query: %s", SPI_result_code_string(SPI_result));
        if (SPI_keepplan(p) != 0) elog(ERROR, "SPI_keepplan failed");
        return p;
    });
}

// The plan PostgreSQL makes for `plan` with these values (a custom plan for
// a CUSTOM_PLAN source, the generic one for a GENERIC_PLAN source), planned
// but not started, or null when it is not one plain statement. The plan is
// held by the current resource owner until ReleaseCachedPlan, so an error
// anywhere releases it with the transaction.
CachedPlan* get_plan(SPIPlanPtr plan, ParamListInfo params) {
    return pg_call([=]() -> CachedPlan* {
        List* sources = SPI_plan_get_plan_sources(plan);
        if (list_length(sources) != 1) elog(ERROR, "contacts_ext expected one statement per plan");
        return GetCachedPlan(static_cast<CachedPlanSource*>(linitial(sources)), params, CurrentResourceOwner,
                             nullptr);
    });
}

const PlannedStmt* only_statement(const CachedPlan* cached) {
    return list_length(cached->stmt_list) == 1 ? linitial_node(PlannedStmt, cached->stmt_list) : nullptr;
}

void release_plan(CachedPlan* cached) {
    pg_call([=] { ReleaseCachedPlan(cached, CurrentResourceOwner); });
}

// The signature (plan_signature.hpp) of the plan made for these values.
std::string signature_of(SPIPlanPtr plan, ParamListInfo params) {
    CachedPlan* cached = get_plan(plan, params);
    std::string signature;
    if (const PlannedStmt* stmt = only_statement(cached)) signature = plan_signature(stmt);
    release_plan(cached);
    return signature;
}

void free_plans(const Entry& e) {
    SPIPlanPtr custom = e.custom, generic = e.generic;
    pg_call([=] {
        if (custom != nullptr) SPI_freeplan(custom);
        if (generic != nullptr) SPI_freeplan(generic);
    });
}

Entry& entry_for(const std::string& sql, const std::vector<Oid>& types, bool per_call) {
    const std::size_t hash = shape_hash(sql, types, per_call);
    if (auto it = find_entry(hash, sql, types, per_call); it != lru.end()) {
        lru.splice(lru.begin(), lru, it);  // iterators stay valid
        return *it;
    }
    Entry e;
    e.hash = hash;
    e.sql = sql;
    e.types = types;
    e.per_call = per_call;
    e.custom = prepare(sql, types, CURSOR_OPT_CUSTOM_PLAN);
    e.mode = per_call ? Mode::Custom : Mode::Learning;
    lru.push_front(std::move(e));
    index.emplace(hash, lru.begin());
    if (lru.size() > kMaxShapes) {
        free_plans(lru.back());
        forget(lru.back());
        lru.pop_back();
    }
    return lru.front();
}

// From now on the shape is planned with its values on every call.
void plan_every_call(Entry& e) {
    e.mode = Mode::Custom;
    SPIPlanPtr generic = e.generic;
    e.generic = nullptr;
    if (generic != nullptr) pg_call([=] { SPI_freeplan(generic); });
}

}  // namespace

SPIPlanPtr plan_for_call(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call,
                         ParamListInfo params) {
    Entry& e = entry_for(sql, types, plan_per_call);
    ++e.calls;
    switch (e.mode) {
        case Mode::Custom:
            return e.custom;
        case Mode::Learning: {
            std::string s = signature_of(e.custom, params);
            if (e.samples > 0 && s != e.signature) {
                e.mode = Mode::Custom;  // the values change the plan: plan every call
                return e.custom;
            }
            e.signature = std::move(s);
            if (++e.samples >= kLearningCalls) {  // >=: a failed prepare below is retried next call
                e.generic = prepare(sql, types, CURSOR_OPT_GENERIC_PLAN);
                if (signature_of(e.generic, params) == e.signature) {
                    e.mode = Mode::Generic;
                    e.recheck_interval = kFirstRecheck;
                    e.next_recheck = e.calls + kFirstRecheck;
                } else {
                    plan_every_call(e);
                }
            }
            return e.custom;
        }
        case Mode::Generic:
            if (e.calls >= e.next_recheck) {
                if (signature_of(e.custom, params) != e.signature) {
                    plan_every_call(e);
                    return e.custom;
                }
                e.recheck_interval = std::min(e.recheck_interval * 2, kMaxRecheckInterval);
                e.next_recheck = e.calls + e.recheck_interval;
            }
            return e.generic;
    }
    return e.custom;
}

double planned_rows(const std::string& sql, const std::vector<Oid>& types, ParamListInfo params) {
    SPIPlanPtr plan = entry_for(sql, types, true).custom;
    CachedPlan* cached = get_plan(plan, params);
    const PlannedStmt* stmt = only_statement(cached);
    // The statement is never run, so the executor's privilege check is made
    // here: an estimate of rows the caller may not read is not given.
    if (stmt != nullptr) pg_call([=] { ExecCheckRTPerms(stmt->rtable, true); });
    const double rows = stmt != nullptr ? stmt->planTree->plan_rows : 0;
    release_plan(cached);
    return rows;
}

std::string plan_choice(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call) {
    if (plan_per_call) return "planned with its values on every call (a search or text pattern lookup)";
    auto it = find_entry(shape_hash(sql, types, plan_per_call), sql, types, plan_per_call);
    if (it == lru.end()) return "not yet run in this session: planned with its values until five plans agree";
    const Entry& e = *it;
    switch (e.mode) {
        case Mode::Learning:
            return "planned with its values (" + std::to_string(e.samples) + " of " +
                   std::to_string(kLearningCalls) + " plans compared so far)";
        case Mode::Generic:
            return "generic plan: the same plan as the custom plans compared (next check at call " +
                   std::to_string(e.next_recheck) + ", this is call " + std::to_string(e.calls) + ")";
        case Mode::Custom: return "planned with its values on every call (the values changed the plan)";
    }
    return "";
}


}  // namespace contacts::pg
