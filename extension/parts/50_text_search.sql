---------------------------------------------------------------------------
-- Text search: folding, trigrams, the contacts_trgm_ops GIN operator class
---------------------------------------------------------------------------

-- IMMUTABLE although folding depends on the ICU library's Unicode data: like
-- a collation, the version it was computed with is recorded (table
-- contacts_text_version below) and a backend warns once when the running
-- library folds differently, with the REINDEX advice.
CREATE FUNCTION @extschema@.contacts_fold(text) RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 2
AS 'MODULE_PATHNAME', 'contacts_fold';
COMMENT ON FUNCTION @extschema@.contacts_fold(text) IS
    'contacts_ext: ICU full case folding, compatibility normalisation, accents removed, ß/ø/ł/æ/œ/þ… mapped (Müller → muller)';

CREATE FUNCTION @extschema@.contacts_trigrams(text) RETURNS text[]
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 5
AS 'MODULE_PATHNAME', 'contacts_trigrams';
COMMENT ON FUNCTION @extschema@.contacts_trigrams(text) IS
    'contacts_ext: the trigrams of the folded text, as pg_trgm''s show_trgm() prints them';

CREATE FUNCTION @extschema@.contacts_similarity(text, text) RETURNS real
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 5
AS 'MODULE_PATHNAME', 'contacts_similarity';
COMMENT ON FUNCTION @extschema@.contacts_similarity(text, text) IS
    'contacts_ext: pg_trgm''s trigram similarity of the folded texts (0 to 1)';

-- Digits only: the phone search rule compares digits ("30-1234" finds "+49 30 1234 567").
CREATE FUNCTION @extschema@.contacts_phone_digits(text) RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_phone_digits';
COMMENT ON FUNCTION @extschema@.contacts_phone_digits(text) IS
    'contacts_ext: the ASCII digits of a text, in order (+49 (30) 1234-567 → 49301234567)';

-- STABLE: the answer depends on the library loaded, nothing else.
CREATE FUNCTION @extschema@.contacts_fold_version() RETURNS text
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_fold_version';
COMMENT ON FUNCTION @extschema@.contacts_fold_version() IS
    'contacts_ext: the folding version of the running library: rules;ICU version;Unicode version';

---------------------------------------------------------------------------
-- Operators
---------------------------------------------------------------------------

-- COST is per call, relative to a plain text comparison (cost 1), as
-- measured on 3M names and streets: folding ~2x, folded LIKE ~2-3x,
-- similarity ~5x, ILIKE (lower() of both sides, in a C.UTF-8 database)
-- ~10-20x. The planner weighs filtering rows in a walked index against
-- rechecking index candidates with it: priced too low, ILIKE makes walking
-- the sort index look cheap for a rare term (0.06% of the rows: 75,000 rows
-- walked and filtered for 50 matches, several times slower than fetching
-- the 1,800 candidates the index gives).
--
-- The functions behind the operators. contacts_like_folded is IMMUTABLE like
-- contacts_fold; contacts_similar reads the GUC contacts_ext.similarity_threshold,
-- hence STABLE (as pg_trgm's %). contacts_ilike is exactly PostgreSQL's ILIKE,
-- bound to an operator that carries contacts_ext's estimator: ASCII texts are
-- matched without lower()'s copies when the collation lower-cases ASCII
-- plainly, everything else goes to texticlike itself (src/pg/ilike.cpp).
CREATE FUNCTION @extschema@.contacts_like_folded(text, text) RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 2
AS 'MODULE_PATHNAME', 'contacts_like_folded';
COMMENT ON FUNCTION @extschema@.contacts_like_folded(text, text) IS
    'contacts_ext: contacts_fold(a) LIKE b with the literal parts of b folded (case- and accent-insensitive LIKE)';

CREATE FUNCTION @extschema@.contacts_similar(text, text) RETURNS boolean
LANGUAGE c STABLE STRICT PARALLEL SAFE COST 5
AS 'MODULE_PATHNAME', 'contacts_similar';
COMMENT ON FUNCTION @extschema@.contacts_similar(text, text) IS
    'contacts_ext: contacts_similarity(a, b) >= contacts_ext.similarity_threshold';

CREATE FUNCTION @extschema@.contacts_ilike(text, text) RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 15
AS 'MODULE_PATHNAME', 'contacts_ilike';
COMMENT ON FUNCTION @extschema@.contacts_ilike(text, text) IS
    'contacts_ext: a ILIKE b, exactly PostgreSQL''s (the function of the ~~*@ operator)';

-- Selectivity estimators: the column's statistics evaluated with the
-- operator, bounded by the row counts a contacts_trgm_ops index holds for the
-- pattern's rarest trigram (see src/pg/text_estimate.cpp).
CREATE FUNCTION @extschema@.contacts_like_folded_sel(internal, oid, internal, integer) RETURNS double precision
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_like_folded_sel';
CREATE FUNCTION @extschema@.contacts_ilike_sel(internal, oid, internal, integer) RETURNS double precision
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_ilike_sel';
CREATE FUNCTION @extschema@.contacts_similar_sel(internal, oid, internal, integer) RETURNS double precision
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_similar_sel';

CREATE OPERATOR @extschema@.@~~ (
    LEFTARG = text, RIGHTARG = text, FUNCTION = @extschema@.contacts_like_folded,
    RESTRICT = @extschema@.contacts_like_folded_sel, JOIN = pg_catalog.matchingjoinsel);
COMMENT ON OPERATOR @extschema@.@~~ (text, text) IS
    'contacts_ext: LIKE ignoring case and accents (both sides folded); contacts_trgm_ops indexes it';

CREATE OPERATOR @extschema@.~~*@ (
    LEFTARG = text, RIGHTARG = text, FUNCTION = @extschema@.contacts_ilike,
    RESTRICT = @extschema@.contacts_ilike_sel, JOIN = pg_catalog.matchingjoinsel);
COMMENT ON OPERATOR @extschema@.~~*@ (text, text) IS
    'contacts_ext: exactly ILIKE, planned with contacts_ext''s selectivity estimate; contacts_trgm_ops indexes it';

CREATE OPERATOR @extschema@.%~ (
    LEFTARG = text, RIGHTARG = text, FUNCTION = @extschema@.contacts_similar,
    COMMUTATOR = OPERATOR(@extschema@.%~),
    RESTRICT = @extschema@.contacts_similar_sel, JOIN = pg_catalog.matchingjoinsel);
COMMENT ON OPERATOR @extschema@.%~ (text, text) IS
    'contacts_ext: trigram similarity of the folded texts at or above contacts_ext.similarity_threshold';

---------------------------------------------------------------------------
-- The GIN operator class
---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.contacts_trgm_extract_value(text, internal, internal) RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_trgm_extract_value';
CREATE FUNCTION @extschema@.contacts_trgm_extract_query(text, internal, int2, internal, internal, internal, internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_trgm_extract_query';
-- STABLE: the similarity strategy reads contacts_ext.similarity_threshold.
CREATE FUNCTION @extschema@.contacts_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal)
RETURNS boolean
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_trgm_consistent';
CREATE FUNCTION @extschema@.contacts_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal)
RETURNS "char"
LANGUAGE c STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_trgm_triconsistent';
CREATE FUNCTION @extschema@.contacts_trgm_compare_partial(int8, int8, int2, internal) RETURNS integer
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_trgm_compare_partial';

