-- The upgrade path: CREATE EXTENSION at 0.1 and ALTER EXTENSION ... UPDATE
-- must give the same objects, with the same definitions, as a fresh install
-- of the current version.
SET client_min_messages = warning;
SET contacts_ext.allow_drop_with_data = on;

-- Every member object of the extension and its definition.
CREATE FUNCTION pg_temp.members() RETURNS TABLE (object text, definition text) LANGUAGE sql AS $$
    SELECT pg_describe_object(d.classid, d.objid, d.objsubid),
           CASE d.classid
               WHEN 'pg_proc'::regclass THEN pg_get_functiondef(d.objid)
               WHEN 'pg_class'::regclass THEN
                   (SELECT c.relkind::text || ' ' || coalesce(pg_get_indexdef(c.oid), '') || ' ' ||
                           coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ||
                                                       CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
                                                       coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), ''),
                                                       ', ' ORDER BY a.attnum)
                                     FROM pg_attribute a
                                     LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
                    FROM pg_class c WHERE c.oid = d.objid)
               ELSE ''
           END
    FROM pg_depend d
    JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
    WHERE e.extname = 'contacts_ext' AND d.deptype = 'e'
$$;

DROP EXTENSION IF EXISTS contacts_ext;
CREATE EXTENSION contacts_ext;
SELECT extversion AS fresh FROM pg_extension WHERE extname = 'contacts_ext';
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.members();
-- Indexes belong to their tables, not to the extension: compare them too.
CREATE TEMP TABLE fresh_indexes AS
    SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('app_user', 'address', 'customer_relationship');

DROP EXTENSION contacts_ext;
CREATE EXTENSION contacts_ext VERSION '0.1';
SELECT extversion AS installed FROM pg_extension WHERE extname = 'contacts_ext';
SELECT count(*) AS has_support FROM pg_proc WHERE proname = 'contacts_list_support';
ALTER EXTENSION contacts_ext UPDATE;
SELECT extversion AS updated FROM pg_extension WHERE extname = 'contacts_ext';

SELECT (SELECT count(*) FROM fresh) > 30 AS many_members,
       (SELECT count(*) FROM fresh_indexes) > 10 AS many_indexes;
-- Differences either way: none.
(SELECT 'only fresh' AS side, object FROM (SELECT * FROM fresh EXCEPT SELECT * FROM pg_temp.members()) f
 UNION ALL
 SELECT 'only updated', object FROM (SELECT * FROM pg_temp.members() EXCEPT SELECT * FROM fresh) u)
ORDER BY 1, 2;
(SELECT indexdef FROM fresh_indexes
 EXCEPT SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('app_user', 'address', 'customer_relationship'))
UNION ALL
(SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('app_user', 'address', 'customer_relationship')
 EXCEPT SELECT indexdef FROM fresh_indexes);

-- And the updated extension works: a page through the scan.
SELECT contacts_seed(20, 3);
EXPLAIN (COSTS OFF) SELECT * FROM contacts_list('{}', '{}', NULL, 5);
SELECT count(*) AS page FROM contacts_list('{}', '{}', NULL, 5);

-- A plan cached with the scan depends on the function: recreating the
-- extension replans it instead of running a function that is gone.
PREPARE cached_page AS SELECT count(*) FROM contacts_list('{}', '{}', NULL, 4);
EXECUTE cached_page;
DROP EXTENSION contacts_ext;
CREATE EXTENSION contacts_ext;
SELECT contacts_seed(10, 3);
EXECUTE cached_page;
EXPLAIN (COSTS OFF) EXECUTE cached_page;
DEALLOCATE cached_page;
