-- Undo 30_trgm.sql (the runner measures strategies 4, 3, 2, 1 in that order,
-- dropping index sets as it goes).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT c.oid::regclass AS idx FROM pg_class c
             WHERE c.relnamespace = 'bench_plain'::regnamespace AND c.relkind = 'i' AND c.relname LIKE '%\_trgm'
    LOOP
        EXECUTE format('DROP INDEX %s', r.idx);
    END LOOP;
END $$;
ANALYZE bench_plain.address, bench_plain.app_user, bench_plain.customer_relationship;
