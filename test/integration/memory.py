#!/usr/bin/env python3
"""Memory of one session over many contacts_list calls (issue 6, item 4).

Driven by memory.sh. One session sends MEMORY_CALLS (default 25,000, or as
many as fit in MEMORY_MAX_SECONDS = 90 s; 1,000,000 in the documented long
run) top-level contacts_list calls, with
some contacts_count / contacts_explain calls among them, with varied filters
(every lookup and transform, or/and/not, search, trigram), sorts, limits and
cursors (it pages forwards and backwards), so that far more query shapes pass
than the session's plan cache keeps (256): plans are prepared, reused and
evicted all along. About one call in ten raises an error on purpose (unknown
field, bad value, bad cursor, a list_timeout), so the error path is measured
too.

The backend's memory is sampled from /proc/<pid>/status after a warm-up
(MEMORY_WARMUP calls, default 10% of the run, at least 5,000) and then at ten
points: VmRSS (what the issue names; it includes the shared buffers the
backend has touched), RssAnon (its private memory: palloc'd and malloc'd;
where a leak would show) and the total of its memory contexts. Both RSS
figures must stay within MEMORY_TOLERANCE (default 5%) of the warm-up sample.
"""
import json
import os
import random
import statistics
import sys
import time

import psycopg2

DB = os.environ.get("MEMORY_DB", "it_memory")
CALLS = int(os.environ.get("MEMORY_CALLS", "25000"))
WARMUP = int(os.environ.get("MEMORY_WARMUP", str(max(5000, CALLS // 10))))
# The CI run stops at this many seconds (0: never) and judges the samples taken by then.
MAX_SECONDS = float(os.environ.get("MEMORY_MAX_SECONDS", "90"))
TOLERANCE = float(os.environ.get("MEMORY_TOLERANCE", "0.05"))
SEED = int(os.environ.get("MEMORY_SEED", "6"))

TEXT_FIELDS = ["first_name", "last_name", "city", "country", "street", "customer_id", "phone_number"]
SORT_FIELDS = ["id", "first_name", "last_name", "gender", "customer_id", "phone_number", "birthday", "created",
               "last_updated", "street", "city", "country", "points", "relationship_created", "last_activity",
               "address_id", "relationship_id", "city_code", "street_number"]
NAMES = ["Anna", "Müller", "muller", "García", "Jon", "Berlin", "São Paulo", "Zürich", "Łukasz", "Smith", "an",
         "er", "ö", "CUST-0", "+49", "30", "Paris", "Maria", "Lee", "Nguyen", "Kowalski", "Rossi"]


class Calls:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.last_page = {}  # sort -> (first cursor, last cursor) of the last page

    def leaf(self):
        r = self.r
        k = r.randrange(18)
        f = r.choice(TEXT_FIELDS)
        if k == 0:
            return {f: r.choice(NAMES)}
        if k == 1:
            return {f + "__icontains": r.choice(NAMES)}
        if k == 2:
            return {f + "__istartswith": r.choice(NAMES)[:2]}
        if k == 3:
            return {f + "__endswith": r.choice(NAMES)[-2:]}
        if k == 4:
            return {"points__gte": r.randrange(0, 5000)}
        if k == 5:
            return {"points__range": sorted([r.randrange(0, 3000), r.randrange(0, 3000)])}
        if k == 6:
            return {"birthday__year": r.randrange(1930, 2007)}
        if k == 7:
            return {"birthday__month__in": r.sample(range(1, 13), r.randrange(1, 4))}
        if k == 8:
            return {"created__date__gte": "20%02d-%02d-01" % (r.randrange(15, 25), r.randrange(1, 13))}
        if k == 9:
            return {"phone_number__isnull": r.random() < 0.5}
        if k == 10:
            return {"last_name__unaccent__iexact": r.choice(NAMES)}
        if k == 11:
            return {"search": " ".join(r.sample(NAMES, r.randrange(1, 3)))}
        if k == 12:
            return {"last_name__trigram_similar": r.choice(NAMES)}
        if k == 13:
            return {"id__in": [r.randrange(1, 30000) for _ in range(r.randrange(1, 50))]}
        if k == 14:
            return {"last_activity__lt": "2024-%02d-15T12:00:00Z" % r.randrange(1, 13)}
        if k == 15:
            return {"gender": r.choice(["M", "F", "O"])}
        if k == 16:
            return {"country__in": r.sample(["Germany", "France", "Spain", "Poland", "Brazil", "Japan"], 2)}
        return {"address__city__iexact": r.choice(NAMES)}

    def filter(self, depth=0):
        r = self.r
        x = r.random()
        if x < 0.15:
            return {}
        if x < 0.6 or depth > 2:
            f = {}
            for _ in range(r.randrange(1, 4)):
                f.update(self.leaf())
            return f
        if x < 0.8:
            return {r.choice(["or", "and"]): [self.filter(depth + 1) for _ in range(r.randrange(1, 4))]}
        return {"not": self.filter(depth + 1), **self.leaf()}

    def sort(self):
        r = self.r
        return [("-" if r.random() < 0.4 else "") + f for f in r.sample(SORT_FIELDS, r.randrange(0, 3))]

    def error_call(self):
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return ("list", json.dumps({"no_such_field": 1}), [], None, 10)
        if k == 1:
            return ("list", json.dumps({"points__gte": "many"}), [], None, 10)
        if k == 2:
            return ("list", json.dumps({}), ["last_name"], "not-a-cursor", 10)
        if k == 3:
            return ("list", json.dumps({}), [], None, 0)
        return ("timeout", None, None, None, None)

    def next(self):
        r = self.r
        x = r.random()
        if x < 0.1:
            return self.error_call()
        if x < 0.2:
            return ("count", json.dumps(self.filter()), None, None, None)
        if x < 0.22:
            return ("explain", json.dumps(self.filter()), self.sort(), None, 20)
        s = self.sort()
        key = json.dumps(s)
        cursor, limit = None, r.choice([1, 5, 10, 20, 50, 100])
        if key in self.last_page and r.random() < 0.5:
            first, last = self.last_page[key]
            if r.random() < 0.7:
                cursor = last
            else:
                cursor, limit = first, -limit
        elif r.random() < 0.05:
            limit = -limit
        return ("list", json.dumps(self.filter() if cursor is None else {}), s, cursor, limit)


def main():
    conn = psycopg2.connect(dbname=DB, application_name="contacts_memory_test")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    cur.execute("SET contacts_ext.list_timeout = '10s'")
    gen = Calls(SEED)
    stats = {"list": 0, "count": 0, "explain": 0, "errors": 0, "rows": 0, "timeouts": 0}
    slow_filter = json.dumps({"or": [{"city_code__icontains": "q%03dz" % i} for i in range(40)]})

    def read_status():
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return int(fields["VmRSS"].split()[0]), int(fields["RssAnon"].split()[0])

    def contexts():
        cur.execute("SELECT sum(total_bytes) FROM pg_backend_memory_contexts")
        return int(cur.fetchone()[0])

    def one_call():
        kind, f, s, c, lim = gen.next()
        try:
            if kind == "list":
                cur.execute("SELECT min(cursor), max(cursor), count(*) FROM contacts_list(%s::jsonb, %s::text[], %s, %s)",
                            (f, s, c, lim))
                first, last, n = cur.fetchone()
                stats["list"] += 1
                stats["rows"] += n
                # min/max of the tokens are cursors of the page, good enough to page on from.
                if n:
                    gen.last_page[json.dumps(s)] = (first, last)
            elif kind == "count":
                cur.execute("SELECT contacts_count(%s::jsonb)", (f,))
                cur.fetchone()
                stats["count"] += 1
            elif kind == "explain":
                cur.execute("SELECT count(*) FROM contacts_explain(%s::jsonb, %s::text[], %s, %s)", (f, s, c, lim))
                cur.fetchone()
                stats["explain"] += 1
            else:
                cur.execute("SET contacts_ext.list_timeout = 5")
                try:
                    cur.execute("SELECT count(*) FROM contacts_list(%s::jsonb, '{}', NULL, 10)", (slow_filter,))
                finally:
                    cur.execute("SET contacts_ext.list_timeout = '10s'")
        except psycopg2.Error as e:
            if conn.closed or e.pgcode is None:
                raise
            if e.pgcode.startswith("XX") or e.pgcode.startswith("58"):
                print(f"FAIL: {kind} {f} {s} {c} {lim}: {e.pgcode} {e}")
                sys.exit(1)
            stats["errors"] += 1
            if e.pgcode == "57014":
                stats["timeouts"] += 1

    rss_start, anon_start = read_status()
    print(f"at the start (connected, no call yet): VmRSS {rss_start} kB, RssAnon {anon_start} kB", flush=True)
    t0 = time.monotonic()
    for _ in range(WARMUP):
        one_call()
    rss0, anon0 = read_status()
    ctx0 = contexts()
    print(f"after {WARMUP} warm-up calls ({time.monotonic() - t0:.1f} s): VmRSS {rss0} kB, RssAnon {anon0} kB, "
          f"memory contexts {ctx0} bytes", flush=True)
    points = 10
    done = 0
    measured = CALLS - WARMUP
    samples = []
    t1 = time.monotonic()
    stopped_early = False
    for p in range(1, points + 1):
        target = measured * p // points
        while done < target:
            one_call()
            done += 1
            if MAX_SECONDS and time.monotonic() - t0 > MAX_SECONDS and p >= 3 and done % 100 == 0:
                stopped_early = True
                break
        rss, anon = read_status()
        ctx = contexts()
        samples.append((rss, anon, ctx))
        print(f"  {WARMUP + done:>8} calls: VmRSS {rss} kB ({100.0 * (rss - rss0) / rss0:+.2f}%), RssAnon {anon} kB "
              f"({100.0 * (anon - anon0) / anon0:+.2f}%), memory contexts {ctx} bytes", flush=True)
        if stopped_early:
            print(f"NOTICE: stopped at MEMORY_MAX_SECONDS={MAX_SECONDS:.0f} after {WARMUP + done} calls "
                  f"(MEMORY_CALLS={CALLS}); judged on the samples so far", flush=True)
            break
    elapsed = time.monotonic() - t0
    total = WARMUP + done
    print(f"{total} calls in {elapsed:.1f} s ({total / elapsed:.0f} calls/s): {stats['list']} contacts_list "
          f"({stats['rows']} rows), {stats['count']} contacts_count, {stats['explain']} contacts_explain, "
          f"{stats['errors']} errors on purpose ({stats['timeouts']} stopped by contacts_ext.list_timeout)",
          flush=True)
    rss1, anon1, ctx1 = samples[-1]
    worst_rss = max(s[0] for s in samples)
    worst_anon = max(s[1] for s in samples)
    print(f"VmRSS {rss_start} (start) -> {rss0} (after warm-up) -> {rss1} kB ({100.0 * (rss1 - rss0) / rss0:+.2f}%, peak {worst_rss}); "
          f"RssAnon {anon_start} (start) -> {anon0} -> {anon1} kB ({100.0 * (anon1 - anon0) / anon0:+.2f}%, peak {worst_anon}); "
          f"tolerance {100 * TOLERANCE:.0f}%", flush=True)
    failed = False
    if rss1 > rss0 * (1 + TOLERANCE):
        print(f"FAIL: VmRSS grew by more than {100 * TOLERANCE:.0f}% over {measured} calls")
        failed = True
    if anon1 > anon0 * (1 + TOLERANCE):
        print(f"FAIL: private memory (RssAnon) grew by more than {100 * TOLERANCE:.0f}% over {measured} calls")
        failed = True
    # Steady growth is a leak even below the tolerance on a short run: compare halves.
    half = [s[1] for s in samples[len(samples) // 2:]]
    if len(half) > 2 and half[-1] - half[0] > max(1024, 0.02 * anon0) and all(
            b >= a for a, b in zip(half, half[1:])):
        print(f"FAIL: RssAnon grows steadily over the second half of the run: {half}")
        failed = True
    if stats["list"] < done // 2:
        print("FAIL: too few contacts_list calls succeeded")
        failed = True
    conn.close()
    if failed:
        sys.exit(1)
    print("memory: flat")


if __name__ == "__main__":
    main()
