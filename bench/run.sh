#!/usr/bin/env bash
# The benchmark: contacts_list against plain SQL, every scenario, one command.
#
#   bench/run.sh [--scale N] [--duration SECS] [--clients 1,16,50] [--max-minutes M]
#                [--cluster-dir DIR | --reuse-cluster DIR] [--out DIR] [--smoke]
#                [--strategies ext,best,trgm,btree,naive] [--scenarios REGEX]
#                [--seed S] [--statement-timeout SECS] [--keep-db] [--no-build] [--pin]
#
# Seeds N contacts once (contacts_seed, default 200,000; --scale 3000000 for the
# headline run) in a database "contacts_bench" on a throwaway cluster
# (.cluster/bench, started and stopped here; or an existing one with
# --cluster-dir), copies them into schema bench_plain for the plain-SQL
# strategies, and measures five strategies on the same rows:
#   1 naive   the SQL an ORM paginator sends: COUNT(*) + OFFSET, ILIKE; keys only
#   2 btree   the same SQL + the btree indexes a careful team adds
#   3 trgm    the same SQL + pg_trgm GIN indexes
#   4 best    the best hand-written SQL (keyset pages, ...) on 3's indexes
#   5 ext     contacts_list / contacts_count with the extension's own indexes
# over the scenarios in bench/scenarios/scenarios.tsv (pgbench scripts in
# bench/scenarios/<scenario>/{orm,best,ext}.sql), each with pgbench -M prepared
# for --duration seconds at 1 client, the list/filter/search scenarios also at
# every --clients count, and the floors (SELECT 1, a 50-row primary-key join).
# Order: index builds; floors; 4 and 5 scenario by scenario back to back (the headline ratio
# is measured under the same machine conditions); then 3, 2, 1 (index sets are
# built once, then dropped as it goes). bench/strategies/ holds their SQL.
#
# Writes bench/results/<UTC timestamp>/ (or --out): report.md, results.csv,
# results.json, latency.png, ratio.png, tps.png, explain/<strategy>/<scenario>.txt,
# and raw/ (pgbench logs and output, git-ignored).
#
# --max-minutes bounds the whole run (default 30; 0 = no bound): runs that would
# not fit are skipped and reported as such. Ctrl-C stops cleanly: the report is
# written from what was measured and a server started here is stopped.
# --pin: run the server from a private copy of the PostgreSQL tree taken after
# the build (bin, lib with contacts_ext.so, share with its SQL), so a `make
# install` elsewhere during a long run (the machine is shared) cannot change
# the code being measured: every pgbench slice opens a new session, which
# loads the library again. Needs a cluster this run starts.
# --smoke: 5,000 contacts, 1 s per run, 1 client (what scripts/test.sh runs);
# its results go to a temporary directory unless --out is given.
# A scenario that fails (an ERROR) is recorded as an error; the run goes on.
source "$(dirname "$0")/../scripts/lib.sh"
BENCH="$CONTACTS_ROOT/bench"
ORIG_ARGS=("$@")

scale=200000 seed=0 duration=2 clients="1,16,50" max_minutes=30 statement_timeout=60
strategies="ext,best,trgm,btree,naive" only="" dir="" out="" keep_db=false build=true smoke=false pin=false
explicit=" "
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale="$2"; explicit+="scale "; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --duration) duration="$2"; explicit+="duration "; shift 2 ;;
        --clients) clients="$2"; explicit+="clients "; shift 2 ;;
        --max-minutes) max_minutes="$2"; explicit+="max_minutes "; shift 2 ;;
        --statement-timeout) statement_timeout="$2"; shift 2 ;;
        --strategies) strategies="$2"; shift 2 ;;
        --scenarios) only="$2"; shift 2 ;;
        --cluster-dir|--reuse-cluster) dir="$(cd "$2" && pwd)"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --keep-db) keep_db=true; shift ;;
        --no-build) build=false; shift ;;
        --pin) pin=true; shift ;;
        --smoke) smoke=true; shift ;;
        -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
if $smoke; then
    [[ "$explicit" == *" scale "* ]] || scale=5000
    [[ "$explicit" == *" duration "* ]] || duration=1
    [[ "$explicit" == *" clients "* ]] || clients=1
    [[ "$explicit" == *" max_minutes "* ]] || max_minutes=15
