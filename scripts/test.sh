#!/usr/bin/env bash
# The second command: run every test, end with "N passed, N failed".
#
#   scripts/test.sh [--quick]
#
# 1. unit      GoogleTest suites of the PostgreSQL-free core (ctest)
# 2. fuzz      each libFuzzer target (ASan+UBSan) for FUZZ_SECONDS (default 30)
#              from its seed corpus in test/fuzz/corpus/
# 3. regress   pg_regress over sql/ via `make installcheck`, on a fresh
#              throwaway cluster in .cluster/test
# 4. integration  every test/integration/*.sh against that cluster, including
#              bench_smoke.sh: bench/run.sh --smoke, so the benchmark cannot rot
#              and trgm_bench_smoke.sh: bench/trgm/run.sh at 20,000 contacts
#
# Installs what is missing first, like scripts/demo.sh. --quick shortens the
# fuzz smoke to 5 s per target. The cluster is stopped on exit, even on Ctrl-C.
source "$(dirname "$0")/lib.sh"

FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
[ "${1:-}" = "--quick" ] && FUZZ_SECONDS=5

passed=0
failed=0
failures=()
record() {  # record NAME PASSED FAILED
    passed=$((passed + $2)); failed=$((failed + $3))
    [ "$3" -gt 0 ] && failures+=("$1")
    return 0
}

ensure_packages
build_extension
cd "$CONTACTS_ROOT"
mkdir -p build

# --- 1. unit tests ------------------------------------------------------------
log "unit tests (ctest)"
cmake -S . -B build/unit -DCMAKE_BUILD_TYPE=RelWithDebInfo >build/unit-configure.log 2>&1 \
    || { cat build/unit-configure.log; die "cmake configure failed"; }
cmake --build build/unit -j"$(nproc)" >build/unit-build.log 2>&1 || { tail -50 build/unit-build.log; die "unit test build failed"; }
ctest_out="$(ctest --test-dir build/unit --output-on-failure 2>&1 || true)"
echo "$ctest_out" | grep -E "tests passed|tests failed|\*\*\*Failed|Failed  " || true
if [[ "$ctest_out" =~ ([0-9]+)%\ tests\ passed,\ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    total="${BASH_REMATCH[3]}"; nfail="${BASH_REMATCH[2]}"
    record unit $((total - nfail)) "$nfail"
else
    echo "$ctest_out" | tail -20; record unit 0 1
fi

# --- 2. fuzz smoke ---------------------------------------------------------------
log "fuzz smoke (${FUZZ_SECONDS}s per target, clang libFuzzer + ASan/UBSan)"
CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >build/fuzz-configure.log 2>&1 \
    || { cat build/fuzz-configure.log; die "cmake configure (clang) failed"; }
cmake --build build/fuzz -j"$(nproc)" >build/fuzz-build.log 2>&1 || { tail -50 build/fuzz-build.log; die "fuzz build failed"; }
for target in build/fuzz/fuzz_*; do
    [ -x "$target" ] || continue
    name="${target##*/fuzz_}"
    work="build/fuzz/corpus-$name"; rm -rf "$work"; mkdir -p "$work"
    [ -d "test/fuzz/corpus/$name" ] && cp -r "test/fuzz/corpus/$name/." "$work/"
    if "$target" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 "$work" >"build/fuzz-$name.log" 2>&1; then
        echo "fuzz $name: ok ($(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "build/fuzz-$name.log" | grep -Eo '[0-9]+$') runs)"
        record "fuzz $name" 1 0
    else
        echo "fuzz $name: FAILED"; tail -40 "build/fuzz-$name.log"; record "fuzz $name" 0 1
    fi
done

# --- 3 and 4 need a server --------------------------------------------------------
dir="$(cluster_dir test)"
cluster_stop "$dir" || true
rm -rf "$dir"
cluster_start "$dir"
trap 'cluster_stop "$dir"' EXIT

log "pg_regress (make installcheck)"
regress_out="$(make -s installcheck PG_CONFIG="$PG_CONFIG" 2>&1 || true)"
echo "$regress_out" | grep -E "^(test|ok|not ok|     ) |tests (passed|failed)|^#" | tail -60 || true
if [[ "$regress_out" =~ All\ ([0-9]+)\ tests\ passed ]]; then
    record regress "${BASH_REMATCH[1]}" 0
elif [[ "$regress_out" =~ ([0-9]+)\ of\ ([0-9]+)\ tests\ failed ]]; then
    record regress $((BASH_REMATCH[2] - BASH_REMATCH[1])) "${BASH_REMATCH[1]}"
    [ -f regression.diffs ] && head -100 regression.diffs
else
    echo "$regress_out" | tail -30; record regress 0 1
fi

log "integration tests"
for t in test/integration/*.sh; do
    [ -f "$t" ] || continue
    name="$(basename "$t" .sh)"
    [ "$name" = lib ] && continue  # shared helpers, not a test
    if CONTACTS_CLUSTER_DIR="$dir" bash "$t" >"build/integration-$name.log" 2>&1; then
        echo "integration $name: ok"; record "integration $name" 1 0
    else
        echo "integration $name: FAILED"; tail -30 "build/integration-$name.log"; record "integration $name" 0 1
    fi
done

echo
[ "${#failures[@]}" -gt 0 ] && echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
