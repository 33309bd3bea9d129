// The per-session plan cache; see plan_cache.hpp.
#include "pg/plan_cache.hpp"

#include "pg/boundary.hpp"
#include "pg/plan_signature.hpp"

extern "C" {
#include "utils/plancache.h"
#include "utils/resowner.h"
}

#include <list>
#include <unordered_map>
#include <utility>

namespace contacts::pg {
namespace {

// Bounded: a session that sends thousands of different shapes (a fuzzer,
// say) keeps the most recently used ones.
constexpr std::size_t kMaxShapes = 256;
// Custom plans compared before the generic plan may be used.
constexpr int kLearningCalls = 5;
// While the generic plan is in use, every this many calls one custom plan
// is made to check that it still agrees.
constexpr uint64_t kRecheckEvery = 32;

enum class Mode { Learning, Generic, Custom };

struct Entry {
    std::string key;
    SPIPlanPtr custom = nullptr;   // CURSOR_OPT_CUSTOM_PLAN: planned with each call's values
    SPIPlanPtr generic = nullptr;  // CURSOR_OPT_GENERIC_PLAN, made when learning ends
    Mode mode = Mode::Learning;
    int samples = 0;
    uint64_t calls = 0;
    std::string signature;  // of the custom plans seen while learning (all equal)
};

// Most recently used first. std containers own only keys and pointers; the
// plans themselves live in PostgreSQL memory (SPI_keepplan) and are freed with
// SPI_freeplan on eviction.
std::list<Entry> lru;
std::unordered_map<std::string, std::list<Entry>::iterator> index;

std::string shape_key(const std::string& sql, const std::vector<Oid>& types, bool per_call) {
    std::string key;
    key.reserve(sql.size() + types.size() * 6 + 4);
    key.append(per_call ? "c:" : "a:");
    for (Oid t : types) key.append(std::to_string(t)).push_back(',');
    key.push_back('|');
    key.append(sql);
    return key;
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

// The signature of the plan PostgreSQL makes for `plan` with these values
// (a custom plan for a CUSTOM_PLAN source, the generic one for a GENERIC_PLAN
// source). The plan is held by the current resource owner while its tree is
// read, so an error anywhere releases it with the transaction.
std::string signature_of(SPIPlanPtr plan, ParamListInfo params) {
    CachedPlan* cached = pg_call([=]() -> CachedPlan* {
        List* sources = SPI_plan_get_plan_sources(plan);
        if (list_length(sources) != 1) elog(ERROR, "contacts_ext expected one statement per plan");
        return GetCachedPlan(static_cast<CachedPlanSource*>(linitial(sources)), params, CurrentResourceOwner,
                             nullptr);
    });
    std::string signature;
    if (list_length(cached->stmt_list) == 1)
        signature = plan_signature(linitial_node(PlannedStmt, cached->stmt_list));
    pg_call([=] { ReleaseCachedPlan(cached, CurrentResourceOwner); });
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
    std::string key = shape_key(sql, types, per_call);
    if (auto it = index.find(key); it != index.end()) {
        lru.splice(lru.begin(), lru, it->second);
        return *it->second;
    }
    Entry e;
    e.key = key;
    e.custom = prepare(sql, types, CURSOR_OPT_CUSTOM_PLAN);
    e.mode = per_call ? Mode::Custom : Mode::Learning;
    lru.push_front(std::move(e));
    index.emplace(std::move(key), lru.begin());
    if (lru.size() > kMaxShapes) {
        free_plans(lru.back());
        index.erase(lru.back().key);
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
                } else {
                    plan_every_call(e);
                }
            }
            return e.custom;
        }
        case Mode::Generic:
            if (e.calls % kRecheckEvery == 0 && signature_of(e.custom, params) != e.signature) {
                plan_every_call(e);
                return e.custom;
            }
            return e.generic;
    }
    return e.custom;
}

std::string plan_choice(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call) {
    if (plan_per_call) return "planned with its values on every call (a search or text pattern lookup)";
    auto it = index.find(shape_key(sql, types, plan_per_call));
    if (it == index.end()) return "not yet run in this session: planned with its values until five plans agree";
    const Entry& e = *it->second;
    switch (e.mode) {
        case Mode::Learning:
            return "planned with its values (" + std::to_string(e.samples) + " of " +
                   std::to_string(kLearningCalls) + " plans compared so far)";
        case Mode::Generic: return "generic plan: the same plan as the custom plans compared";
        case Mode::Custom: return "planned with its values on every call (the values changed the plan)";
    }
    return "";
}


}  // namespace contacts::pg
