#!/usr/bin/env bash
# Read replicas (issue 6, item 7): a streaming replica (pg_basebackup -R,
# hot_standby) of its own primary, both on loopback, serves contacts_list,
# contacts_count and contacts_explain with results identical to the primary's
# once it has replayed the primary's WAL, also after further writes; cursors
# handed out by the primary page on the replica; writing functions refuse
# cleanly there. Both throwaway clusters are stopped and removed at the end.
source "$(dirname "$0")/lib.sh"

pdir="$(cluster_dir replica-primary)"
sdir="$(cluster_dir replica-standby)"
cleanup() { cluster_stop "$sdir" || true; cluster_stop "$pdir" || true; }
cleanup 2>/dev/null
rm -rf "$pdir" "$sdir"
trap cleanup EXIT

small="-c shared_buffers=256MB -c max_wal_size=1GB"
cluster_start "$pdir" -o "$small"
primary_host="$PGHOST" primary_port="$PGPORT"
db=contacts
q "$db" "CREATE EXTENSION contacts_ext" >/dev/null
q "$db" "SET client_min_messages = warning; SELECT contacts_seed(30000, 4)" >/dev/null
q "$db" "ANALYZE" >/dev/null

# --- the replica ---------------------------------------------------------------------
user="$(cluster_os_user)"
mkdir -p "$sdir"; [ "$(id -u)" -eq 0 ] && chown "$user" "$sdir"
run_as_cluster_user mkdir -p "$sdir/socket"
run_as_cluster_user "$PG_BIN/pg_basebackup" -h "$primary_host" -p "$primary_port" -U postgres \
    -D "$sdir/data" -R -X stream -c fast >"$sdir/basebackup.log" 2>&1 \
    || { cat "$sdir/basebackup.log"; die "pg_basebackup failed"; }
sport="$(free_port)"
# The copied postgresql.conf names the primary's port and socket: later lines win.
run_as_cluster_user tee -a "$sdir/data/postgresql.conf" >/dev/null <<CONF
# contacts_ext replica
port = $sport
unix_socket_directories = '$sdir/socket'
hot_standby = on
CONF
write_cluster_env "$sdir" "$sport"
cluster_start "$sdir" -o "$small"
standby_host="$PGHOST" standby_port="$PGPORT"

on_primary() { PGHOST="$primary_host" PGPORT="$primary_port" q "$db" "$@"; }
on_standby() { PGHOST="$standby_host" PGPORT="$standby_port" q "$db" "$@"; }

assert_eq "the replica is in recovery" "t" "$(on_standby "SELECT pg_is_in_recovery()")"
assert_eq "the primary streams to it" "streaming" \
    "$(on_primary "SELECT state FROM pg_stat_replication")"

