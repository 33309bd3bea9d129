-- contacts_ext 0.1 -> 0.2: contacts_list gets a planner support function.
-- It estimates a call's rows as its page size and, called while the planner
-- simplifies a query, loads the library early enough for the ContactsList
-- scan (src/pg/list_scan.hpp) to be planned from a session's first query.
-- sql/upgrade.sql checks that 0.1 + this script equals a fresh 0.2.

\echo Use "ALTER EXTENSION contacts_ext UPDATE TO '0.2'" to load this file. \quit

CREATE FUNCTION @extschema@.contacts_list_support(internal) RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'contacts_list_support';

ALTER FUNCTION @extschema@.contacts_list(jsonb, text[], text, integer)
    SUPPORT @extschema@.contacts_list_support;
