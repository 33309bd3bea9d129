-- The plain-SQL strategies' copy of the data: schema bench_plain holds the
-- same rows as the extension's tables (same ids, same physical order), with
-- only what an ORM's migrations create: primary keys, the foreign keys, the
-- unique keys, and the index Django adds for every ForeignKey (address_id).
-- Strategies 1-4 add and drop their indexes here; contacts_list (strategy 5)
-- keeps running on the extension's own tables, so neither sees the other's
-- indexes. Loaded as "heap first, then keys", like any bulk load.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_plain CASCADE;
CREATE SCHEMA bench_plain;

CREATE TABLE bench_plain.address (
    id            bigint NOT NULL,
    street        text NOT NULL,
    street_number text NOT NULL,
    city_code     text NOT NULL,
    city          text NOT NULL,
    country       text NOT NULL
);
CREATE TABLE bench_plain.app_user (
    id           bigint NOT NULL,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    gender       text NOT NULL CHECK (gender IN ('M', 'F', 'O')),
    customer_id  text COLLATE "C" NOT NULL,
    phone_number text,
    birthday     date,
    created      timestamptz NOT NULL,
    last_updated timestamptz NOT NULL,
    address_id   bigint
);
CREATE TABLE bench_plain.customer_relationship (
    id            bigint NOT NULL,
    appuser_id    bigint NOT NULL,
    points        integer NOT NULL,
    created       timestamptz NOT NULL,
    last_activity timestamptz
);

INSERT INTO bench_plain.address SELECT * FROM public.address ORDER BY id;
INSERT INTO bench_plain.app_user SELECT * FROM public.app_user ORDER BY id;
INSERT INTO bench_plain.customer_relationship SELECT * FROM public.customer_relationship ORDER BY id;

ALTER TABLE bench_plain.address ADD PRIMARY KEY (id);
ALTER TABLE bench_plain.app_user ADD PRIMARY KEY (id),
    ADD CONSTRAINT app_user_customer_id_key UNIQUE (customer_id),
    ADD CONSTRAINT app_user_address_id_fkey FOREIGN KEY (address_id) REFERENCES bench_plain.address (id);
ALTER TABLE bench_plain.customer_relationship ADD PRIMARY KEY (id),
    ADD CONSTRAINT customer_relationship_appuser_id_key UNIQUE (appuser_id),
    ADD CONSTRAINT customer_relationship_appuser_id_fkey FOREIGN KEY (appuser_id)
        REFERENCES bench_plain.app_user (id) ON DELETE CASCADE;
-- Django indexes every ForeignKey column (db_index=True by default).
CREATE INDEX app_user_address_id_idx ON bench_plain.app_user (address_id);

-- Accent and case folding for the hand-written search (strategy 4): the
-- usual IMMUTABLE wrapper around unaccent, so expression indexes can use it.
CREATE FUNCTION bench_plain.f_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1));

-- The planner's row estimate for a query (what PostgREST's count=planned
-- reads): the hand-written "planned count".
CREATE FUNCTION bench_plain.count_estimate(query text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;

VACUUM (ANALYZE) bench_plain.address, bench_plain.app_user, bench_plain.customer_relationship;