-- Keys are the folded trigrams themselves, packed into int8 in an order where
-- a one- or two-character pattern fragment is one contiguous key range (a
-- partial match), never a full index scan. See README, "Text search and indexes".
CREATE OPERATOR CLASS @extschema@.contacts_trgm_ops FOR TYPE text USING gin AS
    OPERATOR 1 @extschema@.@~~ (text, text),
    OPERATOR 2 @extschema@.%~ (text, text),
    OPERATOR 3 pg_catalog.~~ (text, text),
    OPERATOR 4 pg_catalog.~~* (text, text),
    OPERATOR 5 @extschema@.~~*@ (text, text),
    FUNCTION 1 pg_catalog.btint8cmp(int8, int8),
    FUNCTION 2 @extschema@.contacts_trgm_extract_value(text, internal, internal),
    FUNCTION 3 @extschema@.contacts_trgm_extract_query(text, internal, int2, internal, internal, internal, internal),
    FUNCTION 4 @extschema@.contacts_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal),
    FUNCTION 5 @extschema@.contacts_trgm_compare_partial(int8, int8, int2, internal),
    FUNCTION 6 @extschema@.contacts_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal),
    STORAGE int8;
COMMENT ON OPERATOR CLASS @extschema@.contacts_trgm_ops USING gin IS
    'contacts_ext: folded-trigram GIN index for LIKE, ILIKE, @~~, ~~*@ and %~; short patterns become key ranges';

---------------------------------------------------------------------------
-- The folding version the indexes were built with
---------------------------------------------------------------------------

-- One row. Not a configuration table: pg_dump leaves it out, so a restore
-- (which rebuilds every index) records the restoring server's version, while
-- pg_upgrade (which keeps the index files) keeps the recorded one.
CREATE TABLE @extschema@.contacts_text_version (
    singleton    boolean PRIMARY KEY DEFAULT true CONSTRAINT contacts_text_version_one_row CHECK (singleton),
    fold_version text NOT NULL,
    recorded     timestamptz NOT NULL DEFAULT pg_catalog.now()
);
INSERT INTO @extschema@.contacts_text_version (fold_version) VALUES (@extschema@.contacts_fold_version());
GRANT SELECT ON @extschema@.contacts_text_version TO PUBLIC;
COMMENT ON TABLE @extschema@.contacts_text_version IS
    'contacts_ext: the folding version (contacts_fold_version()) the folded indexes were built with';

