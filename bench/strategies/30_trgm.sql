-- Strategy 3: plus pg_trgm GIN indexes (gin_trgm_ops), on top of strategy 2's.
--  * on the raw search columns: they serve the ORM's ILIKE '%term%' (icontains
--    and DRF-style search over first_name, last_name, customer_id,
--    phone_number, street, city, country). Django itself emits
--    UPPER(col) LIKE UPPER('%term%'), which these cannot serve: strategy 1-3's
--    SQL uses ILIKE to give pg_trgm its chance.
--  * on bench_plain.f_fold(col) (lower(unaccent(col))) for the same columns
--    and on the phone number's digits: they serve strategy 4's case- and
--    accent-insensitive search, which returns what contacts_list's does.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';
CREATE INDEX IF NOT EXISTS app_user_first_name_trgm ON bench_plain.app_user USING gin (first_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_last_name_trgm ON bench_plain.app_user USING gin (last_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_customer_id_trgm ON bench_plain.app_user USING gin (customer_id gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_phone_number_trgm ON bench_plain.app_user USING gin (phone_number gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_street_trgm ON bench_plain.address USING gin (street gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_city_trgm ON bench_plain.address USING gin (city gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_country_trgm ON bench_plain.address USING gin (country gin_trgm_ops);

CREATE INDEX IF NOT EXISTS app_user_first_name_fold_trgm ON bench_plain.app_user USING gin (bench_plain.f_fold(first_name) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_last_name_fold_trgm ON bench_plain.app_user USING gin (bench_plain.f_fold(last_name) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_customer_id_fold_trgm ON bench_plain.app_user USING gin (bench_plain.f_fold(customer_id) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_phone_number_fold_trgm ON bench_plain.app_user USING gin (bench_plain.f_fold(phone_number) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_phone_digits_trgm ON bench_plain.app_user
    USING gin (pg_catalog.regexp_replace(phone_number, '[^0-9]', '', 'g') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_street_fold_trgm ON bench_plain.address USING gin (bench_plain.f_fold(street) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_city_fold_trgm ON bench_plain.address USING gin (bench_plain.f_fold(city) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS address_country_fold_trgm ON bench_plain.address USING gin (bench_plain.f_fold(country) gin_trgm_ops);
-- Expression indexes need their own statistics.
ANALYZE bench_plain.address, bench_plain.app_user, bench_plain.customer_relationship;