wait_replay() {  # until the replica has replayed everything the primary wrote so far
    local lsn; lsn="$(on_primary "SELECT pg_current_wal_lsn()")"
    for _ in $(seq 1 600); do
        [ "$(on_standby "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && return 0
        sleep 0.1
    done
    die "the replica did not replay up to $lsn in 60 s"
}

# Calls whose whole output must be identical on both servers.
calls=(
    "SELECT * FROM contacts_list()"
    "SELECT * FROM contacts_list('{}', '{last_name,first_name}', NULL, 200)"
    "SELECT * FROM contacts_list('{\"last_name__istartswith\": \"M\"}', '{-points}', NULL, 100)"
    "SELECT * FROM contacts_list('{\"or\": [{\"city\": \"Berlin\"}, {\"country__in\": [\"France\", \"Spain\"]}]}', '{city,-created}', NULL, 300)"
    "SELECT * FROM contacts_list('{\"birthday__year__range\": [1970, 1979], \"not\": {\"phone_number__isnull\": true}}', '{birthday}', NULL, 150)"
    "SELECT * FROM contacts_list('{\"points__gte\": 1000}', '{-last_activity}', NULL, -100)"
    "SELECT * FROM contacts_list('{\"search\": \"anna\"}', '{}', NULL, 100)"
    "SELECT * FROM contacts_list('{\"last_name__unaccent__iexact\": \"muller\"}', '{}', NULL, 100)"
    "SELECT * FROM contacts_list('{\"first_name__trigram_similar\": \"jon\"}', '{first_name}', NULL, 100)"
    "SELECT contacts_count('{}')"
    "SELECT contacts_count('{\"points__lt\": 500}')"
    "SELECT contacts_count('{\"city__icontains\": \"er\"}', 'exact', 1000)"
    "SELECT contacts_count('{\"gender\": \"F\"}', 'planned')"
    "SELECT contacts_count('{\"last_name__startswith\": \"S\"}', 'estimated')"
    "SELECT * FROM contacts_explain('{\"last_name\": \"Müller\"}', '{last_name}', NULL, 50)"
    "SELECT * FROM contacts_explain('{\"points__gte\": 5000}', '{-points}', NULL, 20)"
    "SELECT * FROM contacts_explain('{\"search\": \"berlin\"}', '{}', NULL, 20)"
    "SELECT * FROM contacts_stats()"
)

compare_all() {  # compare_all WHAT
    local n=0 same=0 p s
    for sql in "${calls[@]}"; do
        n=$((n + 1))
        p="$(PGHOST="$primary_host" PGPORT="$primary_port" psql -X -d "$db" -tA -c "$sql" 2>&1)"
        s="$(PGHOST="$standby_host" PGPORT="$standby_port" psql -X -d "$db" -tA -c "$sql" 2>&1)"
        if grep -q "ERROR:" <<<"$p"; then
            echo "FAIL: $1: the primary raised an error for: $sql"; echo "$p" | head -5; exit 1
        elif [ "$p" = "$s" ]; then
            same=$((same + 1))
        else
            echo "FAIL: $1: different results for: $sql"
            diff <(echo "$p") <(echo "$s") | head -20
            exit 1
        fi
    done
    echo "ok: $1: $same of $n calls identical on primary and replica"
}

wait_replay
compare_all "after the base backup"

# A full cursor walk: the primary's cursors page on the replica, row for row.
walk() {  # walk HOST PORT: every page of a walk by last_name, with each page's last cursor
    local host="$1" port="$2" cursor="" out="" page
    while :; do
        if [ -z "$cursor" ]; then
            page="$(PGHOST="$host" PGPORT="$port" psql -X -d "$db" -tA -c \
                "SELECT id, cursor FROM contacts_list('{\"points__gte\": 2000}', '{last_name}', NULL, 500)")"
        else
            page="$(PGHOST="$host" PGPORT="$port" psql -X -d "$db" -tA -c \
                "SELECT id, cursor FROM contacts_list('{\"points__gte\": 2000}', '{last_name}', '$cursor', 500)")"
        fi
        [ -z "$page" ] && break
        out+="$page"$'\n'
        [ "$(echo "$page" | wc -l)" -lt 500 ] && break
        cursor="$(echo "$page" | tail -1 | cut -d'|' -f2)"
    done
    echo "$out"
}
pw="$(walk "$primary_host" "$primary_port")"
sw="$(walk "$standby_host" "$standby_port")"
assert_eq "a cursor walk gives the same rows on both ($(echo "$pw" | grep -c . ) rows)" "$(echo "$pw" | md5sum)" "$(echo "$sw" | md5sum)"
# A cursor minted by the primary continues on the replica.
mid="$(echo "$pw" | sed -n 500p | cut -d'|' -f2)"
assert_eq "a primary's cursor pages on the replica" \
    "$(on_primary "SELECT string_agg(id::text, ',') FROM contacts_list('{\"points__gte\": 2000}', '{last_name}', '$mid', 100)")" \
    "$(on_standby "SELECT string_agg(id::text, ',') FROM contacts_list('{\"points__gte\": 2000}', '{last_name}', '$mid', 100)")"

# --- writes on the primary stream over ---------------------------------------------------
on_primary "SET client_min_messages = warning; SELECT contacts_seed(5000, 9)" >/dev/null
on_primary "UPDATE app_user SET last_name = 'Replicated' WHERE id % 97 = 0" >/dev/null
on_primary "DELETE FROM app_user WHERE id % 89 = 0" >/dev/null
on_primary "UPDATE customer_relationship SET points = points + 1 WHERE appuser_id % 7 = 0" >/dev/null
on_primary "ANALYZE" >/dev/null
wait_replay
compare_all "after seeding, updates, deletes and ANALYZE on the primary"
assert_eq "the replica sees the updates" "$(on_primary "SELECT contacts_count('{\"last_name\": \"Replicated\"}')")" \
    "$(on_standby "SELECT contacts_count('{\"last_name\": \"Replicated\"}')")"

# --- the replica is read-only, cleanly ---------------------------------------------------------
PGHOST="$standby_host" PGPORT="$standby_port" \
    assert_fails "contacts_seed on the replica" "read-only transaction|recovery" "$db" "SELECT contacts_seed(10)"
assert_eq "the replica still serves after the refused write" "50" \
    "$(on_standby "SELECT count(*) FROM contacts_list()")"

cluster_stop "$sdir"
cluster_stop "$pdir"
trap - EXIT
rm -rf "$pdir" "$sdir"
