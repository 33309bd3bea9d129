#!/usr/bin/env bash
# Seeding benchmark: contacts_seed vs plain SQL vs COPY, one run, same cluster.
#
#   bench/seed/run.sh [--scale N] [--cluster-dir DIR]
#
# For N contacts (default 3,000,000), each method loads the same kind of rows
# and ends with the extension's default keys and indexes:
#   contacts_seed   SELECT contacts_seed(N) into the extension's (empty) tables
#                   (it rebuilds their indexes itself)
#   copy            COPY FROM server-side CSV files holding exactly the rows
#                   contacts_generate(N) yields, into bare tables, then keys and
#                   indexes (bench/seed/default_indexes.sql)
#   insert_select   INSERT ... SELECT over generate_series producing equivalent
#                   random rows (bench/seed/plain_insert.sql), then the same
# A CHECKPOINT runs before each method so none pays for another's dirty pages.
# Writes bench/results/seed-<timestamp>/{results.csv,report.md}.
source "$(dirname "$0")/../../scripts/lib.sh"

scale=3000000
dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --cluster-dir) dir="$(cd "$2" && pwd)"; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) die "unknown option $1" ;;
    esac
done
[[ "$scale" =~ ^[0-9]+$ ]] || die "--scale takes a whole number"

if [ -z "$dir" ]; then
    ensure_packages
    build_extension
    dir="$(cluster_dir bench)"
fi
cluster_start "$dir"
db=seedbench
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
export PGDATABASE=$db
export PGOPTIONS="-c client_min_messages=warning"
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
sql -c "CREATE EXTENSION contacts_ext"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }

out="$CONTACTS_ROOT/bench/results/seed-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "method,load_s,indexes_s,total_s,contacts" > "$out/results.csv"

# The CSV files: exactly what contacts_generate yields (not timed).
csv="$dir/csv"
run_as_cluster_user mkdir -p "$csv"
log "writing CSV files for COPY ($scale contacts)"
sql -c "SET TimeZone = 'UTC'" \
    -c "COPY (SELECT id, street, street_number, city_code, city, country FROM contacts_generate($scale)
              WHERE address_id IS NOT NULL) TO '$csv/address.csv' (FORMAT csv)" \
    -c "COPY (SELECT id, first_name, last_name, gender, customer_id, phone_number, birthday, created,
                     last_updated, address_id FROM contacts_generate($scale)) TO '$csv/app_user.csv' (FORMAT csv)" \
    -c "COPY (SELECT id, id, points, relationship_created, last_activity FROM contacts_generate($scale)
              WHERE relationship_id IS NOT NULL) TO '$csv/customer_relationship.csv' (FORMAT csv)"

index_count() {  # index_count SCHEMA: indexes on the three tables in SCHEMA
    sql -tAc "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
              WHERE c.relnamespace = '$1'::regnamespace
                AND c.relname IN ('address', 'app_user', 'customer_relationship')"
}
same_indexes() {  # same_indexes SCHEMA: the load finished with the extension's index set
    local want got
    want="$(index_count "$(sql -tAc "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'contacts_ext'")")"
    got="$(index_count "$1")"
    [ "$want" = "$got" ] || die "$1 has $got indexes, the extension's tables $want"
}

record() {  # record METHOD LOAD INDEXES
    local total; total="$(echo "$2 + $3" | bc -l | xargs printf '%.2f')"
    echo "$1,$2,$3,$total,$scale" >> "$out/results.csv"
    printf '%-15s load %7ss  indexes %7ss  total %7ss\n' "$1" "$2" "$3" "$total"
}

log "contacts_seed($scale)"
sql -c "CHECKPOINT"
t0="$(now)"
sql -c "SET client_min_messages = warning" -c "SELECT contacts_seed($scale)" >/dev/null
t1="$(now)"
record contacts_seed "$(elapsed "$t0" "$t1")" 0

log "COPY FROM csv + default indexes"
sql -v schema=bench_copy -f "$CONTACTS_ROOT/bench/seed/bare_tables.sql"
sql -c "CHECKPOINT"
t0="$(now)"
sql -c "SET TimeZone = 'UTC'" \
    -c "COPY bench_copy.address FROM '$csv/address.csv' (FORMAT csv)" \
    -c "COPY bench_copy.app_user FROM '$csv/app_user.csv' (FORMAT csv)" \
    -c "COPY bench_copy.customer_relationship FROM '$csv/customer_relationship.csv' (FORMAT csv)"
t1="$(now)"
sql -v schema=bench_copy -f "$CONTACTS_ROOT/bench/seed/default_indexes.sql" >/dev/null
t2="$(now)"
same_indexes bench_copy
record copy "$(elapsed "$t0" "$t1")" "$(elapsed "$t1" "$t2")"
sql -c "DROP SCHEMA bench_copy CASCADE"

log "INSERT ... SELECT generate_series + default indexes"
sql -v schema=bench_plain -f "$CONTACTS_ROOT/bench/seed/bare_tables.sql"
sql -c "CHECKPOINT"
t0="$(now)"
sql -v n="$scale" -f "$CONTACTS_ROOT/bench/seed/plain_insert.sql"
t1="$(now)"
sql -v schema=bench_plain -f "$CONTACTS_ROOT/bench/seed/default_indexes.sql" >/dev/null
t2="$(now)"
same_indexes bench_plain
record insert_select "$(elapsed "$t0" "$t1")" "$(elapsed "$t1" "$t2")"
sql -c "DROP SCHEMA bench_plain CASCADE"

run_as_cluster_user rm -rf "$csv"
python3 - "$out" <<'PY'
import csv, sys, platform, os, datetime
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/results.csv")))
seed = next(r for r in rows if r["method"] == "contacts_seed")
lines = [
    f"# Seeding benchmark, {rows[0]['contacts']} contacts",
    "",
    f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.platform()}, one run, same cluster.",
    "",
    "| method | load (s) | keys + indexes (s) | total (s) | contacts_seed ÷ method |",
    "|---|---:|---:|---:|---:|",
]
for r in rows:
    ratio = float(seed["total_s"]) / float(r["total_s"])
    lines.append(f"| {r['method']} | {r['load_s']} | {r['indexes_s']} | {r['total_s']} | {ratio:.2f} |")
lines += ["", "contacts_seed's figure includes rebuilding the extension's indexes (it loads into empty tables, then",
          "rebuilds them once); the others load bare tables, then add the same keys and indexes.",
          "Command: `bench/seed/run.sh --scale " + rows[0]["contacts"] + "`"]
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
log "results in ${out#$CONTACTS_ROOT/}"
