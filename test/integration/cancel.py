#!/usr/bin/env python3
"""Stop latency of contacts_list, contacts_count, contacts_seed and an index
build on the extension's text operator class, under every way of stopping a
statement: statement_timeout, pg_cancel_backend() from another session, the
client's cancel request (libpq PQcancel, psycopg2 connection.cancel()) and,
for contacts_list / contacts_count, contacts_ext.list_timeout.

Driven by cancel.sh (which creates and seeds the database). Each measured call
would run for seconds; the first statement_timeout sample of every workload
uses a 2 s timeout and so proves it. Latency is measured on the client, from
the moment the stop is requested (the timeout's deadline, or just before the
cancel is sent) to the moment the error arrives, so it includes a loopback
round trip and is never flattering.

After every stop the session must be usable (a contacts_list call answers,
no stray cancel hits the next statement), idle, hold no lock, and a stopped
seed or index build must leave nothing behind. A final loop stops a hundred
calls with contacts_ext.list_timeout and checks that the backend's memory
(private RSS and memory contexts) stays flat: nothing leaks on the abort path.

The server's JIT settings are left as they are: PostgreSQL cannot cancel an
LLVM compilation, which is why contacts_list/count/explain carry SET jit = off
(README, "Safety and limits"); this test is what shows it.

Environment: PGHOST/PGPORT/PGUSER (libpq), CANCEL_DB, CANCEL_SEED_DB,
CANCEL_REPS (samples per workload and method, default 3),
CANCEL_FAIL_MS (bound on any single stop, default 300, times the load average
per core when that is above 1), CANCEL_GOAL_MS (bound on the median, default 100),
CANCEL_LEAK_LOOPS (default 100).
"""
import json
import os
import statistics
import sys
import threading
import time

import psycopg2
import psycopg2.errorcodes

DB = os.environ.get("CANCEL_DB", "it_cancel")
SEED_DB = os.environ.get("CANCEL_SEED_DB", "it_cancel_seed")
REPS = int(os.environ.get("CANCEL_REPS", "3"))
FAIL_MS = float(os.environ.get("CANCEL_FAIL_MS", "300"))
GOAL_MS = float(os.environ.get("CANCEL_GOAL_MS", "100"))
LEAK_LOOPS = int(os.environ.get("CANCEL_LEAK_LOOPS", "100"))
PROOF_TIMEOUT_MS = 2000  # the first statement_timeout sample: the call runs at least this long

failures = []
samples = []  # (workload, method, latency_ms)


def fail(msg):
    print("FAIL: " + msg, flush=True)
    failures.append(msg)


def connect(db=DB):
    conn = psycopg2.connect(dbname=db, application_name="contacts_cancel_test")
    conn.autocommit = True
    return conn


