-- contacts_seed: bulk append, ids continue, sequences follow, indexes stay
-- valid, and everything a bulk write could bypass is either checked or refused.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
CREATE EXTENSION amcheck;

-- An empty table: the load-then-rebuild-indexes path, with progress NOTICEs.
-- Ids start after every id handed out so far: the failed INSERTs of the
-- schema test consumed identity values.
SELECT GREATEST(pg_sequence_last_value('app_user_id_seq'), pg_sequence_last_value('address_id_seq'),
                pg_sequence_last_value('customer_relationship_id_seq')) + 1 AS first_id \gset
SELECT contacts_seed(20000, 42);
SELECT min(id) = :first_id AS starts_after_used_ids, max(id) = :first_id + 19999 AS contiguous FROM app_user;
SELECT * FROM contacts_stats();

-- The stored rows are exactly the generated ones.
SELECT count(*) AS mismatches
FROM contacts_generate(20000, 42, :first_id) g
FULL JOIN (app_user u LEFT JOIN address a ON a.id = u.address_id
                     LEFT JOIN customer_relationship r ON r.appuser_id = u.id) ON u.id = g.id
WHERE (g.id, g.first_name, g.last_name, g.gender, g.customer_id, g.phone_number, g.birthday, g.created,
       g.last_updated, g.address_id, g.street, g.street_number, g.city_code, g.city, g.country,
       g.relationship_id, g.points, g.relationship_created, g.last_activity)
   IS DISTINCT FROM
      (u.id, u.first_name, u.last_name, u.gender, u.customer_id, u.phone_number, u.birthday, u.created,
       u.last_updated, a.id, a.street, a.street_number, a.city_code, a.city, a.country,
       r.id, r.points, r.created, r.last_activity);

-- Every index holds exactly the heap's rows (amcheck, heapallindexed).
SELECT count(bt_index_check(i.indexrelid, true)) AS indexes_checked
FROM pg_index i
WHERE i.indrelid IN ('app_user'::regclass, 'address'::regclass, 'customer_relationship'::regclass);

-- A small load into a larger table: the index-maintaining path. Ids continue.
SELECT max(id) + 1 AS next_id FROM app_user \gset
SELECT contacts_seed(5, 42);
SELECT min(id) = :next_id AS continues_ids, max(id) = :next_id + 4 AS contiguous FROM app_user WHERE id >= :next_id;
SELECT (SELECT array_agg(u.customer_id ORDER BY u.id) FROM app_user u WHERE u.id >= :next_id)
     = (SELECT array_agg(g.customer_id ORDER BY g.id) FROM contacts_generate(5, 42, :next_id) g) AS continues_the_data_set;
SELECT count(bt_index_check(i.indexrelid, true)) AS indexes_checked
FROM pg_index i
WHERE i.indrelid IN ('app_user'::regclass, 'address'::regclass, 'customer_relationship'::regclass);

-- The identity sequences moved past the seeded ids.
INSERT INTO address (street, street_number, city_code, city, country)
VALUES ('Teststraße', '1', '10115', 'Berlin', 'Germany') RETURNING id > :next_id + 4 AS after_seeded_ids, id AS hand_id \gset
SELECT :'after_seeded_ids' AS after_seeded_ids;
-- ... and seeding continues after ids handed out by a sequence.
SELECT contacts_seed(1, 42);
SELECT max(id) = :hand_id + 1 AS after_sequence_ids FROM app_user;

-- n = 0 writes nothing.
SELECT contacts_seed(0);

-- Errors.
SELECT contacts_seed(-5);
SELECT contacts_seed(NULL);
SELECT contacts_seed(10, NULL);

-- A failing seed writes nothing: the next customer_id is taken already.
SELECT max(id) + 2 AS taken_id FROM app_user \gset
INSERT INTO app_user (first_name, last_name, gender, customer_id, created, last_updated)
SELECT 'Taken', 'Id', 'O', customer_id, created, last_updated FROM contacts_generate(1, 42, :taken_id);
SELECT count(*) AS before FROM app_user;
SELECT contacts_seed(3, 42);
SELECT count(*) AS after FROM app_user;
DELETE FROM app_user WHERE first_name = 'Taken';

-- Constraints a user adds are checked per row.
ALTER TABLE customer_relationship ADD CONSTRAINT points_below_5 CHECK (points < 5) NOT VALID;
SELECT contacts_seed(100, 42);
ALTER TABLE customer_relationship DROP CONSTRAINT points_below_5;

-- Triggers would be skipped by a bulk write, so an enabled one is refused.
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER audit_users AFTER INSERT ON app_user FOR EACH ROW EXECUTE FUNCTION audit();
SELECT contacts_seed(10, 42);
ALTER TABLE app_user DISABLE TRIGGER audit_users;
SELECT contacts_seed(10, 42);
DROP TRIGGER audit_users ON app_user;

-- Privileges apply: INSERT is needed, and active row level security refuses.
CREATE ROLE regress_contacts_reader;
GRANT SELECT ON app_user, address, customer_relationship TO regress_contacts_reader;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO regress_contacts_reader;
SET ROLE regress_contacts_reader;
SELECT contacts_seed(1, 42);
RESET ROLE;
GRANT INSERT ON app_user, address, customer_relationship TO regress_contacts_reader;
GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO regress_contacts_reader;
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_germany ON app_user USING (true) WITH CHECK (false);
SET ROLE regress_contacts_reader;
SELECT contacts_seed(1, 42);
RESET ROLE;
DROP POLICY only_germany ON app_user;
ALTER TABLE app_user DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON app_user, address, customer_relationship FROM regress_contacts_reader;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM regress_contacts_reader;
DROP ROLE regress_contacts_reader;

-- Cancellation: statement_timeout stops a long seed, and the session goes on.
SET statement_timeout = '200ms';
SELECT contacts_seed(50000000, 42);
RESET statement_timeout;
SELECT count(*) FROM app_user;
