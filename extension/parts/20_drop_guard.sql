---------------------------------------------------------------------------
-- DROP EXTENSION must not silently destroy contacts
---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.contacts_guard_drop() RETURNS event_trigger
    LANGUAGE c AS 'MODULE_PATHNAME', 'contacts_guard_drop';
COMMENT ON FUNCTION @extschema@.contacts_guard_drop() IS
    'contacts_ext: refuses DROP EXTENSION contacts_ext (or DROP SCHEMA ... CASCADE of its schema) while contacts exist';
ALTER FUNCTION @extschema@.contacts_guard_drop() SET search_path = pg_catalog, pg_temp;

CREATE EVENT TRIGGER contacts_ext_guard_drop ON ddl_command_start
    WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
    EXECUTE FUNCTION @extschema@.contacts_guard_drop();
