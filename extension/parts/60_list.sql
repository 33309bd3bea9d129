---------------------------------------------------------------------------
-- The contacts screen: list, count, explain
---------------------------------------------------------------------------

-- STABLE: they read tables and GUCs, never write. PARALLEL RESTRICTED: they
-- run SQL through SPI with plans cached in the session, which belongs in
-- the leader. Not STRICT: a NULL cursor means "first page", a NULL filter or
-- sort the defaults. search_path is pinned; every table and function they
-- use is qualified with @extschema@ or pg_catalog.
-- contacts_list's planner support: a page-size row estimate for a constant
-- limit, and, called while the planner simplifies the query, the library
-- loaded before paths are built, so the ContactsList scan (src/pg/list_scan.hpp)
-- is planned from the first query of a session.
CREATE FUNCTION @extschema@.contacts_list_support(internal) RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_list_support';

CREATE FUNCTION @extschema@.contacts_list(
    filter jsonb DEFAULT '{}', sort text[] DEFAULT '{}', cursor text DEFAULT NULL, "limit" integer DEFAULT 50)
RETURNS TABLE (
    id bigint, first_name text, last_name text, gender text, customer_id text, phone_number text,
    birthday date, created timestamptz, last_updated timestamptz,
    address_id bigint, street text, street_number text, city_code text, city text, country text,
    relationship_id bigint, points integer, relationship_created timestamptz, last_activity timestamptz,
    cursor text)
LANGUAGE c STABLE PARALLEL RESTRICTED ROWS 50
SUPPORT @extschema@.contacts_list_support
SET search_path = pg_catalog, pg_temp
-- LLVM compilation checks no interrupts (cancel would wait seconds) and its
-- memory grows per call; these plans spend their time in function calls JIT
-- cannot speed up.
SET jit = off
AS 'MODULE_PATHNAME', 'contacts_list';
COMMENT ON FUNCTION @extschema@.contacts_list(jsonb, text[], text, integer) IS
    'contacts_ext: one page of contacts, filtered, sorted and keyset-paginated; each row carries its cursor';

CREATE FUNCTION @extschema@.contacts_count(filter jsonb DEFAULT '{}', mode text DEFAULT 'exact', cap bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE c STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
SET jit = off
AS 'MODULE_PATHNAME', 'contacts_count';
COMMENT ON FUNCTION @extschema@.contacts_count(jsonb, text, bigint) IS
    'contacts_ext: how many contacts match: exact, planned (estimate) or estimated; with cap, at most cap + 1';

CREATE FUNCTION @extschema@.contacts_explain(
    filter jsonb DEFAULT '{}', sort text[] DEFAULT '{}', cursor text DEFAULT NULL, "limit" integer DEFAULT 50,
    "analyze" boolean DEFAULT false)
RETURNS SETOF text
-- VOLATILE: EXPLAIN runs as a utility command (and ANALYZE executes the
-- query); its output is nothing the planner may cache or fold.
LANGUAGE c VOLATILE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
SET jit = off
AS 'MODULE_PATHNAME', 'contacts_explain';
COMMENT ON FUNCTION @extschema@.contacts_explain(jsonb, text[], text, integer, boolean) IS
    'contacts_ext: the SQL contacts_list runs for these arguments, its parameters, and its EXPLAIN (ANALYZE when asked)';

-- Default btree indexes for the screen's sorts and exact filters. The
-- trailing id makes each a total order, so a keyset page is one index range.
-- Sorts on the joined tables walk their index and join each row to its
-- contact by primary key; ties within a value are put in id order by an
-- incremental sort. country: the exact filter every screen offers (a count
-- by country reads its bitmap, not the whole address table).
CREATE INDEX app_user_last_name_id_idx ON @extschema@.app_user (last_name, id);
CREATE INDEX app_user_first_name_id_idx ON @extschema@.app_user (first_name, id);
CREATE INDEX app_user_created_id_idx ON @extschema@.app_user (created, id);
CREATE INDEX address_city_idx ON @extschema@.address (city);
CREATE INDEX address_country_idx ON @extschema@.address (country);
CREATE INDEX customer_relationship_points_idx ON @extschema@.customer_relationship (points, appuser_id);
