// Microbenchmarks of the core's per-call work (Google Benchmark): what one
// contacts_list call costs before and after PostgreSQL runs its query.
//
//   cmake -S . -B build -DCONTACTS_MICROBENCH=ON && cmake --build build -j2 --target core_bench
//   build/core_bench
//
// Absolute times depend on the machine; compare runs on the same machine.
#include <benchmark/benchmark.h>

#include "core/cursor.hpp"
#include "core/query_builder.hpp"
#include "core/sort.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core = contacts::core;

namespace {

core::BuildOptions options() {
    core::BuildOptions o;
    o.schema_sql = "public";
    return o;
}

void BM_BuildInitialList(benchmark::State& state) {
    const core::BuildOptions o = options();
    const std::vector<std::string> sort;
    const std::optional<std::string> cursor;
    for (auto _ : state) benchmark::DoNotOptimize(core::build_list_query("{}", sort, cursor, 50, o));
}
BENCHMARK(BM_BuildInitialList);

void BM_BuildFilterSortCursor(benchmark::State& state) {
    const core::BuildOptions o = options();
    const std::vector<std::string> sort{"-points", "last_name"};
    const core::SortSpec spec = core::parse_sort(sort);
    const std::optional<std::string> cursor = core::encode_cursor(
        spec, {core::CursorValue::of("1200"), core::CursorValue::of("Meyer"), core::CursorValue::of("123456")});
    const std::string filter = R"({"city__icontains": "berg", "points__gte": 1000, "gender": "f"})";
    for (auto _ : state) benchmark::DoNotOptimize(core::build_list_query(filter, sort, cursor, 50, o));
}
BENCHMARK(BM_BuildFilterSortCursor);

// One cursor on its own (encode_cursor: sets up an encoder each time), for
// the default sort (id) and a three-key sort.
void BM_EncodeCursorId(benchmark::State& state) {
    const core::SortSpec spec = core::parse_sort({});
    const std::vector<core::CursorValue> values{core::CursorValue::of("2999999")};
    for (auto _ : state) benchmark::DoNotOptimize(core::encode_cursor(spec, values));
}
BENCHMARK(BM_EncodeCursorId);

void BM_EncodeCursorThreeKeys(benchmark::State& state) {
    const core::SortSpec spec = core::parse_sort({"-points", "last_name"});
    const std::vector<core::CursorValue> values{core::CursorValue::of("1200"), core::CursorValue::of("Meyer"),
                                                core::CursorValue::of("2999999")};
    for (auto _ : state) benchmark::DoNotOptimize(core::encode_cursor(spec, values));
}
BENCHMARK(BM_EncodeCursorThreeKeys);

// What contacts_list pays per row: one encoder per call, reused for each row.
void BM_CursorEncoderRowId(benchmark::State& state) {
    const core::SortSpec spec = core::parse_sort({});
    core::CursorEncoder encoder(spec);
    int64_t id = 2999999;
    for (auto _ : state) {
        encoder.begin();
        encoder.add_int(++id);
        benchmark::DoNotOptimize(encoder.finish());
    }
}
BENCHMARK(BM_CursorEncoderRowId);

void BM_CursorEncoderRowThreeKeys(benchmark::State& state) {
    const core::SortSpec spec = core::parse_sort({"-points", "last_name"});
    core::CursorEncoder encoder(spec);
    int64_t id = 2999999;
    for (auto _ : state) {
        encoder.begin();
        encoder.add_int(1200);
        encoder.add_text("Meyer");
        encoder.add_int(++id);
        benchmark::DoNotOptimize(encoder.finish());
    }
}
BENCHMARK(BM_CursorEncoderRowThreeKeys);

}  // namespace

BENCHMARK_MAIN();
