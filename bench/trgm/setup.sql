-- bench/trgm: the data and helpers of the contacts_trgm_ops vs pg_trgm benchmark.
-- psql -v scale=N -f setup.sql (in a fresh database with contacts_ext).
--
-- Two identical tables of N generated contacts (first_name, last_name and
-- the address columns street, city, country), one per engine, so each query
-- can only use its own engine's indexes.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- contacts_generate evaluated in the target list: one call per row, no
-- materialisation of the whole set.
CREATE TABLE tb_ours AS
SELECT (r).id, (r).first_name, (r).last_name, (r).street, (r).city, (r).country
  FROM (SELECT contacts_generate(:scale, 0) AS r) g;
ALTER TABLE tb_ours ADD PRIMARY KEY (id);
CREATE TABLE tb_pg AS SELECT * FROM tb_ours;
ALTER TABLE tb_pg ADD PRIMARY KEY (id);

-- The usual immutable wrapper that lets pg_trgm index unaccented text.
CREATE FUNCTION f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- contacts_ext ships its searched columns with statistics target 1000 (its
-- estimators cache the folded sample); pg_trgm users keep the default.
ALTER TABLE tb_ours ALTER first_name SET STATISTICS 1000, ALTER last_name SET STATISTICS 1000,
    ALTER street SET STATISTICS 1000, ALTER city SET STATISTICS 1000, ALTER country SET STATISTICS 1000;

-- Server-side timing of one statement, planning included (EXECUTE plans each
-- time): n runs after one warm-up run, in milliseconds. Stops early after
-- `budget_ms` of total time (at least 3 runs).
CREATE FUNCTION bench_time(query text, n int, budget_ms float8) RETURNS float8[]
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    spent float8 := 0;
    d float8;
    out float8[] := '{}';
    r record;
BEGIN
    EXECUTE query INTO r;  -- warm-up
    FOR i IN 1..n LOOP
        t0 := clock_timestamp();
        EXECUTE query INTO r;
        d := extract(epoch FROM clock_timestamp() - t0) * 1000;
        out := out || d;
        spent := spent + d;
        EXIT WHEN i >= 3 AND spent > budget_ms;
    END LOOP;
    RETURN out;
END $$;

-- The same for two statements (one per engine) in one session, alternating
-- in the order A B B A so that a change in the machine's load while they run
-- falls on both alike: n runs of each after one warm-up of each. Stops early
-- after `budget_ms` of total time (at least 3 runs each).
CREATE FUNCTION bench_pair(query_a text, query_b text, n int, budget_ms float8,
                           OUT a float8[], OUT b float8[])
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    spent float8 := 0;
    d float8;
    r record;
    q text;
    first boolean;
BEGIN
    a := '{}';
    b := '{}';
    EXECUTE query_a INTO r;  -- warm-up
    EXECUTE query_b INTO r;
    FOR i IN 1..n LOOP
        FOREACH first IN ARRAY CASE WHEN i % 2 = 1 THEN ARRAY[true, false] ELSE ARRAY[false, true] END LOOP
            q := CASE WHEN first THEN query_a ELSE query_b END;
            t0 := clock_timestamp();
            EXECUTE q INTO r;
            d := extract(epoch FROM clock_timestamp() - t0) * 1000;
            IF first THEN a := a || d; ELSE b := b || d; END IF;
            spent := spent + d;
        END LOOP;
        EXIT WHEN i >= 3 AND spent > budget_ms;
    END LOOP;
END $$;

CREATE FUNCTION percentile(v float8[], p float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
    SELECT percentile_cont(p) WITHIN GROUP (ORDER BY x) FROM unnest(v) x
$$;

-- Terms: for each column and length, from a 1-in-30 sample (letters only,
-- the same term for both engines): the most common substring ("common"), the
-- one whose share of rows is closest to 0.4% ("mid": where a 100-value
-- histogram sample usually sees it once or not at all, and the choice between
-- walking the sort index and collecting matches is hardest), and the least
-- common one ("rare").
CREATE TABLE bench_terms (col text, len int, kind text, term text);
DO $$
DECLARE
    c text;
    l int;
BEGIN
    FOREACH c IN ARRAY ARRAY['first_name', 'last_name', 'street', 'city', 'country'] LOOP
        FOREACH l IN ARRAY ARRAY[2, 3, 4, 6] LOOP
            EXECUTE format($q$
                WITH sample AS (SELECT id, lower(%1$I) AS v FROM tb_ours WHERE id %% 30 = 0 AND %1$I IS NOT NULL),
                subs AS (
                    SELECT DISTINCT id, substr(v, i, %2$s) AS s
                      FROM sample, generate_series(1, greatest(length(v) - %2$s + 1, 0)) i),
                counted AS (
                    SELECT s, count(*) AS n FROM subs
                     WHERE s ~ '^[[:alpha:]]+$' GROUP BY s),
                target AS (SELECT 0.004 * count(*) AS n FROM sample)
                INSERT INTO bench_terms
                SELECT %1$L, %2$s, 'common', (SELECT s FROM counted ORDER BY n DESC, s LIMIT 1)
                UNION ALL
                SELECT %1$L, %2$s, 'mid', (SELECT s FROM counted, target t ORDER BY abs(counted.n - t.n), s LIMIT 1)
                UNION ALL
                SELECT %1$L, %2$s, 'rare', (SELECT s FROM counted ORDER BY n, md5(s) LIMIT 1)
            $q$, c, l);
        END LOOP;
    END LOOP;
END $$;
DELETE FROM bench_terms WHERE term IS NULL;