fi
[[ "$scale" =~ ^[0-9]+$ && "$scale" -ge 1000 ]] || die "--scale takes a whole number >= 1000"
[[ "$seed" =~ ^-?[0-9]+$ ]] || die "--seed takes a whole number"
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 ]] || die "--duration takes whole seconds >= 1"
[[ "$max_minutes" =~ ^[0-9]+$ ]] || die "--max-minutes takes a whole number"
[[ "$statement_timeout" =~ ^[0-9]+$ ]] || die "--statement-timeout takes whole seconds"
[[ "$clients" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--clients takes a comma-separated list of numbers"
IFS=, read -r -a client_list <<<"$clients"
[[ ",$clients," == *",1,"* ]] || client_list=(1 "${client_list[@]}")  # the latency table needs 1 client
IFS=, read -r -a strategy_list <<<"$strategies"
for s in "${strategy_list[@]}"; do
    [[ " ext best trgm btree naive " == *" $s "* ]] || die "unknown strategy $s (ext, best, trgm, btree, naive)"
done
wants() { [[ ",$strategies," == *",$1,"* ]]; }
command -v pgbench >/dev/null || export PATH="$PG_BIN:$PATH"

# python3 with matplotlib (Debian's python3-matplotlib lives in /usr/bin/python3's path).
PY=python3
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import matplotlib' 2>/dev/null; then PY="$p"; break; fi
done

# --- cluster ----------------------------------------------------------------------------
if [ -z "$dir" ]; then
    if $build; then ensure_packages; build_extension; fi
    dir="$(cluster_dir bench)"
fi
started_here=false
cluster_running "$dir" || started_here=true
pinned=""
if $pin; then
    $started_here || die "--pin needs a cluster this run starts ($dir is running)"
    pinned="$(mktemp -d "${TMPDIR:-/tmp}/contacts_ext-pin.XXXXXX")"
    # PostgreSQL finds share/ and lib/ relative to its binary: keep the layout.
    mkdir -p "$pinned/lib/postgresql" "$pinned/share/postgresql"
    cp -a "$("$PG_CONFIG" --bindir)/.." "$pinned/lib/postgresql/15"
    cp -a "$("$PG_CONFIG" --sharedir)" "$pinned/share/postgresql/15"
    chmod 755 "$pinned"
    PG_BIN="$pinned/lib/postgresql/15/bin"; PG_CONFIG="$PG_BIN/pg_config"; export PG_CONFIG
    log "pinned: the server runs from $pinned (contacts_ext.so $(md5sum "$pinned/lib/postgresql/15/lib/contacts_ext.so" | cut -c1-12))"
fi
DB=contacts_bench
child=""
pg_settings="" pg_version=""
interrupted=false
finished=false
if [ -z "$out" ]; then  # smoke runs are not results to keep
    if $smoke; then out="${TMPDIR:-/tmp}/contacts_ext-bench-smoke-$(date -u +%Y%m%dT%H%M%SZ)"
    else out="$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)"; fi
fi
mkdir -p "$out/raw/logs" "$out/raw/out" "$out/raw/ids" "$out/explain"
out="$(cd "$out" && pwd)"
raw="$out/raw"

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$child" ]; then kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
    if ! $finished && [ -f "$raw/runs.tsv" ]; then
        $interrupted && log "interrupted: writing the report from what was measured"
        finish_report || true
    fi
    if cluster_running "$dir" 2>/dev/null; then
        if ! $keep_db; then
            psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true
        fi
        if $started_here; then cluster_stop "$dir" || true; fi
    fi
    if [ -n "$pinned" ]; then rm -rf "$pinned"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'interrupted=true; exit 130' INT TERM

cluster_start "$dir"
export PGDATABASE=$DB
export PGOPTIONS="-c client_min_messages=warning"
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

T0=$(date +%s)
now() { date +%s.%N; }
elapsed_since() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }
hms() { printf '%02d:%02d:%02d' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }
budget_left() {  # seconds left in --max-minutes (a large number when unbounded)
    if [ "$max_minutes" -eq 0 ]; then echo 999999; else echo $((max_minutes * 60 - ($(date +%s) - T0))); fi
}
setup_step() {  # setup_step NAME COMMAND...: run and time a setup step
    local name="$1"; shift
    log "$name"
    local t; t=$(now)
    "$@"
    printf '%s\t%s\n' "$name" "$(elapsed_since "$t")" >> "$raw/setup.tsv"
}

# --- meta -------------------------------------------------------------------------------
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
machine+=", $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)"
machine+=", $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
machine+=", shared with other work (load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
cmdline="bench/run.sh"; for a in "${ORIG_ARGS[@]}"; do cmdline+=" $a"; done
# The code measured: the checkout's commit when the run started (plus a note
# when its tracked files had changes; without --pin, a later install changes it).
code="$(git -C "$CONTACTS_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$CONTACTS_ROOT" diff --quiet HEAD -- 2>/dev/null || code+=" with uncommitted changes"
$pin && code+=", pinned"

# --- setup: one data set for every strategy ---------------------------------------------
: > "$raw/setup.tsv"
printf 'strategy\tscenario\tgroup\tclients\tduration\tstatus\trc\thas_pick\tlog_prefix\tstdout\tstderr\n' > "$raw/runs.tsv"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
sql -c "CREATE EXTENSION contacts_ext" -c "CREATE EXTENSION pg_trgm" -c "CREATE EXTENSION unaccent" \
    -c "CREATE EXTENSION pg_prewarm"
setup_step "contacts_seed($scale) + VACUUM ANALYZE" \
    sql -c "SELECT contacts_seed($scale, $seed)" -c "VACUUM ANALYZE" -o /dev/null
setup_step "copy into bench_plain + keys (strategy 1's indexes)" sql -f "$BENCH/strategies/00_plain_tables.sql"
setup_step "picks (values, page keys and cursors)" sql -v picks=100 -f "$BENCH/scenarios/picks.sql" -o /dev/null
pg_settings="$(psql -X -tAq -c "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name)
    FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather',
                                    'random_page_cost', 'effective_cache_size')")"
