-- Limits of the filter document, as the errors SQL callers see: pattern
-- values and "search" strings (1,000 characters, counted as characters),
-- and the document limits (nesting, array length, string size, number of
-- conditions and search terms). Every limit is SQLSTATE 54000
-- (program_limit_exceeded) and names the key and the limit.
SET client_min_messages = warning;
SET contacts_ext.allow_drop_with_data = on;
DROP EXTENSION IF EXISTS contacts_ext;
CREATE EXTENSION contacts_ext;
SELECT contacts_seed(300, 5);
RESET client_min_messages;

-- try(filter): "ok: <rows returned>" from contacts_list, or "SQLSTATE: message".
CREATE FUNCTION pg_temp.try(f jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE n bigint; st text; msg text;
BEGIN
    SELECT count(*) INTO n FROM contacts_list(f, '{}', NULL, 10);
    RETURN 'ok: ' || n;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    RETURN st || ': ' || msg;
END $$;
-- The same through contacts_count.
CREATE FUNCTION pg_temp.try_count(f jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE n bigint; st text; msg text;
BEGIN
    n := contacts_count(f);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    RETURN st || ': ' || msg;
END $$;

-----------------------------------------------------------------------------
-- Pattern values: 999 and 1,000 characters pass, 1,001 do not, for every
-- pattern lookup, trigram_similar and the lookups after unaccent.
-----------------------------------------------------------------------------

SELECT k, n, pg_temp.try(jsonb_build_object(k, repeat('a', n))) AS result
  FROM unnest(ARRAY['last_name__iexact', 'last_name__contains', 'last_name__icontains',
                    'first_name__startswith', 'first_name__istartswith', 'street__endswith',
                    'street__iendswith', 'city__trigram_similar', 'city__unaccent__exact',
                    'city__unaccent__icontains', 'country__unaccent__iendswith']) AS k,
       unnest(ARRAY[999, 1000, 1001]) AS n
 ORDER BY k, n;

-- Characters, not bytes: 1,000 x "ü" (2,000 bytes) and 1,000 x an emoji
-- (4,000 bytes) pass; one more fails.
SELECT u, octet_length(repeat(u, n)) AS bytes, n AS characters,
       pg_temp.try(jsonb_build_object('last_name__icontains', repeat(u, n))) AS result
  FROM unnest(ARRAY['ü', '€', '😀']) AS u, unnest(ARRAY[1000, 1001]) AS n
 ORDER BY octet_length(u), n;

-- Nested positions are named; contacts_count parses the same filter.
SELECT pg_temp.try(jsonb_build_object('or', jsonb_build_array(jsonb_build_object('id', 1),
           jsonb_build_object('not', jsonb_build_object('city__icontains', repeat('x', 5000)))))) AS nested;
SELECT pg_temp.try_count(jsonb_build_object('last_name__icontains', repeat('a', 1000))) AS count_at_limit,
       pg_temp.try_count(jsonb_build_object('last_name__icontains', repeat('a', 1001))) AS count_above;

-- Not patterns: equality, ordering and in keep the 1 MB string limit.
SELECT pg_temp.try(jsonb_build_object('last_name', repeat('a', 5000))) AS exact,
       pg_temp.try(jsonb_build_object('last_name__gte', repeat('z', 5000))) AS gte,
       pg_temp.try(jsonb_build_object('last_name__in', jsonb_build_array(repeat('a', 5000)))) AS "in";

-- The error as a client sees it, with its detail.
SELECT id FROM contacts_list(jsonb_build_object('first_name__iendswith', repeat('e', 1001)));

-----------------------------------------------------------------------------
-- "search": the whole string, white space included, at most 1,000
-- characters (and at most 32 terms).
-----------------------------------------------------------------------------

SELECT n, pg_temp.try(jsonb_build_object('search', repeat('q', n))) AS result
  FROM unnest(ARRAY[999, 1000, 1001]) AS n ORDER BY n;
SELECT pg_temp.try(jsonb_build_object('search', repeat('ab ', 30) || repeat(' ', 910))) AS spaces_at_limit,
       pg_temp.try(jsonb_build_object('search', repeat('ab ', 30) || repeat(' ', 911))) AS spaces_above;
SELECT pg_temp.try(jsonb_build_object('search', repeat('ab ', 32))) AS terms_32,
       pg_temp.try(jsonb_build_object('search', repeat('ab ', 33))) AS terms_33;
SELECT id FROM contacts_list(jsonb_build_object('search', repeat('Müller ', 200)));

-----------------------------------------------------------------------------
-- The document limits.
-----------------------------------------------------------------------------

-- Nesting: 32 levels pass, 33 do not (d "not"s around {"id": 1} are d + 1 levels).
SELECT d, pg_temp.try((repeat('{"not": ', d) || '{"id": 1}' || repeat('}', d))::jsonb) AS result
  FROM unnest(ARRAY[30, 31, 32]) AS d ORDER BY d;
-- Arrays: 1,000 elements pass, 1,001 do not.
SELECT n, pg_temp.try(jsonb_build_object('id__in', (SELECT jsonb_agg(i) FROM generate_series(1, n) i))) AS result
  FROM unnest(ARRAY[1000, 1001]) AS n ORDER BY n;
-- Conditions: 1,000 per filter (here 600 ANDed and 400 or 401 ORed).
SELECT n, pg_temp.try(jsonb_build_object(
           'and', (SELECT jsonb_agg(jsonb_build_object('id__gte', i)) FROM generate_series(1, 600) i),
           'or', (SELECT jsonb_agg(jsonb_build_object('id', i)) FROM generate_series(1, n - 600) i))) AS result
  FROM unnest(ARRAY[1000, 1001]) AS n ORDER BY n;
-- Strings: 1 MB for any value (here an exact match).
SELECT pg_temp.try(jsonb_build_object('last_name', repeat('a', 1024 * 1024 + 1))) AS string_over_1mb;
