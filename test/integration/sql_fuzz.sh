#!/usr/bin/env bash
# No crash on any input, no injection (issue 6, items 2 and 3): a suite of
# hostile inputs (SQL in every key, value, sort entry, cursor, count mode) that
# must never run, then a SQL-level fuzzer of FUZZ_CALLS (default 100,000)
# random and mutated contacts_list / contacts_count / contacts_explain calls:
# deep nesting, huge arrays, 10 MB strings, numbers beyond every type's range,
# NaN/Infinity, dates out of range, unicode confusables, cursors from other
# sorts or bit-flipped, limits of every size. Every call returns or raises a
# clean ERROR; the server never restarts. See sql_fuzz.py.
#
#   FUZZ_CALLS=1000000 FUZZ_MAX_SECONDS=3600 bash test/integration/sql_fuzz.sh   # long run
#   FUZZ_SEED=N reproduces a run's inputs (the seed is printed).
source "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
"$PY" -c 'import psycopg2' 2>/dev/null || die "python3-psycopg2 is missing (see REQUIRED_PACKAGES in scripts/lib.sh)"

db=it_fuzz
fresh_db "$db"
# Small tables keep each valid call under a millisecond; 2,000 generated
# contacts cover every field, NULLs, accents and many scripts.
q "$db" "SET client_min_messages = warning; SELECT contacts_seed(2000, 3)" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
-- Traces of injected SQL: a sequence (non-transactional, so a call survives
-- the rollback), a canary table, a function that must never be called.
CREATE SEQUENCE public.fuzz_injected_seq;
SELECT nextval('public.fuzz_injected_seq');
CREATE TABLE public.fuzz_canary (id int);
INSERT INTO public.fuzz_canary VALUES (1);
CREATE FUNCTION public.fuzz_trap() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_catalog.nextval('public.fuzz_injected_seq');
    RAISE EXCEPTION 'INJECTED SQL RAN' USING ERRCODE = 'P0666';
END $$;

-- Many calls per round trip, each in its own subtransaction; returns each
-- call's SQLSTATE ('00000' when it returned), message, row count, for
-- 'pair' calls the matching contacts_count, and its duration.
CREATE FUNCTION public.fuzz_batch(kinds text[], filters text[], sorts text[], cursors text[], limits text[],
                                  modes text[], caps text[])
RETURNS TABLE (i int, state text, message text, n bigint, n2 bigint, last_cursor text, ms float8)
LANGUAGE plpgsql AS $$
DECLARE
    k int; st text; msg text; c1 bigint; c2 bigint; lc text; t0 timestamptz;
BEGIN
    FOR k IN 1 .. coalesce(array_length(kinds, 1), 0) LOOP
        c1 := NULL; c2 := NULL; lc := NULL; t0 := clock_timestamp();
        BEGIN
            IF kinds[k] IN ('list', 'pair') THEN
                SELECT count(*), max(l.cursor) INTO c1, lc
                FROM public.contacts_list(filters[k]::jsonb, sorts[k]::text[], cursors[k], limits[k]::int) l;
                IF kinds[k] = 'pair' THEN
                    c2 := public.contacts_count(filters[k]::jsonb);
                END IF;
            ELSIF kinds[k] = 'count' THEN
                c1 := public.contacts_count(filters[k]::jsonb, modes[k], caps[k]::bigint);
            ELSE
                SELECT count(*) INTO c1
                FROM public.contacts_explain(filters[k]::jsonb, sorts[k]::text[], cursors[k], limits[k]::int);
            END IF;
            i := k; state := '00000'; message := NULL; n := c1; n2 := c2; last_cursor := lc;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
            i := k; state := st; message := msg; n := NULL; n2 := NULL; last_cursor := NULL;
        END;
        ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
        RETURN NEXT;
    END LOOP;
END $$;
ANALYZE;
SQL

FUZZ_DB="$db" FUZZ_SERVER_LOG="$CONTACTS_CLUSTER_DIR/server.log" \
    timeout "$(( ${FUZZ_MAX_SECONDS:-600} + 600 ))" "$PY" "$(dirname "$0")/sql_fuzz.py"

psql -X -q -d postgres -c "DROP DATABASE $db WITH (FORCE)"