pg_version="$(psql -X -tAq -c "SHOW server_version")"
prewarm() {
    sql -o /dev/null -c "SELECT pg_prewarm(c.oid) FROM pg_class c
        WHERE c.relnamespace IN ('public'::regnamespace, 'bench_plain'::regnamespace, 'bench_keys'::regnamespace)
          AND c.relkind IN ('r', 'i')" -c "CHECKPOINT"
}
prewarm

# --- the runs -----------------------------------------------------------------------------
declare -a SC_NAME SC_GROUP SC_LOAD
while IFS=$'\t' read -r name group load _title; do
    [[ "$name" == \#* || -z "$name" ]] && continue
    if [ -n "$only" ] && [ "$group" != floor ] && ! [[ "$name" =~ $only ]]; then continue; fi
    SC_NAME+=("$name"); SC_GROUP+=("$group"); SC_LOAD+=("$load")
done < "$BENCH/scenarios/scenarios.tsv"

total=0
for i in "${!SC_NAME[@]}"; do
    if [ "${SC_GROUP[$i]}" = floor ]; then total=$((total + ${#client_list[@]})); continue; fi
    per=1; [ "${SC_LOAD[$i]}" = load ] && per=${#client_list[@]}
    total=$((total + per * ${#strategy_list[@]}))
done
done_runs=0
run_seconds=0

progress() {  # progress STRATEGY SCENARIO CLIENTS: one line per measured run, with elapsed time and ETA
    done_runs=$((done_runs + 1))
    local el=$(( $(date +%s) - T0 ))
    local avg=$(( done_runs > 1 ? run_seconds / (done_runs - 1) : duration + 2 ))
    local eta=$(( (total - done_runs + 1) * avg ))
    printf '[%3d/%d] %s elapsed, ETA %s | %-6s %-22s %2d client%s\n' "$done_runs" "$total" "$(hms "$el")" \
        "$(hms "$eta")" "$1" "$2" "$3" "$([ "$3" = 1 ] && echo " " || echo s)" >&2
}

# pgbench_slice ID CLIENTS SCRIPT SECONDS: one pgbench run; its per-transaction
# logs go to raw/logs/ID.<pid>, its output is appended to raw/out/ID.{out,err}
# (a run measured in slices has one block per slice). Returns pgbench's status.
pgbench_slice() {
    local id="$1" c="$2" script="$3" secs="$4"
    local j=2; [ "$c" -lt 2 ] && j=1
    local rc=0
    PGOPTIONS="-c client_min_messages=warning -c statement_timeout=${statement_timeout}s -c contacts_ext.list_timeout=${statement_timeout}s" \
        pgbench -n -M prepared -c "$c" -j "$j" -T "$secs" -D contacts="$scale" \
        --log --log-prefix="$raw/logs/$id" -f "$script" >>"$raw/out/$id.out" 2>>"$raw/out/$id.err" &
    child=$!
    wait "$child" || rc=$?
    child=""
    return "$rc"
}

# record_run STRATEGY SCENARIO GROUP CLIENTS SCRIPT VARIANT RC: runs.tsv, and for
# one client the scenario's EXPLAIN (and the ids of its first page).
record_run() {
    local st="$1" sc="$2" group="$3" c="$4" script="$5" variant="$6" rc="$7"
    local id="$st.$sc.c$c"
    local has_pick=0; grep -q 'bench_keys.pick' "$script" && has_pick=1
    local status=ok; [ "$rc" -ne 0 ] && status=error
    if [ "$status" = error ]; then
        printf '        error: %s\n' "$(grep -m1 -o 'ERROR:.*' "$raw/out/$id.err" | cut -c1-150 || tail -1 "$raw/out/$id.err")" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$st" "$sc" "$group" "$c" "$duration" "$status" "$rc" \
        "$has_pick" "logs/$id" "out/$id.out" "out/$id.err" >> "$raw/runs.tsv"
    if [ "$c" = 1 ]; then
        PGOPTIONS="-c client_min_messages=warning -c statement_timeout=${statement_timeout}s" \
            "$PY" "$BENCH/report.py" explain "$script" "$variant" "$out/explain/$st/$sc.txt" "$raw/ids/$st/$sc.txt" \
            -v contacts="$scale" || true
    fi
}

record_skipped() {  # record_skipped STRATEGY SCENARIO GROUP CLIENTS SCRIPT
    local has_pick=0; grep -q 'bench_keys.pick' "$5" && has_pick=1
    printf '%s\t%s\t%s\t%s\t%s\tskipped\t\t%s\t\t\t\n' "$1" "$2" "$3" "$4" 0 "$has_pick" >> "$raw/runs.tsv"
}

# run_one STRATEGY SCENARIO GROUP CLIENTS SCRIPT VARIANT: one pgbench run of --duration seconds
run_one() {
    local st="$1" sc="$2" group="$3" c="$4" script="$5" variant="$6"
    progress "$st" "$sc" "$c"
    if $interrupted || [ "$(budget_left)" -lt "$duration" ]; then
        record_skipped "$st" "$sc" "$group" "$c" "$script"; return 0
    fi
    local t; t=$(date +%s)
    local rc=0
    pgbench_slice "$st.$sc.c$c" "$c" "$script" "$duration" || rc=$?
    record_run "$st" "$sc" "$group" "$c" "$script" "$variant" "$rc"
    run_seconds=$((run_seconds + $(date +%s) - t))
}

# run_pair_interleaved SCENARIO GROUP A:VARIANT B:VARIANT: the headline pair at
# one client, measured in 2-second slices that alternate A B, B A, A B, ...
# (each strategy gets --duration seconds in all). Run back to back as whole
# runs, a change in the shared machine's load between the two (the 3M run of
# 2026-11-22 went from load 0 to 10) fell on one strategy only and moved
# sub-millisecond ratios by up to 2x; sliced, it falls on both.
run_pair_interleaved() {
    local sc="$1" group="$2" a="$3" b="$4"
    local sa="${a%%:*}" sb="${b%%:*}" va="${a#*:}" vb="${b#*:}"
    local script_a="$BENCH/scenarios/$sc/$va.sql" script_b="$BENCH/scenarios/$sc/$vb.sql"
    progress "$sa+$sb" "$sc" 1; done_runs=$((done_runs + 1))
    if $interrupted || [ "$(budget_left)" -lt $((2 * duration)) ]; then
        record_skipped "$sa" "$sc" "$group" 1 "$script_a"; record_skipped "$sb" "$sc" "$group" 1 "$script_b"
        return 0
    fi
    local t; t=$(date +%s)
    local slices=$(( duration >= 4 ? duration / 2 : 1 ))
    local k who rc_a=0 rc_b=0 first second
    for ((k = 0; k < slices; k++)); do
        local secs=$(( duration / slices + (k < duration % slices ? 1 : 0) ))
        if [ $((k % 2)) = 0 ]; then first=a; second=b; else first=b; second=a; fi
        for who in "$first" "$second"; do
            if [ "$who" = a ]; then pgbench_slice "$sa.$sc.c1" 1 "$script_a" "$secs" || rc_a=$?
            else pgbench_slice "$sb.$sc.c1" 1 "$script_b" "$secs" || rc_b=$?; fi
        done
    done
    record_run "$sa" "$sc" "$group" 1 "$script_a" "$va" "$rc_a"
    record_run "$sb" "$sc" "$group" 1 "$script_b" "$vb" "$rc_b"
    run_seconds=$((run_seconds + $(date +%s) - t))
}

run_strategies() {  # run_strategies STRATEGY:VARIANT...: every scenario, the strategies back to back
    local i c k pairs=("$@")
    for i in "${!SC_NAME[@]}"; do
        [ "${SC_GROUP[$i]}" = floor ] && continue
        for c in "${client_list[@]}"; do
            [ "$c" != 1 ] && [ "${SC_LOAD[$i]}" != load ] && continue
            # Alternate which goes first, so neither always follows the other.
            local order=("${pairs[@]}")
            if [ $((i % 2)) = 1 ] && [ "${#pairs[@]}" = 2 ]; then order=("${pairs[1]}" "${pairs[0]}"); fi
            if [ "$c" = 1 ] && [ "${#pairs[@]}" = 2 ]; then
                run_pair_interleaved "${SC_NAME[$i]}" "${SC_GROUP[$i]}" "${order[@]}"
                continue
            fi
            for k in "${order[@]}"; do
                run_one "${k%%:*}" "${SC_NAME[$i]}" "${SC_GROUP[$i]}" "$c" \
                    "$BENCH/scenarios/${SC_NAME[$i]}/${k#*:}.sql" "${k#*:}"
            done
        done
    done
}

finish_report() {
    local el=$(( $(date +%s) - T0 ))
    "$PY" - "$raw/meta.json" <<PY
import json, sys
machine = """$machine""" + ", load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
json.dump(dict(scale=$scale, seed=$seed, duration=$duration, clients=[int(c) for c in "${client_list[*]}".split()],
               command="""$cmdline""", code="""$code""", date="$(date -u '+%Y-%m-%d %H:%M UTC')",
               machine=machine, pg_version="""$pg_version""", settings="""$pg_settings""",
               elapsed="$(hms "$el")", interrupted=$($interrupted && echo True || echo False),
               manifest="$BENCH/scenarios/scenarios.tsv"), open(sys.argv[1], "w"), indent=1)
PY
    "$PY" "$BENCH/report.py" report "$out"
}

sql -f "$BENCH/strategies/50_contacts_list.sql"
if wants best || wants trgm || wants btree; then
    setup_step "btree indexes (strategy 2)" sql -f "$BENCH/strategies/20_btree.sql"
fi
if wants best || wants trgm; then
    setup_step "pg_trgm GIN indexes (strategy 3)" sql -f "$BENCH/strategies/30_trgm.sql"
    prewarm
fi
log "floors: SELECT 1, the pick lookup, a 50-row primary-key join (clients: ${client_list[*]})"
for i in "${!SC_NAME[@]}"; do
    [ "${SC_GROUP[$i]}" = floor ] || continue
    for c in "${client_list[@]}"; do
        run_one floor "${SC_NAME[$i]}" floor "$c" "$BENCH/scenarios/${SC_NAME[$i]}/floor.sql" floor
    done
done

# The headline pair, hand-written SQL and contacts_list, scenario by scenario back
# to back: on a shared machine their ratio should not depend on when each ran.
headline=()
wants best && headline+=(best:best)
wants ext && headline+=(ext:ext)
if [ "${#headline[@]}" -gt 0 ]; then
    log "strategies 4 and 5: hand-written SQL (on strategy 3's indexes) and contacts_list (its own)"
    run_strategies "${headline[@]}"
fi
if wants trgm; then log "strategy 3: ORM SQL + btree + pg_trgm"; run_strategies trgm:orm; fi
sql -f "$BENCH/strategies/30_trgm_drop.sql"
if wants btree; then log "strategy 2: ORM SQL + btree"; run_strategies btree:orm; fi
if wants naive; then
    sql -f "$BENCH/strategies/10_naive.sql"
    log "strategy 1: naive ORM SQL, keys only"
    run_strategies naive:orm
fi

finish_report
finished=true
log "done in $(hms $(( $(date +%s) - T0 ))): ${out#$CONTACTS_ROOT/}/report.md"
