-- (a) Plain SQL: INSERT ... SELECT over generate_series, producing rows of the
-- same shape and sizes as contacts_generate (random names, cities, postal
-- codes, phone numbers, dates and heavy-tailed points; ~2% without address,
-- ~5% without relationship). Written the way a careful engineer would: one
-- statement per table, set-based, no per-row function calls beyond random().
-- Expects psql variable :n and tables in schema bench_plain.
INSERT INTO bench_plain.address (id, street, street_number, city_code, city, country)
SELECT i,
       (ARRAY['Hauptstraße','Rue de la République','Calle Mayor','Rua Augusta','ulica Długa','Main Street',
              'Kungsgatan','Østergade','Via Roma','Bahnhofstraße'])[1 + (random() * 9)::int],
       (1 + (random() * 200)::int)::text,
       lpad(((random() * 99999)::int)::text, 5, '0'),
       (ARRAY['München','Berlin','São Paulo','Kraków','Łódź','Zürich','Göteborg','Paris','Madrid','Lisboa',
              'Wien','Oslo','Reykjavík','Dublin','Chicago'])[1 + (random() * 14)::int],
       (ARRAY['Germany','Brazil','Poland','Switzerland','Sweden','France','Spain','Portugal','Austria',
              'Norway','Iceland','Ireland','United States'])[1 + (random() * 12)::int]
FROM generate_series(1, (:n)::bigint) AS i
WHERE hashint8(i) % 50 <> 0;

INSERT INTO bench_plain.app_user (id, first_name, last_name, gender, customer_id, phone_number, birthday,
                                  created, last_updated, address_id)
SELECT i,
       (ARRAY['Anna','Maria','Paul','Thomas','Łukasz','Zoë','José','Søren','Jürgen','Chloé'])[1 + (random() * 9)::int],
       (ARRAY['Müller','García','Nowak','Smith','Rossi','Dubois','Silva','Hansen','Jensen','Kowalski'])[1 + (random() * 9)::int],
       (ARRAY['M','F','O'])[1 + (random() * 2)::int],
       -- a bijection of i on 48 bits (odd multiplier mod 2^48, then xor): unique
       'CUST-' || lpad(to_hex(((i * 40503) & 281474976710655) # 187723572702975), 12, '0'),
       CASE WHEN random() < 0.97 THEN '+49 30 ' || (1000000 + (random() * 8999999)::int)::text END,
       CASE WHEN random() < 0.99 THEN date '2025-01-01' - (6570 + (random() * 28000)::int) END,
       c, c + random() * (timestamptz '2025-01-01' - c),
       CASE WHEN hashint8(i) % 50 <> 0 THEN i END
FROM generate_series(1, (:n)::bigint) AS i,
     LATERAL (SELECT timestamptz '2025-01-01' - random() * interval '3650 days' AS c OFFSET 0) t;

INSERT INTO bench_plain.customer_relationship (id, appuser_id, points, created, last_activity)
SELECT i, i,
       CASE WHEN random() < 0.9 THEN (random() * 999)::int
            WHEN random() < 0.9 THEN 1000 + (random() * 9000)::int
            ELSE 10000 + (random() * 90000)::int END,
       c,
       CASE WHEN random() < 0.9 THEN c + random() * (timestamptz '2025-01-01' - c) END
FROM generate_series(1, (:n)::bigint) AS i,
     LATERAL (SELECT timestamptz '2025-01-01' - random() * interval '3650 days' AS c OFFSET 0) t
WHERE hashint8(i) % 20 <> 1;