-- The indexes whose contents depend on folding: those using contacts_trgm_ops
-- and those whose expressions call contacts_fold or contacts_phone_digits
-- (found through pg_depend).
CREATE FUNCTION @extschema@.contacts_folded_indexes() RETURNS SETOF regclass
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT DISTINCT d.objid::pg_catalog.regclass
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_class c ON c.oid = d.objid
     WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
       AND c.relkind IN ('i', 'I')
       AND ((d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass
             AND d.refobjid IN (SELECT o.oid FROM pg_catalog.pg_opclass o
                                 WHERE o.opcname = 'contacts_trgm_ops'
                                   AND o.opcnamespace = '@extschema@'::pg_catalog.regnamespace))
         OR (d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
             AND d.refobjid IN ('@extschema@.contacts_fold(text)'::pg_catalog.regprocedure,
                                '@extschema@.contacts_phone_digits(text)'::pg_catalog.regprocedure)));
END;
COMMENT ON FUNCTION @extschema@.contacts_folded_indexes() IS
    'contacts_ext: the indexes to REINDEX when the folding version changes';

-- After REINDEXing those indexes: record the running version (the analogue of
-- ALTER COLLATION ... REFRESH VERSION).
CREATE FUNCTION @extschema@.contacts_fold_refresh_version() RETURNS text
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
    UPDATE @extschema@.contacts_text_version
       SET fold_version = @extschema@.contacts_fold_version(), recorded = pg_catalog.now()
    RETURNING fold_version;
END;
COMMENT ON FUNCTION @extschema@.contacts_fold_refresh_version() IS
    'contacts_ext: records the running folding version as the one the folded indexes were built with';

---------------------------------------------------------------------------
-- Default text indexes
---------------------------------------------------------------------------

-- One contacts_trgm_ops index per searched column. "search" ORs a term over
-- seven columns of two tables; PostgreSQL can serve such an OR from indexes
-- only when every column of a table has one (a BitmapOr), so all seven are
-- indexed, plus the digits of phone_number for the phone rule. The same
-- indexes serve icontains/iexact/istartswith/iendswith, contains/startswith/
-- endswith, unaccent__* and trigram_similar on these columns. Prefixes need
-- no separate btree: a prefix's first trigram is word-anchored ("  m" for
-- 'm%'), and a one- or two-character fragment is a key range of the same
-- index (see README, "Text search and indexes").
CREATE INDEX app_user_first_name_trgm_idx ON @extschema@.app_user
    USING gin (first_name @extschema@.contacts_trgm_ops);
CREATE INDEX app_user_last_name_trgm_idx ON @extschema@.app_user
    USING gin (last_name @extschema@.contacts_trgm_ops);
CREATE INDEX app_user_customer_id_trgm_idx ON @extschema@.app_user
    USING gin (customer_id @extschema@.contacts_trgm_ops);
CREATE INDEX app_user_phone_number_trgm_idx ON @extschema@.app_user
    USING gin (phone_number @extschema@.contacts_trgm_ops);
CREATE INDEX app_user_phone_digits_trgm_idx ON @extschema@.app_user
    USING gin (@extschema@.contacts_phone_digits(phone_number) @extschema@.contacts_trgm_ops);
CREATE INDEX address_street_trgm_idx ON @extschema@.address
    USING gin (street @extschema@.contacts_trgm_ops);
CREATE INDEX address_city_trgm_idx ON @extschema@.address
    USING gin (city @extschema@.contacts_trgm_ops);
CREATE INDEX address_country_trgm_idx ON @extschema@.address
    USING gin (country @extschema@.contacts_trgm_ops);

-- A finer sample for the estimators: with 1000 most common values and a
-- 1000-value histogram, names, streets and cities are covered almost value
-- by value, and a term matching 0.1% of the rest is seen about once. Our
-- estimators fold the sample once per ANALYZE and cache it per backend, so
-- planning stays fast; ANALYZE reads 300,000 sample rows instead of 30,000.
ALTER TABLE @extschema@.app_user
    ALTER COLUMN first_name SET STATISTICS 1000,
    ALTER COLUMN last_name SET STATISTICS 1000,
    ALTER COLUMN customer_id SET STATISTICS 1000,
    ALTER COLUMN phone_number SET STATISTICS 1000;
ALTER TABLE @extschema@.address
    ALTER COLUMN street SET STATISTICS 1000,
    ALTER COLUMN city SET STATISTICS 1000,
    ALTER COLUMN country SET STATISTICS 1000;
-- The same for the phone digits (statistics of an index expression): with
-- 100 values a 7-digit term unseen in the sample was estimated at 0.5% of
-- the rows, and the search's app_user branch walked every contact for it.
ALTER INDEX @extschema@.app_user_phone_digits_trgm_idx ALTER COLUMN 1 SET STATISTICS 1000;
