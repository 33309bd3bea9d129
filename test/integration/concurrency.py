#!/usr/bin/env python3
"""Consistency under writes (issue 6, item 5). Driven by concurrency.sh.

Part 1, cursor walks under writes. The tables hold CONC_CONTACTS seeded
contacts. Writer sessions (pgbench, writers.sql written by concurrency.sh)
update, delete and insert contacts for the whole part: only "volatile"
contacts (ids divisible by 4, and every contact they insert) are touched, so
every other seeded contact exists unchanged for the whole walk ("stable").
Meanwhile cursor walks page through contacts_list forwards (NULL cursor,
positive limit, then each page's last cursor) and backwards (negative limit
from the last page, then each page's first cursor), for sorts on immutable
keys (id, -id, customer_id, created), on keys the writers change (last_name,
-points + last_name, city from the joined address, birthday and
-last_activity with NULLs) and with a filter. Each page is its own statement,
as for a real client. For every walk:
  - the rows come out in the requested order, strictly: no position twice
    (checked by the server, with its collation and NULL ordering);
  - every stable contact that matches the filter appears exactly once;
  - no contact appears twice when the keys are immutable; when a writer
    moves a contact's key past the walk's position, that volatile contact
    may be met again at its new position: counted and reported.

Part 2 is pgbench with mixed read and write scripts (concurrency.sh); this
script only does part 1.
"""
import json
import os
import subprocess
import sys
import time

import psycopg2

DB = os.environ.get("CONC_DB", "it_concurrency")
N0 = int(os.environ.get("CONC_CONTACTS", "5000"))
PAGE = int(os.environ.get("CONC_PAGE", "149"))
WRITERS = int(os.environ.get("CONC_WRITERS", "2"))
PGBENCH = os.environ.get("PGBENCH", "pgbench")
WRITERS_SQL = os.environ["CONC_WRITERS_SQL"]

# (sort, filter, keys immutable?)
WALKS = [
    ([], {}, True),
    (["-id"], {}, True),
    (["customer_id"], {}, True),
    (["created"], {}, True),
    (["last_name"], {}, False),
    (["-points", "last_name"], {}, False),
    (["city"], {}, False),
    (["birthday"], {}, False),
    (["-last_activity"], {}, False),
    (["-points"], {"points__gte": 500}, False),
    ([], {"last_name__istartswith": "m"}, False),
]

LIST_COLUMNS = ", ".join("l." + c for c in (
    "id first_name last_name gender customer_id phone_number birthday created last_updated address_id street "
    "street_number city_code city country relationship_id points relationship_created last_activity cursor").split())

# The columns each sort key names, for the server-side order check.
COLUMN = {"relationship_created": "relationship_created"}


def order_by(sort):
    keys = []
    for k in sort:
        desc = k.startswith("-")
        name = k.lstrip("-")
        keys.append(f"{COLUMN.get(name, name)} {'DESC' if desc else 'ASC'}")
    if not any(k.lstrip("-") == "id" for k in sort):
        keys.append("id ASC")
    return ", ".join(keys)


def stable_matching(cur, filt):
    """Ids of stable contacts matching filt (they never change, so now = during the walk)."""
    where = "u.id <= %s AND u.id %% 4 <> 0"
    args = [N0]
    if "points__gte" in filt:
        where += " AND r.points >= %s"
        args.append(filt["points__gte"])
    if "last_name__istartswith" in filt:
        where += " AND u.last_name ILIKE %s"
        args.append(filt["last_name__istartswith"] + "%")
    cur.execute(f"""SELECT u.id FROM app_user u LEFT JOIN customer_relationship r ON r.appuser_id = u.id
                    WHERE {where}""", args)
    return {r[0] for r in cur.fetchall()}


