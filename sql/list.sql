-- contacts_list, contacts_count, contacts_explain: every lookup, transform,
-- sort and paging path, each compared with independently written SQL.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET client_min_messages = warning;
SET contacts_ext.allow_drop_with_data = on;
DROP EXTENSION contacts_ext;
CREATE EXTENSION contacts_ext;
SELECT contacts_seed(3000, 11);

-- Hard cases: case and accent variants, LIKE metacharacters, NULLs, ties.
UPDATE app_user SET last_name = 'MÜLLER' WHERE id = 10;
UPDATE app_user SET last_name = 'muller' WHERE id = 11;
UPDATE app_user SET last_name = 'Müller' WHERE id = 12;
UPDATE app_user SET last_name = 'O''Brien_100%', first_name = 'Back\slash' WHERE id = 13;
UPDATE app_user SET phone_number = '+49 (30) 1234-567' WHERE id = 14;
UPDATE app_user SET phone_number = NULL, birthday = NULL WHERE id IN (15, 16, 17);
UPDATE customer_relationship SET points = 500 WHERE appuser_id BETWEEN 20 AND 40;
UPDATE customer_relationship SET last_activity = NULL WHERE appuser_id BETWEEN 41 AND 45;
ANALYZE;

-- The reference: the same join, written by hand.
CREATE TEMP VIEW ref AS
SELECT u.id, u.first_name, u.last_name, u.gender, u.customer_id, u.phone_number, u.birthday, u.created,
       u.last_updated, u.address_id, a.street, a.street_number, a.city_code, a.city, a.country,
       cr.id AS relationship_id, cr.points, cr.created AS relationship_created, cr.last_activity
FROM app_user u LEFT JOIN address a ON a.id = u.address_id LEFT JOIN customer_relationship cr ON cr.appuser_id = u.id;

-- check(filter, sort, where, order): the ids contacts_list returns (all
-- pages of up to 1000) against SELECT id FROM ref WHERE <where> ORDER BY <order>.
CREATE FUNCTION pg_temp.check(f jsonb, s text[], w text, o text DEFAULT 'id')
RETURNS TABLE (filter jsonb, sort text[], matches bigint, same boolean) LANGUAGE plpgsql AS $$
DECLARE got bigint[]; want bigint[];
BEGIN
    SELECT coalesce(array_agg(l.id ORDER BY ord), '{}') INTO got
    FROM contacts_list(f, s, NULL, 1000) WITH ORDINALITY AS l(id, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12,
                                                              c13, c14, c15, c16, c17, c18, c19, c20, ord);
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM (SELECT id FROM ref WHERE %s ORDER BY %s LIMIT 1000) t', w, o)
        INTO want;
    RETURN QUERY SELECT f, s, cardinality(want)::bigint, got = want;
END $$;

-- Lookups on text fields.
SELECT * FROM pg_temp.check('{"last_name": "Müller"}', '{}', $$last_name = 'Müller'$$);
SELECT * FROM pg_temp.check('{"last_name__exact": "muller"}', '{}', $$last_name = 'muller'$$);
SELECT * FROM pg_temp.check('{"last_name__iexact": "müller"}', '{}', $$last_name ILIKE 'müller'$$);
SELECT * FROM pg_temp.check('{"first_name__contains": "an"}', '{}', $$first_name LIKE '%an%'$$);
SELECT * FROM pg_temp.check('{"first_name__icontains": "AN"}', '{}', $$first_name ILIKE '%an%'$$);
SELECT * FROM pg_temp.check('{"last_name__startswith": "Sch"}', '{}', $$last_name LIKE 'Sch%'$$);
SELECT * FROM pg_temp.check('{"last_name__istartswith": "sch"}', '{}', $$last_name ILIKE 'sch%'$$);
SELECT * FROM pg_temp.check('{"city__endswith": "burg"}', '{}', $$city LIKE '%burg'$$);
SELECT * FROM pg_temp.check('{"city__iendswith": "BURG"}', '{}', $$city ILIKE '%burg'$$);
SELECT * FROM pg_temp.check('{"city__in": ["Berlin", "München", "Paris"]}', '{}', $$city IN ('Berlin', 'München', 'Paris')$$);
SELECT * FROM pg_temp.check('{"last_name__gt": "Y"}', '{}', $$last_name > 'Y'$$);
SELECT * FROM pg_temp.check('{"last_name__range": ["A", "B"]}', '{}', $$last_name BETWEEN 'A' AND 'B'$$);
SELECT * FROM pg_temp.check('{"gender": "O"}', '{}', $$gender = 'O'$$);
SELECT * FROM pg_temp.check('{"customer_id__startswith": "CUST-00"}', '{}', $$customer_id LIKE 'CUST-00%'$$);
-- Pattern metacharacters in the value are literal.
SELECT * FROM pg_temp.check('{"last_name__contains": "_100%"}', '{}', $$strpos(last_name, '_100%') > 0$$);
SELECT * FROM pg_temp.check('{"last_name__icontains": "%"}', '{}', $$strpos(last_name, '%') > 0$$);
SELECT * FROM pg_temp.check('{"first_name__contains": "\\"}', '{}', $$strpos(first_name, E'\\') > 0$$);
SELECT * FROM pg_temp.check('{"last_name__startswith": "_"}', '{}', $$left(last_name, 1) = '_'$$);

