-- Strategy 2, the btree indexes a careful team adds: exactly the plain btree
-- indexes the extension creates on its own tables (copied from the catalog,
-- so the comparison stays on equal indexes when the extension's set changes):
-- (last_name, id), (first_name, id), (created, id), address (city),
-- customer_relationship (points, appuser_id). Expression and partial indexes
-- are not copied (they would not be plain SQL any more).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
    FOR r IN
        SELECT pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        WHERE c.relnamespace = 'public'::regnamespace
          AND c.relname IN ('app_user', 'address', 'customer_relationship')
          AND am.amname = 'btree'
          AND i.indexprs IS NULL AND i.indpred IS NULL
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY 1
    LOOP
        RAISE NOTICE '%', replace(r.def, ' ON public.', ' ON bench_plain.');
        EXECUTE replace(replace(r.def, ' ON public.', ' ON bench_plain.'),
                        'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS ');
    END LOOP;
END $$;
ANALYZE bench_plain.address, bench_plain.app_user, bench_plain.customer_relationship;
