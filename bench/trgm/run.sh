#!/usr/bin/env bash
# Text search benchmark: contacts_ext's contacts_trgm_ops vs pg_trgm's
# gin_trgm_ops, same cluster, same data, one run.
#
#   bench/trgm/run.sh [--scale N] [--runs R] [--cluster-dir DIR] [--out DIR]
#
# N generated contacts (default 3,000,000) in two identical tables, one per
# engine, with GIN indexes on first_name, last_name, street, city and country:
#   ours     contacts_trgm_ops (folded trigrams, exact int8 keys)
#   pg_trgm  gin_trgm_ops, plus gin_trgm_ops on f_unaccent(col) (the usual
#            IMMUTABLE wrapper around unaccent) for the accent-insensitive case
# Measured: build time and size of each index; median and p95 latency
# (server-side, planning included, R runs of each engine after a warm-up,
# the two engines alternating in one session; default 11) of
#   icontains   ours: col ~~*@ '%term%'      pg_trgm: col ILIKE '%term%'
#   unaccent    ours: col @~~ '%term%'       pg_trgm: f_unaccent(col) ILIKE f_unaccent('%term%')
# for 2-, 3-, 4- and 6-letter terms — per column and length the most common
# letter sequence of a sample, the one nearest 0.4% of the rows and the least
# common — each as count(*) of all matches and as ORDER BY id LIMIT 50.
# jit = off (as for OLTP); other settings are the cluster's.
# Writes bench/results/trgm-<timestamp>/{results.csv,report.md} (or --out DIR:
# test/integration/trgm_bench_smoke.sh runs it tiny). Takes about
# 10 minutes at 3M on 2 cores. Its database is dropped at the end, and a
# cluster it started (.cluster/bench) is stopped, also on an error or Ctrl-C.
source "$(dirname "$0")/../../scripts/lib.sh"

scale=3000000
runs=11
dir="" out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --cluster-dir) dir="$(cd "$2" && pwd)"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0"; exit 0 ;;
        *) die "unknown option $1" ;;
    esac
done
[[ "$scale" =~ ^[0-9]+$ ]] || die "--scale takes a whole number"
[[ "$runs" =~ ^[0-9]+$ ]] || die "--runs takes a whole number"

if [ -z "$dir" ]; then
    ensure_packages
    build_extension
    dir="$(cluster_dir bench)"
fi
db=trgmbench
# On any exit (the end, an error, Ctrl-C) the two 3M-row tables go and a
# server started here stops, as bench/run.sh does; a running --cluster-dir
# is left running.
started_here=false
cluster_running "$dir" || started_here=true
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if cluster_running "$dir"; then
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
        if $started_here; then cluster_stop "$dir" || true; fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cluster_start "$dir"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
export PGDATABASE=$db
export PGOPTIONS="-c client_min_messages=warning -c jit=off"
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

[ -n "$out" ] || out="$CONTACTS_ROOT/bench/results/trgm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

log "generating $scale contacts (two copies)"
sql -c "CREATE EXTENSION contacts_ext"
sql -v scale="$scale" -f "$CONTACTS_ROOT/bench/trgm/setup.sql"
sql -c "VACUUM ANALYZE tb_ours" -c "VACUUM ANALYZE tb_pg"

now() { date +%s.%N; }
echo "kind,engine,column,len,freq,shape,term,rows,median_ms,p95_ms,runs,build_s,size_bytes" > "$out/results.csv"

build() {  # build ENGINE COLUMN INDEX-NAME SQL
    sql -c "CHECKPOINT"
    local t0 t1 size
    t0="$(now)"
    sql -c "$4"
    t1="$(now)"
    size="$(psql -X -tAc "SELECT pg_relation_size('$3')")"
    local s; s="$(echo "$t1 - $t0" | bc -l | xargs printf '%.2f')"
    echo "build,$1,$2,,,,,,,,,$s,$size" >> "$out/results.csv"
    printf '%-8s %-11s build %7ss  %6s MB\n' "$1" "$2" "$s" "$((size / 1048576))"
}

