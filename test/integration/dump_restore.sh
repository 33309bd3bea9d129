#!/usr/bin/env bash
# pg_dump + pg_restore keep every contact: the extension's tables are
# configuration tables, so their rows (and identity sequences) are dumped.
source "$(dirname "$0")/lib.sh"

src=it_dump_src dst=it_dump_dst
fresh_db "$src"
q "$src" "SET client_min_messages = warning; SELECT contacts_seed(20000, 7)" >/dev/null
# Rows a user inserted by hand, through the identity default, survive too.
q "$src" "INSERT INTO address (street, street_number, city_code, city, country)
          VALUES ('Hand Street', '1', '12345', 'Handtown', 'Germany')" >/dev/null

checksum() {
    q "$1" "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
              SELECT u::text AS x FROM app_user u
              UNION ALL SELECT a::text FROM address a
              UNION ALL SELECT r::text FROM customer_relationship r) t"
}
before="$(checksum "$src")"
stats_before="$(q "$src" "SELECT * FROM contacts_stats()")"

dump="$(mktemp -d)/contacts.dump"
chmod 777 "$(dirname "$dump")"
"$PG_BIN/pg_dump" -Fc -d "$src" -f "$dump"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $dst WITH (FORCE)" -c "CREATE DATABASE $dst"
"$PG_BIN/pg_restore" --exit-on-error -d "$dst" "$dump"

assert_eq "checksum of every row after restore" "$before" "$(checksum "$dst")"
assert_eq "contacts_stats after restore" "$stats_before" "$(q "$dst" "SELECT * FROM contacts_stats()")"
assert_eq "rows restored" "20000" "$(q "$dst" "SELECT count(*) FROM app_user")"

# The identity sequences came along: a plain INSERT gets a fresh id.
max_addr="$(q "$dst" "SELECT max(id) FROM address")"
new_addr="$(q "$dst" "INSERT INTO address (street, street_number, city_code, city, country)
                      VALUES ('x', '1', '1', 'x', 'x') RETURNING id")"
assert_eq "identity sequence continues after restore" "1" "$(( new_addr > max_addr ? 1 : 0 ))"

# Seeding continues after the restored ids.
q "$dst" "SET client_min_messages = warning; SELECT contacts_seed(10, 7)" >/dev/null
assert_eq "seeding after restore continues the ids" "$((max_addr + 2))" "$(q "$dst" "SELECT min(id) FROM app_user WHERE id > 20000")"

psql -X -q -d postgres -c "DROP DATABASE $src WITH (FORCE)" -c "DROP DATABASE $dst WITH (FORCE)"
rm -rf "$(dirname "$dump")"
