-- Finish a bulk load into bare tables (schema :schema) the way a bulk load is
-- finished: add exactly the keys, constraints and indexes the extension's own
-- tables have, read from the catalog so this never drifts from
-- extension/parts/*.sql. Constraints first (primary keys, unique keys, then
-- foreign keys, which are validated in one scan each), then the other indexes.
SELECT set_config('bench.schema', :'schema', false) \gset
SELECT n.nspname AS ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'contacts_ext' \gset
SELECT set_config('bench.ext_schema', :'ext_schema', false) \gset
DO $$
DECLARE
    target text := current_setting('bench.schema');
    source text := current_setting('bench.ext_schema');
    r record;
    defs text[] := '{}';
    def text;
BEGIN
    -- Definitions are read first (names the default search_path cannot see
    -- come out qualified), then run with search_path = the target schema so
    -- unqualified names in them mean the target's tables.
    FOR r IN
        SELECT c.conrelid::regclass AS rel, cl.relname, c.conname, pg_get_constraintdef(c.oid) AS def, c.contype
        FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
        WHERE cl.relnamespace = source::regnamespace
          AND cl.relname IN ('address', 'app_user', 'customer_relationship')
          AND c.contype IN ('p', 'u', 'f')
        ORDER BY c.contype = 'f', cl.relname = 'customer_relationship', cl.relname = 'app_user', c.conname
    LOOP
        defs := defs || format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', target, r.relname, r.conname,
                       replace(r.def, 'REFERENCES ' || quote_ident(source) || '.', 'REFERENCES ' || quote_ident(target) || '.'));
    END LOOP;
    FOR r IN
        SELECT i.indexrelid, cl.relname
        FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid
        WHERE cl.relnamespace = source::regnamespace
          AND cl.relname IN ('address', 'app_user', 'customer_relationship')
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    LOOP
        defs := defs || replace(pg_get_indexdef(r.indexrelid),
                        ' ON ' || quote_ident(source) || '.' || quote_ident(r.relname) || ' ',
                        ' ON ' || quote_ident(target) || '.' || quote_ident(r.relname) || ' ');
    END LOOP;
    PERFORM set_config('search_path', quote_ident(target) || ', pg_catalog', true);
    FOREACH def IN ARRAY defs LOOP
        EXECUTE def;
    END LOOP;
END $$;
SELECT count(*) AS indexes_built FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
WHERE c.relnamespace = :'schema'::regnamespace;
