-- The ContactsList scan (src/pg/list_scan.hpp): contacts_list in FROM runs
-- as a Custom Scan that streams the page; everything else, and
-- contacts_ext.list_scan = off, keeps the Function Scan. Both must return the
-- same rows, check the same privileges and apply the function's SET clauses.
-- Runs on the contacts list.sql seeded.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- Which plan: the scan for a plain call (the support function's row
-- estimate is the page size), a Function Scan otherwise.
EXPLAIN (COSTS OFF) SELECT * FROM contacts_list('{}', '{}', NULL, 20);
CREATE FUNCTION pg_temp.plan_rows(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO p;
    RETURN (p -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;
SELECT pg_temp.plan_rows($$SELECT * FROM contacts_list('{}', '{}', NULL, -7)$$) AS page_of_7,
       pg_temp.plan_rows($$SELECT * FROM contacts_list('{}', '{}', NULL, 5000)$$) AS out_of_range,
       pg_temp.plan_rows($$SELECT * FROM contacts_list('{}', '{}', NULL, (random() * 10)::int)$$) AS unknown;
EXPLAIN (COSTS OFF) SELECT * FROM contacts_list('{}', '{}', NULL, 20) WITH ORDINALITY;
EXPLAIN (COSTS OFF) SELECT l.id FROM generate_series(1, 2) g, LATERAL contacts_list(jsonb_build_object('id__lte', g), '{}', NULL, 3) l;
SELECT g, array_agg(l.id ORDER BY l.id) AS ids
FROM generate_series(1, 2) g, LATERAL contacts_list(jsonb_build_object('id__lte', g), '{}', NULL, 3) l GROUP BY g ORDER BY g;
EXPLAIN (COSTS OFF) SELECT l FROM contacts_list('{}', '{}', NULL, 3) l;
EXPLAIN (COSTS OFF) SELECT l.id FROM contacts_list('{}', '{}', NULL, 3) l WHERE l IS NOT NULL;
EXPLAIN (COSTS OFF) SELECT (contacts_list('{}', '{}', NULL, 3)).id;
SET contacts_ext.list_scan = off;
EXPLAIN (COSTS OFF) SELECT * FROM contacts_list('{}', '{}', NULL, 20);
RESET contacts_ext.list_scan;

-- same(call): the call's rows (all columns, in order) through the scan and
-- through the Function Scan, compared.
CREATE FUNCTION pg_temp.same(call text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE scan_rows text[]; function_rows text[]; plan text;
    -- Every column by name (a whole-row reference would not be the scan).
    q text := 'SELECT coalesce(array_agg(ROW(id, first_name, last_name, gender, customer_id, phone_number, '
              'birthday, created, last_updated, address_id, street, street_number, city_code, city, country, '
              'relationship_id, points, relationship_created, last_activity, cursor)::text ORDER BY o), ''{}'') '
              'FROM (SELECT *, row_number() OVER () AS o FROM %s) t';
BEGIN
    EXECUTE 'EXPLAIN (COSTS OFF) SELECT * FROM ' || call INTO plan;
    IF plan NOT LIKE 'Custom Scan (ContactsList)%' THEN RETURN 'not the scan: ' || plan; END IF;
    EXECUTE format(q, call) INTO scan_rows;
    SET LOCAL contacts_ext.list_scan = off;
    EXECUTE format(q, call) INTO function_rows;
    SET LOCAL contacts_ext.list_scan = on;
    RETURN CASE WHEN scan_rows = function_rows THEN 'same ' || cardinality(scan_rows) ELSE 'DIFFERENT' END;
END $$;
SELECT pg_temp.same(c) AS result, c AS call FROM unnest(ARRAY[
    $$contacts_list('{}', '{}', NULL, 50)$$,
    $$contacts_list(NULL, NULL, NULL, 7)$$,
    $$contacts_list('{"city__icontains": "berg", "points__gte": 100}', '{-points,last_name}', NULL, 30)$$,
    $$contacts_list('{"search": "ann"}', '{last_name}', NULL, 25)$$,
    $$contacts_list('{"last_activity__isnull": true}', '{-last_activity}', NULL, 10)$$,
    $$contacts_list('{}', '{city,-id}', NULL, -15)$$,
    $$contacts_list('{"id__lt": 0}', '{}', NULL, 10)$$
]) AS c;
-- Paging from a cursor, forwards and backwards (the backward page is
-- reversed into the requested order).
SELECT cursor AS c20 FROM contacts_list('{}', '{-points,id}', NULL, 20) OFFSET 19 \gset
SELECT pg_temp.same(format($$contacts_list('{}', '{-points,id}', %L, 20)$$, :'c20')) AS forward,
       pg_temp.same(format($$contacts_list('{}', '{-points,id}', %L, -10)$$, :'c20')) AS backward;
SELECT array_agg(id) = (SELECT array_agg(id) FROM (SELECT id FROM contacts_list('{}', '{-points,id}', NULL, 19)
                                                    OFFSET 9) t) AS backward_is_the_rows_before
FROM contacts_list('{}', '{-points,id}', :'c20', -10);

-- Conditions and projections above the scan.
SELECT count(*) AS even_ids FROM contacts_list('{}', '{}', NULL, 10) WHERE id % 2 = 0;
SELECT id, upper(last_name) = upper(last_name) AS projected FROM contacts_list('{"id__lte": 3}') ORDER BY id;

-- Rescans: a parameter of the arguments changes (a correlated subquery), or
-- the scan is read again unchanged (the inner side of a join).
EXPLAIN (COSTS OFF)
SELECT n, (SELECT count(*) FROM contacts_list(jsonb_build_object('id__lte', n), '{}', NULL, 100)) AS matches
FROM generate_series(1, 3) AS n;
SELECT n, (SELECT count(*) FROM contacts_list(jsonb_build_object('id__lte', n), '{}', NULL, 100)) AS matches
FROM generate_series(1, 3) AS n;
EXPLAIN (COSTS OFF) SELECT count(*) AS pairs FROM generate_series(1, 3) g CROSS JOIN contacts_list('{}', '{}', NULL, 5) l;
SELECT count(*) AS pairs FROM generate_series(1, 3) g CROSS JOIN contacts_list('{}', '{}', NULL, 5) l;
-- Without the Materialize, the scan itself is rescanned: it rereads its page.
SET enable_material = off;
EXPLAIN (COSTS OFF) SELECT count(*) AS pairs FROM generate_series(1, 3) g CROSS JOIN contacts_list('{}', '{}', NULL, 5) l;
SELECT count(*) AS pairs, count(DISTINCT l.id) AS ids FROM generate_series(1, 3) g CROSS JOIN contacts_list('{}', '{}', NULL, 5) l;
RESET enable_material;

-- Parameters, and the generic plan after five executions.
PREPARE page(jsonb, int) AS SELECT count(*) FROM contacts_list($1, '{}', NULL, $2);
EXECUTE page('{"id__lte": 7}', 100);
EXECUTE page('{"id__lte": 8}', 100);
EXECUTE page('{"id__lte": 9}', 100);
EXECUTE page('{"id__lte": 10}', 100);
EXECUTE page('{"id__lte": 11}', 100);
EXECUTE page('{"id__lte": 12}', 3);
EXECUTE page('{"id__lte": 13}', 100);
DEALLOCATE page;

-- A SCROLL cursor runs backwards over a Materialize above the scan.
BEGIN;
DECLARE c SCROLL CURSOR FOR SELECT id FROM contacts_list('{}', '{}', NULL, 5);
FETCH 3 FROM c;
FETCH BACKWARD 2 FROM c;
FETCH LAST FROM c;
COMMIT;

-- Errors are the function's.
SELECT * FROM contacts_list('{"nickname": 1}');
SELECT * FROM contacts_list('{}', '{}', 'garbage');
SELECT * FROM contacts_list('{}', '{}', NULL, 0);

-- EXECUTE privilege, checked as for the function.
CREATE ROLE regress_contacts_scan;
GRANT SELECT ON app_user, address, customer_relationship TO regress_contacts_scan;
REVOKE EXECUTE ON FUNCTION contacts_list(jsonb, text[], text, integer) FROM PUBLIC;
SET ROLE regress_contacts_scan;
SELECT count(*) FROM contacts_list('{}');
RESET ROLE;
GRANT EXECUTE ON FUNCTION contacts_list(jsonb, text[], text, integer) TO PUBLIC;
SET ROLE regress_contacts_scan;
SELECT count(*) AS granted FROM contacts_list('{}');
RESET ROLE;
REVOKE ALL ON app_user, address, customer_relationship FROM regress_contacts_scan;
DROP ROLE regress_contacts_scan;

-- The function's SET search_path applies in the scan: an operator that
-- shadows pg_catalog's bigint = in the caller's path changes nothing.
CREATE SCHEMA scan_evil;
CREATE FUNCTION scan_evil.int8eq_any(bigint, bigint) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR scan_evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = scan_evil.int8eq_any);
SET search_path = scan_evil, public, pg_catalog;
SELECT count(*) AS one_contact FROM contacts_list('{"relationship_id": 5}', '{}', NULL, 100);
RESET search_path;
DROP SCHEMA scan_evil CASCADE;
