#!/usr/bin/env bash
# No data loss (issue 6, item 6): kill -9 during contacts_seed, restart, and
# the tables hold exactly the last committed state (whole contacts or none),
# consistent (every relationship has its contact, every contact's address
# exists, btree indexes match the heap: amcheck), and the extension works
# (seed again, list, count). Three crashes:
#   1. the backend running contacts_seed, while it writes the heap
#      (the postmaster notices, resets every session and recovers);
#   2. that backend again, while contacts_seed rebuilds the indexes;
#   3. the postmaster itself (and then its orphaned children, as a power cut
#      would), then a fresh start with crash recovery.
# Runs on its own throwaway cluster (it restarts the server), stopped at the end.
source "$(dirname "$0")/lib.sh"

dir="$(cluster_dir crash)"
cluster_stop "$dir" 2>/dev/null || true
rm -rf "$dir"
start() { cluster_start "$dir" -o "-c shared_buffers=256MB -c max_wal_size=2GB -c restart_after_crash=on"; }
start
trap 'cluster_stop "$dir" || true' EXIT
db=contacts
q "$db" "CREATE EXTENSION contacts_ext; CREATE EXTENSION amcheck" >/dev/null
q "$db" "SET client_min_messages = warning; SELECT contacts_seed(50000, 1)" >/dev/null

checksum() {
    q "$db" "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
               SELECT u::text AS x FROM app_user u
               UNION ALL SELECT a::text FROM address a
               UNION ALL SELECT r::text FROM customer_relationship r) t"
}

wait_ready() {  # until the server accepts connections again (crash recovery)
    for _ in $(seq 1 600); do
        psql -X -q -d "$db" -tAc "SELECT 1" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    tail -20 "$dir/server.log"; die "the server did not come back after the crash"
}

# seed_and_wait N SEED ROWS: start contacts_seed(N, SEED) in the background and
# wait until it has written ROWS contacts; sets seed_pid (its backend) and job.
# The wait runs in the server (polling every few ms) so the kill lands right then.
seed_and_wait() {
    local n="$1" seed="$2" rows="$3"
    PGAPPNAME=crash_seed psql -X -q -d "$db" -c "SET client_min_messages = warning" \
        -c "SELECT contacts_seed($n, $seed)" >"$dir/seed.out" 2>&1 &
    job=$!
    seed_pid="$(psql -X -q -d "$db" -tA -v ON_ERROR_STOP=1 <<SQL
DO \$\$
DECLARE deadline timestamptz := clock_timestamp() + interval '120 s'; p int; done bigint;
BEGIN
    LOOP
        PERFORM pg_catalog.pg_stat_clear_snapshot();
        SELECT a.pid, c.tuples_processed INTO p, done FROM pg_stat_activity a
        LEFT JOIN pg_stat_progress_copy c ON c.pid = a.pid
        WHERE a.application_name = 'crash_seed' AND a.query LIKE '%contacts_seed%' AND a.state = 'active';
        EXIT WHEN done >= $rows;
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'contacts_seed did not reach $rows rows (pid %, % rows)', p, done;
        END IF;
        PERFORM pg_catalog.pg_sleep(0.002);
    END LOOP;
    PERFORM pg_catalog.set_config('crash.pid', p::text, false);
END \$\$;
SELECT current_setting('crash.pid');
SQL
)" || die "contacts_seed did not reach $rows rows"
    [ -n "$seed_pid" ] || die "no contacts_seed backend found"
}

