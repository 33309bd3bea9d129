---------------------------------------------------------------------------
-- Generation and seeding
---------------------------------------------------------------------------

-- IMMUTABLE: the rows are a pure function of the arguments (no clock, no
-- catalog). Not STRICT: a NULL argument is an error, not an empty result.
CREATE FUNCTION @extschema@.contacts_generate(n bigint, seed bigint DEFAULT 0, first_id bigint DEFAULT 1)
RETURNS TABLE (
    id bigint, first_name text, last_name text, gender text, customer_id text, phone_number text,
    birthday date, created timestamptz, last_updated timestamptz,
    address_id bigint, street text, street_number text, city_code text, city text, country text,
    relationship_id bigint, points integer, relationship_created timestamptz, last_activity timestamptz)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'contacts_generate';
COMMENT ON FUNCTION @extschema@.contacts_generate(bigint, bigint, bigint) IS
    'contacts_ext: n deterministic synthetic contacts (ids first_id .. first_id+n-1) as contacts_list shows them';

-- VOLATILE and PARALLEL UNSAFE: it writes.
CREATE FUNCTION @extschema@.contacts_seed(n bigint, seed bigint DEFAULT 0) RETURNS bigint
LANGUAGE c VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'contacts_seed';
COMMENT ON FUNCTION @extschema@.contacts_seed(bigint, bigint) IS
    'contacts_ext: appends n generated contacts to app_user, address and customer_relationship in bulk; returns n';
