-- CREATE EXTENSION creates the data model in the schema it is installed into.
SET TimeZone = 'UTC';
CREATE EXTENSION contacts_ext;

SELECT extname, extversion, extrelocatable, n.nspname AS schema
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'contacts_ext';

\d address
\d app_user
\d customer_relationship

-- Every function, with its labels: volatility, strictness, parallel safety,
-- security (all SECURITY INVOKER) and pinned search_path.
SELECT p.oid::regprocedure AS function, p.provolatile AS vol, p.proisstrict AS strict,
       p.proparallel AS par, p.prosecdef AS secdef, p.proconfig AS config
FROM pg_proc p
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'contacts_ext'
ORDER BY p.oid::regprocedure::text;

-- The tables are configuration tables, so pg_dump keeps their rows.
SELECT c.relname
FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
WHERE e.extname = 'contacts_ext'
ORDER BY 1;

-- Constraints behave as declared.
INSERT INTO app_user (first_name, last_name, gender, customer_id, created, last_updated)
VALUES ('A', 'B', 'X', 'CUST-000000000001', '2024-01-01 00:00+00', '2024-01-01 00:00+00');
INSERT INTO customer_relationship (appuser_id, points, created) VALUES (999999, 1, '2024-01-01 00:00+00');