-- NULL handling: a NULL field matches no lookup but isnull / exact null;
-- not keeps rows whose field is NULL.
SELECT * FROM pg_temp.check('{"phone_number": null}', '{}', $$phone_number IS NULL$$);
SELECT * FROM pg_temp.check('{"phone_number__isnull": true}', '{}', $$phone_number IS NULL$$);
SELECT * FROM pg_temp.check('{"phone_number__isnull": false}', '{}', $$phone_number IS NOT NULL$$);
SELECT * FROM pg_temp.check('{"city__isnull": true}', '{}', $$city IS NULL$$);
SELECT * FROM pg_temp.check('{"points__isnull": true}', '{}', $$points IS NULL$$);
SELECT * FROM pg_temp.check('{"not": {"city": "Berlin"}}', '{}', $$city IS DISTINCT FROM 'Berlin'$$);
SELECT * FROM pg_temp.check('{"not": {"points__gte": 1000}}', '{}', $$(points >= 1000) IS NOT TRUE$$);
SELECT * FROM pg_temp.check('{"not": {"phone_number__icontains": "+49"}}', '{}', $$(phone_number ILIKE '%+49%') IS NOT TRUE$$);

-- Numbers, dates, timestamps; values converted to the field's type.
SELECT * FROM pg_temp.check('{"points__gte": 1000}', '{}', $$points >= 1000$$);
SELECT * FROM pg_temp.check('{"points__gte": "1000"}', '{}', $$points >= 1000$$);
SELECT * FROM pg_temp.check('{"points__lt": 10}', '{}', $$points < 10$$);
SELECT * FROM pg_temp.check('{"points__range": [100, 200]}', '{}', $$points BETWEEN 100 AND 200$$);
SELECT * FROM pg_temp.check('{"points__in": [500, 501]}', '{}', $$points IN (500, 501)$$);
SELECT * FROM pg_temp.check('{"points": 500}', '{}', $$points = 500$$);
SELECT * FROM pg_temp.check('{"id__lte": 25}', '{}', $$id <= 25$$);
SELECT * FROM pg_temp.check('{"relationship__points__gt": 5000}', '{}', $$points > 5000$$);
SELECT * FROM pg_temp.check('{"address__city": "Berlin"}', '{}', $$city = 'Berlin'$$);
SELECT * FROM pg_temp.check('{"birthday__gte": "1990-01-01"}', '{}', $$birthday >= '1990-01-01'$$);
SELECT * FROM pg_temp.check('{"birthday__range": ["1960-01-01", "1960-12-31"]}', '{}', $$birthday BETWEEN '1960-01-01' AND '1960-12-31'$$);
SELECT * FROM pg_temp.check('{"created__lt": "2016-01-01T00:00:00Z"}', '{}', $$created < '2016-01-01 00:00+00'$$);
SELECT * FROM pg_temp.check('{"last_activity__gte": "2024-12-01"}', '{}', $$last_activity >= '2024-12-01'$$);

