// The per-session plan cache; see plan_cache.hpp.
#include "pg/plan_cache.hpp"

#include "pg/boundary.hpp"

#include <list>
#include <unordered_map>
#include <utility>

namespace contacts::pg {
namespace {

// Bounded: a session that sends thousands of different shapes (a fuzzer,
// say) keeps the most recently used ones.
constexpr std::size_t kMaxShapes = 256;

struct Entry {
    std::string key;
    SPIPlanPtr plan;
};

// Most recently used first. std containers own only keys and pointers; the
// plans themselves live in PostgreSQL memory (SPI_keepplan) and are freed with
// SPI_freeplan on eviction.
std::list<Entry> lru;
std::unordered_map<std::string, std::list<Entry>::iterator> index;

std::string shape_key(const std::string& sql, const std::vector<Oid>& types, bool custom) {
    std::string key;
    key.reserve(sql.size() + types.size() * 6 + 4);
    key.append(custom ? "c:" : "g:");
    for (Oid t : types) key.append(std::to_string(t)).push_back(',');
    key.push_back('|');
    key.append(sql);
    return key;
}

}  // namespace

SPIPlanPtr cached_plan(const std::string& sql, const std::vector<Oid>& types, bool plan_per_call) {
    std::string key = shape_key(sql, types, plan_per_call);
    if (auto it = index.find(key); it != index.end()) {
        lru.splice(lru.begin(), lru, it->second);
        return it->second->plan;
    }

    const char* text = sql.c_str();
    Oid* argtypes = const_cast<Oid*>(types.data());
    const int nargs = static_cast<int>(types.size());
    // PARALLEL_OK as PL/pgSQL passes it: the statement always runs to
    // completion in one SPI call, so a parallel plan (a count, a search
    // that collects matches) may use workers.
    const int options = CURSOR_OPT_PARALLEL_OK | (plan_per_call ? CURSOR_OPT_CUSTOM_PLAN : 0);
    SPIPlanPtr plan = pg_call([=]() -> SPIPlanPtr {
        SPIPlanPtr p = SPI_prepare_cursor(text, nargs, argtypes, options);
        if (p == nullptr)
            elog(ERROR, "contacts_ext could not prepare its query: %s", SPI_result_code_string(SPI_result));
        if (SPI_keepplan(p) != 0) elog(ERROR, "SPI_keepplan failed");
        return p;
    });

    lru.push_front(Entry{key, plan});
    index.emplace(std::move(key), lru.begin());
    if (lru.size() > kMaxShapes) {
        SPIPlanPtr old = lru.back().plan;
        index.erase(lru.back().key);
        lru.pop_back();
        pg_call([=] { SPI_freeplan(old); });
    }
    return plan;
}

std::size_t cached_plan_count() { return lru.size(); }

}  // namespace contacts::pg