def walk(cur, sort, filt, backward):
    """Pages through contacts_list into the temp table walk; returns (pages, rows)."""
    cur.execute("TRUNCATE walk")
    cursor = None
    pages = rows = 0
    limit = -PAGE if backward else PAGE
    while True:
        pages += 1
        # Forward pages get increasing seq; backward pages come in reverse page order.
        base = (10 ** 9 - pages * 10 ** 4) if backward else pages * 10 ** 4
        cur.execute(f"""INSERT INTO walk SELECT %s + l.ordinality, {LIST_COLUMNS}
                       FROM contacts_list(%s::jsonb, %s::text[], %s, %s) WITH ORDINALITY l
                       RETURNING seq, cursor""",
                    (base, json.dumps(filt), sort, cursor, limit))
        got = sorted(cur.fetchall())
        rows += len(got)
        if len(got) < PAGE:
            return pages, rows
        cursor = got[0][1] if backward else got[-1][1]
        if pages > 10 * (N0 * 2 // PAGE + 10):
            raise RuntimeError("the walk does not end")


def main():
    conn = psycopg2.connect(dbname=DB, application_name="contacts_walk")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("""CREATE TEMP TABLE walk AS
                   SELECT 0::bigint AS seq, * FROM contacts_list('{}', '{}', NULL, 1) WITH NO DATA""")
    cur.execute('ALTER TABLE walk ALTER COLUMN customer_id TYPE text COLLATE "C"')

    # Writers for the whole part.
    writers = subprocess.Popen([PGBENCH, "-n", "-M", "simple", "-c", str(WRITERS), "-j", "1", "-T", "600",
                                "-f", WRITERS_SQL, "-D", f"n4={N0 // 4}", DB],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    failures = []
    try:
        time.sleep(1.0)  # let the writers get going
        cur.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        commits0 = cur.fetchone()[0]
        total_rows = total_pages = repeats = 0
        t0 = time.monotonic()
        for sort, filt, immutable in WALKS:
            for backward in (False, True):
                what = f"walk {'backward' if backward else 'forward '} sort={sort} filter={json.dumps(filt)}"
                if writers.poll() is not None:
                    failures.append(f"the writers stopped early: {writers.stdout.read()[-2000:]}")
                    break
                pages, rows = walk(cur, sort, filt, backward)
                total_pages += pages
                total_rows += rows
                # 1. Order, strictly: the seq order is the requested order, with no position twice.
                cur.execute(f"""SELECT count(*) FROM (
                                    SELECT seq, row_number() OVER (ORDER BY seq) AS by_seq,
                                           row_number() OVER (ORDER BY {order_by(sort)}, seq) AS by_key
                                    FROM walk) t WHERE by_seq <> by_key""")
                misordered = cur.fetchone()[0]
                cur.execute(f"""SELECT count(*) FROM (SELECT 1 FROM walk
                                GROUP BY {", ".join(k.split()[0] for k in order_by(sort).split(", "))}
                                HAVING count(*) > 1) t""")
                same_position = cur.fetchone()[0]
                # 2. Stable contacts: each exactly once.
                cur.execute("SELECT id, count(*) FROM walk GROUP BY id")
                seen = dict(cur.fetchall())
                stable = stable_matching(cur, filt)
                missing = [i for i in stable if i not in seen]
                twice_stable = [i for i in stable if seen.get(i, 0) > 1]
                # 3. Repeats: volatile contacts only, and never for immutable keys.
                twice = [i for i, c in seen.items() if c > 1]
                twice_nonvolatile = [i for i in twice if i <= N0 and i % 4 != 0]
                repeats += len(twice)
                print(f"  {what}: {pages} pages, {rows} rows, {len(stable)} stable contacts all seen once: "
                      f"{'yes' if not missing and not twice_stable else 'NO'}; volatile contacts met twice: "
                      f"{len(twice)}", flush=True)
                if misordered:
                    failures.append(f"{what}: {misordered} rows out of the requested order")
                if same_position:
                    failures.append(f"{what}: {same_position} positions (sort keys + id) returned twice")
                if missing:
                    failures.append(f"{what}: {len(missing)} stable contacts skipped, e.g. {sorted(missing)[:10]}")
                if twice_stable or twice_nonvolatile:
                    failures.append(f"{what}: stable contacts returned twice: {sorted(twice_stable)[:10]}")
                if immutable and twice:
                    failures.append(f"{what}: contacts returned twice although the sort keys never change: "
                                    f"{sorted(twice)[:10]}")
        elapsed = time.monotonic() - t0
        cur.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        commits = cur.fetchone()[0] - commits0
    finally:
        writers.terminate()
        try:
            out, _ = writers.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            writers.kill()
            out = ""
    # pgbench was stopped by a signal; it must not have reported an error before that.
    errors = [line for line in (out or "").splitlines() if "error" in line.lower() or "abort" in line.lower()]
    if errors:
        failures.append("writers reported errors:\n  " + "\n  ".join(errors[:20]))
    print(f"walks: {len(WALKS) * 2} walks, {total_pages} pages, {total_rows} rows in {elapsed:.1f} s while "
          f"{WRITERS} writer sessions committed about {commits} transactions; volatile contacts met twice "
          f"(moved past the walk by a writer): {repeats}", flush=True)
    for f in failures:
        print("FAIL: " + f, flush=True)
    if failures:
        sys.exit(1)
    print("walks: consistent")


if __name__ == "__main__":
    main()
