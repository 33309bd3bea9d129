-- Text search: folding, trigrams, the contacts_trgm_ops GIN operator class,
-- its operators with and without the index, short patterns, escapes, the
-- estimators' plan choices, the folded prefix btree and the folding-version
-- check.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- for comparisons only
RESET client_min_messages;

-- The operator class is valid.
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname = 'contacts_trgm_ops';
SELECT amopstrategy, amopopr::regoperator FROM pg_amop
 WHERE amopfamily = (SELECT opcfamily FROM pg_opclass WHERE opcname = 'contacts_trgm_ops') ORDER BY 1;

-----------------------------------------------------------------------------
-- Functions
-----------------------------------------------------------------------------

SELECT s, contacts_fold(s) FROM (VALUES ('Müller'), ('MUELLER'), ('İstanbul'), ('ISTANBUL'), ('Straße'),
    ('STRASSE'), ('Øre Łódź'), ('ΣΊΣΥΦΟΣ'), ('e' || U&'\0301' || 'te'), ('été'), ('ﬁnal ﬀ'), ('Ｗｉｄｅ'),
    ('Þór Æsir Œuvre'), ('😀 ok'), ('')) t(s);
SELECT contacts_fold(NULL) IS NULL AS strict;

-- The trigrams are pg_trgm's on the folded text.
SELECT s, contacts_trigrams(s) AS ours, show_trgm(contacts_fold(s)) = contacts_trigrams(s) AS same_as_pg_trgm
  FROM (VALUES ('Müller'), ('Jean-Luc Picard'), ('a'), (''), ('O''Brien 42')) t(s);
SELECT a, b, contacts_similarity(a, b) AS ours, similarity(contacts_fold(a), contacts_fold(b)) AS pg_trgm
  FROM (VALUES ('Müller', 'Mueller'), ('Christophe', 'christopher'), ('Straße', 'strasse'), ('x', 'y')) t(a, b);
SELECT contacts_phone_digits('+49 (30) 1234-567'), contacts_phone_digits('none'), contacts_phone_digits(NULL) IS NULL;

-----------------------------------------------------------------------------
-- Operators, with and without the index
-----------------------------------------------------------------------------

CREATE TABLE ts_words (id int PRIMARY KEY, s text);
INSERT INTO ts_words VALUES
    (1, 'Müller'), (2, 'Mueller'), (3, 'MULLER'), (4, 'Anna'), (5, 'Johanna'), (6, 'Jonas'), (7, 'ANNA-LENA'),
    (8, 'Straße'), (9, 'STRASSE'), (10, '100% sure'), (11, 'a_b'), (12, 'back\slash'), (13, 'İstanbul'),
    (14, 'istanbul'), (15, 'ıstanbul'), (16, '서울'), (17, 'ガス'), (18, 'Zoë'), (19, 'zoe'), (20, 'São Paulo'),
    (21, 'Łukasz'), (22, 'x'), (23, ''), (24, NULL), (25, 'qz'), (26, 'Ann Smith'), (27, 'smith, ann');
INSERT INTO ts_words SELECT 100 + g, 'filler ' || g FROM generate_series(1, 300) g;
CREATE INDEX ts_words_trgm ON ts_words USING gin (s contacts_trgm_ops);
ANALYZE ts_words;

-- ids matching `s <op> arg`, by a sequential scan and by a bitmap index scan.
CREATE FUNCTION ts_ids(op text, arg text, use_index boolean) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE r int[];
BEGIN
    PERFORM set_config('enable_seqscan', (NOT use_index)::text, true);
    PERFORM set_config('enable_indexscan', 'off', true);
    PERFORM set_config('enable_bitmapscan', use_index::text, true);
    EXECUTE format('SELECT array_agg(id ORDER BY id) FROM ts_words WHERE s %s %L', op, arg) INTO r;
    RETURN coalesce(r, '{}');
END $$;

