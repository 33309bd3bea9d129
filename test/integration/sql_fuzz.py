#!/usr/bin/env python3
"""SQL-level fuzzer and injection suite for contacts_list / contacts_count
(issue 6, items 2 and 3). Driven by sql_fuzz.sh, which creates the database,
seeds it and installs the helpers this script relies on (fuzz_batch,
fuzz_trap, fuzz_canary, fuzz_injected_seq).

Phase 1, injection: every hostile payload (SQL in many spellings) in every
position a caller controls (filter keys, lookups, transforms, values of every
type, array elements, nested or/and/not, search, sort entries, cursors, the
count mode, contacts_explain). A payload must be rejected as an unknown name
or a bad value, or matched as data (a contact planted with the payload as its
last name is found by exactly its own value and nothing else), and no SQL
from it may ever run: public.fuzz_trap() (which bumps a sequence, a
non-transactional trace, and raises P0666) is never called, the canary table
keeps its row, no role or file appears, contacts_explain never shows a
payload in its SQL text.

Phase 2, random and mutated calls: FUZZ_CALLS (default 100,000) calls of
contacts_list, contacts_count and contacts_explain from FUZZ_JOBS processes,
mostly in batches through fuzz_batch() (one round trip per batch; each call
in its own subtransaction) and a share sent directly as top-level statements.
Every call must return or raise a clean ERROR: any SQLSTATE except XX***
(internal error) and 58*** (system error); messages never leak a C++
exception. A list page without a cursor must have exactly
min(contacts_count, limit) rows. The server must not restart
(pg_postmaster_start_time() unchanged) and its log must gain no crash line.

On a failure the offending calls are written to FUZZ_FAIL_DIR (default /tmp)
as JSON, with a psql reproduction.
"""
import base64
import json
import multiprocessing
import os
import random
import re
import sys
import time

import psycopg2
import psycopg2.extras

DB = os.environ.get("FUZZ_DB", "it_fuzz")
CALLS = int(os.environ.get("FUZZ_CALLS", "100000"))
JOBS = int(os.environ.get("FUZZ_JOBS", "2"))
SEED = int(os.environ.get("FUZZ_SEED", str(int(time.time()))))
MAX_SECONDS = float(os.environ.get("FUZZ_MAX_SECONDS", "600"))
BATCH = int(os.environ.get("FUZZ_BATCH", "250"))
DIRECT_SHARE = float(os.environ.get("FUZZ_DIRECT_SHARE", "0.05"))
HUGE_EVERY = int(os.environ.get("FUZZ_HUGE_EVERY", "4000"))  # about one 10 MB input per this many calls
SERVER_LOG = os.environ.get("FUZZ_SERVER_LOG", "")
FAIL_DIR = os.environ.get("FUZZ_FAIL_DIR", "/tmp")
SLOW_MS = float(os.environ.get("FUZZ_SLOW_MS", "2000"))  # calls slower than this are reported (not failed)

CRASH_LINE = re.compile(r"terminated by signal|server process \(PID \d+\)|was terminated|PANIC:|TRAP:|"
                        r"all server processes terminated|database system was interrupted|"
                        r"database system is in recovery mode")


def connect():
    conn = psycopg2.connect(dbname=DB, application_name="contacts_sql_fuzz")
    conn.autocommit = True
    return conn


def bad_state(state):
    """A SQLSTATE that is not a clean ERROR: internal (XX) or system (58) errors."""
    return state is not None and (state.startswith("XX") or state.startswith("58"))


def leaked_exception(message):
    return message is not None and re.search(r"internal error in contacts_ext|std::|basic_string|"
                                             r"vector::|out_of_range|bad_variant|terminate called", message)


# --------------------------------------------------------------------------
# Input generation
# --------------------------------------------------------------------------

FIELDS = ["id", "first_name", "last_name", "gender", "customer_id", "phone_number", "birthday", "created",
          "last_updated", "address_id", "street", "street_number", "city_code", "city", "country",
          "relationship_id", "points", "relationship_created", "last_activity"]
ALIASES = ["address__street", "address__street_number", "address__city_code", "address__city", "address__country",
           "address__id", "relationship__id", "relationship__points", "relationship__created",
           "relationship__last_activity"]
JUNK_FIELDS = ["cursor", "u.id", "ID", "First_Name", "first_name ", " id", "", "_", "__", "password", "oid", "ctid",
               "xmin", "tableoid", "app_user", "address", "relationship", "address__", "relationship__points__",
               "pg_catalog.now", "id;", "id--", "\"id\"", "id\u0000", "ｉｄ", "іd", "lаst_name", "first\u200bname",
               "a" * 300, "id" * 2000, "or", "and", "not", "search", "__search", "search__icontains"]
LOOKUPS = ["exact", "iexact", "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith",
           "gt", "gte", "lt", "lte", "in", "range", "isnull", "trigram_similar"]
JUNK_LOOKUPS = ["like", "ilike", "regex", "EXACT", "", "in ", "gt;", "isnull()", "contains'", "search", "unaccent",
                "between", "ne", "not", "or"]
TRANSFORMS = ["unaccent", "year", "month", "day", "date"]
JUNK_TRANSFORMS = ["lower", "upper", "hour", "week", "quarter", "epoch", "iso_year", "trim"]

NAMES = ["Anna", "Müller", "Muller", "MÜLLER", "García", "Łukasz", "São Paulo", "Zürich", "Reykjavík", "Zoë",
         "Berlin", "Jon", "John", "O'Brien", "d'Artagnan", "van der Berg", "Smith", "M", "a", "an", "ann berlin",
         "CUST-0000000001", "CUST-", "+49 30 1234 567", "30-1234", "(030) 1234", "+1 (555) 010-9999", "1234",
         "Straße", "STRASSE", "İstanbul", "ıstanbul", "Ǆemal", "ǆ", "ﬁsh", "Æsir", "Ægir", "Øre"]