for col in first_name last_name street city country; do
    log "indexes on $col"
    build ours "$col" "tb_ours_${col}_idx" "CREATE INDEX tb_ours_${col}_idx ON tb_ours USING gin ($col contacts_trgm_ops)"
    build pg_trgm "$col" "tb_pg_${col}_idx" "CREATE INDEX tb_pg_${col}_idx ON tb_pg USING gin ($col gin_trgm_ops)"
done
for col in last_name city; do
    build pg_trgm "unaccent($col)" "tb_pg_${col}_unaccent_idx" \
        "CREATE INDEX tb_pg_${col}_unaccent_idx ON tb_pg USING gin (f_unaccent($col) gin_trgm_ops)"
done
sql -c "ANALYZE tb_ours" -c "ANALYZE tb_pg"

log "latency ($runs runs per query)"
# One line per case: kind column len freq shape term, then each engine's
# query and its count(*) form.
sql -tA -F $'\t' -c "
WITH shapes(shape, pre, post) AS (VALUES
        ('all', 'SELECT count(*) FROM ', ''),
        ('top50', 'SELECT array_agg(id) FROM (SELECT id FROM ', ' ORDER BY id LIMIT 50) s')),
     preds AS (
        SELECT 'icontains' AS kind, t.col, t.len, t.kind AS freq, t.term,
               'tb_ours WHERE ' || quote_ident(t.col) || ' ~~*@ ' || quote_literal('%' || t.term || '%') AS p_ours,
               'tb_pg WHERE ' || quote_ident(t.col) || ' ILIKE ' || quote_literal('%' || t.term || '%') AS p_pg
          FROM bench_terms t
        UNION ALL
        SELECT 'unaccent', t.col, t.len, t.kind, t.term,
               'tb_ours WHERE ' || quote_ident(t.col) || ' @~~ ' || quote_literal('%' || t.term || '%'),
               'tb_pg WHERE f_unaccent(' || quote_ident(t.col) || ') ILIKE f_unaccent(' || quote_literal('%' || t.term || '%') || ')'
          FROM bench_terms t WHERE t.col IN ('last_name', 'city') AND t.len >= 4)
SELECT p.kind, p.col, p.len, p.freq, s.shape, p.term,
       s.pre || p.p_ours || s.post, 'SELECT count(*) FROM ' || p.p_ours,
       s.pre || p.p_pg || s.post, 'SELECT count(*) FROM ' || p.p_pg
  FROM preds p, shapes s ORDER BY 1, 2, 3, 4, 5" > "$out/cases.tsv"

while IFS=$'\t' read -r kind col len freq shape term q_ours c_ours q_pg c_pg; do
    # Both engines in one session, runs alternating (bench_pair in setup.sql).
    res="$(psql -X -tA -F ',' -v ON_ERROR_STOP=1 -v qa="$q_ours" -v qb="$q_pg" -v runs="$runs" <<'SQL'
WITH t AS (SELECT * FROM bench_pair(:'qa', :'qb', :runs, 20000))
SELECT round(percentile(a, 0.5)::numeric, 3), round(percentile(a, 0.95)::numeric, 3), cardinality(a),
       round(percentile(b, 0.5)::numeric, 3), round(percentile(b, 0.95)::numeric, 3), cardinality(b) FROM t;
SQL
)"
    IFS=',' read -r om op on pm pp pn <<< "$res"
    for engine in ours pg_trgm; do
        c="$c_ours"; r="$om,$op,$on"
        if [ "$engine" = pg_trgm ]; then c="$c_pg"; r="$pm,$pp,$pn"; fi
        rows="$(psql -X -tA -c "$c")"
        echo "$kind,$engine,$col,$len,$freq,$shape,$term,$rows,$r,," >> "$out/results.csv"
        printf '%-9s %-7s %-10s %d %-6s %-5s %-8s rows %-8s median,p95,runs %s\n' \
            "$kind" "$engine" "$col" "$len" "$freq" "$shape" "$term" "$rows" "$r"
    done
done < "$out/cases.tsv"
rm -f "$out/cases.tsv"

python3 "$CONTACTS_ROOT/bench/trgm/report.py" "$out" "$scale" "$runs"
log "results in ${out#"$CONTACTS_ROOT"/}"