-- ids below 100 are listed; the "filler" rows (ids 101-400) are counted.
SELECT op, arg, ARRAY(SELECT i FROM unnest(seq) i WHERE i < 100) AS ids,
       (SELECT count(*) FROM unnest(seq) i WHERE i > 100) AS filler, idx = seq AS index_agrees
  FROM (SELECT op, arg, ts_ids(op, arg, false) AS seq, ts_ids(op, arg, true) AS idx FROM (VALUES
    ('@~~', '%muller%'), ('@~~', 'muller'), ('@~~', 'MÜLL%'), ('@~~', '%LLER'), ('@~~', '%ann%'),
    ('@~~', '%an%'), ('@~~', '%a%'), ('@~~', '%q%'), ('@~~', '%qz%'), ('@~~', 'a%'), ('@~~', '%a'),
    ('@~~', '%strasse%'), ('@~~', '%STRAẞE%'), ('@~~', 'istanbul'), ('@~~', 'İSTANBUL'), ('@~~', '%sao p%'),
    ('@~~', '%\%%'), ('@~~', '%\_%'), ('@~~', '%\\%'), ('@~~', '%_b'), ('@~~', '_'), ('@~~', ''), ('@~~', '%'),
    ('@~~', '%서%'), ('@~~', '%ガ%'), ('@~~', '%zoe%'), ('@~~', '%lukasz%'), ('@~~', '%ann smith%'),
    ('~~*', '%müller%'), ('~~*', '%muller%'), ('~~*', '%ANN%'), ('~~*', '%an%'), ('~~*', 'a%'), ('~~*', '%straße%'),
    ('~~*', '%\%%'), ('~~*', 'i%'), ('~~*', '%서울'), ('~~*', '%ULL%'), ('~~*', '%strasse%'), ('~~*', '%STANBUL'),
    ('~~*', '%sao p%'), ('~~*', '%são%'), ('~~*', 'zo%'), ('~~*', '%lukasz%'),
    ('~~*@', '%müller%'), ('~~*@', '%ANN%'), ('~~*@', '%nn%'), ('~~*@', '%_b'), ('~~*@', 'zoë'),
    ('~~', '%ll%'), ('~~', 'M%'), ('~~', '%ANN%'), ('~~', '%\\%'), ('~~', '%서울%'),
    ('%~', 'muler'), ('%~', 'Anna'), ('%~', 'johana'), ('%~', 'x'), ('%~', '')
  ) t(op, arg)) r;

-- The similarity threshold is the GUC; 0 matches every non-NULL value.
SET contacts_ext.similarity_threshold = 0.6;
SELECT ts_ids('%~', 'Mueller', false) AS ids, ts_ids('%~', 'Mueller', true) = ts_ids('%~', 'Mueller', false) AS index_agrees;
SET contacts_ext.similarity_threshold = 0;
SELECT cardinality(ts_ids('%~', 'zzz', false)) AS n, ts_ids('%~', 'zzz', true) = ts_ids('%~', 'zzz', false) AS index_agrees;
RESET contacts_ext.similarity_threshold;

-- ~~*@ is exactly ILIKE: ASCII texts take contacts_ext's fast path (no
-- lower() copies) when the collation lower-cases ASCII plainly, everything
-- else PostgreSQL's texticlike. Every word against every pattern, under the
-- database's collation, ICU root, C and Turkish (where I lower-cases to ı,
-- so the fast path must stand aside): no disagreement.
CREATE TEMP TABLE ilike_patterns(p text);
INSERT INTO ilike_patterns VALUES ('%an%'), ('%AN%'), ('a%'), ('%a'), ('_nn%'), ('%i%'), ('%I%'), ('%K%'),
    ('%\%%'), ('%\_%'), ('%\\%'), ('\A%'), ('%_'), (''), ('%'), ('%ll%'), ('%stra%'), ('%STRASSE%'),
    ('%müller%'), ('İ%'), ('%ı%');
CREATE TEMP TABLE ilike_words AS SELECT s FROM ts_words;
INSERT INTO ilike_words VALUES ('Istanbul'), ('İstanbul'), ('ıSTANBUL'), ('KELVIN'),
    ('Kelvin'), ('back\slash'), ('a_b'), ('100%');
SELECT c.coll, count(*) AS pairs,
       count(*) FILTER (WHERE r.ours) AS matches,
       count(*) FILTER (WHERE r.ours IS DISTINCT FROM r.ilike) AS disagreements