CONFUSABLES = ["Аnna", "Ａｎｎａ", "An\u200bna", "A\u0301nna", "Anna\u0308", "\u202eanna", "Ann\ufeffa", "ẞ", "ß",
               "\U0001F469\u200d\U0001F469\u200d\U0001F467", "𝐀𝐧𝐧𝐚", "Ⓐnna", "ａ", "\u00a0Anna\u2003", "Anna\u0000",
               "\ud800", "\udfff", "A" + "\u0300" * 500, "\u0130", "\u03a3\u03c3\u03c2", "ǅ", "ﷺ", "𝒜", "\U0010ffff"]
SPECIAL = ["", " ", "  ", "\t\n", "%", "_", "\\", "\\%", "%_%", "'", "''", "\"", "`", ";", "--", "/*", "*/", "$", "$1",
           "$$", "\\x00", "\u0001", "\u007f", "%%%%%%%%%%", "_" * 100, "\\" * 33, "\r\n\r\n"]
SQLI = ["'; DROP TABLE fuzz_canary; --", "x' OR '1'='1", "1) OR (1=1", "1; SELECT public.fuzz_trap()",
        "'||public.fuzz_trap()||'", "(SELECT public.fuzz_trap())", "$1; SELECT public.fuzz_trap()",
        "id) OR public.fuzz_trap() IS NULL OR (id", "\"; SELECT public.fuzz_trap(); --",
        "$$; SELECT public.fuzz_trap(); $$", "E'\\''; SELECT public.fuzz_trap(); --", "*/ SELECT public.fuzz_trap() /*",
        "'; INSERT INTO fuzz_canary VALUES (666); --", "id DESC, public.fuzz_trap()", "first_name::text",
        "lower(first_name)", "first_name COLLATE \"C\"", "u.id", "pg_sleep(10)", "U&'\\0027'"]
DATES = ["2024-01-01", "1990-11-30", "0001-01-01", "9999-12-31", "10000-01-01", "294276-12-31", "294277-01-01",
         "5874897-12-31", "5874898-01-01", "-4713-11-24", "4714-11-24 BC", "4714-11-23 BC", "4713-01-01 BC",
         "infinity", "-infinity", "Infinity", "epoch", "now", "today", "tomorrow", "allballs", "J2451187",
         "2024-02-30", "2024-13-01", "2024-00-10", "1999-01-08 04:05:06 PST", "2024-06-01T12:00:00+14:00",
         "2024-06-01 12:00:00+15:59", "2024-06-01 24:00:00", "2024-06-01 25:00:00", "January 8, 99 BC",
         "99-01-08", "1/8/1999", "20240101", "2024-01-01 00:00:00.123456789", "2024-W01-1", "+2024-01-01",
         "2024-01-01 America/New_York", "2024-01-01 Mars/Olympus", "1e10", "2024-1-1", "  2024-01-01  "]
NUMBER_TOKENS = ["0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
                 "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                 "18446744073709551616", "1" + "0" * 400, "-" + "9" * 1000, "1e308", "1e309", "-1e309", "1e400",
                 "1e-400", "1e-5000", "1.5", "0.5", "-0.0", "1E+2", "123456789012345678901234567890.5", "3.4e38",
                 "1e131071", "0.000000000000000000000000000001"]
NUMBER_STRINGS = ["NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "1e1000", "0x10", "1_000", " 12 ", "12abc",
                  "", "+5", "--5", "1e", ".5", "5.", "١٢٣", "１２", "2147483648", "-9223372036854775809", "1000"]


class Raw:
    """A JSON token written verbatim (numbers no Python float can hold, escapes)."""

    def __init__(self, text):
        self.text = text


def enc(v):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, dict):
        return "{" + ",".join(enc_str(k) + ":" + enc(x) for k, x in v.items()) + "}"
    if isinstance(v, DupObject):
        return "{" + ",".join(enc_str(k) + ":" + enc(x) for k, x in v.items) + "}"
    if isinstance(v, list):
        return "[" + ",".join(enc(x) for x in v) + "]"
    if isinstance(v, str):
        return enc_str(v)
    return json.dumps(v)


def enc_str(s):
    # Raw UTF-8 mostly; escapes (\\uXXXX) for strings holding lone surrogates, which UTF-8 cannot carry
    # (PostgreSQL's JSON parser must reject them itself), and for a share of the rest.
    return json.dumps(s, ensure_ascii=bool(SURROGATE.search(s)) or len(s) % 3 == 0)


