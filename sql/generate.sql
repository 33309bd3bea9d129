-- contacts_generate: deterministic, realistic, and a pure function of (seed, id).
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- A checksum of every value of the first 10,000 contacts of seed 42. It is
-- fixed here on purpose: the same rows must come out on any machine, so a
-- change of this value is a change of every benchmark's data set.
SELECT count(*) AS n, md5(string_agg(g::text, E'\n' ORDER BY id)) AS checksum
FROM contacts_generate(10000, 42) g;

-- Rows 51..150 of a 200-row run equal a 100-row run starting at id 51.
SELECT (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(100, 42, 51) g)
     = (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(200, 42) g WHERE g.id BETWEEN 51 AND 150)
       AS split_equal;

-- Another seed is another data set; the same seed is the same one.
SELECT (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(50, 1) g)
    <> (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(50, 2) g) AS seeds_differ,
       (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(50, 1) g)
     = (SELECT array_agg(g ORDER BY g.id) FROM contacts_generate(50, 1) g) AS same_seed_same_rows;

-- Ids and the ids of the parts.
SELECT min(id), max(id), count(DISTINCT id),
       bool_and(address_id IS NULL OR address_id = id) AS address_id_is_id,
       bool_and(relationship_id IS NULL OR relationship_id = id) AS relationship_id_is_id
FROM contacts_generate(1000, 42, 1000001);

-- Value formats and ranges over 100,000 contacts. The reference date is
-- 2025-01-01 00:00 UTC.
SELECT count(*) FILTER (WHERE customer_id !~ '^CUST-[0-9a-f]{12}$') AS bad_customer_ids,
       count(DISTINCT customer_id) = count(*) AS customer_ids_unique,
       array_agg(DISTINCT gender ORDER BY gender) AS genders,
       max(birthday) <= date '2025-01-01' - interval '18 years' AS youngest_is_18,
       min(birthday) > date '2025-01-01' - interval '96 years' AS oldest_is_95,
       min(created) >= timestamptz '2025-01-01' - interval '10 years' AS created_min_ok,
       max(created) <= timestamptz '2025-01-01' AS created_max_ok,
       bool_and(last_updated >= created AND last_updated <= '2025-01-01') AS last_updated_ok,
       bool_and(relationship_created IS NULL OR relationship_created <= '2025-01-01') AS rel_created_ok,
       bool_and(last_activity IS NULL OR (last_activity > relationship_created AND last_activity <= '2025-01-01'))
           AS last_activity_ok,
       min(points) >= 0 AND max(points) <= 100000 AS points_range_ok,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY points) < 1000 AS points_median_below_1000,
       count(*) FILTER (WHERE points >= 10000) > 0 AS some_points_above_10000
FROM contacts_generate(100000, 42);

-- How often parts are missing (about 2% without address, 5% without relationship).
SELECT round(100.0 * count(*) FILTER (WHERE address_id IS NULL) / count(*)) AS pct_without_address,
       round(100.0 * count(*) FILTER (WHERE relationship_id IS NULL) / count(*)) AS pct_without_relationship,
       bool_and((address_id IS NULL) = (city IS NULL AND street IS NULL AND country IS NULL)) AS address_all_or_nothing,
       bool_and((relationship_id IS NULL) = (points IS NULL)) AS relationship_all_or_nothing
FROM contacts_generate(100000, 42);

-- Realistic variety and selectivity: enough names, cities and countries; a
-- common first name matches about 0.5-1% of contacts, a city about 0.1%.
WITH g AS (SELECT * FROM contacts_generate(100000, 42))
SELECT (SELECT count(DISTINCT first_name) FROM g) >= 300 AS first_names_300,
       (SELECT count(DISTINCT last_name) FROM g) >= 500 AS last_names_500,
       (SELECT count(DISTINCT city) FROM g) >= 1000 AS cities_1000,
       (SELECT count(DISTINCT country) FROM g) >= 30 AS countries_30,
       (SELECT max(c) FROM (SELECT count(*) AS c FROM g GROUP BY first_name) s) BETWEEN 400 AND 1200
           AS top_first_name_share_ok,
       (SELECT max(c) FROM (SELECT count(*) AS c FROM g WHERE city IS NOT NULL GROUP BY city, country) s) <= 300
           AS top_city_share_ok;

-- Real non-ASCII spellings are there.
WITH g AS (SELECT * FROM contacts_generate(100000, 42))
SELECT bool_or(last_name = 'Müller') AS "Müller", bool_or(last_name = 'García') AS "García",
       bool_or(first_name = 'Łukasz') AS "Łukasz", bool_or(first_name = 'Zoë') AS "Zoë",
       bool_or(city = 'São Paulo') AS "São Paulo", bool_or(city = 'München') AS "München"
FROM g;

-- A phone number carries its country's calling code.
SELECT country, bool_and(phone_number LIKE prefix || ' %') AS phone_prefix_ok
FROM contacts_generate(20000, 42)
JOIN (VALUES ('Germany', '+49'), ('France', '+33'), ('United States', '+1'), ('Poland', '+48')) AS p(c, prefix)
  ON p.c = country
WHERE phone_number IS NOT NULL
GROUP BY country ORDER BY country;

-- Value-per-call: in a target list, LIMIT stops generation early, even for a huge n.
SELECT count(*) FROM (SELECT contacts_generate(1000000000000) LIMIT 3) s;
SELECT count(*) FROM contacts_generate(0);

-- Errors name the argument and say what is allowed.
SELECT * FROM contacts_generate(-1);
SELECT * FROM contacts_generate(NULL);
SELECT * FROM contacts_generate(10, NULL);
SELECT * FROM contacts_generate(10, 0, NULL);
SELECT * FROM contacts_generate(10, 0, 0);
SELECT * FROM contacts_generate(10, 0, 281474976710650);