-- Transforms: year, month, day on dates and timestamps, date on timestamps.
SELECT * FROM pg_temp.check('{"birthday__year": 1980}', '{}', $$extract(year FROM birthday) = 1980$$);
SELECT * FROM pg_temp.check('{"birthday__year__gte": 2000}', '{}', $$extract(year FROM birthday) >= 2000$$);
SELECT * FROM pg_temp.check('{"birthday__month": 11}', '{}', $$extract(month FROM birthday) = 11$$);
SELECT * FROM pg_temp.check('{"birthday__day__in": [1, 31]}', '{}', $$extract(day FROM birthday) IN (1, 31)$$);
SELECT * FROM pg_temp.check('{"created__year": 2020}', '{}', $$extract(year FROM created) = 2020$$);
SELECT * FROM pg_temp.check('{"created__month__lte": 2}', '{}', $$extract(month FROM created) <= 2$$);
SELECT * FROM pg_temp.check('{"created__date": "2020-06-15"}', '{}', $$created::date = '2020-06-15'$$);
SELECT * FROM pg_temp.check('{"last_activity__date__gte": "2024-12-15"}', '{}', $$last_activity::date >= '2024-12-15'$$);
SELECT * FROM pg_temp.check('{"not": {"last_activity__year": 2024}}', '{}', $$(extract(year FROM last_activity) = 2024) IS NOT TRUE$$);

-- Nested or / and / not.
SELECT * FROM pg_temp.check('{"or": [{"city": "Berlin"}, {"city": "Paris"}], "points__gte": 100}', '{}',
    $$(city = 'Berlin' OR city = 'Paris') AND points >= 100$$);
SELECT * FROM pg_temp.check('{"and": [{"gender": "F"}, {"or": [{"points__lt": 50}, {"not": {"points__isnull": false}}]}]}', '{}',
    $$gender = 'F' AND (points < 50 OR points IS NULL)$$);
SELECT * FROM pg_temp.check('{"not": {"or": [{"country": "Germany"}, {"gender": "M"}]}}', '{}',
    $$NOT ((country = 'Germany') IS TRUE OR gender = 'M')$$);
SELECT * FROM pg_temp.check('{"or": []}', '{}', $$false$$);
SELECT * FROM pg_temp.check('{"and": []}', '{}', $$true$$);

-- Sorts on every field, both directions; NULLs last ascending, first descending.
SELECT s.key, c.matches, c.same
FROM unnest(ARRAY['id', 'first_name', 'last_name', 'gender', 'customer_id', 'phone_number', 'birthday', 'created',
                  'last_updated', 'address_id', 'street', 'street_number', 'city_code', 'city', 'country',
                  'relationship_id', 'points', 'relationship_created', 'last_activity']) AS s(key),
     LATERAL (SELECT * FROM pg_temp.check('{"id__lte": 1500}', ARRAY[s.key], 'id <= 1500',
                                          format('%I ASC NULLS LAST, id', s.key))) c
UNION ALL
SELECT '-' || s.key, c.matches, c.same
FROM unnest(ARRAY['id', 'first_name', 'last_name', 'gender', 'customer_id', 'phone_number', 'birthday', 'created',
                  'last_updated', 'address_id', 'street', 'street_number', 'city_code', 'city', 'country',
                  'relationship_id', 'points', 'relationship_created', 'last_activity']) AS s(key),
     LATERAL (SELECT * FROM pg_temp.check('{"id__lte": 1500}', ARRAY['-' || s.key], 'id <= 1500',
                                          format('%I DESC NULLS FIRST, id', s.key))) c;
SELECT * FROM pg_temp.check('{}', '{-points,last_name}', 'true', 'points DESC NULLS FIRST, last_name, id');
SELECT * FROM pg_temp.check('{}', '{city,-created}', 'true', 'city NULLS LAST, created DESC, id');
SELECT * FROM pg_temp.check('{}', '{-relationship__points,address__city,-id}', 'true', 'points DESC NULLS FIRST, city NULLS LAST, id DESC');

-- Keyset paging: walk every sort forwards and backwards with small pages;
-- each row must come exactly once, in the reference order.
CREATE FUNCTION pg_temp.walk(f jsonb, s text[], page int) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE ids bigint[] := '{}'; cur text := NULL; n int; r record;
BEGIN
    LOOP
        n := 0;
        FOR r IN SELECT l.id, l.cursor FROM contacts_list(f, s, cur, page) l LOOP
            ids := ids || r.id; cur := r.cursor; n := n + 1;
        END LOOP;
        EXIT WHEN n < page;
    END LOOP;
    RETURN ids;
END $$;
CREATE FUNCTION pg_temp.walk_back(f jsonb, s text[], page int) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE ids bigint[] := '{}'; cur text := NULL; n int; page_ids bigint[]; first_cursor text; r record;
BEGIN
    LOOP
        n := 0; page_ids := '{}'; first_cursor := NULL;
        FOR r IN SELECT l.id, l.cursor FROM contacts_list(f, s, cur, -page) l LOOP
            page_ids := page_ids || r.id; n := n + 1;
            IF first_cursor IS NULL THEN first_cursor := r.cursor; END IF;
        END LOOP;
        ids := page_ids || ids; cur := first_cursor;
        EXIT WHEN n < page;
    END LOOP;
    RETURN ids;
