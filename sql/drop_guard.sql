-- DROP EXTENSION refuses to destroy contacts; it drops freely when the tables
-- are empty or when the session opts in.
SET client_min_messages = warning;
TRUNCATE app_user, address, customer_relationship CASCADE;
SELECT contacts_seed(3, 1);

DROP EXTENSION contacts_ext;
DROP SCHEMA public CASCADE;
SELECT count(*) AS contacts_still_there FROM app_user;

-- Dropping another extension is not affected.
CREATE EXTENSION pg_trgm;
DROP EXTENSION pg_trgm;

-- Opting in drops the extension and its data.
BEGIN;
SET LOCAL contacts_ext.allow_drop_with_data = on;
DROP EXTENSION contacts_ext;
SELECT count(*) FROM pg_extension WHERE extname = 'contacts_ext';
ROLLBACK;

-- Empty tables drop without ceremony.
TRUNCATE app_user, address, customer_relationship CASCADE;
DROP EXTENSION contacts_ext;
SELECT count(*) FROM pg_extension WHERE extname = 'contacts_ext';
SELECT to_regclass('app_user') AS app_user_gone;

-- And it comes back cleanly.
CREATE EXTENSION contacts_ext;
SELECT * FROM contacts_stats();
