-- Bare copies of the extension's tables (same columns, types, collations,
-- NOT NULL and CHECK constraints; no keys or indexes yet) in schema :schema.
DROP SCHEMA IF EXISTS :schema CASCADE;
CREATE SCHEMA :schema;
CREATE TABLE :schema.address (LIKE public.address INCLUDING CONSTRAINTS);
CREATE TABLE :schema.app_user (LIKE public.app_user INCLUDING CONSTRAINTS);
CREATE TABLE :schema.customer_relationship (LIKE public.customer_relationship INCLUDING CONSTRAINTS);
