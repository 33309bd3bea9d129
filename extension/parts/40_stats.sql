---------------------------------------------------------------------------
-- Statistics
---------------------------------------------------------------------------

-- STABLE: reads tables. A SQL-standard body is bound when created, so the
-- tables it reads cannot be redirected by search_path.
CREATE FUNCTION @extschema@.contacts_stats()
RETURNS TABLE (total bigint, with_address bigint, with_relationship bigint)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT (SELECT pg_catalog.count(*) FROM @extschema@.app_user),
           (SELECT pg_catalog.count(address_id) FROM @extschema@.app_user),
           (SELECT pg_catalog.count(*) FROM @extschema@.customer_relationship);
END;
COMMENT ON FUNCTION @extschema@.contacts_stats() IS
    'contacts_ext: how many contacts there are, and how many have an address and a relationship';
