-- Strategy 5, contacts_list: the extension's own tables with the indexes
-- CREATE EXTENSION and contacts_seed made; nothing is added. Fresh
-- statistics only.
\set ON_ERROR_STOP on
ANALYZE public.address, public.app_user, public.customer_relationship;