class DupObject:
    """An object with duplicate keys (jsonb keeps the last)."""

    def __init__(self, items):
        self.items = items


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.filter_pool = []      # filters that were accepted, to mutate
        self.cursor_pool = {}      # sort text -> cursors seen for it
        self.calls = 0

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    # -- names -----------------------------------------------------------------
    def field(self):
        x = self.r.random()
        if x < 0.8:
            return self.pick(FIELDS)
        if x < 0.95:
            return self.pick(ALIASES)
        return self.pick(JUNK_FIELDS)

    def key(self):
        f = self.field()
        x = self.r.random()
        parts = [f]
        if x < 0.15:
            parts.append(self.pick(TRANSFORMS) if self.r.random() < 0.9 else self.pick(JUNK_TRANSFORMS))
        if self.r.random() < 0.75:
            parts.append(self.pick(LOOKUPS) if self.r.random() < 0.95 else self.pick(JUNK_LOOKUPS))
        if self.r.random() < 0.02:
            parts.append(self.pick(LOOKUPS))
        k = "__".join(parts)
        if self.r.random() < 0.02:
            k = self.pick(SQLI) if self.r.random() < 0.5 else k + self.pick(SQLI)
        return k

    # -- values ----------------------------------------------------------------
    def text(self, big=True):
        x = self.r.random()
        if x < 0.35:
            return self.pick(NAMES)
        if x < 0.5:
            s = self.pick(NAMES)
            i = self.r.randrange(len(s) + 1)
            j = self.r.randrange(i, len(s) + 1)
            return s[i:j]
        if x < 0.6:
            return self.pick(CONFUSABLES)
        if x < 0.7:
            return self.pick(SPECIAL)
        if x < 0.78:
            return self.pick(SQLI)
        if x < 0.86:
            return self.pick(DATES)
        if x < 0.9:
            return self.pick(NUMBER_STRINGS)
        if x < 0.995 or not big:
            return "".join(chr(self.r.choice([self.r.randrange(32, 127), self.r.randrange(0x80, 0x3000),
                                               self.r.randrange(0x10000, 0x10ffff)]))
                           for _ in range(self.r.randrange(1, 12)))
        n = self.r.choice([100, 1000, 10000, 100000, 1 << 20, (1 << 20) + 1])
        return self.pick(["a", "é", "%", "Müller ", "ab c"]) * (n // 2)

    def number(self):
        x = self.r.random()
        if x < 0.4:
            return self.r.choice([0, 1, -1, 7, 42, 100, 500, 1000, 5000, 99999, 100000])
        if x < 0.55:
            return self.r.randrange(-10 ** 6, 10 ** 6)
        if x < 0.9:
            return Raw(self.pick(NUMBER_TOKENS))
        return self.r.uniform(-1e6, 1e6)

    def scalar(self, big=True):
        x = self.r.random()
        if x < 0.45:
            return self.text(big)
        if x < 0.8:
            return self.number()
        if x < 0.9:
            return self.r.choice([True, False])
        return None

    def value(self, depth=0):
        x = self.r.random()
        if x < 0.7 or depth > 3:
            return self.scalar()
        if x < 0.9:
            n = self.r.choice([0, 1, 2, 2, 3, 5, 10]) if self.r.random() < 0.9 else \
                self.r.choice([999, 1000, 1001, 5000])
            if n > 10:  # big arrays hold scalars only: nesting them would multiply sizes
                return [self.scalar(big=False) for _ in range(n)]
            return [self.scalar() if self.r.random() < 0.8 else self.value(depth + 1) for _ in range(n)]
        return {self.key(): self.value(depth + 1) for _ in range(self.r.randrange(0, 3))}

    def typed_value(self, key):
        """A value that fits the key's field more often than not."""
        f = key.split("__")[0]
        if key.endswith("__isnull"):
            return self.r.choice([True, False, True, "true", 1, None, "yes"])
        if key.endswith("__in"):
            n = self.r.choice([0, 1, 2, 3, 10]) if self.r.random() < 0.9 else self.r.choice([100, 1000, 1001])
            return [self.typed_scalar(f, big=False) for _ in range(n)]
        if key.endswith("__range"):
            return self.r.choice([[self.typed_scalar(f), self.typed_scalar(f)], [self.typed_scalar(f)],
                                  [self.typed_scalar(f)] * 3, [], self.typed_scalar(f)])
        return self.typed_scalar(f)

    def typed_scalar(self, f, big=True):
        if self.r.random() < 0.15:
            return self.scalar(big)
        if f in ("id", "address_id", "relationship_id", "points", "address__id", "relationship__id",
                 "relationship__points"):
            return self.r.choice([self.r.randrange(-5, 6000), self.number(), str(self.r.randrange(0, 6000))])
        if f in ("birthday", "created", "last_updated", "relationship_created", "last_activity",
                 "relationship__created", "relationship__last_activity"):
            if self.r.random() < 0.5:
                return "%04d-%02d-%02d" % (self.r.randrange(1920, 2030), self.r.randrange(1, 13),
                                           self.r.randrange(1, 29))
            return self.pick(DATES)
        return self.text(big)

    # -- filters ---------------------------------------------------------------
    def filter_obj(self, depth=0):
        obj = {}
        for _ in range(self.r.choice([0, 1, 1, 1, 1, 2, 2, 3, 5])):
            x = self.r.random()
            if x < 0.7 or depth > 6:
                k = self.key()
                obj[k] = self.typed_value(k) if self.r.random() < 0.92 else self.value()
            elif x < 0.8:
                obj["search"] = self.text() if self.r.random() < 0.9 else self.value()
            elif x < 0.9:
                obj[self.r.choice(["or", "and"])] = (
                    [self.filter_obj(depth + 1) for _ in range(self.r.choice([0, 1, 2, 3, 5]))]
                    if self.r.random() < 0.9 else self.value())
            else:
                obj["not"] = self.filter_obj(depth + 1) if self.r.random() < 0.9 else self.value()
        if self.r.random() < 0.02 and obj:
            k = next(iter(obj))
            return DupObject(list(obj.items()) + [(k, self.value())])
        return obj

    def deep(self):
        d = self.r.choice([31, 32, 33, 64, 1000, 5000])
        kind = self.r.randrange(4)
        if kind == 0:
            return '{"not":' * d + '{"id": 1}' + "}" * d
        if kind == 1:
            return '{"or":[' * d + '{"id": 1}' + "]}" * d
        if kind == 2:
            return '{"id__in":' + "[" * d + "1" + "]" * d + "}"
        return '{"first_name":' + '{"a":' * d + "1" + "}" * d + "}"

    def huge(self):
        """A 10 MB input somewhere, or a huge array."""
        kind = self.r.randrange(5)
        big = self.pick(["a", "é", "'", "%"]) * (10 << 20)
        if kind == 0:
            return ("filter", enc({"last_name": big}))
        if kind == 1:
            return ("filter", enc({big[:4 << 20]: 1}))
        if kind == 2:
            return ("filter", enc({"id__in": list(range(200000))}))
        if kind == 3:
            return ("cursor", big)
        return ("sort", ["id"] * 100000)

    def mutate_text(self, s):
        if not s:
            return s
        b = list(s)
        for _ in range(self.r.randrange(1, 4)):
            op = self.r.randrange(5)
            i = self.r.randrange(len(b)) if b else 0
            if op == 0 and b:
                b[i] = chr(self.r.randrange(32, 127))
            elif op == 1:
                b.insert(i, self.pick(['"', "{", "}", "[", "]", ",", ":", "\\", "0", "-", "e", "_", "'", "\u00e9"]))
            elif op == 2 and b:
                del b[i:i + self.r.randrange(1, 5)]
            elif op == 3 and b:
                j = self.r.randrange(i, len(b))
                b[i:i] = b[i:j + 1]
            elif op == 4 and b:
                b[i] = chr(ord(b[i]) ^ (1 << self.r.randrange(7)))
        return "".join(b)

    def mutate_obj(self, v, depth=0):
        """Structure-level mutation of a parsed filter."""
        if isinstance(v, dict) and v and depth < 20:
            k = self.pick(list(v.keys()))
            op = self.r.randrange(7)
            v = dict(v)
            if op == 0:
                v[k] = self.mutate_obj(v[k], depth + 1)
            elif op == 1:
                v[self.mutate_text(k)] = v.pop(k)
            elif op == 2:
                v[k] = self.value()
            elif op == 3:
                del v[k]
            elif op == 4:
                return {"not": v}
            elif op == 5:
                return {self.r.choice(["or", "and"]): [v, self.filter_obj(1)]}
            else:
                v[self.key()] = self.value()
            return v
        if isinstance(v, list) and v and depth < 20:
            v = list(v)
            i = self.r.randrange(len(v))
            v[i] = self.mutate_obj(v[i], depth + 1)
            if self.r.random() < 0.2 and len(v) < 20:
                v = v * self.r.choice([2, 100, 1001])
            return v
        return self.value()

    def filter_text(self):
        x = self.r.random()
        if x < 0.003:
            return self.deep()
        if x < 0.02:
            return None
        if x < 0.3 and self.filter_pool:
            base = self.pick(self.filter_pool)
            if self.r.random() < 0.15:
                return self.mutate_text(base)
            try:
                return enc(self.mutate_obj(json.loads(base)))
            except (ValueError, RecursionError):
                return base
        if x < 0.32:
            return enc(self.value())  # not an object at all
        return enc(self.filter_obj())

    # -- sort, cursor, limit ------------------------------------------------------
    def sort(self):
        x = self.r.random()
        if x < 0.25:
            return []
        if x < 0.28:
            return None
        keys = []
        for _ in range(self.r.choice([1, 1, 1, 1, 2, 2, 2, 3, 4, 8, 20])):
            y = self.r.random()
            if y < 0.93:
                k = self.pick(FIELDS + ALIASES)
                keys.append(("-" if self.r.random() < 0.4 else "") + k)
            elif y < 0.94:
                keys.append(None)
            elif y < 0.95:
                keys.append(self.pick(JUNK_FIELDS + ["-", "--id", "+id", "id DESC", "-id-", "- id", "-" * 50]))
            else:
                keys.append(self.pick(SQLI + CONFUSABLES))
        return keys

    @staticmethod
    def sort_key(sort):
        return json.dumps(sort)

    def cursor(self, sort):
        x = self.r.random()
        if x < 0.55:
            return None
        same = self.cursor_pool.get(self.sort_key(sort))
        if x < 0.7 and same:
            return self.pick(same)
        if x < 0.8 and self.cursor_pool:
            pool = self.cursor_pool[self.pick(list(self.cursor_pool.keys()))]
            return self.pick(pool)  # most likely from another sort
        if x < 0.92 and self.cursor_pool:
            pool = self.cursor_pool[self.pick(list(self.cursor_pool.keys()))]
            return self.flip(self.pick(pool))
        y = self.r.randrange(6)
        if y == 0:
            return ""
        if y == 1:
            return base64.urlsafe_b64encode(self.r.randbytes(self.r.randrange(1, 80))).decode().rstrip("=")
        if y == 2:
            return self.text()
        if y == 3:
            return base64.urlsafe_b64encode(bytes([1]) + self.r.randbytes(self.r.randrange(8, 60))).decode()
        if y == 4:
            return "A" * self.r.choice([1, 2, 3, 4, 11, 12, 1000, 1 << 20, (1 << 20) + 1])
        return self.pick(SQLI)

    def flip(self, c):
        if not c:
            return c
        x = self.r.randrange(4)
        if x == 0:  # flip one bit of the payload
            pad = "=" * (-len(c) % 4)
            try:
                raw = bytearray(base64.urlsafe_b64decode(c + pad))
            except Exception:
                return c[::-1]
            if raw:
                i = self.r.randrange(len(raw))
                raw[i] ^= 1 << self.r.randrange(8)
            return base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
        if x == 1:  # change one character
            i = self.r.randrange(len(c))
            return c[:i] + self.pick("ABCxyz019-_+/=.") + c[i + 1:]
        if x == 2:  # truncate
            return c[:self.r.randrange(len(c))]
        return c + self.pick(["A", "AA", "=", "==", c])

    def limit(self):
        x = self.r.random()
        if x < 0.7:
            return str(self.r.choice([1, 2, 3, 5, 10, 20, 50, 100]))
        if x < 0.9:
            return str(-self.r.choice([1, 2, 5, 10, 50]))
        return self.pick(["0", "1000", "1001", "-1000", "-1001", "2147483647", "-2147483648", "2147483648",
                          "-2147483649", "99999999999", None, "abc", "1.5", " 7 "])

    def count_args(self):
        mode = self.pick(["exact"] * 6 + ["planned", "planned", "estimated", "estimated", None, None] +
                         ["EXACT", "", "exact ", "'; DROP TABLE fuzz_canary; --", "estimate"])
        cap = self.pick([None, None, None, "0", "1", "10", "1000", "-1", "9223372036854775807",
                         "9223372036854775808", "x", "-9223372036854775808"])
        return mode, cap

    def call(self):
        """One call: [kind, filter, sort, cursor, limit, mode, cap]."""
        c = self.call_unbounded()
        if c[1] is not None and len(c[1]) > (12 << 20):  # keep every input near the 10 MB mark
            c[1] = c[1][:12 << 20]
        return c

    def call_unbounded(self):
        self.calls += 1
        kind = self.r.choices(["list", "count", "pair", "explain"], [0.6, 0.25, 0.12, 0.03])[0]
        f = self.filter_text()
        s = self.sort()
        c = self.cursor(s) if kind in ("list", "explain") else None
        lim = self.limit()
        mode, cap = self.count_args()
        if kind == "pair":
            c, lim, mode, cap = None, str(self.r.choice([1, 5, 50, 1000])), "exact", None
        if HUGE_EVERY and self.r.randrange(HUGE_EVERY) == 0:
            where, v = self.huge()
            if where == "filter":
                f = v
            elif where == "cursor":
                kind, c = "list", v
            else:
                s = v
        return [kind, f, s, c, lim, mode, cap]


SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(s):
    """Text sent as a text parameter: libpq cannot carry NUL, UTF-8 cannot carry lone surrogates."""
    if s is None:
        return None
    return SURROGATE.sub("\ufffd", s.replace("\0", ""))


def pg_array(items):
    """A text[] literal for a sort (None elements are NULL)."""
    if items is None:
        return None
    out = []
    for x in items:
        if x is None:
            out.append("NULL")
        else:
            out.append('"' + clean_text(x).replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(out) + "}"


# --------------------------------------------------------------------------
# Phase 2 worker
# --------------------------------------------------------------------------

def save_repro(tag, calls, note):
    path = os.path.join(FAIL_DIR, f"sql_fuzz-{tag}-{os.getpid()}-{int(time.time())}.json")
    try:
        with open(path, "w") as f:
            json.dump({"note": note, "calls": calls,
                       "how": "each call is [kind, filter, sort, cursor, limit, mode, cap]; run it as "
                              "SELECT count(*) FROM contacts_list(filter::jsonb, sort::text[], cursor, limit::int) "
                              "or SELECT contacts_count(filter::jsonb, mode, cap::bigint)"}, f)
    except OSError:
        path = "(could not write)"
    return path


def direct(cur, call):
    kind, f, s, c, lim, mode, cap = call
    sa = pg_array(s)
    if kind in ("list", "pair"):
        cur.execute("SELECT count(*), max(cursor) FROM contacts_list(%s::jsonb, %s::text[], %s, %s::int)",
                    (f, sa, c, lim))
        n, last = cur.fetchone()
        n2 = None
        if kind == "pair":
            cur.execute("SELECT contacts_count(%s::jsonb)", (f,))
            n2 = cur.fetchone()[0]
        return n, n2, last
    if kind == "count":
        cur.execute("SELECT contacts_count(%s::jsonb, %s, %s::bigint)", (f, mode, cap))
        return cur.fetchone()[0], None, None
    cur.execute("SELECT count(*) FROM contacts_explain(%s::jsonb, %s::text[], %s, %s::int)", (f, sa, c, lim))
    return cur.fetchone()[0], None, None


def worker(job, ncalls, deadline, queue):
    # A runaway input generator must fail here, not push the shared machine into the OOM killer.
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    try:
        run_worker(job, ncalls, deadline, queue)
    except BaseException as e:  # report, so the parent never waits for a dead worker
        import traceback
        traceback.print_exc()
        queue.put({"calls": 0, "ok": 0, "errors": 0, "states": {}, "bad": [], "mismatch": [], "direct": 0,
                   "batches": 0, "crash": f"fuzz worker {job} failed: {e!r}", "huge": 0,
                   "stopped_early": False, "filter_pool": 0, "cursor_sorts": 0, "slow": []})


def run_worker(job, ncalls, deadline, queue):
    rng = random.Random(SEED * 1000 + job)
    gen = Gen(rng)
    conn = connect()
    cur = conn.cursor()
    cur.execute("SET contacts_ext.list_timeout = '20s'")
    cur.execute("SET statement_timeout = '120s'")
    stats = {"calls": 0, "ok": 0, "errors": 0, "states": {}, "bad": [], "mismatch": [], "direct": 0,
             "batches": 0, "crash": None, "huge": 0, "stopped_early": False, "messages": {}, "slow": []}

    def judge(call, state, msg, n, n2, last, ms=0.0):
        stats["calls"] += 1
        if ms > SLOW_MS or state == "57014":
            stats["slow"].append({"call": call, "state": state, "ms": round(ms),
                                  "repro": save_repro("slow", [call], f"{state}, {ms:.0f} ms")})
        if state == "00000":
            stats["ok"] += 1
            kind, f, s = call[0], call[1], call[2]
            if f is not None and len(f) < 20000 and len(gen.filter_pool) < 2000:
                gen.filter_pool.append(f)
            if last is not None and kind == "list" and s is not None and len(s) < 50:
                pool = gen.cursor_pool.setdefault(Gen.sort_key(s), [])
                if len(pool) < 50:
                    pool.append(last)
            if kind == "pair" and n2 is not None:
                lim = int(call[4])
                if n != min(n2, lim):
                    stats["mismatch"].append({"call": call, "list_rows": n, "count": n2})
        else:
            stats["errors"] += 1
            stats["states"][state] = stats["states"].get(state, 0) + 1
            head = re.sub(r'"[^"]*"|\d+', "_", (msg or "")[:60])
            stats["messages"][head] = stats["messages"].get(head, 0) + 1
            if bad_state(state) or leaked_exception(msg) or state == "P0666":
                stats["bad"].append({"call": call, "state": state, "message": msg})

    done = 0
    while done < ncalls:
        if time.monotonic() > deadline:
            stats["stopped_early"] = True
            break
        # Now and then, other session settings.
        if rng.random() < 0.02:
            try:
                cur.execute("SET contacts_ext.max_limit = %s", (rng.choice([1, 10, 1000, 100000, 2147483647]),))
                cur.execute("SET contacts_ext.count_exact_threshold = %s", (rng.choice([0, 1, 100000]),))
            except psycopg2.Error:
                pass
        n = min(BATCH, ncalls - done)
        calls = [gen.call() for _ in range(n)]
        for c in calls:
            c[1], c[3], c[5] = clean_text(c[1]), clean_text(c[3]), clean_text(c[5])
        stats["huge"] += sum(1 for c in calls if (c[1] and len(c[1]) > 4000000) or (c[3] and len(c[3]) > 4000000)
                             or (c[2] and len(c[2]) > 10000))
        try:
            k = int(DIRECT_SHARE * n + rng.random())
            if k:
                # Top-level calls: an error aborts the statement, not a subtransaction.
                for call in calls[:k]:
                    t = time.monotonic()
                    try:
                        res = direct(cur, call)
                        judge(call, "00000", None, *res, ms=1000 * (time.monotonic() - t))
                    except psycopg2.Error as e:
                        if conn.closed or e.pgcode is None:
                            raise
                        judge(call, e.pgcode, e.pgerror, None, None, None, ms=1000 * (time.monotonic() - t))
                    stats["direct"] += 1
                calls = calls[k:]
            if calls:
                cur.execute("SELECT i, state, message, n, n2, last_cursor, ms FROM fuzz_batch(%s, %s, %s, %s, %s, %s, %s)",
                            ([c[0] for c in calls], [c[1] for c in calls], [pg_array(c[2]) for c in calls],
                             [c[3] for c in calls], [c[4] for c in calls], [c[5] for c in calls],
                             [c[6] for c in calls]))
                rows = cur.fetchall()
                stats["batches"] += 1
                if len(rows) != len(calls):
                    stats["bad"].append({"call": None, "state": "batch",
                                         "message": f"fuzz_batch returned {len(rows)} rows for {len(calls)} calls"})
                for i, state, msg, nn, n2, last, ms in rows:
                    judge(calls[i - 1], state, msg, nn, n2, last, ms)
        except psycopg2.Error as e:
            if conn.closed or e.pgcode is None:
                path = save_repro("crash", calls, str(e))
                stats["crash"] = f"connection lost: {e}; the batch is in {path}"
                break
            # Only what a subtransaction cannot catch gets here (a cancel).
            path = save_repro("batch-error", calls, f"{e.pgcode}: {e}")
            stats["bad"].append({"call": None, "state": e.pgcode, "message": f"{e} (batch saved in {path})"})
        done += n
    for b in stats["bad"]:
        b["repro"] = save_repro("bad", [b["call"]], f"{b['state']}: {b['message']}") if b["call"] else None
    stats["bad"] = [{k: (v if k != "call" else trunc(v)) for k, v in b.items()} for b in stats["bad"][:50]]
    stats["mismatch"] = [{k: (v if k != "call" else trunc(v)) for k, v in m.items()} for m in stats["mismatch"][:50]]
    stats["slow"] = [{k: (v if k != "call" else trunc(v)) for k, v in x.items()} for x in stats["slow"][:20]]
    stats["filter_pool"] = len(gen.filter_pool)
    stats["cursor_sorts"] = len(gen.cursor_pool)
    queue.put(stats)


def trunc(call):
    def t(x):
        if isinstance(x, str) and len(x) > 300:
            return x[:300] + f"...({len(x)} chars)"
        if isinstance(x, list) and len(x) > 20:
            return x[:20] + [f"...({len(x)} items)"]
        return x
    return [t(x) for x in call] if call else call


# --------------------------------------------------------------------------
# Phase 1: injection
# --------------------------------------------------------------------------

PAYLOADS = [
    "'; DROP TABLE public.fuzz_canary; --",
    "'); DROP TABLE public.fuzz_canary; --",
    "x' OR '1'='1",
    "x\" OR \"1\"=\"1",
    "1; DELETE FROM public.fuzz_canary",
    "1) OR (1=1",
    "$1",
    "$2) OR ($1 IS NULL",
    "'||public.fuzz_trap()||'",
    "public.fuzz_trap()",
    "(SELECT public.fuzz_trap())",
    "id) OR public.fuzz_trap() IS NULL OR (id",
    "id; SELECT public.fuzz_trap(); --",
    "u.id, (SELECT public.fuzz_trap())",
    "id DESC, public.fuzz_trap()",
    "$$; SELECT public.fuzz_trap(); $$",
    "E'\\\\'; SELECT public.fuzz_trap(); --",
    "\\'; SELECT public.fuzz_trap(); --",
    "*/ SELECT public.fuzz_trap(); /*",
    "'; INSERT INTO public.fuzz_canary VALUES (666); --",
    "'; CREATE ROLE fuzz_pwned; --",
    "'; COPY public.fuzz_canary TO PROGRAM 'touch /tmp/contacts_ext_pwned'; --",
    "\"; SELECT public.fuzz_trap(); --",
    "first_name\" = first_name OR \"id",
    "U&'\\0027'; SELECT public.fuzz_trap(); --",
    "\u2019; SELECT public.fuzz_trap(); --",
    "%' OR public.fuzz_trap() IS NOT NULL OR '%",
    "'::text OR public.fuzz_trap() IS NULL --",
    "1 UNION SELECT * FROM pg_authid --",
    "last_name ASC NULLS FIRST; SELECT public.fuzz_trap()",
    "pg_catalog.pg_sleep(5)",
    "id); SELECT public.fuzz_trap(); SELECT (1",
]

# Positions: a function of the payload giving (what, kind, filter, sort, cursor, limit, mode, expected states).
# Expected states: the clean rejections a payload in that position may get; "data" means the call must
# succeed and treat the payload as data (checked against the planted contact).
NAMES_ERR = {"42703", "22023"}
VALUE_ERR = {"22023", "22P02", "22007", "22008", "22003", "22009"}


def positions(p):
    b64 = base64.urlsafe_b64encode(p.encode()).decode().rstrip("=")
    return [
        ("value exact", "list", {"last_name": p}, [], None, 50, None, "data-exact"),
        ("value iexact", "list", {"last_name__iexact": p}, [], None, 50, None, "data-exact"),
        ("value startswith", "list", {"last_name__startswith": p}, [], None, 50, None, "data-exact"),
        ("value icontains", "list", {"first_name__icontains": p}, [], None, 50, None, "data-none"),
        ("value endswith", "list", {"city__endswith": p}, [], None, 50, None, "data-none"),
        ("value in", "list", {"last_name__in": [p, "no such name"]}, [], None, 50, None, "data-exact"),
        ("value range", "list", {"last_name__range": [p, p]}, [], None, 50, None, "data-exact"),
        ("value gt", "count", {"customer_id__gt": p}, None, None, None, "exact", "ok"),
        ("value nested or/not", "list", {"or": [{"last_name": p}, {"not": {"id__gte": 0}}]}, [], None, 50, None,
         "data-exact"),
        ("value unaccent", "list", {"last_name__unaccent__iexact": p}, [], None, 50, None, "ok"),
        ("value trigram", "list", {"last_name__trigram_similar": p}, [], None, 50, None, "ok"),
        ("search", "list", {"search": p}, [], None, 50, None, "ok"),
        ("integer value", "list", {"points__gte": p}, [], None, 50, None, VALUE_ERR),
        ("bigint value", "list", {"id": p}, [], None, 50, None, VALUE_ERR),
        ("date value", "list", {"birthday": p}, [], None, 50, None, VALUE_ERR),
        ("timestamp value", "count", {"created__lt": p}, None, None, None, "exact", VALUE_ERR),
        ("isnull value", "list", {"phone_number__isnull": p}, [], None, 50, None, VALUE_ERR),
        ("filter key", "list", {p: "x"}, [], None, 50, None, NAMES_ERR),
        ("lookup", "list", {"last_name__" + p: "x"}, [], None, 50, None, NAMES_ERR),
        ("transform", "list", {"last_name__" + p + "__iexact": "x"}, [], None, 50, None, NAMES_ERR),
        ("alias", "list", {"address__" + p: "x"}, [], None, 50, None, NAMES_ERR),
        ("key in or", "count", {"or": [{p: 1}]}, None, None, None, "exact", NAMES_ERR),
        ("sort entry", "list", {}, [p], None, 50, None, NAMES_ERR),
        ("sort entry desc", "list", {}, ["last_name", "-" + p], None, 50, None, NAMES_ERR),
        ("cursor", "list", {}, [], p, 50, None, {"22023"}),
        ("cursor base64", "list", {}, ["last_name"], b64, 50, None, {"22023"}),
        ("count mode", "count", {}, None, None, None, p, {"22023"}),
        ("explain value", "explain", {"last_name": p, "first_name__icontains": p}, [], None, 50, None, "explain"),
    ]


def injection_suite(conn):
    cur = conn.cursor()

    def state_of_world():
        cur.execute("SELECT (SELECT last_value FROM public.fuzz_injected_seq), "
                    "(SELECT count(*) FROM public.fuzz_canary), (SELECT count(*) FROM pg_roles WHERE rolname "
                    "= 'fuzz_pwned'), (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)")
        return cur.fetchone()

    before = state_of_world()
    # Plant one contact per payload, whose last name is the payload.
    planted = {}
    for p in PAYLOADS:
        cur.execute("INSERT INTO app_user (first_name, last_name, gender, customer_id, created, last_updated) "
                    "VALUES ('Planted', %s, 'O', 'INJ-' || md5(%s), now(), now()) RETURNING id", (p, p))
        planted[p] = cur.fetchone()[0]
    cur.execute("ANALYZE app_user")

    failures = []
    n = 0
    states = {}
    for p in PAYLOADS:
        for what, kind, f, s, c, lim, mode, expect in positions(p):
            n += 1
            fj = enc(f)
            try:
                if kind == "list":
                    cur.execute("SELECT id FROM contacts_list(%s::jsonb, %s::text[], %s, %s)", (fj, s, c, lim))
                    ids = sorted(r[0] for r in cur.fetchall())
                    state = "00000"
                elif kind == "count":
                    cur.execute("SELECT contacts_count(%s::jsonb, %s)", (fj, mode))
                    ids = cur.fetchall()
                    state = "00000"
                else:
                    # The SQL text must be the one a harmless value gets: values are parameters.
                    def sql_text(filter_json):
                        cur.execute("SELECT * FROM contacts_explain(%s::jsonb, %s::text[], %s, %s)",
                                    (filter_json, s, c, lim))
                        lines = [r[0] for r in cur.fetchall()]
                        return lines[:lines.index("-- parameters:")] if "-- parameters:" in lines else lines
                    hostile = sql_text(fj)
                    state = "00000"
                    benign = sql_text(enc({k: "harmless" for k in f}))
                    if hostile != benign:
                        failures.append(f"{what} {p!r}: contacts_explain shows a different SQL text than for a "
                                        f"harmless value: {hostile!r}")
            except psycopg2.Error as e:
                state, ids = e.pgcode, None
                msg = e.pgerror or ""
                if bad_state(state) or leaked_exception(msg):
                    failures.append(f"{what} {p!r}: not a clean error: {state} {msg.strip()}")
                if state == "P0666":
                    failures.append(f"{what} {p!r}: INJECTED SQL RAN: {msg.strip()}")
            states[state] = states.get(state, 0) + 1
            if isinstance(expect, set):
                if state not in expect:
                    failures.append(f"{what} {p!r}: expected one of {sorted(expect)}, got {state}")
            elif expect == "data-exact":
                if state != "00000":
                    failures.append(f"{what} {p!r}: expected the payload to be matched as data, got {state}")
                elif ids != [planted[p]]:
                    failures.append(f"{what} {p!r}: expected exactly the planted contact {planted[p]}, got {ids[:10]}")
            elif expect == "data-none":
                if state != "00000":
                    failures.append(f"{what} {p!r}: expected the payload to be matched as data, got {state}")
                elif ids:
                    failures.append(f"{what} {p!r}: expected no row, got {ids[:10]}")
            elif expect in ("ok", "explain"):
                # Valid input whose result depends on text search (folding, trigrams): a clean
                # outcome is enough; when it succeeds nothing may be broadened.
                if state == "00000" and kind == "list" and ids and len(ids) > 1 + len(PAYLOADS):
                    failures.append(f"{what} {p!r}: {len(ids)} rows: the payload widened the match")
    after = state_of_world()
    if after != before:
        failures.append(f"the world changed: (trap sequence, canary rows, pwned roles, public relations) "
                        f"{before} -> {after}")
    if os.path.exists("/tmp/contacts_ext_pwned"):
        failures.append("/tmp/contacts_ext_pwned exists: COPY TO PROGRAM ran")
    cur.execute("DELETE FROM app_user WHERE customer_id LIKE 'INJ-%%'")
    print(f"injection: {n} hostile calls ({len(PAYLOADS)} payloads x {n // len(PAYLOADS)} positions); "
          f"outcomes {dict(sorted(states.items()))}; trap never called, canary intact: "
          f"{'yes' if after == before else 'NO'}", flush=True)
    return failures


# --------------------------------------------------------------------------

def server_state(conn):
    """The postmaster's start time, and the checkpointer's pid: a crash of any
    backend makes the postmaster restart every child (the start time alone
    survives such a reset)."""
    cur = conn.cursor()
    cur.execute("SELECT pg_postmaster_start_time(), "
                "(SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer')")
    return cur.fetchone()


def log_size():
    try:
        return os.path.getsize(SERVER_LOG) if SERVER_LOG else 0
    except OSError:
        return 0


def crash_lines(offset):
    if not SERVER_LOG:
        return []
    try:
        with open(SERVER_LOG, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return []
    return [line for line in text.splitlines() if CRASH_LINE.search(line)]


def main():
    failures = []
    conn = connect()
    start_time = server_state(conn)
    offset = log_size()
    print(f"sql_fuzz: seed {SEED} (FUZZ_SEED={SEED} reproduces the inputs), {CALLS} calls, {JOBS} sessions, "
          f"batches of {BATCH}", flush=True)

    failures += injection_suite(conn)

    t0 = time.monotonic()
    deadline = t0 + MAX_SECONDS
    queue = multiprocessing.Queue()
    procs = []
    per = [CALLS // JOBS + (1 if j < CALLS % JOBS else 0) for j in range(JOBS)]
    for j in range(JOBS):
        p = multiprocessing.Process(target=worker, args=(j, per[j], deadline, queue))
        p.start()
        procs.append(p)
    results = []
    for _ in procs:
        try:
            results.append(queue.get(timeout=MAX_SECONDS + 300))
        except Exception:
            failures.append("a fuzz worker did not report back")
    for p in procs:
        p.join(10)
    elapsed = time.monotonic() - t0

    total = {"calls": 0, "ok": 0, "errors": 0, "direct": 0, "batches": 0, "huge": 0}
    states = {}
    for r in results:
        for k in total:
            total[k] += r[k]
        for s, c in r["states"].items():
            states[s] = states.get(s, 0) + c
        for b in r["bad"]:
            failures.append(f"not a clean error: {b['state']}: {b['message']!r} for {b['call']!r} "
                            f"(reproduction: {b.get('repro')})")
        for m in r["mismatch"]:
            failures.append(f"list/count disagree: {m}")
        if r["crash"]:
            failures.append(r["crash"])
        if r["stopped_early"]:
            print(f"NOTICE: a session stopped at FUZZ_MAX_SECONDS={MAX_SECONDS:.0f}", flush=True)
    slow = sorted((x for r in results for x in r["slow"]), key=lambda x: -x["ms"])
    for x in slow[:10]:
        print(f"NOTICE: slow call ({x['state']}, {x['ms']} ms; reproduction in {x['repro']}): {x['call']!r}"[:1500],
              flush=True)
    top = sorted(states.items(), key=lambda kv: -kv[1])
    print(f"fuzz: {total['calls']} calls in {elapsed:.1f} s ({total['calls'] / max(elapsed, 1e-9):.0f} calls/s): "
          f"{total['ok']} returned, {total['errors']} clean errors; {total['direct']} sent as top-level statements, "
          f"the rest in {total['batches']} batches; {total['huge']} huge inputs (10 MB strings, 100,000-element "
          f"arrays)", flush=True)
    print("fuzz: SQLSTATEs " + ", ".join(f"{s} x{c}" for s, c in top), flush=True)
    if results:
        print(f"fuzz: accepted filters kept for mutation {sum(r['filter_pool'] for r in results)}, "
              f"sorts with cursors {sum(r['cursor_sorts'] for r in results)}", flush=True)

    try:
        conn2 = connect()
        now_start = server_state(conn2)
        if now_start != start_time:
            failures.append(f"the server restarted: (postmaster start time, checkpointer pid) "
                            f"{start_time} -> {now_start}")
        conn2.close()
    except psycopg2.Error as e:
        failures.append(f"cannot connect after the fuzz run: {e}")
    lines = crash_lines(offset)
    if lines:
        failures.append("crash lines in the server log:\n  " + "\n  ".join(lines[:20]))
    print(f"server: postmaster start time and checkpointer unchanged: "
          f"{'yes' if not any('restarted' in f for f in failures) else 'NO'}; "
          f"crash lines in the log: {len(lines)}", flush=True)

    min_calls = int(os.environ.get("FUZZ_MIN_CALLS", str(CALLS)))
    if total["calls"] < min_calls:
        failures.append(f"only {total['calls']} of {CALLS} calls ran (FUZZ_MIN_CALLS={min_calls})")

    for f in failures[:100]:
        print("FAIL: " + f, flush=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("sql_fuzz: all checks passed")


if __name__ == "__main__":
    main()