END $$;
CREATE FUNCTION pg_temp.ref_ids(w text, o text) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE ids bigint[];
BEGIN
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM (SELECT id FROM ref WHERE %s ORDER BY %s) t', w, o) INTO ids;
    RETURN ids;
END $$;
SELECT s.sort, pg_temp.walk(f, s.sort, 7) = want AS forward_ok, pg_temp.walk_back(f, s.sort, 7) = want AS backward_ok,
       cardinality(want) AS rows
FROM (VALUES ('{}'::text[], 'id'),
             ('{-points,last_name}', 'points DESC NULLS FIRST, last_name, id'),
             ('{city,-id}', 'city NULLS LAST, id DESC'),
             ('{-city}', 'city DESC NULLS FIRST, id'),
             ('{last_activity,-phone_number}', 'last_activity NULLS LAST, phone_number DESC NULLS FIRST, id'),
             ('{-birthday,gender}', 'birthday DESC NULLS FIRST, gender, id'),
             ('{points}', 'points NULLS LAST, id')) AS s(sort, o),
     LATERAL (SELECT '{"or": [{"id__lte": 60}, {"id__range": [2950, 3000]}, {"points": 500}]}'::jsonb AS f) ff,
     LATERAL (SELECT pg_temp.ref_ids('id <= 60 OR id BETWEEN 2950 AND 3000 OR points = 500', o) AS want) w;

-- Cursors on timestamps mean the same instant in every session time zone
-- (and are created and used in different ones here).
SET TimeZone = 'Europe/Berlin';
SELECT cursor AS berlin_cursor FROM contacts_list('{}', '{created}', NULL, 3) OFFSET 2 \gset
SET TimeZone = 'America/Los_Angeles';
SELECT array_agg(id) = (SELECT array_agg(id) FROM (SELECT id FROM ref ORDER BY created, id OFFSET 3 LIMIT 3) t)
       AS next_page_ok
FROM contacts_list('{}', '{created}', :'berlin_cursor', 3);
SELECT pg_temp.walk('{"id__lte": 300}', '{-last_activity}', 9) = pg_temp.ref_ids('id <= 300', 'last_activity DESC NULLS FIRST, id')
       AS walk_ok_outside_utc;
SET TimeZone = 'UTC';

-- Paging ends: a NULL cursor with a negative limit is the last page; after
-- the last row there is nothing; before the first row there is nothing.
SELECT array_agg(id ORDER BY id) AS last_page FROM contacts_list('{}', '{}', NULL, -3);
SELECT count(*) AS after_last
FROM contacts_list('{}', '{}', (SELECT cursor FROM contacts_list('{}', '{}', NULL, -1)), 10);
SELECT count(*) AS before_first
FROM contacts_list('{}', '{}', (SELECT cursor FROM contacts_list('{}', '{}', NULL, 1)), -10);
SELECT array_agg(id) AS page_after_3 FROM contacts_list('{}', '{}', (SELECT cursor FROM contacts_list('{}', '{}', NULL, 3) OFFSET 2), 3);

-- The page shape: 20 columns, cursors URL-safe.
SELECT id, first_name, last_name, gender, city, country, points, cursor ~ '^[A-Za-z0-9_-]+$' AS url_safe
FROM contacts_list('{"id__lte": 3}');

-- Cursors are bound to their sort and integrity-checked.
SELECT * FROM contacts_list('{}', '{last_name}', (SELECT cursor FROM contacts_list('{}', '{city}', NULL, 1)), 5);
SELECT * FROM contacts_list('{}', '{}', 'garbage', 5);
SELECT * FROM contacts_list('{}', '{}', '', 5);
SELECT * FROM contacts_list('{}', '{}', (SELECT overlay(cursor placing (CASE WHEN substr(cursor, 5, 1) = 'A' THEN 'B' ELSE 'A' END) from 5 for 1)
                                         FROM contacts_list('{}', '{}', NULL, 1)), 5);
SELECT * FROM contacts_list('{}', '{}', repeat('A', 2000000), 5);

