-- Strategy 1, naive ORM SQL: only the keys an ORM's migrations create
-- (primary, foreign and unique keys, plus Django's index on every ForeignKey
-- column). Drops every other index on bench_plain, so it can follow 2 and 3.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
    FOR r IN
        SELECT i.indexrelid::regclass AS idx
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relnamespace = 'bench_plain'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
          AND i.indexrelid <> 'bench_plain.app_user_address_id_idx'::regclass
    LOOP
        EXECUTE format('DROP INDEX %s', r.idx);
    END LOOP;
END $$;
ANALYZE bench_plain.address, bench_plain.app_user, bench_plain.customer_relationship;
