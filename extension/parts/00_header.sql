-- contacts_ext 0.2: the CRM contacts data model, deterministic generation and
-- bulk seeding.
--
-- Security (PostgreSQL's rules for extension scripts): every object is created
-- in and referred to through @extschema@; functions are SECURITY INVOKER, so
-- the caller's privileges and row level security apply; C functions that run
-- SQL pin search_path to pg_catalog, pg_temp so a hostile search_path (a
-- shadowing function or operator) cannot change what they run.

\echo Use "CREATE EXTENSION contacts_ext" to load this file. \quit