-- Errors: unknown field (42703, listing the fields), unknown lookup, bad
-- value, bad limit (22023 / 22P02). Each names the key.
\set VERBOSITY default
SELECT * FROM contacts_list('{"nickname": "x"}');
SELECT * FROM contacts_list('{"first_name__like": "x"}');
SELECT * FROM contacts_list('{"points__gte": "abc"}');
SELECT * FROM contacts_list('{"points__gte": 1.5}');
SELECT * FROM contacts_list('{"points__gte": 99999999999}');
SELECT * FROM contacts_list('{"birthday__gte": "2024-13-45"}');
SELECT * FROM contacts_list('{"created__lt": "yesterday-ish"}');
SELECT * FROM contacts_list('{"points__in": 5}');
SELECT * FROM contacts_list('{"points__range": [1]}');
SELECT * FROM contacts_list('{"points__isnull": "yes"}');
SELECT * FROM contacts_list('{"birthday__month__icontains": "1"}');
SELECT * FROM contacts_list('{"points__unaccent__exact": 1}');
SELECT * FROM contacts_list('{"or": {"city": "x"}}');
SELECT * FROM contacts_list('{"not": [1]}');
SELECT * FROM contacts_list('[1, 2]');
SELECT * FROM contacts_list('{}', '{nickname}');
SELECT * FROM contacts_list('{}', '{city,city}');
SELECT * FROM contacts_list('{}', ARRAY[NULL]::text[]);
SELECT * FROM contacts_list('{}', '{}', NULL, 0);
SELECT * FROM contacts_list('{}', '{}', NULL, 1001);
SELECT * FROM contacts_list('{}', '{}', NULL, NULL);
SET contacts_ext.max_limit = 5000;
SELECT count(*) FROM contacts_list('{}', '{}', NULL, 1001);
RESET contacts_ext.max_limit;
\set VERBOSITY terse

-- NULL filter and sort mean the defaults.
SELECT count(*) FROM contacts_list(NULL, NULL, NULL, 10);