def one(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone() if cur.description else None
        return row[0] if row else None


# 1,000 ORed icontains conditions (the most one filter may hold) on city_code,
# which has no trigram index, with strings that occur nowhere: no index can
# serve it, every row is tested 1,000 times; about 7 s over 150,000 contacts,
# well beyond the 2 s proof sample.
SLOW_FILTER = json.dumps({"or": [{"city_code__icontains": "q%03dz" % i} for i in range(1000)]})


class Workload:
    """A statement that runs for seconds, and what must hold after it is stopped."""

    def __init__(self, name, sql, args=(), setup=(), db=DB, list_timeout_applies=False):
        self.name, self.sql, self.args, self.setup, self.db = name, sql, args, setup, db
        self.list_timeout_applies = list_timeout_applies

    def before(self, admin):
        return None

    def after(self, admin, state):
        pass


class SeedWorkload(Workload):
    def before(self, admin):
        return one(admin, "SELECT count(*) FROM app_user")

    def after(self, admin, state):
        n = one(admin, "SELECT count(*) FROM app_user")
        if n != state:
            fail(f"{self.name}: a stopped contacts_seed left rows behind ({state} -> {n})")
        if one(admin, "SELECT count(*) FROM pg_stat_progress_copy") != 0:
            fail(f"{self.name}: pg_stat_progress_copy still reports a copy after the stop")


class IndexWorkload(Workload):
    def after(self, admin, state):
        if one(admin, "SELECT count(*) FROM pg_class WHERE relname = 'cancel_opclass_idx'") != 0:
            fail(f"{self.name}: the stopped index build left an index behind")


def check_session(conn, pid, admin, what):
    """The session that was stopped is idle, holds no lock, and works."""
    try:
        # A stray cancel (say, a call timer that fired late) would hit this.
        if one(conn, "SELECT 1") != 1:
            fail(f"{what}: SELECT 1 did not return 1")
        n = one(conn, "SELECT count(*) FROM contacts_list('{\"last_name__startswith\": \"M\"}', '{last_name}', NULL, 20)")
        expected = one(admin, "SELECT least(count(*), 20) FROM app_user WHERE last_name LIKE 'M%'")
        if n != expected:
            fail(f"{what}: contacts_list after the stop returned {n} rows")
        n = one(conn, "SELECT contacts_count('{\"id__lt\": 100}')")
        expected = one(admin, "SELECT count(*) FROM app_user WHERE id < 100")
        if n != expected:
            fail(f"{what}: contacts_count after the stop returned {n}, expected {expected}")
    except psycopg2.Error as e:
        fail(f"{what}: the session is not usable after the stop: {e.pgcode} {e}")
        return
    state, locks = None, None
    for _ in range(50):  # pg_stat_activity lags by a few ms
        state = one(admin, "SELECT state FROM pg_stat_activity WHERE pid = %s", (pid,))
        locks = one(admin, "SELECT count(*) FROM pg_locks WHERE pid = %s AND locktype <> 'virtualxid'", (pid,))
        if state == "idle" and locks == 0:
            return
        time.sleep(0.01)
    fail(f"{what}: after the stop the session is '{state}' and holds {locks} locks")


def run_stopped(w, method, delay, timeout_ms=None):
    """Runs w in a fresh session, stops it with method, returns the latency in ms (or None)."""
    conn = connect(w.db)
    admin = connect(w.db)
    pid = one(conn, "SELECT pg_backend_pid()")
    for s in w.setup:
        one(conn, s)
    # A first call loads the library and warms the session's catalog caches.
    one(conn, "SELECT count(*) FROM contacts_list('{\"id__lt\": 10}', '{}', NULL, 5)")
    state = w.before(admin)
    if method == "statement_timeout":
        one(conn, "SET statement_timeout = %s", (timeout_ms,))
    elif method == "list_timeout":
        one(conn, "SET contacts_ext.list_timeout = %s", (timeout_ms,))

    result = {}

    def call():
        try:
            one(conn, w.sql, w.args or None)
            result["done"] = time.monotonic()
        except psycopg2.Error as e:
            result["error"] = e
            result["t_err"] = time.monotonic()

    t_start = time.monotonic()
    th = threading.Thread(target=call)
    th.start()
    t_req = None
    if method in ("pg_cancel_backend", "client_cancel"):
        time.sleep(delay)
        if "done" in result or "error" in result:
            pass
        else:
            t_req = time.monotonic()
            if method == "pg_cancel_backend":
                one(admin, "SELECT pg_cancel_backend(%s)", (pid,))
            else:
                conn.cancel()
    else:
        t_req = t_start + timeout_ms / 1000.0
    th.join(120)
    what = f"{w.name} / {method}"
    latency = None
    if th.is_alive():
        fail(f"{what}: the call did not stop within 120 s")
        os._exit(2)
    if t_req is None:
        fail(f"{what}: the call ended by itself before the cancel was sent: {result}")
    elif "done" in result:
        fail(f"{what}: the call finished after {1000 * (result['done'] - t_start):.0f} ms before it could be "
             "stopped: the workload is too small to measure")
    else:
        e = result["error"]
        if e.pgcode != psycopg2.errorcodes.QUERY_CANCELED:
            fail(f"{what}: expected SQLSTATE 57014, got {e.pgcode}: {e}")
        msg = str(e)
        if method == "list_timeout" and "contacts_ext.list_timeout" not in msg:
            fail(f"{what}: the error does not name contacts_ext.list_timeout: {msg.strip()}")
        if method == "statement_timeout" and "statement timeout" not in msg:
            fail(f"{what}: expected the statement timeout error, got: {msg.strip()}")
        if method in ("pg_cancel_backend", "client_cancel") and "user request" not in msg:
            fail(f"{what}: expected 'canceling statement due to user request', got: {msg.strip()}")
        latency = 1000.0 * (result["t_err"] - t_req)
        samples.append((w.name, method, latency))
        print(f"  {what:<48} stopped {latency:7.1f} ms after the request "
              f"(ran {1000 * (result['t_err'] - t_start):.0f} ms)", flush=True)
    if method == "statement_timeout":
        one(conn, "RESET statement_timeout")
    elif method == "list_timeout":
        one(conn, "SET contacts_ext.list_timeout = 0")
    check_session(conn, pid, admin, what)
    w.after(admin, state)
    conn.close()
    admin.close()
    return latency


def opclass_index_sql(admin):
    """CREATE INDEX statements for each text operator class of the extension (none yet: [])."""
    rows = []
    with admin.cursor() as cur:
        cur.execute("""
            SELECT am.amname, quote_ident(n.nspname) || '.' || quote_ident(opc.opcname)
            FROM pg_opclass opc
            JOIN pg_am am ON am.oid = opc.opcmethod
            JOIN pg_namespace n ON n.oid = opc.opcnamespace
            JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid AND d.deptype = 'e'
            JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'contacts_ext'
            WHERE opc.opcintype = 'text'::regtype
            ORDER BY 1, 2""")
        for am, opc in cur.fetchall():
            rows.append((f"{am} {opc}", f"CREATE INDEX cancel_opclass_idx ON cancel_text USING {am} (t {opc})"))
    return rows


def leak_check():
    """Hundreds of calls stopped by contacts_ext.list_timeout: the backend's memory stays flat."""
    conn = connect()
    pid = one(conn, "SELECT pg_backend_pid()")
    one(conn, "SET contacts_ext.list_timeout = 15")

    leak_filter = json.dumps({"or": [{"city_code__icontains": "q%03dz" % i} for i in range(100)]})

    def stop_many(n):
        stopped = 0
        for i in range(n):
            try:
                # Alternate list and count, and vary the shape a little (plans are cached per shape).
                if i % 2 == 0:
                    one(conn, "SELECT count(*) FROM contacts_list(%s::jsonb, %s, NULL, 10)",
                        (leak_filter, ["last_name"] if i % 4 == 0 else ["-points"]))
                else:
                    one(conn, "SELECT contacts_count(%s::jsonb)", (leak_filter,))
            except psycopg2.Error as e:
                if e.pgcode != psycopg2.errorcodes.QUERY_CANCELED or "contacts_ext.list_timeout" not in str(e):
                    fail(f"leak loop: unexpected error {e.pgcode}: {e}")
                    return stopped
                stopped += 1
        return stopped

    def rss_kb():
        """Private anonymous memory (palloc'd or malloc'd) and total RSS; total RSS also counts the
        shared buffers the backend has touched, which grows as it reads pages and is no leak."""
        try:
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            return int(fields["RssAnon"].split()[0]), int(fields["VmRSS"].split()[0])
        except (OSError, KeyError):
            return None, None

    def context_bytes():
        return one(conn, "SELECT sum(total_bytes) FROM pg_backend_memory_contexts")

    warm = max(50, LEAK_LOOPS // 2)
    stop_many(warm)
    (anon0, rss0), ctx0 = rss_kb(), context_bytes()
    t0 = time.monotonic()
    stopped = stop_many(LEAK_LOOPS)
    elapsed = time.monotonic() - t0
    (anon1, rss1), ctx1 = rss_kb(), context_bytes()
    print(f"  leak loop: {stopped} of {LEAK_LOOPS} calls stopped by contacts_ext.list_timeout = 15 ms "
          f"in {elapsed:.1f} s; memory contexts {ctx0} -> {ctx1} bytes; "
          f"RssAnon {anon0} -> {anon1} kB (VmRSS with shared buffers {rss0} -> {rss1} kB)", flush=True)
    if stopped != LEAK_LOOPS:
        fail(f"leak loop: only {stopped} of {LEAK_LOOPS} calls were stopped")
    if ctx1 > ctx0 + 256 * 1024:
        fail(f"leak loop: memory contexts grew by {ctx1 - ctx0} bytes over {LEAK_LOOPS} stopped calls")
    if anon0 is not None and anon1 is not None and anon1 > anon0 * 1.05 + 1024:
        # malloc keeps freed memory: one larger call raises the high-water
        # mark once. A leak keeps growing: run the loop again and judge that.
        stop_many(LEAK_LOOPS)
        anon2, _ = rss_kb()
        print(f"  leak loop: RssAnon grew; {LEAK_LOOPS} more stopped calls: {anon1} -> {anon2} kB", flush=True)
        if anon2 > anon1 * 1.05 + 1024:
            fail(f"leak loop: private memory (RssAnon) keeps growing: {anon0} -> {anon1} -> {anon2} kB, "
                 f"{LEAK_LOOPS} stopped calls each")
    # Each stopped call ran about 15 ms: the timer is per call and rearmed every time.
    if stopped and elapsed / stopped > 0.2:
        fail(f"leak loop: a call took {1000 * elapsed / stopped:.0f} ms on average to be stopped at 15 ms")
    conn.close()


def main():
    admin = connect()
    # 0.05 s lands in planning (and JIT compilation, when the plan is costly enough).
    delays = [0.05, 0.4, 0.8, 0.3, 0.6, 1.0, 0.2, 0.7][:REPS]

    workloads = [
        Workload("contacts_list (1000-way OR, no index)",
                 "SELECT count(*) FROM contacts_list(%s::jsonb, '{}', NULL, 10)", (SLOW_FILTER,),
                 setup=("SET contacts_ext.list_timeout = 0",), list_timeout_applies=True),
        Workload("contacts_count (1000-way OR, no index)",
                 "SELECT contacts_count(%s::jsonb)", (SLOW_FILTER,),
                 setup=("SET contacts_ext.list_timeout = 0",), list_timeout_applies=True),
        # Into a table holding 150,000 contacts: heap first, indexes rebuilt at the end.
        SeedWorkload("contacts_seed(3000000) heap phase",
                     "SELECT contacts_seed(3000000, 99)", setup=("SET client_min_messages = warning",)),
    ]
    opclasses = opclass_index_sql(admin)
    if not opclasses:
        print("NOTICE: the extension has no text operator class yet: the index build part is skipped", flush=True)
    if opclasses:
        # About 1 million short texts (150,000 contacts x 7), a build of several seconds.
        one(admin, "DROP TABLE IF EXISTS cancel_text")
        one(admin, """CREATE TABLE cancel_text AS
                      SELECT u.first_name || ' ' || u.last_name || ' ' || coalesce(a.city, '') || ' ' || k AS t
                      FROM app_user u LEFT JOIN address a ON a.id = u.address_id, generate_series(1, 7) k""")
    for label, sql in opclasses:
        workloads.append(IndexWorkload(f"CREATE INDEX USING {label}", sql,
                                       setup=("SET maintenance_work_mem = '64MB'",)))

    for w in workloads:
        print(f"{w.name}:", flush=True)
        methods = [("statement_timeout", d) for d in delays] + [("pg_cancel_backend", d) for d in delays] + \
                  [("client_cancel", d) for d in delays]
        if w.list_timeout_applies:
            methods += [("list_timeout", d) for d in delays]
        proved = set()
        for method, delay in methods:
            timeout_ms = None
            if method in ("statement_timeout", "list_timeout"):
                timeout_ms = PROOF_TIMEOUT_MS if method not in proved else int(delay * 1000)
                proved.add(method)
            run_stopped(w, method, delay, timeout_ms)

    # contacts_seed's last phase rebuilds every index (reindex_relation): a
    # load into empty tables, stopped once the heap is written.
    print("contacts_seed(200000) index rebuild phase:", flush=True)
    seed_conn = connect(SEED_DB)
    seed_admin = connect(SEED_DB)
    seed_pid = one(seed_conn, "SELECT pg_backend_pid()")
    one(seed_conn, "SET client_min_messages = warning")
    res = {}

    def seed_call():
        try:
            one(seed_conn, "SELECT contacts_seed(200000, 5)")
            res["done"] = time.monotonic()
        except psycopg2.Error as e:
            res["error"], res["t_err"] = e, time.monotonic()

    th = threading.Thread(target=seed_call)
    th.start()
    deadline = time.monotonic() + 60
    written = None
    while time.monotonic() < deadline and th.is_alive():
        written = one(seed_admin, "SELECT tuples_processed FROM pg_stat_progress_copy WHERE pid = %s", (seed_pid,))
        if written == 200000:
            break
        time.sleep(0.005)
    if written != 200000:
        fail(f"contacts_seed rebuild phase: the seed did not finish writing its heap in 60 s ({written} rows)")
    time.sleep(0.3)  # into the rebuild (seconds at this size)
    t_req = time.monotonic()
    one(seed_admin, "SELECT pg_cancel_backend(%s)", (seed_pid,))
    th.join(120)
    if "done" in res:
        fail("contacts_seed rebuild phase: the seed finished before it could be stopped")
    elif "error" in res:
        lat = 1000 * (res["t_err"] - t_req)
        samples.append(("contacts_seed rebuild", "pg_cancel_backend", lat))
        print(f"  {'contacts_seed rebuild / pg_cancel_backend':<48} stopped {lat:7.1f} ms after the request",
              flush=True)
        if res["error"].pgcode != psycopg2.errorcodes.QUERY_CANCELED:
            fail(f"contacts_seed rebuild phase: expected 57014, got {res['error'].pgcode}: {res['error']}")
    if one(seed_admin, "SELECT count(*) FROM app_user") != 0:
        fail("contacts_seed rebuild phase: the stopped seed left rows behind")
    check_session(seed_conn, seed_pid, seed_admin, "contacts_seed rebuild phase")
    seed_conn.close()
    seed_admin.close()

    print("nothing leaks when calls are stopped:", flush=True)
    leak_check()

    lat = [s[2] for s in samples]
    if lat:
        med = statistics.median(lat)
        print()
        print(f"{'method':<20} {'n':>3} {'median ms':>10} {'max ms':>8}")
        for method in ("statement_timeout", "pg_cancel_backend", "client_cancel", "list_timeout"):
            m = [s[2] for s in samples if s[1] == method]
            if m:
                print(f"{method:<20} {len(m):>3} {statistics.median(m):>10.1f} {max(m):>8.1f}")
        print(f"{'all':<20} {len(lat):>3} {med:>10.1f} {max(lat):>8.1f}")
        print(f"stop latency: median {med:.1f} ms, max {max(lat):.1f} ms over {len(lat)} stops "
              f"(goal {GOAL_MS:.0f} ms: {'met' if med <= GOAL_MS else 'NOT met'} by the median, "
              f"{sum(1 for x in lat if x <= GOAL_MS)}/{len(lat)} stops within it; failure bound {FAIL_MS:.0f} ms)")
        # The median must meet the goal: a stop that does not check for
        # interrupts (the JIT case, 0.5-3.6 s) fails here on any machine.
        if med > GOAL_MS:
            fail(f"median stop latency {med:.1f} ms is over the goal of {GOAL_MS:.0f} ms")
        # Each single stop has a hang bound, widened on an overloaded machine
        # (load average above the core count delays any process being
        # scheduled: CI measured a 368 ms stop at load 12 on 2 cores while
        # the median stayed at 13 ms).
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
        bound = FAIL_MS * max(1.0, load)
        if bound > FAIL_MS:
            print(f"machine load {load:.1f} per core: single-stop bound widened to {bound:.0f} ms")
        for name, method, x in samples:
            if x > bound:
                fail(f"{name} / {method}: stopped {x:.1f} ms after the request (bound {bound:.0f} ms)")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("cancel: all checks passed")


if __name__ == "__main__":
    main()
