-- The extension's default keys and indexes, added after a bulk load into bare
-- tables (schema :schema), the way a bulk load is finished.
ALTER TABLE :schema.address ADD PRIMARY KEY (id);
ALTER TABLE :schema.app_user ADD PRIMARY KEY (id);
ALTER TABLE :schema.app_user ADD UNIQUE (customer_id);
CREATE INDEX ON :schema.app_user (address_id);
ALTER TABLE :schema.customer_relationship ADD PRIMARY KEY (id);
ALTER TABLE :schema.customer_relationship ADD UNIQUE (appuser_id);
ALTER TABLE :schema.app_user ADD FOREIGN KEY (address_id) REFERENCES :schema.address (id);
ALTER TABLE :schema.customer_relationship ADD FOREIGN KEY (appuser_id) REFERENCES :schema.app_user (id) ON DELETE CASCADE;
