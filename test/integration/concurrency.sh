#!/usr/bin/env bash
# Consistency under writes (issue 6, item 5).
#  1. Cursor walks (forwards and backwards, 11 sorts/filters) while writer
#     sessions insert, update and delete contacts: no row twice, no stable
#     row skipped, strict order (concurrency.py).
#  2. CONC_CLIENTS sessions (default 6; 16 with --long) of mixed reads
#     (contacts_list with filters, sorts and cursor paging, contacts_count,
#     contacts_explain) and writes (insert, update, delete, small
#     contacts_seed) under pgbench for CONC_SECONDS (default 20; 600 with
#     --long): no error, no deadlock, tables consistent afterwards.
#
#   bash test/integration/concurrency.sh --long      # the issue's 16 sessions x 10 minutes
source "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
"$PY" -c 'import psycopg2' 2>/dev/null || die "python3-psycopg2 is missing (see REQUIRED_PACKAGES in scripts/lib.sh)"

if [ "${1:-}" = "--long" ]; then
    CONC_CLIENTS="${CONC_CLIENTS:-16}"; CONC_SECONDS="${CONC_SECONDS:-600}"
fi
clients="${CONC_CLIENTS:-6}"
seconds="${CONC_SECONDS:-20}"
contacts="${CONC_CONTACTS:-5000}"

db=it_concurrency
fresh_db "$db"
q "$db" "SET client_min_messages = warning; SELECT contacts_seed($contacts, 21)" >/dev/null
q "$db" "ANALYZE" >/dev/null

work="$(mktemp -d)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# Writers touch only "volatile" contacts: ids divisible by 4, and the ones
# they insert. Each transaction locks in the order contacts_seed does
# (address, app_user, customer_relationship), as writers of these tables should.
cat > "$work/writers.sql" <<'SQL'
\set vid 4 * random(1, :n4)
\set p random(0, 20000)
\set k random(1, 10)
\if :k <= 4
UPDATE app_user SET last_name = 'W' || :p,
       birthday = CASE WHEN :p % 3 = 0 THEN NULL ELSE date '1950-01-01' + :p END,
       last_updated = now() WHERE id = :vid;
\elif :k <= 6
UPDATE customer_relationship SET points = :p,
       last_activity = CASE WHEN :p % 4 = 0 THEN NULL ELSE now() - :p * interval '1 hour' END
WHERE appuser_id = :vid;
\elif :k = 7
BEGIN;
UPDATE address SET city = 'City ' || :p WHERE id = :vid;
UPDATE app_user SET first_name = 'F' || :p, last_updated = now() WHERE id = :vid;
UPDATE customer_relationship SET points = :p WHERE appuser_id = :vid;
COMMIT;
\elif :k = 8
DELETE FROM app_user WHERE id = :vid;
\else
WITH a AS (INSERT INTO address (street, street_number, city_code, city, country)
           VALUES ('New Street', :p, '10115', 'City ' || :p, 'Germany') RETURNING id),
     u AS (INSERT INTO app_user (first_name, last_name, gender, customer_id, created, last_updated, address_id)
           SELECT 'New', 'N' || :p, 'O', 'NEW-' || md5(random()::text || clock_timestamp()), now(), now(), id FROM a
           RETURNING id)
INSERT INTO customer_relationship (appuser_id, points, created, last_activity) SELECT id, :p, now(), NULL FROM u;
\endif
SQL

cat > "$work/readers.sql" <<'SQL'
\set p random(0, 5000)
\set k random(1, 8)
\if :k = 1
SELECT count(*) FROM contacts_list(jsonb_build_object('points__gte', :p), '{-points,last_name}', NULL, 50);
\elif :k = 2
SELECT count(*) FROM contacts_list('{"last_name__istartswith": "M"}', '{last_name}', NULL, 20);
\elif :k = 3
SELECT contacts_count(jsonb_build_object('points__lt', :p));
\elif :k = 4
SELECT max(cursor) AS c FROM contacts_list('{}', '{city}', NULL, 30) \gset
SELECT count(*) FROM contacts_list('{}', '{city}', ':c', 30);
SELECT count(*) FROM contacts_list('{}', '{city}', ':c', -30);
\elif :k = 5
SELECT count(*) FROM contacts_list('{"or": [{"city__icontains": "er"}, {"first_name__startswith": "A"}]}',
                                   '{-created}', NULL, 25);