FROM (VALUES ('default'), ('und-x-icu'), ('C'), ('tr-x-icu')) c(coll),
LATERAL (SELECT CASE c.coll
            WHEN 'default'   THEN w.s ~~*@ p.p
            WHEN 'und-x-icu' THEN w.s COLLATE "und-x-icu" ~~*@ p.p
            WHEN 'C'         THEN w.s COLLATE "C" ~~*@ p.p
            ELSE w.s COLLATE "tr-x-icu" ~~*@ p.p END AS ours,
         CASE c.coll
            WHEN 'default'   THEN w.s ILIKE p.p
            WHEN 'und-x-icu' THEN w.s COLLATE "und-x-icu" ILIKE p.p
            WHEN 'C'         THEN w.s COLLATE "C" ILIKE p.p
            ELSE w.s COLLATE "tr-x-icu" ILIKE p.p END AS ilike
         FROM ilike_words w, ilike_patterns p) r
GROUP BY c.coll ORDER BY c.coll;
-- Turkish: 'I' is not 'i' (ILIKE and ~~*@ agree on it), and the errors are ILIKE's own.
SELECT 'Istanbul' COLLATE "tr-x-icu" ~~*@ 'i%' AS tr_ours, 'Istanbul' COLLATE "tr-x-icu" ILIKE 'i%' AS tr_ilike,
       'Istanbul' ~~*@ 'i%' AS default_ours;
SELECT 'abc' ~~*@ 'ab\';
CREATE COLLATION ilike_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
SELECT 'abc' COLLATE ilike_ci ~~*@ 'a%';
DROP COLLATION ilike_ci;
DROP TABLE ilike_words, ilike_patterns;

-- LIKE's own ESCAPE clause is turned into backslash escapes before the index sees it.
SET enable_seqscan = off;
SELECT id, s FROM ts_words WHERE s LIKE '%#%%' ESCAPE '#';
SELECT id, s FROM ts_words WHERE s ILIKE '%A#_B' ESCAPE '#';
RESET enable_seqscan;

-----------------------------------------------------------------------------
-- The index serves every operator; short patterns are key ranges
-----------------------------------------------------------------------------

SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM ts_words WHERE s @~~ '%mül%';
EXPLAIN (COSTS OFF) SELECT id FROM ts_words WHERE s ~~*@ '%ann%';
EXPLAIN (COSTS OFF) SELECT id FROM ts_words WHERE s ~~* '%ann%';
EXPLAIN (COSTS OFF) SELECT id FROM ts_words WHERE s ~~ '%Ann%';
EXPLAIN (COSTS OFF) SELECT id FROM ts_words WHERE s %~ 'muler';

