-- The values the scenarios draw from, one table for every strategy:
-- bench_keys.pick(scenario, n, ...), n = 1..:picks. A pgbench script picks a
-- row with \set i random(1, :picks) and one indexed lookup (\gset), the same
-- statement for every strategy of a scenario, so each strategy gets the same
-- values and pays the same (measured: floor_pick) for getting them.
--
--   v, v2   a filter value or search term (v2: the digits of a phone term)
--   off     the OFFSET of the page (strategies 1-3)
--   k_id, k_text  the sort key of the row before the page (keyset SQL)
--   cursor  contacts_list's cursor of that row (strategy 5)
--
-- Deterministic: setseed() and the deterministic data make the same picks on
-- every run at the same scale.
--
--   psql -v picks=100 -f picks.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_keys CASCADE;
CREATE SCHEMA bench_keys;
CREATE TABLE bench_keys.pick (
    scenario text NOT NULL,
    n        int NOT NULL,
    v        text,
    v2       text,
    off      bigint,
    k_id     bigint,
    k_text   text,
    cursor   text,
    PRIMARY KEY (scenario, n)
);

SELECT count(*) AS contacts, max(id) AS max_id FROM public.app_user \gset
SELECT setseed(0.42);

-- :picks random contacts (with repetition), weighted as the data is: a
-- common name or country is picked more often, as users would.
CREATE TEMP TABLE sample AS
SELECT g AS n, u.*, a.street, a.city, a.country
FROM generate_series(1, :picks) g
CROSS JOIN LATERAL (SELECT * FROM public.app_user u
                    WHERE u.id >= 1 + floor(random() * :max_id)::bigint + 0 * g
                    ORDER BY u.id LIMIT 1) u
LEFT JOIN public.address a ON a.id = u.address_id;

-- Exact first names; countries (3% of contacts each, about).
INSERT INTO bench_keys.pick (scenario, n, v) SELECT 'first_name', n, first_name FROM sample;
INSERT INTO bench_keys.pick (scenario, n, v)
SELECT 'country', n, coalesce(country, 'Germany') FROM sample;

-- icontains fragments of 2, 3 and 4 letters, lower case, from the first
-- names (at a random position).
INSERT INTO bench_keys.pick (scenario, n, v)
SELECT 'fragment' || k, s.n, lower(substr(x.first_name, 1 + floor(random() * (length(x.first_name) - k + 1))::int, k))
FROM sample s
CROSS JOIN (VALUES (2), (3), (4)) AS len(k)
CROSS JOIN LATERAL (SELECT u.first_name FROM public.app_user u
                    WHERE u.id >= s.id AND length(u.first_name) >= k
                    ORDER BY u.id LIMIT 1) x;

-- Search terms. common: a first name (0.1-1% of contacts, more with the
-- other columns); rare: 8 hex digits of a customer_id (one contact);
-- accented: a last name with an accent, typed without it ("muller" finds
-- Müller); phone: 7 digits of a phone number typed as "xxx-xxxx" (matches by
-- digits whatever the formatting).
INSERT INTO bench_keys.pick (scenario, n, v) SELECT 'search_common', n, lower(first_name) FROM sample;
INSERT INTO bench_keys.pick (scenario, n, v)
SELECT 'search_rare', s.n, x.hex
FROM sample s
CROSS JOIN LATERAL (SELECT substr(u.customer_id, 6, 8) AS hex FROM public.app_user u
                    WHERE u.id >= s.id AND substr(u.customer_id, 6, 8) ~ '[a-f]'  -- not phone-like
                    ORDER BY u.id LIMIT 1) x;
INSERT INTO bench_keys.pick (scenario, n, v)
SELECT 'search_accented', s.n, lower(public.unaccent(x.last_name))
FROM sample s
CROSS JOIN LATERAL (SELECT u.last_name FROM public.app_user u
                    WHERE u.id >= s.id AND u.last_name <> public.unaccent(u.last_name)
                    ORDER BY u.id LIMIT 1) x;
INSERT INTO bench_keys.pick (scenario, n, v, v2)
SELECT 'search_phone', s.n, left(d, 3) || '-' || substr(d, 4, 4), d
FROM sample s
CROSS JOIN LATERAL (SELECT right(regexp_replace(u.phone_number, '[^0-9]', '', 'g'), 7) AS d
                    FROM public.app_user u
                    WHERE u.id >= s.id AND u.phone_number IS NOT NULL
                    ORDER BY u.id LIMIT 1) x;

-- Pages (50 rows) in id order: the middle one, :picks random ones (never the
-- first, which has no key before it); and the
-- middle one in last_name order. For page p: off = (p - 1) * 50, and the key
-- (and cursor) of the row at off - 1.
CREATE TEMP TABLE pages AS
SELECT 'page_middle' AS scenario, 1 AS n, (:contacts / 2 / 50) * 50::bigint AS off
UNION ALL
SELECT 'page_random', g, (1 + floor(random() * (ceil(:contacts / 50.0) - 1)))::bigint * 50 FROM generate_series(1, :picks) g
UNION ALL
SELECT 'page_middle_by_name', 1, (:contacts / 2 / 50) * 50::bigint;

INSERT INTO bench_keys.pick (scenario, n, off, k_id, k_text, cursor)
SELECT p.scenario, p.n, p.off, o.id, NULL,
       (SELECT l.cursor FROM public.contacts_list(jsonb_build_object('id', o.id), '{}', NULL, 1) l)
FROM pages p
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS pos FROM public.app_user) o ON o.pos = p.off - 1
WHERE p.scenario LIKE 'page\_%' AND p.scenario <> 'page_middle_by_name';

INSERT INTO bench_keys.pick (scenario, n, off, k_id, k_text, cursor)
SELECT p.scenario, p.n, p.off, o.id, o.last_name,
       (SELECT l.cursor FROM public.contacts_list(jsonb_build_object('id', o.id), '{last_name}', NULL, 1) l)
FROM pages p
JOIN (SELECT id, last_name, row_number() OVER (ORDER BY last_name, id) - 1 AS pos FROM public.app_user) o
  ON o.pos = p.off - 1
WHERE p.scenario = 'page_middle_by_name';

-- The last page (OFFSET for strategies 1-3; the others read it backwards).
INSERT INTO bench_keys.pick (scenario, n, off)
SELECT 'page_last', 1, (ceil(:contacts / 50.0)::bigint - 1) * 50;

VACUUM ANALYZE bench_keys.pick;
SELECT scenario, count(*) AS picks, min(v) AS example FROM bench_keys.pick GROUP BY 1 ORDER BY 1;