\elif :k = 6
SELECT count(*) FROM contacts_list('{}', '{-last_activity}', NULL, -40);
\elif :k = 7
SELECT count(*) FROM contacts_explain(jsonb_build_object('points__range', jsonb_build_array(:p, :p + 100)),
                                      '{points}', NULL, 10);
\else
SELECT contacts_count('{}', 'estimated', 1000);
\endif
SQL

cat > "$work/seed.sql" <<'SQL'
\set s random(1, 1000000)
SELECT contacts_seed(3, :s);
SQL

log_offset=$(stat -c %s "$CONTACTS_CLUSTER_DIR/server.log" 2>/dev/null || echo 0)

# --- 1. cursor walks under writes ---------------------------------------------------
CONC_DB="$db" CONC_CONTACTS="$contacts" CONC_WRITERS_SQL="$work/writers.sql" PGBENCH="$PG_BIN/pgbench" \
    timeout 600 "$PY" "$(dirname "$0")/concurrency.py"

# --- 2. mixed sessions ---------------------------------------------------------------
echo "pgbench: $clients sessions, $seconds s, reads:writes:seeds = 6:3:1"
out="$(timeout $((seconds + 300)) "$PG_BIN/pgbench" -n -M simple -c "$clients" -j 2 -T "$seconds" \
        -D n4=$((contacts / 4)) --failures-detailed --verbose-errors \
        -f "$work/readers.sql@6" -f "$work/writers.sql@3" -f "$work/seed.sql@1" "$db" 2>&1)" && rc=0 || rc=$?
echo "$out" | grep -E "^(number of|latency|tps)" || true
[ "$rc" -eq 0 ] || { echo "$out" | tail -30; echo "FAIL: pgbench exited with $rc"; exit 1; }
if echo "$out" | grep -qiE "aborted|error"; then
    echo "$out" | grep -iE "aborted|error" | head -20; echo "FAIL: errors during the mixed run"; exit 1
fi
assert_eq "failed transactions in the mixed run" "0" \
    "$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')"
processed="$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')"
[ "${processed:-0}" -gt 0 ] || { echo "FAIL: no transaction processed"; exit 1; }
echo "ok: $processed transactions, none failed"

deadlocks="$(tail -c +$((log_offset + 1)) "$CONTACTS_CLUSTER_DIR/server.log" | grep -c "deadlock detected" || true)"
assert_eq "deadlocks in the server log" "0" "$deadlocks"

# --- consistency after the writes ------------------------------------------------------
assert_eq "every relationship has its contact" "0" \
    "$(q "$db" "SELECT count(*) FROM customer_relationship r LEFT JOIN app_user u ON u.id = r.appuser_id WHERE u.id IS NULL")"
assert_eq "every contact's address exists" "0" \
    "$(q "$db" "SELECT count(*) FROM app_user u LEFT JOIN address a ON a.id = u.address_id WHERE u.address_id IS NOT NULL AND a.id IS NULL")"
assert_eq "contacts_count agrees with count(*)" "$(q "$db" "SELECT count(*) FROM app_user")" \
    "$(q "$db" "SELECT contacts_count('{}')")"
assert_eq "contacts_stats agrees with the tables" \
    "$(q "$db" "SELECT count(*), count(address_id), (SELECT count(*) FROM customer_relationship) FROM app_user")" \
    "$(q "$db" "SELECT total, with_address, with_relationship FROM contacts_stats()")"
# Plain INSERTs and contacts_seed interleaved: no id handed out twice.
assert_eq "identity sequences ahead of every id" "t" \
    "$(q "$db" "SELECT (SELECT last_value FROM app_user_id_seq) >= (SELECT max(id) FROM app_user)")"

psql -X -q -d postgres -c "DROP DATABASE $db WITH (FORCE)"