-- contacts_count: exact, capped, planned, estimated.
SELECT contacts_count('{"points__gte": 1000}') = (SELECT count(*) FROM ref WHERE points >= 1000) AS exact_ok;
SELECT contacts_count() AS all_contacts;
SELECT contacts_count('{"city__isnull": true}') = (SELECT count(*) FROM ref WHERE city IS NULL) AS joined_null_ok;
SELECT contacts_count('{}', 'exact', 100) AS capped, contacts_count('{"id__lte": 10}', 'exact', 100) AS under_cap;
SELECT contacts_count('{}', 'planned') BETWEEN 2500 AND 3500 AS planned_close;
-- Nothing filtered: the planner's estimate for the table, read without
-- planning, so it must equal EXPLAIN's, also while the table has grown since
-- its statistics were taken (the estimate scales with the table's pages).
CREATE FUNCTION pg_temp.plan_rows(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO p;
    RETURN (p -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;
SELECT contacts_count('{}', 'planned') = pg_temp.plan_rows('SELECT 1 FROM app_user') AS planned_is_explains;
SELECT contacts_count('{"id__lte": 10}', 'estimated') AS estimated_small;
SET contacts_ext.count_exact_threshold = 0;
SELECT contacts_count('{}', 'estimated') BETWEEN 2500 AND 3500 AS estimated_uses_plan;
SELECT contacts_count('{}', 'estimated', 10) AS estimated_capped;
RESET contacts_ext.count_exact_threshold;
BEGIN;
INSERT INTO app_user (first_name, last_name, gender, customer_id, created, last_updated)
SELECT first_name, last_name, gender, 'copy-' || customer_id, created, last_updated FROM app_user;
SELECT contacts_count('{}', 'planned') = pg_temp.plan_rows('SELECT 1 FROM app_user') AS grown_is_explains,
       contacts_count('{}', 'planned') > 5000 AS grown_is_seen,
       contacts_count('{"and": []}', 'planned') = contacts_count('{}', 'planned') AS empty_and_same;
ROLLBACK;
-- The rolled-back rows' pages are truncated away again.
VACUUM app_user;
SELECT contacts_count('{}', 'planned') BETWEEN 2500 AND 3500 AS planned_close_again;
SELECT contacts_count('{}', 'guess');
SELECT contacts_count('{}', 'exact', -1);
SELECT contacts_count('{"nickname": 1}');

-- contacts_explain: the SQL, its parameters, the plan.
SELECT line FROM contacts_explain('{"points__gte": 1000, "city": "Berlin"}', '{-points}', NULL, 10) AS line
WHERE line LIKE '--%' OR line LIKE '$%';
SELECT count(*) > 0 AS has_plan FROM contacts_explain('{}', '{}', NULL, 10) AS line WHERE line LIKE '%Limit%';

-- Plan choice per shape: five calls planned with their values; when their
-- plans agree with the generic plan, the generic plan serves the shape.
SELECT count(*) FROM generate_series(1, 5) g,
    LATERAL contacts_list(jsonb_build_object('gender', (ARRAY['F','M','O'])[g % 3 + 1]), '{last_name}', NULL, 7) l;
SELECT line FROM contacts_explain('{"gender": "F"}', '{last_name}', NULL, 7) AS line WHERE line LIKE '-- plan choice%';
-- The generic plan is checked against a plan made with the values after 32
-- more calls (call 37), then after 64 more (101), doubling while they agree.
SELECT count(*) FROM generate_series(1, 32) g,
    LATERAL contacts_list(jsonb_build_object('gender', (ARRAY['F','M','O'])[g % 3 + 1]), '{last_name}', NULL, 7) l;
SELECT line FROM contacts_explain('{"gender": "F"}', '{last_name}', NULL, 7) AS line WHERE line LIKE '-- plan choice%';
-- A text pattern is planned with its value on every call.
SELECT line FROM contacts_explain('{"last_name__icontains": "er"}', '{}', NULL, 7) AS line WHERE line LIKE '-- plan choice%';
SELECT bool_or(line LIKE '%actual time%') AS analyzed FROM contacts_explain('{}', '{}', NULL, 10, true) AS line;

-- Privileges and row level security of the caller apply.
CREATE ROLE regress_contacts_tenant;
SET ROLE regress_contacts_tenant;
SELECT count(*) FROM contacts_list('{}');
-- A planned count is not run, yet the privileges running it needs are checked.
SELECT contacts_count('{}', 'planned');
SELECT contacts_count('{"points__gte": 10}', 'planned');
SELECT contacts_count('{}', 'estimated');
RESET ROLE;
GRANT SELECT (id) ON app_user TO regress_contacts_tenant;
SET ROLE regress_contacts_tenant;
SELECT contacts_count('{}', 'planned') > 0 AS one_column_grant_is_enough;
SELECT contacts_count('{"points__gte": 10}', 'planned');
RESET ROLE;
REVOKE ALL ON app_user FROM regress_contacts_tenant;
GRANT SELECT ON app_user, address, customer_relationship TO regress_contacts_tenant;
SELECT count(*) AS germany FROM ref WHERE country = 'Germany' \gset
SELECT contacts_count('{}', 'planned') AS all_planned \gset
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY germany_only ON app_user TO regress_contacts_tenant
    USING (address_id IN (SELECT id FROM address WHERE country = 'Germany'));
SET ROLE regress_contacts_tenant;
SELECT count(*) = :germany AS list_sees_policy,
       bool_and(country = 'Germany') AS only_germany
FROM contacts_list('{}', '{}', NULL, 1000);
-- The policy's condition is planned too: fewer than all contacts.
SELECT contacts_count('{}', 'planned') < :all_planned AS planned_sees_policy;
SELECT contacts_count() = :germany AS count_sees_policy,
       (SELECT count(*) FROM contacts_explain('{}', '{}', NULL, 1000, true) AS line
        WHERE line LIKE '%Filter: (hashed SubPlan%' OR line LIKE '%SubPlan%') > 0 AS explain_shows_policy;
-- A cursor taken from a row outside the policy shows nothing more.
RESET ROLE;
SELECT cursor AS outside_cursor FROM contacts_list('{"country": "France"}', '{}', NULL, 1) \gset
SET ROLE regress_contacts_tenant;
SELECT bool_and(country = 'Germany') AS still_only_germany FROM contacts_list('{}', '{}', :'outside_cursor', 100);
RESET ROLE;
DROP POLICY germany_only ON app_user;
ALTER TABLE app_user DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON app_user, address, customer_relationship FROM regress_contacts_tenant;
DROP ROLE regress_contacts_tenant;

-- A hostile search_path changes nothing: the functions pin theirs.
CREATE SCHEMA evil;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$;
CREATE FUNCTION evil.texteq_any(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq_any);
SET search_path = evil, public, pg_catalog;
SELECT count(*) AS berlin_only FROM contacts_list('{"city": "Berlin"}', '{}', NULL, 1000) WHERE city <> 'Berlin';
RESET search_path;
DROP SCHEMA evil CASCADE;