check_state() {  # check_state WHAT: the committed state survived, consistent, usable
    local what="$1"
    assert_eq "$what: every row as committed before the crash (checksum)" "$committed" "$(checksum)"
    assert_eq "$what: contacts_stats as committed" "$stats" "$(q "$db" "SELECT * FROM contacts_stats()")"
    assert_eq "$what: every relationship has its contact" "0" \
        "$(q "$db" "SELECT count(*) FROM customer_relationship r LEFT JOIN app_user u ON u.id = r.appuser_id WHERE u.id IS NULL")"
    assert_eq "$what: every contact's address exists" "0" \
        "$(q "$db" "SELECT count(*) FROM app_user u LEFT JOIN address a ON a.id = u.address_id WHERE u.address_id IS NOT NULL AND a.id IS NULL")"
    # Every btree index of the three tables is structurally sound and holds every heap row.
    assert_eq "$what: amcheck of every btree index (heapallindexed)" "0" \
        "$(q "$db" "SELECT count(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                    WHERE am.amname = 'btree' AND i.indrelid IN ('app_user'::regclass, 'address'::regclass,
                                                              'customer_relationship'::regclass)) t
                    WHERE false")"
    # Usable: list and count agree with the tables, and seeding continues the ids.
    assert_eq "$what: contacts_count after recovery" "$(q "$db" "SELECT count(*) FROM app_user")" \
        "$(q "$db" "SELECT contacts_count('{}')")"
    assert_eq "$what: contacts_list after recovery" "50" "$(q "$db" "SELECT count(*) FROM contacts_list('{}', '{last_name}', NULL, 50)")"
    local max_before; max_before="$(q "$db" "SELECT max(id) FROM app_user")"
    q "$db" "SET client_min_messages = warning; SELECT contacts_seed(1000, 77)" >/dev/null
    assert_eq "$what: seeding again continues after the surviving ids" "$((max_before + 1))" \
        "$(q "$db" "SELECT min(id) FROM app_user WHERE id > $max_before")"
    assert_eq "$what: the new contacts are listed" "1000" \
        "$(q "$db" "SELECT contacts_count(jsonb_build_object('id__gt', $max_before))")"
    committed="$(checksum)"
    stats="$(q "$db" "SELECT * FROM contacts_stats()")"
}

committed="$(checksum)"
stats="$(q "$db" "SELECT * FROM contacts_stats()")"
log_mark() { stat -c %s "$dir/server.log"; }

# --- 1. the seeding backend, heap phase ------------------------------------------
# 2,000,000 contacts into 50,000: load then rebuild; killed after 200,000 rows.
offset="$(log_mark)"
seed_and_wait 2000000 5 200000
kill -9 "$seed_pid"
wait "$job" || true
wait_ready
grep -q "terminated by signal 9" <(tail -c +$((offset + 1)) "$dir/server.log") \
    || die "the server log does not show the killed backend"
echo "ok: killed backend $seed_pid during the heap phase; the server reset and recovered"
check_state "backend killed while writing the heap"

# --- 2. the seeding backend, index rebuild phase ------------------------------------
rows_now="$(q "$db" "SELECT count(*) FROM app_user")"
n=$((rows_now * 10))  # load then rebuild; the rebuild of ~550,000 contacts takes a second or more
offset="$(log_mark)"
seed_and_wait "$n" 6 "$n"
sleep 0.3
phase_alive="$(psql -X -d "$db" -tAc "SELECT count(*) FROM pg_stat_activity WHERE pid = $seed_pid")"
[ "$phase_alive" = 1 ] || die "contacts_seed ended before it could be killed in its rebuild phase"
kill -9 "$seed_pid"
wait "$job" || true
wait_ready
echo "ok: killed backend $seed_pid while contacts_seed($n) rebuilt the indexes"
check_state "backend killed while rebuilding indexes"

# --- 3. the postmaster ------------------------------------------------------------------
offset="$(log_mark)"
seed_and_wait 2000000 8 300000
postmaster="$(head -1 "$dir/data/postmaster.pid")"
children="$(ps -o pid= --ppid "$postmaster" | tr -d ' ' | tr '\n' ' ')"
kill -9 "$postmaster"
# Its children would linger (the seeding one until it next waits): end them
# too, as a power cut would. These are this test's own server processes.
for pid in $children; do kill -9 "$pid" 2>/dev/null || true; done
wait "$job" || true
for _ in $(seq 1 100); do
    alive=0
    for pid in $postmaster $children; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
done
echo "ok: killed the postmaster $postmaster and its children during contacts_seed"
start
wait_ready
grep -q "database system was interrupted\|not properly shut down" <(tail -c +$((offset + 1)) "$dir/server.log") \
    || die "the server log does not show crash recovery"
echo "ok: restarted; crash recovery ran"
check_state "postmaster killed"

cluster_stop "$dir"
trap - EXIT
rm -rf "$dir"
