#!/usr/bin/env bash
# The first command: set everything up and run the main job.
#
#   scripts/demo.sh [--scale N] [--seed S] [--stop]
#
# Installs what is missing (Debian packages), builds and installs the
# extension, starts a throwaway cluster in .cluster/demo, creates the
# extension, seeds N contacts (100,000 by default; --scale 3000000 for the
# full-size data set), and shows what the extension does. The cluster keeps
# running afterwards so you can explore it (scripts/cluster.sh psql); --stop
# stops it at the end.
source "$(dirname "$0")/lib.sh"

scale=100000
seed=0
stop_after=false
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --seed)  seed="$2"; shift 2 ;;
        --stop)  stop_after=true; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$scale" =~ ^[0-9]+$ ]] || die "--scale takes a whole number"
[[ "$seed" =~ ^-?[0-9]+$ ]] || die "--seed takes a whole number"

ensure_packages
build_extension
dir="$(cluster_dir demo)"
cluster_start "$dir"
$stop_after && trap 'cluster_stop "$dir"' EXIT

sql() { psql -X -v ON_ERROR_STOP=1 "$@"; }

log "creating the extension (a fresh start: the demo drops earlier contacts)"
sql -q <<SQL
SET client_min_messages = warning;
SET contacts_ext.allow_drop_with_data = on;
DROP EXTENSION IF EXISTS contacts_ext;
CREATE EXTENSION contacts_ext;
SQL

log "seeding $scale contacts (seed $seed)"
sql -c '\timing on' -c "SELECT contacts_seed($scale, $seed) AS contacts_seeded" -c "VACUUM ANALYZE"

log "contacts_stats()"
sql -c "SELECT * FROM contacts_stats()"

log "a few contacts"
sql -c "SELECT id, first_name, last_name, gender, customer_id, phone_number, birthday, city_code, city, country, points
        FROM contacts_generate(5, $seed, 1)"

log "contacts_list: filter, sort, keyset pages"
sql -c '\timing on' \
    -c "SELECT id, first_name, last_name, city, points FROM contacts_list('{\"city__icontains\": \"berg\", \"points__gte\": 1000}', ARRAY['-points','last_name'], NULL, 5)" \
    -c "SELECT id, first_name, last_name, city, country, left(cursor, 24) || '...' AS cursor FROM contacts_list('{\"first_name\": \"Anna\", \"country\": \"Germany\"}', ARRAY['city'], NULL, 3)" \
    -c "SELECT id, first_name, last_name, city FROM contacts_list('{\"first_name\": \"Anna\", \"country\": \"Germany\"}', ARRAY['city'],
          (SELECT cursor FROM contacts_list('{\"first_name\": \"Anna\", \"country\": \"Germany\"}', ARRAY['city'], NULL, 3) OFFSET 2), 3) AS next_page" \
    -c "SELECT contacts_count('{\"points__gte\": 1000}') AS exact, contacts_count('{}', 'planned') AS planned, contacts_count('{}', 'exact', 10000) AS capped"

if [ -x "$CONTACTS_ROOT/bench/run.sh" ]; then
    log "a short benchmark"
    "$CONTACTS_ROOT/bench/run.sh" --smoke --reuse-cluster "$dir"
fi

log "done. The cluster is $($stop_after && echo stopped || echo running):"
cat <<MSG
    scripts/cluster.sh psql          # psql into the contacts database
    eval "\$(scripts/cluster.sh env)" # point psql/pgbench/drivers at it
    scripts/cluster.sh stop          # stop it
MSG