-- A one- or two-character fragment reads only its key range: the index
-- returns the candidate rows, not every row. pg_trgm (a copy of the table
-- with a gin_trgm_ops index) scans its whole index and returns all of them.
CREATE FUNCTION ts_candidates(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
        IF line LIKE '%Bitmap Index Scan%' THEN
            RETURN regexp_replace(line, '^.*Bitmap Index Scan on (\S+) \(actual rows=(\d+).*$', '\1: \2 rows');
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
CREATE TABLE ts_words_pg AS SELECT * FROM ts_words;
CREATE INDEX ts_words_pg_trgm ON ts_words_pg USING gin (s gin_trgm_ops);
ANALYZE ts_words_pg;
SELECT q, ts_candidates(q) FROM (VALUES
    ('SELECT id FROM ts_words WHERE s @~~ ''%qz%'''),
    ('SELECT id FROM ts_words WHERE s ~~* ''%qz%'''),
    ('SELECT id FROM ts_words WHERE s @~~ ''%q%'''),
    ('SELECT id FROM ts_words WHERE s ~~*@ ''%an%'''),
    ('SELECT id FROM ts_words_pg WHERE s ~~* ''%qz%'''),
    ('SELECT id FROM ts_words_pg WHERE s ~~* ''%an%''')) t(q);

-- Keys of trigrams with a character folded from a non-ASCII one are kept
-- apart (accented form): ILIKE with an ASCII pattern reads only the plain
-- form, so 'Müller' and 'Straße' are no candidates for '%muller%' and
-- '%strasse%' (the accent-insensitive @~~ reads both forms).
SELECT q, ts_candidates(q) FROM (VALUES
    ('SELECT id FROM ts_words WHERE s ~~* ''%muller%'''),
    ('SELECT id FROM ts_words WHERE s @~~ ''%muller%'''),
    ('SELECT id FROM ts_words WHERE s ~~*@ ''%STRASSE%'''),
    ('SELECT id FROM ts_words WHERE s @~~ ''%strasse%'''),
    ('SELECT id FROM ts_words WHERE s ~~* ''%müller%''')) t(q);
RESET enable_seqscan;

-----------------------------------------------------------------------------
-- Estimates pick the plan: common term → walk the sort index and filter;
-- rare term → collect matches from the trigram index, then sort the top N
-----------------------------------------------------------------------------

CREATE TABLE ts_people AS SELECT id, first_name, last_name, city FROM contacts_generate(20000, 7);
ALTER TABLE ts_people ADD PRIMARY KEY (id);
ALTER TABLE ts_people ALTER last_name SET STATISTICS 1000;
CREATE INDEX ts_people_last_name_trgm ON ts_people USING gin (last_name contacts_trgm_ops);
ANALYZE ts_people;

-- How many rows the terms match, and what the estimators say: close, except
-- that a term under 0.3% of the rows is shrunk on purpose (nguyen: 11 → 3;
-- see README, "Text search and indexes").
CREATE FUNCTION ts_estimate(query text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    EXECUTE 'EXPLAIN ' || query INTO line;
    RETURN substring(line FROM 'rows=(\d+)')::bigint;
END $$;
SELECT term,
       (SELECT count(*) FROM ts_people WHERE last_name ILIKE '%' || term || '%') AS actual,
       ts_estimate(format('SELECT 1 FROM ts_people WHERE last_name ~~*@ %L', '%' || term || '%')) AS estimate_ilike,
       ts_estimate(format('SELECT 1 FROM ts_people WHERE last_name @~~ %L', '%' || term || '%')) AS estimate_folded
  FROM (VALUES ('er'), ('mül'), ('ski'), ('nguyen'), ('qzx')) t(term);

EXPLAIN (COSTS OFF) SELECT id FROM ts_people WHERE last_name ~~*@ '%er%' ORDER BY id LIMIT 10;
EXPLAIN (COSTS OFF) SELECT id FROM ts_people WHERE last_name ~~*@ '%qzx%' ORDER BY id LIMIT 10;
EXPLAIN (COSTS OFF) SELECT id FROM ts_people WHERE last_name @~~ '%mul%' ORDER BY id LIMIT 10;
EXPLAIN (COSTS OFF) SELECT id FROM ts_people WHERE last_name @~~ '%xq%' ORDER BY id LIMIT 10;

-----------------------------------------------------------------------------
-- The prefix path: a btree on the folded value, compared bytewise
-----------------------------------------------------------------------------

CREATE INDEX ts_people_last_name_folded ON ts_people ((contacts_fold(last_name) COLLATE "C"));
ANALYZE ts_people;
EXPLAIN (COSTS OFF)
SELECT id FROM ts_people WHERE contacts_fold(last_name) COLLATE "C" LIKE 'mu%' ORDER BY contacts_fold(last_name) COLLATE "C" LIMIT 5;
SELECT DISTINCT last_name FROM ts_people WHERE contacts_fold(last_name) COLLATE "C" LIKE 'mu%' ORDER BY 1;

-----------------------------------------------------------------------------
-- The folding version the indexes were built with
-----------------------------------------------------------------------------

SELECT fold_version = contacts_fold_version() AS recorded_is_running FROM contacts_text_version;
SELECT i::text FROM contacts_folded_indexes() i WHERE i::text LIKE 'ts_%' ORDER BY 1;
-- Pretend the indexes were built by another ICU: a new backend warns once.
UPDATE contacts_text_version SET fold_version = '1;icu-0.0;unicode-0.0';
\c -
\set VERBOSITY terse
SELECT contacts_fold('Ä') AS first_call;
SELECT contacts_fold('Ö') AS second_call;
\set VERBOSITY default
SELECT contacts_fold_refresh_version() = contacts_fold_version() AS refreshed;
\c -
SELECT contacts_fold('Ä') AS no_warning;

DROP TABLE ts_words, ts_words_pg, ts_people;
DROP FUNCTION ts_ids(text, text, boolean), ts_candidates(text), ts_estimate(text);
DROP EXTENSION pg_trgm;
