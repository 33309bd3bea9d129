#!/usr/bin/env python3
"""Differential test of contacts_list (issue 3) against independently written plain SQL.

Seeds a fresh database deterministically (contacts_seed), mutates rows into
hard cases (NULLs in every nullable field, ties, accented and case-variant
names, %, _ and \\ in strings, phone numbers in many formats, extreme ids and
points, timestamps at year boundaries), then draws random filter + sort +
limit combinations and requires, for each,

    contacts_list(filter::jsonb, sort::text[], cursor, limit)

to return exactly the rows, in exactly the order, of a plain SQL query that
this file builds by itself from the same filter JSON. The reference never
looks at the extension's SQL: it is a straightforward translation of the
contract over the three-table LEFT JOIN, with every condition made
two-valued by COALESCE(..., false), pattern lookups spelled with strpos /
starts_with / right or ILIKE with its own escaping, unaccent and search
through contacts_fold() on both sides, trigram_similar through pg_trgm's
similarity() of the folded texts, and ORDER BY with explicit NULLS LAST
(ASC) / NULLS FIRST (DESC) and id ASC appended. Pages relative to a cursor
are located by the cursor row's position in the full reference order
(row_number() over the filter's rows plus that row, for a cursor taken from
another filter's result), never with a keyset predicate.

Also: full traversals by cursor (forwards, backwards from the last page, and
a mixed walk) that must visit every row exactly once in the reference order,
with time zone and DateStyle changing under the cursor; a sweep with every
field as the leading sort key, both directions, across its NULL / non-NULL
boundary; combinations under row level security (policies on all three
tables, run as a restricted role); contacts_count (exact, capped, planned,
estimated) against count(*); contacts_explain; and error behaviour
(SQLSTATE, message naming the key) for bad inputs.

Run through test/integration/differential.sh (CONTACTS_CLUSTER_DIR), or
directly with the libpq environment (PGHOST, PGPORT, PGUSER) set:

    python3 differential.py [--seed S] [--combinations 1000] [--rows 20000]
                            [--traversals 100] [--only I] [--keep-db]

Every combination i draws from random.Random("<seed>:...:<i>") alone, so
`--seed S --only I` reproduces combination I of a run with seed S.
"""

import argparse
import json
import os
import random
import re
import sys
import time
import unicodedata

try:
    import psycopg2
    import psycopg2.extensions
except ImportError:  # pragma: no cover
    sys.stderr.write("differential: python3-psycopg2 is required (apt-get install python3-psycopg2)\n")
    sys.exit(1)

# --------------------------------------------------------------------------
# The data model, as the reference sees it (written from the contract, not
# from the extension's sources).
# --------------------------------------------------------------------------

TEXT, BIGINT, INT, DATE, TSTZ = "text", "bigint", "integer", "date", "timestamptz"

# output column -> (SQL over u = app_user, a = address, r = customer_relationship, type, nullable)
REF_FIELDS = {
    "id": ("u.id", BIGINT, False),
    "first_name": ("u.first_name", TEXT, False),
    "last_name": ("u.last_name", TEXT, False),
    "gender": ("u.gender", TEXT, False),
    "customer_id": ("u.customer_id", TEXT, False),
    "phone_number": ("u.phone_number", TEXT, True),
    "birthday": ("u.birthday", DATE, True),
    "created": ("u.created", TSTZ, False),
    "last_updated": ("u.last_updated", TSTZ, False),
    # the contact's own foreign key, as Django reads address__id (no join needed)
    "address_id": ("u.address_id", BIGINT, True),
    "street": ("a.street", TEXT, True),
    "street_number": ("a.street_number", TEXT, True),
    "city_code": ("a.city_code", TEXT, True),
    "city": ("a.city", TEXT, True),
    "country": ("a.country", TEXT, True),
    "relationship_id": ("r.id", BIGINT, True),
    "points": ("r.points", INT, True),
    "relationship_created": ("r.created", TSTZ, True),
    "last_activity": ("r.last_activity", TSTZ, True),
}
COLUMNS = list(REF_FIELDS)  # contacts_list's 19 data columns, in order

REF_ALIASES = {
    "address__street": "street",
    "address__street_number": "street_number",
    "address__city_code": "city_code",
    "address__city": "city",
    "address__country": "country",
    "address__id": "address_id",
    "relationship__id": "relationship_id",
    "relationship__points": "points",
    "relationship__created": "relationship_created",
    "relationship__last_activity": "last_activity",
}
ALIAS_OF = {field: alias for alias, field in REF_ALIASES.items()}


# Unicode White_Space (PropList.txt): what "split on white space" splits on.
WHITE_SPACE = "\u0009\u000a\u000b\u000c\u000d\u0020\u0085\u00a0\u1680" + "".join(
    chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000"
WS_SPLIT = re.compile("[" + re.escape(WHITE_SPACE) + "]+")
PHONE_TERM = re.compile(r"[0-9+()\-./]+")
URL_SAFE = re.compile(r"[A-Za-z0-9_-]+")

# Comparable, session-independent renderings (DateStyle and TimeZone change
# between and within walks): dates as YYYY-MM-DD, timestamps in UTC.
def norm_sql(expr, typ):
    if typ == DATE:
        return "to_char(%s, 'YYYY-MM-DD BC')" % expr
    if typ == TSTZ:
        return "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US BC')" % expr
    return expr


def ref_raw_list():
    """The 19 columns over the join, raw, named as contacts_list names them."""
    return ", ".join("%s AS %s" % (sql, name) for name, (sql, _, _) in REF_FIELDS.items())


def norm_list(qual):
    """The 19 columns of a subquery or of contacts_list's result, normalised for comparison."""
    return ", ".join(norm_sql(qual + "." + name, typ) for name, (_, typ, _) in REF_FIELDS.items())


# contacts_fold() of every text column, computed once at setup (diffref.fold_u / fold_a) instead of
# once per row and query: the same function on the same data, only materialised.
FOLDED = {"first_name": "fu.first_name", "last_name": "fu.last_name", "gender": "fu.gender",
          "customer_id": "fu.customer_id", "phone_number": "fu.phone_number", "street": "fa.street",
          "street_number": "fa.street_number", "city_code": "fa.city_code", "city": "fa.city",
          "country": "fa.country"}
SEARCH_FIELDS = ["first_name", "last_name", "customer_id", "phone_number", "street", "city", "country"]
FOLD_SETUP = [
    """CREATE TABLE diffref.fold_u AS SELECT id, {ext}.contacts_fold(first_name) AS first_name,
         {ext}.contacts_fold(last_name) AS last_name, {ext}.contacts_fold(gender) AS gender,
         {ext}.contacts_fold(customer_id) AS customer_id, {ext}.contacts_fold(phone_number) AS phone_number,
         regexp_replace(phone_number, '[^0-9]', '', 'g') AS phone_digits
       FROM {ext}.app_user""",
    "ALTER TABLE diffref.fold_u ADD PRIMARY KEY (id)",
    """CREATE TABLE diffref.fold_a AS SELECT id, {ext}.contacts_fold(street) AS street,
         {ext}.contacts_fold(street_number) AS street_number, {ext}.contacts_fold(city_code) AS city_code,
         {ext}.contacts_fold(city) AS city, {ext}.contacts_fold(country) AS country
       FROM {ext}.address""",
    "ALTER TABLE diffref.fold_a ADD PRIMARY KEY (id)",
    "ANALYZE diffref.fold_u",
    "ANALYZE diffref.fold_a",
]


def ref_from(ext, pred):
    """The three tables LEFT JOINed, plus the folded texts when the predicate uses them."""
    frm = ("{e}.app_user u LEFT JOIN {e}.address a ON a.id = u.address_id "
           "LEFT JOIN {e}.customer_relationship r ON r.appuser_id = u.id").format(e=ext)
    if "fu." in pred:
        frm += " LEFT JOIN diffref.fold_u fu ON fu.id = u.id"
    if "fa." in pred:
        frm += " LEFT JOIN diffref.fold_a fa ON fa.id = a.id"
    return frm


def like_escape(s):
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def split_terms(s):
    return [t for t in WS_SPLIT.split(s) if t]


def phone_digits(term):
    if not PHONE_TERM.fullmatch(term):
        return None
    digits = "".join(ch for ch in term if "0" <= ch <= "9")
    return digits if len(digits) >= 3 else None


class RefTranslator:
    """Filter JSON -> plain SQL predicate (two-valued), independently of the extension."""

    def __init__(self, ext_schema, trgm_schema, threshold):
        self.ext = ext_schema
        self.trgm = trgm_schema
        self.threshold = threshold
        self.params = []

    def fold(self, expr):
        """contacts_fold of a value, evaluated once per query."""
        return "(SELECT %s.contacts_fold(%s))" % (self.ext, expr)

    def p(self, value, typ):
        self.params.append(value)
        return "(%%s)::%s" % typ

    def translate(self, filt):
        self.params = []
        sql = self.obj(filt)
        return sql, list(self.params)

    def obj(self, o):
        parts = [self.member(k, v) for k, v in o.items()]
        if not parts:
            return "TRUE"
        return "(" + " AND ".join(parts) + ")"

    def member(self, key, val):
        if key == "or":
            parts = [self.obj(x) for x in val]
            return "(" + " OR ".join(parts) + ")" if parts else "FALSE"
        if key == "and":
            parts = [self.obj(x) for x in val]
            return "(" + " AND ".join(parts) + ")" if parts else "TRUE"
        if key == "not":
            return "(NOT %s)" % self.obj(val)
        if key == "search":
            return self.search(val)
        return self.condition(key, val)

    def search(self, text):
        terms = split_terms(text)
        if not terms:
            return "TRUE"
        out = []
        for term in terms:
            ors = []
            for field in SEARCH_FIELDS:
                ors.append("COALESCE(strpos(%s, %s) > 0, false)" % (FOLDED[field], self.fold(self.p(term, TEXT))))
            digits = phone_digits(term)
            if digits:
                ors.append("COALESCE(strpos(fu.phone_digits, %s) > 0, false)" % self.p(digits, TEXT))
            out.append("(" + " OR ".join(ors) + ")")
        return "(" + " AND ".join(out) + ")"

    def value(self, v, typ):
        if typ in (BIGINT, INT):
            if isinstance(v, str):
                v = int(v.strip())
            return self.p(int(v), "bigint" if typ == BIGINT else "integer")
        if typ == TEXT:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = json.dumps(v)
            return self.p(v, TEXT)
        return self.p(v, typ)  # date / timestamptz: their input syntax

    def condition(self, key, val):
        parts = key.split("__")
        if len(parts) >= 2 and parts[0] + "__" + parts[1] in REF_ALIASES:
            field, rest = REF_ALIASES[parts[0] + "__" + parts[1]], parts[2:]
        else:
            field, rest = parts[0], parts[1:]
        col, typ, _ = REF_FIELDS[field]
        transform = None
        if rest and rest[0] in ("unaccent", "year", "month", "day", "date"):
            transform = rest.pop(0)
        lookup = rest.pop(0) if rest else "exact"
        assert not rest, key

        lhs, vtyp = col, typ
        if transform == "unaccent":
            lhs, vtyp = FOLDED[field], TEXT
        elif transform in ("year", "month", "day"):
            lhs, vtyp = "EXTRACT(%s FROM %s)" % (transform.upper(), col), INT
        elif transform == "date":
            lhs, vtyp = "(%s)::date" % col, DATE

        if lookup == "isnull" or (lookup in ("exact", "iexact") and val is None):
            is_null = val if lookup == "isnull" else True
            return "(%s IS %sNULL)" % (lhs, "" if is_null else "NOT ")

        def rhs(v):
            r = self.value(v, vtyp)
            return self.fold(r) if transform == "unaccent" else r

        if transform == "unaccent":
            # Case and accents folded on both sides: the i- and plain variants agree.
            base = lookup[1:] if lookup in ("iexact", "icontains", "istartswith", "iendswith") else lookup
            if base == "exact":
                sql = "%s = %s" % (lhs, rhs(val))
            elif base == "contains":
                sql = "strpos(%s, %s) > 0" % (lhs, rhs(val))
            elif base == "startswith":
                sql = "starts_with(%s, %s)" % (lhs, rhs(val))
            elif base == "endswith":
                sql = "right(%s, char_length(%s)) = %s" % (lhs, rhs(val), rhs(val))
            else:
                raise AssertionError(key)
        elif lookup == "exact":
            sql = "%s = %s" % (lhs, rhs(val))
        elif lookup == "iexact":
            sql = "%s ILIKE %s" % (lhs, self.p(like_escape(self.text(val)), TEXT))
        elif lookup == "contains":
            sql = "strpos(%s, %s) > 0" % (lhs, rhs(val))
        elif lookup == "icontains":
            sql = "%s ILIKE %s" % (lhs, self.p("%" + like_escape(self.text(val)) + "%", TEXT))
        elif lookup == "startswith":
            sql = "starts_with(%s, %s)" % (lhs, rhs(val))
        elif lookup == "istartswith":
            sql = "%s ILIKE %s" % (lhs, self.p(like_escape(self.text(val)) + "%", TEXT))
        elif lookup == "endswith":
            sql = "right(%s, char_length(%s)) = %s" % (lhs, rhs(val), rhs(val))
        elif lookup == "iendswith":
            sql = "%s ILIKE %s" % (lhs, self.p("%" + like_escape(self.text(val)), TEXT))
        elif lookup in ("gt", "gte", "lt", "lte"):
            op = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[lookup]
            sql = "%s %s %s" % (lhs, op, rhs(val))
        elif lookup == "in":
            sql = "%s IN (%s)" % (lhs, ", ".join(rhs(v) for v in val)) if val else "FALSE"
        elif lookup == "range":
            sql = "%s BETWEEN %s AND %s" % (lhs, rhs(val[0]), rhs(val[1]))
        elif lookup == "trigram_similar":
            sql = "%s.similarity(%s, %s)::float8 >= %s" % (
                self.trgm, FOLDED[field], self.fold(self.value(val, TEXT)), self.p(self.threshold, "float8"))
        else:
            raise AssertionError(key)
        return "COALESCE(%s, false)" % sql

    @staticmethod
    def text(v):
        return json.dumps(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def ref_order(sort, qual=None):
    """ORDER BY text: over the join's expressions, or over a subquery's output columns (qual)."""
    keys, has_id = [], False
    for entry in sort:
        desc = entry.startswith("-")
        name = entry[1:] if desc else entry
        field = REF_ALIASES.get(name, name)
        has_id = has_id or field == "id"
        expr = REF_FIELDS[field][0] if qual is None else qual + "." + field
        keys.append("%s %s" % (expr, "DESC NULLS FIRST" if desc else "ASC NULLS LAST"))
    if not has_id:
        keys.append("%s ASC" % ("u.id" if qual is None else qual + ".id"))
    return ", ".join(keys)


# --------------------------------------------------------------------------
# The random generator of combinations.
# --------------------------------------------------------------------------

SPECIAL_TEXT = ["%", "_", "\\", "50%", "a_b", "x%y", "x_y", "x\\y", "\\%", "%_", "'", "O'", "ü", "Ü", "ß", "SS",
                "ı", "İ", "ø", "Ł", " ", "-", "😀", "Mü", "MÜ", "sao", "SÃO", "é"]
META_TEXT = ["%", "_", "\\", "50%", "a_b", "x%y", "x_y", "x\\y", "\\%", "%_", "100%", "under_score", "back\\slash",
             "a_b%c\\d", "Main_St 100%", "2_b", "0%", "%%", "__", "\\\\"]
TIME_ZONES = ["UTC", "UTC", "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham",
              "America/Sao_Paulo", "Pacific/Kiritimati", "Etc/GMT+12"]
DATE_STYLES = ["ISO, MDY", "ISO, MDY", "ISO, MDY", "SQL, DMY", "German", "Postgres, MDY"]
LOOKUPS_TEXT = ["exact", "exact", "iexact", "contains", "icontains", "icontains", "startswith", "istartswith",
                "endswith", "iendswith", "gt", "gte", "lt", "lte", "in", "range", "isnull"]
LOOKUPS_ORDER = ["exact", "exact", "gt", "gte", "lt", "lte", "in", "range", "isnull"]
UNACCENT_LOOKUPS = ["exact", "iexact", "iexact", "contains", "icontains", "startswith", "istartswith", "endswith",
                    "iendswith"]


def strip_accents(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


class Data:
    """The seeded rows (normalised like the comparisons) and per-field pools."""

    def __init__(self, rows):
        self.rows = rows
        self.pools = {}
        for i, name in enumerate(COLUMNS):
            self.pools[name] = sorted({r[i] for r in rows if r[i] is not None}, key=lambda x: (str(type(x)), x))
        self.phones = self.pools["phone_number"]
        # text values holding LIKE metacharacters (%, _, \\), per field, for pattern lookups
        self.meta = {name: [x for x in self.pools[name] if isinstance(x, str) and re.search(r"[%_\\\\]", x)]
                     for name in COLUMNS}


class Gen:
    """One combination. `s` draws the shape (keys, lookups, nesting, sort, limit sign), `v` the values, so
    combinations that share a shape seed differ only in their values (exercising cached plans)."""

    def __init__(self, s, v, data):
        self.s, self.v, self.d = s, v, data
        self.anchor = data.rows[v.randrange(len(data.rows))]
        self.tz_dependent = False
        self.has_trigram = False

    # -- values ---------------------------------------------------------------
    def pick(self, field):
        i = COLUMNS.index(field)
        if self.anchor[i] is not None and self.v.random() < 0.7:
            return self.anchor[i]
        pool = self.d.pools[field]
        return pool[self.v.randrange(len(pool))]

    def casevar(self, t):
        return self.v.choice([str.upper, str.lower, str.swapcase, str.title, lambda x: x, lambda x: x])(t)

    def sub(self, t, where):
        if self.v.random() < 0.06:
            return self.v.choice(SPECIAL_TEXT)
        if not t:
            return t
        n = self.v.randint(1, min(6, len(t)))
        if where == "prefix":
            return t[:n]
        if where == "suffix":
            return t[-n:]
        start = self.v.randrange(len(t) - n + 1)
        return t[start:start + n]

    def typo(self, t):
        if len(t) < 3 or self.v.random() < 0.3:
            return t[: self.v.randint(3, max(3, len(t)))] if len(t) >= 3 else t + "x"
        i = self.v.randrange(len(t))
        op = self.v.randrange(3)
        if op == 0:
            return t[:i] + t[i + 1:]
        if op == 1:
            return t[:i] + self.v.choice("aeiouxyz") + t[i + 1:]
        return t[:i] + t[i] + t[i:]

    def text_value(self, field, lookup, unaccent):
        base = self.pick(field)
        if self.v.random() < 0.04:
            base = self.v.choice(SPECIAL_TEXT)
        if lookup in ("in",):
            return [self.casevar(self.pick(field)) if self.v.random() < 0.2 else self.pick(field)
                    for _ in range(self.v.choice([0, 1, 2, 3, 5]))]
        if lookup == "range":
            a, b = self.pick(field), self.pick(field)
            return [a, b] if self.v.random() < 0.2 else sorted([a, b])
        if lookup == "trigram_similar":
            return self.casevar(self.typo(base)) if self.v.random() < 0.5 else self.typo(base)
        pattern = lookup in ("iexact", "contains", "icontains", "startswith", "istartswith", "endswith",
                             "iendswith") or (unaccent and lookup == "exact")
        if pattern and self.v.random() < 0.12:
            # LIKE metacharacters, which must match literally: a value of this field holding some (or a
            # made-up one), cut around a metacharacter
            pool = self.d.meta[field] or META_TEXT
            base = self.v.choice(pool + META_TEXT if self.v.random() < 0.3 else pool)
            i = min(range(len(base)), key=lambda k: (base[k] not in "%_\\", self.v.random()))
            a = self.v.randint(0, i) if lookup.endswith("contains") or lookup.endswith("endswith") else 0
            b = self.v.randint(i + 1, len(base)) if lookup.endswith("contains") or lookup.endswith("startswith") \
                else len(base)
            t = base[a:b]
            return self.casevar(t) if lookup.startswith("i") or unaccent else t
        if lookup in ("contains", "icontains"):
            t = self.sub(base, "mid")
        elif lookup in ("startswith", "istartswith"):
            t = self.sub(base, "prefix")
        elif lookup in ("endswith", "iendswith"):
            t = self.sub(base, "suffix")
        elif lookup in ("gt", "gte", "lt", "lte"):
            t = base if self.v.random() < 0.7 else self.sub(base, "prefix")
        else:
            t = base
        if unaccent:
            if self.v.random() < 0.7:
                t = strip_accents(t)
            return self.casevar(t)
        if lookup.startswith("i") and lookup != "in":
            return self.casevar(t)
        if lookup == "exact" and field in ("street_number", "city_code") and re.fullmatch(r"[1-9][0-9]{0,8}", t) \
                and self.v.random() < 0.3:
            return int(t)  # a JSON number for a text field: its text
        return t

    def int_value(self, field, lookup):
        def one():
            x = self.pick(field)
            if self.v.random() < 0.03:
                x = self.v.choice([0, -1, 2 ** 31 - 1, -2 ** 31] if field == "points" else
                                  [0, -7, 9007199254740993, 9223372036854775806, 2 ** 63 - 1, -2 ** 63])
            if self.v.random() < 0.3:
                x += self.v.choice([-1, 1, -10, 10, 100])
                bits = 31 if field == "points" else 63
                x = max(-2 ** bits, min(2 ** bits - 1, x))
            return str(x) if self.v.random() < 0.25 else x
        if lookup == "in":
            return [one() for _ in range(self.v.choice([0, 1, 2, 3, 6]))]
        if lookup == "range":
            a, b = one(), one()
            return [a, b] if self.v.random() < 0.15 else sorted([a, b], key=lambda x: int(x))
        return one()

    def ts_text(self, field):
        """A timestamptz value in one of several spellings of the same instant (or a naive one)."""
        base = self.pick(field)  # 'YYYY-MM-DD HH:MI:SS.US' in UTC
        from datetime import datetime, timedelta, timezone
        t = datetime.fromisoformat(base).replace(tzinfo=timezone.utc)
        if self.v.random() < 0.3:
            t = t.replace(microsecond=0) + timedelta(seconds=self.v.choice([0, 0, 1, -1, 3600, -86400]))
        style = self.v.randrange(6)
        if style == 0:
            return t.strftime("%Y-%m-%d %H:%M:%S.%f+00")
        if style == 1:
            return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        if style == 2:
            off = self.v.choice([330, -300, 60, 765, -720])
            lt = t.astimezone(timezone(timedelta(minutes=off)))
            return lt.isoformat()
        if style == 3:
            return t.strftime("%Y-%m-%d %H:%M:%S+00")
        if style == 4:
            self.tz_dependent = True
            return t.strftime("%Y-%m-%d")  # midnight in the session time zone
        self.tz_dependent = True
        return t.strftime("%Y-%m-%d %H:%M:%S.%f")  # naive: read in the session time zone

    def date_value(self, field):
        return self.pick(field)[:10]  # a date, or the UTC date of a timestamp

    def scalar(self, field, typ, transform, lookup):
        if transform in ("year", "month", "day"):
            base = self.pick(field)
            y, m, d = int(base[0:4]), int(base[5:7]), int(base[8:10])
            x = {"year": y, "month": m, "day": d}[transform]
            if self.v.random() < 0.3:
                x += self.v.choice([-1, 1, 2])
                x = max(1, x)
            return str(x) if self.v.random() < 0.2 else x
        if transform == "date":
            return self.date_value(field)
        if typ == DATE:
            return self.date_value(field)
        if typ == TSTZ:
            return self.ts_text(field)
        raise AssertionError

    def value(self, field, typ, transform, lookup):
        if typ == TEXT:
            return self.text_value(field, lookup, transform == "unaccent")
        if typ in (BIGINT, INT) and transform is None:
            return self.int_value(field, lookup)
        if lookup == "in":
            return [self.scalar(field, typ, transform, lookup) for _ in range(self.v.choice([0, 1, 2, 4]))]
        if lookup == "range":
            a, b = self.scalar(field, typ, transform, lookup), self.scalar(field, typ, transform, lookup)
            if self.v.random() < 0.85:
                if transform in ("year", "month", "day"):
                    a, b = sorted([a, b], key=int)
                elif typ == DATE or transform == "date":
                    a, b = sorted([a, b])
            return [a, b]
        return self.scalar(field, typ, transform, lookup)

    # -- shape ----------------------------------------------------------------
    def field_name(self, field):
        if field in ALIAS_OF and self.s.random() < 0.3:
            return ALIAS_OF[field]
        return field

    def condition(self):
        s = self.s
        field = s.choice(COLUMNS)
        _, typ, nullable = REF_FIELDS[field]
        transform = None
        if typ == TEXT:
            r = s.random()
            if r < 0.15:
                transform = "unaccent"
                lookup = s.choice(UNACCENT_LOOKUPS + ["isnull"])
            elif r < 0.18:
                lookup = "trigram_similar"
                self.has_trigram = True
            else:
                lookup = s.choice(LOOKUPS_TEXT)
        else:
            lookup = s.choice(LOOKUPS_ORDER)
            if typ in (DATE, TSTZ) and s.random() < 0.35:
                transform = s.choice(["year", "month", "day"] + (["date", "date"] if typ == TSTZ else []))
        if typ == TSTZ and transform is not None:
            self.tz_dependent = True
        explicit = lookup != "exact" or s.random() < 0.3
        key = self.field_name(field)
        if transform:
            key += "__" + transform
        if explicit:
            key += "__" + lookup
        if lookup == "isnull":
            return key, s.random() < 0.5
        if lookup in ("exact", "iexact") and s.random() < (0.25 if nullable else 0.05):
            return key, None
        return key, self.value(field, typ, transform, lookup)

    def search_value(self):
        v = self.v
        if v.random() < 0.04:
            return v.choice(["", "   ", "\u3000", "\t "])
        terms = []
        for _ in range(v.choice([1, 1, 1, 2, 2, 3])):
            kind = v.randrange(10)
            a = self.anchor
            if kind <= 3:
                col = v.choice(["first_name", "last_name", "city", "street", "country", "first_name", "last_name"])
                t = a[COLUMNS.index(col)] or self.pick(col)
                words = [w for w in split_terms(t)] or ["x"]
                t = v.choice(words)
                if v.random() < 0.4 and len(t) > 2:
                    t = self.sub(t, v.choice(["prefix", "mid", "suffix"]))
                if v.random() < 0.5:
                    t = strip_accents(t)
                t = self.casevar(t)
            elif kind <= 5:
                phone = a[COLUMNS.index("phone_number")] or self.d.phones[v.randrange(len(self.d.phones))]
                digits = "".join(ch for ch in phone if ch.isdigit()) or "123"
                n = v.randint(3, min(8, max(3, len(digits))))
                start = v.randrange(max(1, len(digits) - n + 1))
                frag = digits[start:start + n]
                out = ""
                for ch in frag:
                    if out and v.random() < 0.3:
                        out += v.choice("-./()")
                    out += ch
                if v.random() < 0.2:
                    out = "+" + out
                if v.random() < 0.1:
                    out = "(" + out[:2] + ")" + out[2:]
                t = out
            elif kind == 6:
                t = self.casevar(self.sub(self.pick("customer_id"), "mid"))
            elif kind == 7:
                t = v.choice(["zzqx", "+49", "30-12", "1-2", "%", "_", "\\", "ß", "SS", "MÜLLER", "sao paulo",
                              "o'brien", "18", "ñ", "Ø", "İ"])
            elif kind == 8:
                t = str(self.pick(v.choice(["city_code", "street_number"])))
            else:
                t = self.v.choice(SPECIAL_TEXT).strip() or "x"
            if t:
                terms.append(t)
        seps = [" ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2003"]
        out = v.choice(["", "", " "])
        for i, t in enumerate(terms):
            out += (v.choice(seps) if i else "") + t
        return out + v.choice(["", "", "\u00a0"])

    def obj(self, depth, top=False):
        s = self.s
        if top:
            n = s.choices([0, 1, 2, 3], [0.04, 0.5, 0.34, 0.12])[0]
        else:
            n = s.choices([0, 1, 2], [0.03, 0.7, 0.27])[0]
        o = {}
        for _ in range(n):
            r = s.random()
            if r < 0.62 or depth >= 3:
                if depth >= 3 and r >= 0.9 and "search" not in o:
                    o["search"] = self.search_value()
                    continue
                k, val = self.condition()
                if k not in o:
                    o[k] = val
            elif r < 0.72:
                if "search" not in o:
                    o["search"] = self.search_value()
            elif r < 0.83:
                if "or" not in o:
                    o["or"] = [self.obj(depth + 1) for _ in range(s.choices([0, 1, 2, 3], [0.03, 0.2, 0.57, 0.2])[0])]
            elif r < 0.9:
                if "and" not in o:
                    o["and"] = [self.obj(depth + 1) for _ in range(s.choices([0, 1, 2], [0.05, 0.45, 0.5])[0])]
            else:
                if "not" not in o:
                    o["not"] = self.obj(depth + 1)
        return o

    def sort(self):
        s = self.s
        n = s.choices([0, 1, 2, 3], [0.06, 0.44, 0.35, 0.15])[0]
        fields = s.sample([c for c in COLUMNS if c != "id"], n)
        out = [("-" if s.random() < 0.5 else "") + self.field_name(f) for f in fields]
        if s.random() < 0.15:
            out.insert(s.randint(0, len(out)), ("-" if s.random() < 0.4 else "") + "id")
        return out

    def limit(self, sign):
        m = self.v.choice([1, 1, 2, 3, 5, 7, 10, 20, 50, 100, 200, self.v.randint(1, 200), self.v.randint(1, 200)])
        return m * sign


# --------------------------------------------------------------------------
# The harness.
# --------------------------------------------------------------------------

class Failure(Exception):
    pass


def setup_database(args, log):
    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as c:
        c.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % args.db)
        c.execute("CREATE DATABASE %s" % args.db)
    admin.close()
    conn = psycopg2.connect(dbname=args.db)
    conn.autocommit = True
    c = conn.cursor()
    c.execute("SET client_min_messages = warning")
    c.execute("CREATE EXTENSION contacts_ext")
    c.execute("CREATE SCHEMA diffref")
    c.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA diffref")
    t0 = time.time()
    c.execute("SELECT contacts_seed(%s, %s)", (args.rows, args.data_seed))
    log("seeded %d contacts (data seed %d) in %.1fs" % (args.rows, args.data_seed, time.time() - t0))
    for stmt in MUTATIONS:
        c.execute(stmt)
    c.execute("ANALYZE")
    conn.close()


# Deterministic mutations into hard cases (selected by id, so any N works).
MUTATIONS = [
    # Phone numbers in varied formats (digits kept), empty, NULL.
    r"""UPDATE app_user SET phone_number = CASE id % 41
          WHEN 1 THEN replace(phone_number, ' ', '-')
          WHEN 2 THEN '(' || substr(regexp_replace(phone_number, '\D', '', 'g'), 1, 3) || ') '
                      || substr(regexp_replace(phone_number, '\D', '', 'g'), 4)
          WHEN 3 THEN regexp_replace(phone_number, '\D', '', 'g')
          WHEN 4 THEN '00' || regexp_replace(phone_number, '\D', '', 'g')
          WHEN 5 THEN replace(phone_number, ' ', '.')
          WHEN 6 THEN substr(regexp_replace(phone_number, '\D', '', 'g'), 1, 4) || '/'
                      || substr(regexp_replace(phone_number, '\D', '', 'g'), 5)
          WHEN 7 THEN phone_number || ' ext. 12'
          WHEN 8 THEN ''
          WHEN 9 THEN NULL
          ELSE '+' || regexp_replace(phone_number, '\D', '', 'g') END
        WHERE phone_number IS NOT NULL AND id % 41 BETWEEN 1 AND 10""",
    "UPDATE app_user SET phone_number = NULL WHERE id % 37 = 0",
    # Birthdays: NULLs and calendar edges.
    "UPDATE app_user SET birthday = NULL WHERE id % 43 = 0",
    """UPDATE app_user SET birthday = (ARRAY['2000-02-29','1999-12-31','2000-01-01','1980-01-31','1970-06-15',
                                             '1904-02-29'])[1 + (id / 47) % 6]::date WHERE id % 47 = 1""",
    # Case- and accent-variants of one name: many ties, folding matters.
    """UPDATE app_user SET last_name = (ARRAY['Müller','MÜLLER','muller','Mueller','Muller', U&'Mu\\0308ller',
                                              'müller','MULLER'])[1 + (id / 11) % 8] WHERE id % 11 = 0""",
    """UPDATE app_user SET last_name = (ARRAY['Strauß','STRAUSS','Strauss','Łukasz','Lukasz','Øster','Oster','Zoë',
            'ZOË','Zoe','Ångström','angstrom','García','GARCIA','İnce','ince','Çelik','Ñúñez','Nunez'])
            [1 + (id / 13) % 19] WHERE id % 13 = 5""",
    # LIKE metacharacters, quotes, spaces, empty strings, emoji.
    """UPDATE app_user SET last_name = (ARRAY['50% Rabatt','under_score','back\\slash','100%','_','%','\\',
            'O''Brien','a_b%c\\d','Smith ',' Smith','Anne-Marie','van der Berg','','😀 Emoji','Ab','AB','ab','aB',
            'x%y','x_y','x\\y'])[1 + (id / 97) % 22] WHERE id % 97 = 5""",
    """UPDATE app_user SET first_name = (ARRAY['Anna Maria','','Zoë','ZOË','zoe','Jean-Luc','Ann','Anna','Anne',
            'ANN','José','JOSE','jose','Łukasz','LUKASZ'])[1 + (id / 17) % 15] WHERE id % 17 = 3""",
    # Points: ties and the integer extremes.
    "UPDATE customer_relationship SET points = 100 WHERE appuser_id % 7 = 0",
    "UPDATE customer_relationship SET points = 0 WHERE appuser_id % 13 = 0",
    """UPDATE customer_relationship SET points = (ARRAY[2147483647,-2147483648,-1,-5,1000,1000])
            [1 + (appuser_id / 101) % 6] WHERE appuser_id % 101 = 7""",
    # Timestamps: NULLs, ties, microsecond neighbours, year boundaries (time-zone sensitive).
    "UPDATE customer_relationship SET last_activity = NULL WHERE appuser_id % 29 = 0",
    "UPDATE customer_relationship SET created = '2022-06-01 12:00:00+00' WHERE appuser_id % 19 = 0",
    "UPDATE customer_relationship SET last_activity = '2023-03-01 00:00:00+00' WHERE appuser_id % 23 = 0",
    "UPDATE customer_relationship SET last_activity = '2021-12-31 23:59:59.999999+00' WHERE appuser_id % 31 = 3",
    """UPDATE app_user SET created = (ARRAY['2020-12-31 23:30:00+00','2021-01-01 00:00:00+00',
            '2019-05-05 05:05:05+00','2019-05-05 05:05:05.000001+00','2020-06-30 22:00:00+00',
            '2021-02-28 23:59:59.999999+00'])[1 + (id / 53) % 6]::timestamptz WHERE id % 53 = 0""",
    "UPDATE app_user SET last_updated = created WHERE last_updated < created OR id % 59 = 1",
    # Relationships: some removed, some re-created with ids unlike their contact's.
    "DELETE FROM customer_relationship WHERE appuser_id % 59 = 0",
    """INSERT INTO customer_relationship (appuser_id, points, created, last_activity)
         SELECT id, (id % 500)::int, created + interval '1 day',
                CASE WHEN id % 236 = 0 THEN NULL ELSE created + interval '30 days' END
         FROM app_user WHERE id % 118 = 0""",
    # Addresses: some removed, some shared by two contacts (ties in every address field), special ones.
    "UPDATE app_user SET address_id = NULL WHERE id % 61 = 0",
    """UPDATE app_user u SET address_id = p.address_id FROM app_user p
         WHERE u.id % 67 = 0 AND p.id = u.id - 1 AND p.address_id IS NOT NULL""",
    """WITH ins AS (
         INSERT INTO address (street, street_number, city_code, city, country) VALUES
           ('Main_St 100%', '1', '01234', 'São Paulo', 'Brazil'),
           ('Rua \\ Barra', '2_b', '0%', 'SAO PAULO', 'BRAZIL'),
           ('rue de l''Église', '3', '75001', 'sao paulo', 'Côte d''Ivoire'),
           ('Øresundsvej', '4', '2300', 'KØBENHAVN', 'Denmark'),
           ('  spaced  ', '', '', '', ''),
           ('Straße', '10', '10115', 'Berlin', 'Germany'),
           ('STRASSE', '10', '10115', 'berlin', 'germany'),
           ('Łódzka', '5', '90-001', 'Łódź', 'Poland'),
           ('İstiklal Caddesi', '6', '34430', 'İstanbul', 'Türkiye'),
           ('unused street', '7', '7', 'Nowhere', 'Nowhere')
         RETURNING id),
       ids AS (SELECT array_agg(id ORDER BY id) AS a FROM ins)
       UPDATE app_user SET address_id = (SELECT a FROM ids)[1 + (id / 71) % 9] WHERE id % 71 = 0""",
    # Extreme ids (cursor integer encoding, JSON number precision), a contact without anything.
    """INSERT INTO app_user (id, first_name, last_name, gender, customer_id, phone_number, birthday, created,
                             last_updated, address_id) VALUES
         (9007199254740993, 'Big', 'Id', 'O', 'CUST-ffffffffff01', '+1 (555) 010-0001', '1990-01-01',
          '2020-01-01 00:00:00+00', '2020-01-01 00:00:00+00', NULL),
         (9223372036854775806, 'Huge', 'Müller', 'F', 'CUST-ffffffffff02', NULL, NULL,
          '2020-01-01 00:00:00+00', '2020-01-01 00:00:00+00', (SELECT min(id) FROM address)),
         (0, 'Zero', 'Nil', 'M', 'CUST-ffffffffff03', '0', '1900-01-01',
          '2010-01-01 00:00:00+00', '2010-01-01 00:00:00+00', (SELECT max(id) FROM address WHERE city = 'Berlin')),
         (-7, 'Minus', 'Seven', 'F', 'CUST-ffffffffff04', '+49 (0)30 1234-567', '2000-02-29',
          '2000-02-29 12:00:00+00', '2000-03-01 12:00:00+00', NULL)""",
    """INSERT INTO customer_relationship (id, appuser_id, points, created, last_activity) VALUES
         (9223372036854775000, 9223372036854775806, 2147483647, '2020-01-02 00:00:00+00', NULL),
         (-3, 0, -2147483648, '2010-01-02 00:00:00+00', '2010-01-02 00:00:00.000001+00'),
         (9007199254740993, -7, 100, '2000-03-01 00:00:00+00', '2021-01-01 00:00:00+00')""",
]


class Walk:
    """Paging through one (filter, sort) by cursor, each page checked against the reference order."""

    def __init__(self, h, ctx, filt, sort, ids, ref_sql, rng, switch):
        self.h, self.ctx, self.filt, self.sort, self.ids, self.ref_sql = h, ctx, filt, sort, ids, ref_sql
        self.full = h.ref_rows(ids)
        self.rng, self.switch = rng, switch
        self.cursors = {}  # row index -> its cursor, as pages return them

    def page(self, cursor, lim, expect, what):
        h = self.h
        if self.switch and self.rng.random() < 0.1:
            # the cursor must mean the same in another time zone and DateStyle
            h.set_session({"TimeZone": self.rng.choice(TIME_ZONES), "DateStyle": self.rng.choice(DATE_STYLES)})
        pctx = dict(self.ctx, cursor=cursor, limit=lim)
        try:
            got = h.call_list(self.filt, self.sort, cursor, lim)
        except psycopg2.Error as e:
            h.error("contacts_list raised an error (%s)" % what, pctx, e)
            return None
        if not h.compare(what, pctx, expect, got, self.ref_sql):
            return None
        return got

    def run(self, forward, pos, size, detours=0.0):
        """Pages forwards from row index `pos` (the cursor of row pos-1; none at 0) to the end, or backwards
        from before row `pos` (the cursor of row pos; none at the end) to the start, until an empty page.
        Returns the ids visited, in order, or None after a reported failure."""
        full, n = self.full, len(self.full)
        visited = []
        cursor = (self.cursors.get(pos - 1) if pos > 0 else None) if forward else \
            (self.cursors.get(pos) if pos < n else None)
        if (forward and pos > 0 or not forward and pos < n) and cursor is None:
            raise Failure("no cursor for row %d" % pos)
        while True:
            k = size()
            if forward:
                p = self.page(cursor, k, full[pos:pos + k], "forwards from row %d, %d rows" % (pos, k))
            else:
                p = self.page(cursor, -k, full[max(0, pos - k):pos], "backwards before row %d, %d rows" % (pos, k))
            if p is None:
                return None
            if not p:
                return visited
            first = pos if forward else pos - len(p)
            for i, r in enumerate(p):
                self.cursors[first + i] = r[19]
            if forward:
                visited += [r[0] for r in p]
            else:
                visited = [r[0] for r in p] + visited
            if self.rng.random() < detours:
                # one page the other way from this page's edge, not counted as visited
                d = size()
                if forward:
                    ok = self.page(p[0][19], -d, full[max(0, pos - d):pos], "detour back before row %d" % pos)
                else:
                    ok = self.page(p[-1][19], d, full[pos:pos + d], "detour forward from row %d" % pos)
                if ok is None:
                    return None
            pos = pos + len(p) if forward else pos - len(p)
            cursor = p[-1][19] if forward else p[0][19]
            if len(visited) > n:
                return visited


class Harness:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        self.passed = 0
        self.failed = 0
        self.reports = 0
        self.rows_compared = 0
        self.calls = 0
        self.combos = 0
        self.traversals = 0
        self.sweeps = 0
        self.nonempty = 0
        self.settings = {}
        self.errors_checked = 0
        self.coverage = {}
        self.explain_rng = random.Random("%s:explain" % self.seed)
        self.connect()
        if self.q("SELECT to_regclass('diffref.fold_u')")[0][0] is None:
            for stmt in FOLD_SETUP:
                self.cur.execute(stmt.format(ext=self.ext))

    # -- plumbing -------------------------------------------------------------
    def log(self, msg):
        print(msg, flush=True)

    def connect(self):
        self.conn = psycopg2.connect(dbname=self.args.db)
        self.conn.autocommit = True
        self.cur = self.conn.cursor()
        self.cur.execute("SET client_min_messages = warning")
        self.cur.execute("LOAD 'contacts_ext'")  # defines the contacts_ext.* settings in this session
        self.cur.execute("SET statement_timeout = '120s'")
        self.cur.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                         "WHERE e.extname = 'contacts_ext'")
        self.ext = '"%s"' % self.cur.fetchone()[0]
        self.cur.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                         "WHERE e.extname = 'pg_trgm'")
        self.trgm = '"%s"' % self.cur.fetchone()[0]
        self.settings = {}
        self.cur.execute("SELECT current_setting('contacts_ext.similarity_threshold', true)")
        self.threshold_guc = self.cur.fetchone()[0]

    def q(self, sql, params=None):
        self.cur.execute(sql, params)
        return self.cur.fetchall()

    def set_session(self, settings):
        for k, val in settings.items():
            if self.settings.get(k) != val:
                self.cur.execute("SELECT set_config(%s, %s, false)", (k, str(val)))
                self.settings[k] = val

    def ok(self, n=1):
        self.passed += n

    def fail(self, title, details):
        self.failed += 1
        self.reports += 1
        if self.reports <= self.args.max_reports:
            print("\n" + "=" * 100)
            print("MISMATCH %d: %s" % (self.failed, title))
            for line in details:
                print(line)
            print("=" * 100, flush=True)
        elif self.reports == self.args.max_reports + 1:
            print("(further mismatches are counted, not printed; --max-reports raises the limit)", flush=True)

    # -- the two sides ------------------------------------------------------------
    def list_sql(self):
        return "SELECT %s, l.cursor FROM %s.contacts_list(%%s::jsonb, %%s::text[], %%s::text, (%%s)::int) l" % (
            norm_list("l"), self.ext)

    def call_list(self, filt, sort, cursor, limit):
        self.calls += 1
        params = (json.dumps(filt, ensure_ascii=False), list(sort), cursor, limit)
        self.cur.execute(self.list_sql(), params)
        return self.cur.fetchall()

    def translator(self):
        thr = float(self.settings.get("contacts_ext.similarity_threshold", self.threshold_guc or 0.3))
        return RefTranslator(self.ext, self.trgm, thr)

    def ref_order_ids(self, filt, sort):
        """The reference: ids of every matching contact, in the requested order, and the SQL that found them."""
        pred, params = self.translator().translate(filt)
        sql = "SELECT u.id FROM %s WHERE %s ORDER BY %s" % (ref_from(self.ext, pred), pred, ref_order(sort))
        ids = [r[0] for r in self.q(sql, params)]
        return ids, self.cur.mogrify(sql, params).decode()

    def ref_rows(self, ids):
        """The 19 columns of these contacts, read from the tables by id, in the given order."""
        if not ids:
            return []
        rows = self.q("SELECT %s FROM (SELECT %s FROM %s WHERE u.id = ANY(%%s)) s" % (
            norm_list("s"), ref_raw_list(), ref_from(self.ext, "")), (list(ids),))
        by_id = {r[0]: tuple(r) for r in rows}
        return [by_id[x] for x in ids]

    def ref_around(self, filt, sort, anchor, limit):
        """The |limit| matching rows after (limit > 0) or before (< 0) the row with id `anchor` in the order,
        where the anchor row itself need not match the filter (a cursor from another filter)."""
        pred, params = self.translator().translate(filt)
        sql = ("WITH t AS (SELECT u.id, %s, %s AS in_filter FROM %s), "
               "s AS (SELECT t.*, row_number() OVER (ORDER BY %s) AS rn FROM t WHERE in_filter OR id = %d) "
               "SELECT id FROM s WHERE in_filter AND rn %s (SELECT rn FROM s WHERE id = %d) "
               "ORDER BY rn %s LIMIT %d") % (
            ", ".join("%s AS %s" % (REF_FIELDS[f][0], f) for f in COLUMNS if f != "id"), pred,
            ref_from(self.ext, pred), ref_order(sort, "t"), anchor,
            ">" if limit > 0 else "<", anchor, "ASC" if limit > 0 else "DESC", abs(limit))
        ids = [r[0] for r in self.q(sql, params)]
        if limit < 0:
            ids.reverse()
        return ids, self.cur.mogrify(sql, params).decode()

    def ref_slice(self, filt, sort, anchor=None, limit=50):
        """Reference rows of a page: the first/last |limit| (anchor None) or those after/before a matching row."""
        ids, sql = self.ref_order_ids(filt, sort)
        if anchor is None:
            want = ids[:limit] if limit > 0 else ids[max(0, len(ids) + limit):]
        else:
            pos = ids.index(anchor)
            want = ids[pos + 1:pos + 1 + limit] if limit > 0 else ids[max(0, pos + limit):pos]
        return self.ref_rows(want), sql

    # -- comparison and reports ------------------------------------------------------
    def compare(self, what, ctx, expected, actual_with_cursor, ref_sql):
        actual = [tuple(r[:19]) for r in actual_with_cursor]
        expected = [tuple(r) for r in expected]
        bad_cursors = [r[19] for r in actual_with_cursor if not isinstance(r[19], str) or not URL_SAFE.fullmatch(r[19])]
        if actual == expected and not bad_cursors:
            self.rows_compared += len(actual)
            self.ok()
            return True
        details = self.describe(ctx)
        if bad_cursors:
            details.append("  cursors that are not URL-safe (base64url) tokens: %r" % bad_cursors[:3])
        details.append("  check: %s" % what)
        details.append("  reference SQL (ids in order; rows then read by id):\n    " + ref_sql)
        details += self.explain(ctx)
        details.append("  expected %d rows, contacts_list returned %d" % (len(expected), len(actual)))
        first = next((i for i in range(max(len(expected), len(actual)))
                      if i >= len(expected) or i >= len(actual) or expected[i] != actual[i]), None)
        details.append("  first difference at row index %s" % first)
        for i in range(first if first is not None else 0,
                       min(first + 3, max(len(expected), len(actual))) if first is not None else 0):
            e = expected[i] if i < len(expected) else None
            a = actual[i] if i < len(actual) else None
            details.append("  row %d:" % i)
            if e is None or a is None:
                details.append("    expected: %r" % (e,))
                details.append("    actual:   %r" % (a,))
                continue
            for c, name in enumerate(COLUMNS):
                mark = "  " if e[c] == a[c] else "!!"
                details.append("   %s %-20s expected %-40r actual %r" % (mark, name, e[c], a[c]))
        exp_ids = [r[0] for r in expected]
        act_ids = [r[0] for r in actual]
        details.append("  expected ids: %s" % short(exp_ids))
        details.append("  actual ids:   %s" % short(act_ids))
        missing = set(exp_ids) - set(act_ids)
        extra = set(act_ids) - set(exp_ids)
        if missing or extra:
            details.append("  missing ids: %s  unexpected ids: %s" % (short(sorted(missing)), short(sorted(extra))))
        self.fail("%s (combination %s)" % (what, ctx.get("index")), details)
        return False

    def describe(self, ctx):
        idx = ctx.get("index")
        how = "--seed %s --only %s" % (self.seed, idx) if isinstance(idx, int) else "--seed %s" % self.seed
        lines = ["  seed %s, combination %s (reproduce: %s)" % (self.seed, idx, how)]
        try:
            role = self.q("SELECT current_user")[0][0]
        except psycopg2.Error:
            role = "?"
        lines.append("  session: role=%s, %s" % (role, ", ".join("%s=%s" % kv for kv in sorted(self.settings.items()))))
        lines.append("  filter: %s" % json.dumps(ctx.get("filter"), ensure_ascii=False))
        lines.append("  sort:   %s" % json.dumps(ctx.get("sort"), ensure_ascii=False))
        lines.append("  cursor: %r" % (ctx.get("cursor"),))
        lines.append("  limit:  %s" % ctx.get("limit"))
        try:
            call = self.cur.mogrify("SELECT * FROM %s.contacts_list(%%s::jsonb, %%s::text[], %%s::text, %%s::int);" %
                                    self.ext, (json.dumps(ctx.get("filter"), ensure_ascii=False),
                                               list(ctx.get("sort") or []), ctx.get("cursor"), ctx.get("limit")))
            lines.append("  call:   " + call.decode())
        except Exception as e:  # pragma: no cover
            lines.append("  call: (%s)" % e)
        return lines

    def explain(self, ctx):
        try:
            rows = self.q("SELECT * FROM %s.contacts_explain(%%s::jsonb, %%s::text[], %%s::text, %%s::int)" % self.ext,
                          (json.dumps(ctx.get("filter"), ensure_ascii=False), list(ctx.get("sort") or []),
                           ctx.get("cursor"), ctx.get("limit")))
            return ["  contacts_explain:"] + ["    " + r[0] for r in rows]
        except Exception as e:
            return ["  contacts_explain failed: %s" % str(e).strip()]

    def error(self, title, ctx, exc):
        details = self.describe(ctx)
        details.append("  %s: %s %s" % (type(exc).__name__, getattr(exc, "pgcode", ""), str(exc).strip()))
        self.fail(title, details)
        if self.conn.closed:
            self.log("connection lost; reconnecting")
            self.connect()

    # -- one combination ---------------------------------------------------------
    def make(self, i):
        seed = self.seed
        group = i // 8
        shared = random.Random("%s:group:%d" % (seed, group)).random() < 0.3
        s = random.Random("%s:shape:%s" % (seed, group if shared else "c%d" % i))
        v = random.Random("%s:values:%d" % (seed, i))
        g = Gen(s, v, self.data)
        filt = g.obj(1, top=True)
        sort = g.sort()
        sign = -1 if s.random() < 0.25 else 1
        limit = g.limit(sign)
        # Session settings come from the value generator: calls of one shape (one cached plan) meet
        # different time zones, DateStyles and similarity thresholds.
        settings = {"TimeZone": v.choice(TIME_ZONES),
                    "DateStyle": v.choice(DATE_STYLES) if v.random() < 0.15 else "ISO, MDY"}
        if self.threshold_guc is not None:
            settings["contacts_ext.similarity_threshold"] = v.choice(["0.3", "0.3", "0.2", "0.5"]) \
                if g.has_trigram else "0.3"
        return dict(index=i, filter=filt, sort=sort, limit=limit, settings=settings, gen=g,
                    tz_dependent=g.tz_dependent, rng=random.Random("%s:run:%d" % (seed, i)))

    def count_coverage(self, filt, sort, depth=1):
        cov = self.coverage
        for key, val in filt.items():
            if key in ("or", "and"):
                cov["nested " + key] = cov.get("nested " + key, 0) + 1
                for x in val:
                    self.count_coverage(x, [], depth + 1)
            elif key == "not":
                cov["nested not"] = cov.get("nested not", 0) + 1
                self.count_coverage(val, [], depth + 1)
            elif key == "search":
                terms = split_terms(val)
                cov["search terms"] = cov.get("search terms", 0) + len(terms)
                cov["phone-like terms"] = cov.get("phone-like terms", 0) + sum(1 for t in terms if phone_digits(t))
            else:
                parts = key.split("__")
                rest = parts[2:] if len(parts) >= 2 and parts[0] + "__" + parts[1] in REF_ALIASES else parts[1:]
                if rest and rest[0] in ("unaccent", "year", "month", "day", "date"):
                    cov["transform " + rest[0]] = cov.get("transform " + rest[0], 0) + 1
                    rest = rest[1:]
                lookup = rest[0] if rest else "exact"
                if val is None:
                    lookup = "exact null"
                cov["lookup " + lookup] = cov.get("lookup " + lookup, 0) + 1
            cov["depth %d" % depth] = cov.get("depth %d" % depth, 0) + 1
        for entry in sort:
            cov["sort keys"] = cov.get("sort keys", 0) + 1
            if entry.startswith("-"):
                cov["descending sort keys"] = cov.get("descending sort keys", 0) + 1

    def run_combo(self, c, traverse):
        self.combos += 1
        self.count_coverage(c["filter"], c["sort"])
        self.set_session(c["settings"])
        filt, sort, limit, rng = c["filter"], c["sort"], c["limit"], c["rng"]
        ctx = dict(index=c["index"], filter=filt, sort=sort, cursor=None, limit=limit)
        ids, ref_sql = self.ref_order_ids(filt, sort)
        n = len(ids)
        # 1. the first (limit > 0) or last (limit < 0) page
        try:
            actual = self.call_list(filt, sort, None, limit)
        except psycopg2.Error as e:
            self.error("contacts_list raised an error", ctx, e)
            return
        if actual:
            self.nonempty += 1
        want = ids[:limit] if limit > 0 else ids[max(0, n + limit):]
        if not self.compare("%s page" % ("first" if limit > 0 else "last"), ctx, self.ref_rows(want), actual,
                            ref_sql):
            return
        # 2. from a cursor of that page, either way
        if actual and rng.random() < 0.6:
            row = rng.choice(actual)
            lim = rng.choice([1, 2, 3, 10, 50, rng.randint(1, 200)]) * (-1 if rng.random() < 0.45 else 1)
            pos = ids.index(row[0])
            want = ids[pos + 1:pos + 1 + lim] if lim > 0 else ids[max(0, pos + lim):pos]
            self.cursor_page(ctx, filt, sort, row, lim, want, ref_sql)
        # 2b. ... but not with another sort (the first key's direction flipped)
        if actual and rng.random() < 0.05:
            other = list(sort) or ["id"]
            other[0] = other[0][1:] if other[0].startswith("-") else "-" + other[0]
            self.expect_error("cursor of sort %s used with sort %s (combination %s)" % (sort, other, c["index"]),
                              self.list_sql(), (json.dumps(filt, ensure_ascii=False), other,
                                                rng.choice(actual)[19], limit), ("22023", "22P02"))
        # 3. a cursor from another filter (the unfiltered list), same sort
        if rng.random() < 0.15:
            try:
                other = self.call_list({}, sort, None, rng.choice([200, -200, 37, -37]))
            except psycopg2.Error as e:
                self.error("contacts_list raised an error (unfiltered)", dict(ctx, filter={}), e)
                other = []
            if other:
                row = rng.choice(other)
                lim = rng.choice([1, 5, 50, 200]) * (-1 if rng.random() < 0.4 else 1)
                want, around_sql = self.ref_around(filt, sort, row[0], lim)
                self.cursor_page(ctx, filt, sort, row, lim, want, around_sql, "cursor from the unfiltered list")
        # 4. counts
        self.check_counts(ctx, filt, n, rng)
        # 5. explain
        if rng.random() < 0.1:
            self.check_explain(ctx, filt, sort, None, limit)
        # 6. full traversals
        if traverse(n):
            self.traverse(c, ctx, ids, ref_sql)

    def cursor_page(self, ctx, filt, sort, row, lim, want, ref_sql, what="page from a cursor"):
        cursor, anchor = row[19], row[0]
        cctx = dict(ctx, cursor=cursor, limit=lim)
        try:
            actual = self.call_list(filt, sort, cursor, lim)
        except psycopg2.Error as e:
            self.error("contacts_list raised an error (%s)" % what, cctx, e)
            return
        self.compare("%s (%s %d rows of id %d)" % (what, "after" if lim > 0 else "before", abs(lim), anchor), cctx,
                     self.ref_rows(want), actual, ref_sql)
        if self.explain_rng.random() < 0.05:
            self.check_explain(cctx, filt, sort, cursor, lim)

    def check_counts(self, ctx, filt, n, rng):
        fj = json.dumps(filt, ensure_ascii=False)
        try:
            got = self.q("SELECT %s.contacts_count(%%s::jsonb)" % self.ext, (fj,))[0][0]
            self.expect_eq("contacts_count(filter) = count(*)", ctx, n, got)
            if rng.random() < 0.25:
                got = self.q("SELECT %s.contacts_count(%%s::jsonb, 'exact')" % self.ext, (fj,))[0][0]
                self.expect_eq("contacts_count(filter, 'exact') = count(*)", ctx, n, got)
            if rng.random() < 0.5:
                cap = rng.choice([0, 1, max(0, n - 1), n, n + 1, rng.randint(0, 2 * n + 2)])
                got = self.q("SELECT %s.contacts_count(%%s::jsonb, 'exact', %%s)" % self.ext, (fj, cap))[0][0]
                self.expect_eq("contacts_count(filter, 'exact', cap => %d) = min(count, cap + 1)" % cap, ctx,
                               min(n, cap + 1), got)
            if rng.random() < 0.1:
                got = self.q("SELECT %s.contacts_count(%%s::jsonb, 'planned')" % self.ext, (fj,))[0][0]
                self.expect_true("contacts_count(filter, 'planned') is a non-negative number", ctx,
                                 got is not None and got >= 0, got)
                got = self.q("SELECT %s.contacts_count(%%s::jsonb, 'estimated')" % self.ext, (fj,))[0][0]
                thr = self.q("SELECT current_setting('contacts_ext.count_exact_threshold', true)")[0][0]
                if thr is not None and int(thr) > 2 * (self.args.rows + 10):
                    # every plan over this table estimates fewer rows than the threshold: exact
                    self.expect_eq("contacts_count(filter, 'estimated') below the threshold = count(*)", ctx, n, got)
                else:
                    self.expect_true("contacts_count(filter, 'estimated') is a non-negative number", ctx,
                                     got is not None and got >= 0, got)
        except psycopg2.Error as e:
            self.error("contacts_count raised an error", ctx, e)

    def expect_eq(self, what, ctx, expected, actual):
        if expected == actual:
            self.ok()
        else:
            self.fail(what, self.describe(ctx) + ["  expected %r, got %r" % (expected, actual)])

    def expect_true(self, what, ctx, cond, got=None):
        if cond:
            self.ok()
        else:
            self.fail(what, self.describe(ctx) + ["  got %r" % (got,)])

    def check_explain(self, ctx, filt, sort, cursor, limit):
        try:
            rows = self.q("SELECT * FROM %s.contacts_explain(%%s::jsonb, %%s::text[], %%s::text, %%s::int)" % self.ext,
                          (json.dumps(filt, ensure_ascii=False), list(sort), cursor, limit))
        except psycopg2.Error as e:
            self.error("contacts_explain raised an error", ctx, e)
            return
        text = "\n".join(r[0] or "" for r in rows)
        ok = (re.search(r"\bselect\b", text, re.I) and "app_user" in text
              and re.search(r"Scan|cost=|rows=", text) is not None)
        self.expect_true("contacts_explain returns the SQL (SELECT ... app_user ...) and its plan", ctx, ok,
                         text[:2000])
        # the parameters are shown: a plain word compared with exact appears among them
        words = [v for k, v in filt.items() if isinstance(v, str) and re.fullmatch(r"[A-Za-z]{3,}", v)
                 and (k in REF_FIELDS or k in REF_ALIASES or k.endswith("__exact") and (
                     k[:-7] in REF_FIELDS or k[:-7] in REF_ALIASES))]
        if words:
            self.expect_true("contacts_explain shows the parameter value %r" % words[0], ctx, words[0] in text,
                             text[:2000])

    # -- traversals --------------------------------------------------------------
    def page_size(self, rng, n):
        size = rng.choice([1, 2, 3, 5, 10, 25, 50, 100, 200, rng.randint(1, 200)])
        floor_ = -(-n // self.args.max_pages) if n else 1
        return min(1000, max(size, floor_))

    def traverse(self, c, ctx, ids, ref_sql):
        """Forwards from the first page, backwards from the last page, and a mixed walk, each visiting every
        row exactly once in the reference order, with page sizes changing on the way."""
        self.traversals += 1
        rng = random.Random("%s:walk:%s" % (self.seed, c["index"]))
        n = len(ids)
        w = Walk(self, ctx, c["filter"], c["sort"], ids, ref_sql, rng, switch=not c["tz_dependent"])
        size = [self.page_size(rng, n)]

        def sticky():
            if rng.random() < 0.3:
                size[0] = self.page_size(rng, n)
            return size[0]

        got = w.run(True, 0, sticky)
        if got is None or not self.walk_result("forward traversal", ctx, got, ids):
            return
        got = w.run(False, n, sticky)
        if got is None or not self.walk_result("backward traversal", ctx, got, ids):
            return
        if n:
            # from a row in the middle (its cursor from the forward walk) forwards to the end, then from the
            # row after it backwards to the start, with detours one page the other way
            j = rng.randrange(n)
            fresh = lambda: self.page_size(rng, n)
            tail = w.run(True, j + 1, fresh, detours=0.2)
            head = w.run(False, j + 1, fresh, detours=0.2) if tail is not None else None
            if head is not None:
                self.walk_result("mixed walk (start at row %d)" % j, ctx, head + tail, ids)
        self.set_session(c["settings"])

    def sweep(self):
        """Every field as the leading sort key, both directions, over a result that has NULLs in it where the
        field is nullable, walked forwards and backwards with page sizes that put the NULL / non-NULL
        boundary exactly on a page boundary when they can."""
        rng = random.Random("%s:sweep" % self.seed)
        self.set_session({"TimeZone": rng.choice(TIME_ZONES), "DateStyle": "ISO, MDY"})
        nullable = [f for f in COLUMNS if REF_FIELDS[f][2]]
        for field in COLUMNS:
            for desc in (False, True):
                lo = rng.choice(self.data.pools["id"][:-200])
                filt = {"or": [{"id__range": [lo, lo + rng.randint(40, 120)]}]}
                if REF_FIELDS[field][2]:
                    lo2 = rng.choice(self.data.pools["id"][:-800])
                    filt["or"].append({ALIAS_OF.get(field, field) + "__isnull": True, "id__range": [lo2, lo2 + 600]})
                second = rng.choice([f for f in nullable if f != field])
                sort = [("-" if desc else "") + field, ("-" if rng.random() < 0.5 else "") + second]
                if field == "id":
                    sort = sort[:1]
                ids, ref_sql = self.ref_order_ids(filt, sort)
                ctx = dict(index="sweep %s%s" % ("-" if desc else "", field), filter=filt, sort=sort)
                w = Walk(self, ctx, filt, sort, ids, ref_sql, rng, switch=False)
                col = COLUMNS.index(field)
                nulls = sum(1 for r in w.full if r[col] is None)
                boundary = nulls if desc else len(ids) - nulls  # NULLs first descending, last ascending

                def aligned(at):
                    sizes = [p for p in range(4, 31) if at and at % p == 0]
                    return rng.choice(sizes) if sizes else rng.randint(4, 30)

                self.sweeps += 1
                fsize, bsize = aligned(boundary), aligned(len(ids) - boundary)
                got = w.run(True, 0, lambda: fsize)
                if got is not None and self.walk_result("sweep forwards (page size %d, NULL boundary at row %d)" % (
                        fsize, boundary), ctx, got, ids):
                    got = w.run(False, len(ids), lambda: bsize)
                    if got is not None:
                        self.walk_result("sweep backwards (page size %d, NULL boundary at row %d)" % (bsize, boundary),
                                         ctx, got, ids)

    def walk_result(self, what, ctx, got, ids):
        if got == ids:
            self.ok()
            return True
        dup = len(got) - len(set(got))
        details = self.describe(ctx) + [
            "  %s visited %d rows (%d duplicates), expected %d" % (what, len(got), dup, len(ids)),
            "  missing: %s" % short(sorted(set(ids) - set(got))),
            "  unexpected: %s" % short(sorted(set(got) - set(ids)))]
        self.fail("%s did not visit every row exactly once in order" % what, details)
        return False

    # -- error behaviour ----------------------------------------------------------
    def expect_error(self, what, sql, params, codes, must_mention=()):
        self.errors_checked += 1
        try:
            self.cur.execute(sql, params)
            rows = self.cur.fetchall()
            self.fail("%s: no error" % what, ["  %s" % self.cur.mogrify(sql, params).decode(),
                                              "  expected SQLSTATE %s, got %d rows" % ("/".join(codes), len(rows))])
            return
        except psycopg2.Error as e:
            code = e.pgcode
            diag = e.diag
            text = " ".join(x for x in (diag.message_primary, diag.message_detail, diag.message_hint) if x)
            if self.conn.closed:
                self.fail("%s: the connection was lost (crash?)" % what, ["  %s" % str(e)])
                self.connect()
                return
            if code not in codes:
                self.fail("%s: SQLSTATE %s, expected %s" % (what, code, "/".join(codes)),
                          ["  %s" % self.cur.mogrify(sql, params).decode(), "  error: %s" % text])
                return
            missing = [m for m in must_mention if m not in text]
            if missing:
                self.fail("%s: the message does not mention %s" % (what, missing),
                          ["  %s" % self.cur.mogrify(sql, params).decode(), "  error: %s" % text])
                return
            self.ok()

    def run_errors(self):
        self.set_session({"TimeZone": "UTC", "DateStyle": "ISO, MDY"})
        L = self.list_sql()
        BAD = ("22023", "22P02")
        UNKNOWN = ("42703",)
        fields_listed = ("first_name", "last_activity", "relationship__points")

        def lst(what, filt, sort=(), cursor=None, limit=50, codes=BAD, mention=()):
            f = filt if isinstance(filt, str) else json.dumps(filt, ensure_ascii=False)
            self.expect_error(what, L, (f, list(sort), cursor, limit), codes, mention)

        # unknown fields: 42703 naming the field and listing the allowed ones
        for key in ["foo", "address__foo", "relationship__bogus__gt", "cursor", "FIRST_NAME", "a.city",
                    "first_name; DROP TABLE app_user", "address", "relationship", "firstname__icontains", "",
                    "appuser_id", "u__id"]:
            lst("unknown field %r" % key, {key: 1}, codes=UNKNOWN,
                mention=fields_listed if key in ("foo", "cursor") else ())
        lst("unknown field nested in or", {"or": [{"last_name": "x"}, {"nope": 1}]}, codes=UNKNOWN, mention=("nope",))
        lst("unknown field nested in not/and", {"not": {"and": [{"zz__icontains": "a"}]}}, codes=UNKNOWN,
            mention=("zz",))
        for s in (["foo"], ["-foo"], ["cursor"], ["first_name desc"], ["FIRST_NAME"], ["last_name", "-nope"],
                  ["address"], ["+first_name"]):
            lst("unknown sort key %r" % s, {}, sort=s, codes=UNKNOWN)
        # unknown or misplaced lookups and transforms
        for key, val in [("first_name__foo", "x"), ("first_name__unaccent__foo", "x"),
                         ("first_name__iexact__x", "x"), ("birthday__hour", 1), ("first_name__year", 1990),
                         ("points__unaccent", "x"), ("birthday__date", "2020-01-01"), ("first_name__", "x"),
                         ("first_name__unaccent__gt", "x"), ("city__EXACT", "x"), ("points__year", 2000),
                         ("created__year__month", 5), ("address__city__foo", "x")]:
            lst("unknown or misplaced lookup %r" % key, {key: val}, mention=(key,))
        # bad values
        for key, val in [("points__gte", "abc"), ("id", "1.5"), ("id", 1.5), ("points", 99999999999),
                         ("id", "9223372036854775808"), ("points__in", "1,2"), ("points__range", [1, 2, 3]),
                         ("points__range", 5), ("points__isnull", "maybe"), ("points__isnull", 1),
                         ("points__gt", None), ("points__in", [1, None]), ("first_name__in", [["x"]]),
                         ("first_name", {"a": 1}), ("first_name", ["x"]), ("birthday", "not a date"),
                         ("birthday", 19900101), ("birthday__year", "abc"), ("birthday__month", 1.5),
                         ("created", "2020-13-45 10:00"), ("created__date", "yesterday-ish"),
                         ("last_activity__gte", "soon"), ("points", True),
                         ("first_name__trigram_similar", None), ("first_name__icontains", None)]:
            lst("bad value %s: %s" % (key, json.dumps(val)), {key: val}, mention=(key,))
        for filt in ['{"or": {}}', '{"or": [1]}', '{"and": "x"}', '{"not": []}', '{"not": null}', '{"search": 5}',
                     '{"search": null}', '[]', '"text"', '42', '{"or": [{"and": [{"not": 1}]}]}']:
            lst("malformed filter %s" % filt, filt)
        # limits
        for lim in (0, 1001, -1001, 2147483647, -2147483648):
            lst("limit %d" % lim, {}, limit=lim)
        self.cur.execute("SET contacts_ext.max_limit = 10")
        lst("limit 11 above max_limit 10", {}, limit=11)
        lst("limit -11 beyond max_limit 10", {}, limit=-11)
        try:
            ok10 = len(self.call_list({}, [], None, 10)) == 10 and len(self.call_list({}, [], None, -10)) == 10
            self.expect_true("limit ±10 at max_limit 10 works", {}, ok10)
        except psycopg2.Error as e:
            self.error("limit 10 at max_limit 10 raised an error", {"limit": 10}, e)
        self.cur.execute("RESET contacts_ext.max_limit")
        # cursors
        page = self.call_list({}, ["last_name"], None, 5)
        good = page[2][19]
        lst("garbage cursor", {}, ["last_name"], "garbage!")
        lst("empty cursor", {}, ["last_name"], "")
        lst("cursor with padding", {}, ["last_name"], good + "=")
        lst("truncated cursor", {}, ["last_name"], good[:-3])
        lst("cursor with a byte appended", {}, ["last_name"], good + "A")
        rng = random.Random("%s:tamper" % self.seed)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        for k in range(6):
            i = rng.randrange(len(good))
            bad = good[:i] + rng.choice([ch for ch in alphabet if ch != good[i]]) + good[i + 1:]
            lst("tampered cursor (char %d changed)" % i, {}, ["last_name"], bad)
        for other in (["-last_name"], ["first_name"], [], ["last_name", "first_name"], ["-id"], ["city"]):
            lst("cursor of sort [last_name] used with sort %s" % other, {}, other, good)
        # the same sort spelled differently keeps its cursors
        for same in (["last_name", "id"],):
            try:
                got = self.call_list({}, same, good, 7)
                exp, sql = self.ref_slice({}, same, page[2][0], 7)
                self.compare("cursor of [last_name] with the equivalent sort %s" % same,
                             dict(index="errors", filter={}, sort=same, cursor=good, limit=7), exp, got, sql)
            except psycopg2.Error as e:
                self.error("cursor of [last_name] rejected by the equivalent sort %s" % same,
                           dict(index="errors", filter={}, sort=same, cursor=good, limit=7), e)
        cpage = self.call_list({}, ["city"], None, 3)
        try:
            got = self.call_list({}, ["address__city"], cpage[1][19], 4)
            exp, sql = self.ref_slice({}, ["city"], cpage[1][0], 4)
            self.compare("cursor of [city] with sort [address__city]",
                         dict(index="errors", filter={}, sort=["address__city"], cursor=cpage[1][19], limit=4),
                         exp, got, sql)
        except psycopg2.Error as e:
            self.error("cursor of [city] rejected by sort [address__city]", dict(index="errors"), e)
        # companions
        C = "SELECT %s.contacts_count(%%s::jsonb, %%s, %%s)" % self.ext
        self.expect_error("contacts_count with an unknown field", C, ('{"foo": 1}', "exact", None), UNKNOWN)
        self.expect_error("contacts_count with a bad value", C, ('{"points": "x"}', "exact", None), BAD)
        self.expect_error("contacts_count with an unknown mode", C, ("{}", "bogus", None), BAD)
        self.expect_error("contacts_count with a negative cap", C, ("{}", "exact", -1), BAD)
        E = "SELECT * FROM %s.contacts_explain(%%s::jsonb, %%s::text[], %%s::text, %%s::int)" % self.ext
        self.expect_error("contacts_explain with an unknown field", E, ('{"foo": 1}', [], None, 50), UNKNOWN)
        self.expect_error("contacts_explain with a bad cursor", E, ("{}", ["last_name"], "garbage", 50), BAD)
        # nothing was harmed, the session still works
        n = self.q("SELECT count(*) FROM %s.app_user" % self.ext)[0][0]
        self.expect_true("the tables are intact after the bad inputs", {}, n == len(self.data.rows), n)

    def run_rls(self):
        """Row level security applies to the caller: policies on all three tables, and combinations run
        alternately as a role the policies restrict and as the superuser (which bypasses them), so plans
        cached under one role meet the other. The reference runs as the same role."""
        a = self.args
        role = "contacts_differential_reader"
        e = self.ext
        setup = [
            "DO $$ BEGIN CREATE ROLE %s; EXCEPTION WHEN duplicate_object THEN NULL; END $$" % role,
            "GRANT USAGE ON SCHEMA %s, diffref TO %s" % (e, role),
            "GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s" % (e, role),
            "GRANT SELECT ON ALL TABLES IN SCHEMA diffref TO %s" % role,
            "ALTER TABLE %s.app_user ENABLE ROW LEVEL SECURITY" % e,
            "ALTER TABLE %s.address ENABLE ROW LEVEL SECURITY" % e,
            "ALTER TABLE %s.customer_relationship ENABLE ROW LEVEL SECURITY" % e,
            "CREATE POLICY diff_u ON %s.app_user TO %s USING (id %% 3 <> 0)" % (e, role),
            "CREATE POLICY diff_a ON %s.address TO %s USING (id %% 5 <> 0)" % (e, role),
            "CREATE POLICY diff_r ON %s.customer_relationship TO %s USING (points %% 4 <> 1)" % (e, role),
        ]
        teardown = [
            "RESET ROLE",
            "DROP POLICY diff_u ON %s.app_user" % e,
            "DROP POLICY diff_a ON %s.address" % e,
            "DROP POLICY diff_r ON %s.customer_relationship" % e,
            "ALTER TABLE %s.app_user DISABLE ROW LEVEL SECURITY" % e,
            "ALTER TABLE %s.address DISABLE ROW LEVEL SECURITY" % e,
            "ALTER TABLE %s.customer_relationship DISABLE ROW LEVEL SECURITY" % e,
            "REVOKE ALL ON ALL TABLES IN SCHEMA %s FROM %s" % (e, role),
            "REVOKE ALL ON ALL TABLES IN SCHEMA diffref FROM %s" % role,
            "REVOKE ALL ON SCHEMA %s, diffref FROM %s" % (e, role),
            "DROP ROLE %s" % role,
        ]
        for stmt in setup:
            self.cur.execute(stmt)
        try:
            self.cur.execute("SET ROLE %s" % role)
            visible = self.q("SELECT count(*) FROM %s.app_user" % e)[0][0]
            self.expect_true("the policies restrict the role (%d of %d contacts visible)" % (
                visible, len(self.data.rows)), {}, 0 < visible < len(self.data.rows), visible)
            for k in range(a.rls_combinations):
                c = self.make(k)  # shapes and values of the first combinations: their plans are cached
                c["index"] = "rls %d (as %s; same filter as combination %d)" % (
                    k, "the restricted role" if k % 2 == 0 else "the superuser", k)
                self.cur.execute("SET ROLE %s" % role if k % 2 == 0 else "RESET ROLE")
                try:
                    self.run_combo(c, lambda n: k % 10 == 0 and n >= 1)
                except psycopg2.Error as ex:
                    self.error("unexpected error in the harness", dict(index=c["index"], filter=c["filter"],
                                                                       sort=c["sort"], limit=c["limit"]), ex)
        finally:
            if self.conn.closed:
                self.connect()
            for stmt in teardown:
                self.cur.execute(stmt)

    def run_misc(self):
        """The result type and a call under a hostile search_path."""
        self.cur.execute("SELECT * FROM %s.contacts_list('{}', '{}', NULL, 1)" % self.ext)
        names = [d.name for d in self.cur.description]
        types = [d.type_code for d in self.cur.description]
        self.cur.fetchall()
        want_names = COLUMNS + ["cursor"]
        oid = {BIGINT: 20, INT: 23, TEXT: 25, DATE: 1082, TSTZ: 1184}
        want_types = [oid[REF_FIELDS[n][1]] for n in COLUMNS] + [25]
        self.expect_true("contacts_list's columns are (%s)" % ", ".join(want_names), {},
                         names == want_names and types == want_types, list(zip(names, types)))
        # default arguments
        try:
            got = self.q("SELECT count(*) FROM %s.contacts_list()" % self.ext)[0][0]
            self.expect_eq("contacts_list() returns 50 rows by default", {}, min(50, len(self.data.rows)), got)
            got = self.q("SELECT %s.contacts_count()" % self.ext)[0][0]
            self.expect_eq("contacts_count() counts every contact", {}, len(self.data.rows), got)
        except psycopg2.Error as e:
            self.error("calls with default arguments failed", {}, e)
        # search_path that hides everything the extension might use unqualified
        self.cur.execute("SET search_path = pg_catalog")
        try:
            filt = {"last_name__unaccent__iexact": "muller", "search": "müller"}
            got = self.call_list(filt, ["-points", "city"], None, 20)
            self.cur.execute("RESET search_path")
            exp, sql = self.ref_slice(filt, ["-points", "city"], None, 20)
            self.compare("call with search_path = pg_catalog", dict(index="misc", filter=filt,
                                                                    sort=["-points", "city"], limit=20),
                         exp, got, sql)
        except psycopg2.Error as e:
            self.error("call with search_path = pg_catalog failed", {}, e)
        finally:
            self.cur.execute("RESET search_path")

    # -- main ---------------------------------------------------------------------
    def load_data(self):
        self.set_session({"TimeZone": "UTC", "DateStyle": "ISO, MDY"})
        rows = self.q("SELECT %s FROM (SELECT %s FROM %s) s ORDER BY s.id" % (
            norm_list("s"), ref_raw_list(), ref_from(self.ext, "")))
        # dates/timestamps as generator inputs: drop the ' AD' era suffix
        self.data = Data([tuple(x[:-3] if isinstance(x, str) and x.endswith(" AD") and
                                COLUMNS[i] in ("birthday", "created", "last_updated", "relationship_created",
                                               "last_activity") else x for i, x in enumerate(r)) for r in rows])

    def run(self):
        a = self.args
        self.load_data()
        self.log("differential: %d contacts, seed %s (reproduce with --seed %s), %d combinations, ~%d traversals"
                 % (len(self.data.rows), self.seed, self.seed, a.combinations, a.traversals))
        if self.threshold_guc is None:
            self.fail("the GUC contacts_ext.similarity_threshold is not defined", [])
        t0 = time.time()
        every = max(1, a.combinations // max(1, a.traversals)) if a.traversals else 0
        indices = [a.only] if a.only is not None else range(a.combinations)
        pending = [0]

        def traverse(n):
            # Traversals are due every `every` combinations; a due one waits for a result of 1 to
            # --traversal-rows rows, except that every tenth may take any size (up to the whole table).
            if a.only is not None:
                return True
            big = self.traversals % 10 == 5
            if pending[0] > 0 and n >= 1 and (n <= a.traversal_rows or big):
                pending[0] -= 1
                return True
            return False

        for i in indices:
            c = self.make(i)
            if every and i % every == 0 and self.traversals + pending[0] < a.traversals:
                pending[0] += 1
            try:
                self.run_combo(c, traverse)
            except psycopg2.Error as e:
                self.error("unexpected error in the harness", dict(index=i, filter=c["filter"], sort=c["sort"],
                                                                   limit=c["limit"]), e)
            if a.progress and (i + 1) % a.progress == 0:
                self.log("  %d combinations, %d rows compared, %d traversals, %d failed, %.0fs" % (
                    i + 1, self.rows_compared, self.traversals, self.failed, time.time() - t0))
        t1 = time.time()
        if a.only is None:
            self.sweep()
            if a.rls_combinations:
                self.run_rls()
            self.run_errors()
            self.run_misc()
        self.log("")
        self.log("combinations run:   %d (%d with a non-empty first page; %d of them under row level security)"
                 % (self.combos, self.nonempty, self.args.rls_combinations if self.args.only is None else 0))
        self.log("contacts_list calls: %d" % self.calls)
        self.log("rows compared:      %d" % self.rows_compared)
        self.log("full traversals:    %d random (forward, backward and mixed each), %d NULL-boundary sweeps "
                 "(every field first, both directions; forward and backward)" % (self.traversals, self.sweeps))
        self.log("error cases:        %d" % self.errors_checked)
        cov = self.coverage
        self.log("filters drew:       %s" % ", ".join("%s %d" % (k, cov[k]) for k in sorted(cov)))
        self.log("mismatches:         %d" % self.failed)
        self.log("time:               %.0fs combinations, %.0fs total%s" % (t1 - t0, time.time() - t0, self.cpu_note()))
        self.log("differential: %d passed, %d failed" % (self.passed, self.failed))
        return self.failed == 0


    def cpu_note(self):
        """CPU seconds of this process and of its server backend (when /proc shows it): on a busy machine
        the wall-clock time says little, their sum is what the run costs on an idle one."""
        try:
            with open("/proc/%d/stat" % self.conn.get_backend_pid()) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            me = sum(os.times()[:2])
            return " (CPU: %.0fs harness + %.0fs server backend)" % (me, server)
        except (OSError, ValueError, IndexError):
            return ""


def short(xs, n=12):
    xs = list(xs)
    return str(xs[:n])[:-1] + (", ... (%d in all)]" % len(xs) if len(xs) > n else "]")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    env = os.environ.get
    p.add_argument("--seed", type=int, default=int(env("DIFFERENTIAL_SEED", random.SystemRandom().randrange(10 ** 9))),
                   help="seed of the combinations (default: random, printed)")
    p.add_argument("--combinations", type=int, default=int(env("DIFFERENTIAL_COMBINATIONS", 1000)))
    p.add_argument("--traversals", type=int, default=int(env("DIFFERENTIAL_TRAVERSALS", 100)))
    p.add_argument("--rows", type=int, default=int(env("DIFFERENTIAL_ROWS", 20000)), help="contacts to seed")
    p.add_argument("--data-seed", type=int, default=int(env("DIFFERENTIAL_DATA_SEED", 42)))
    p.add_argument("--db", default=env("DIFFERENTIAL_DB", "it_differential"))
    p.add_argument("--reuse-db", action="store_true", help="use the existing database as seeded before")
    p.add_argument("--keep-db", action="store_true", help="keep the database afterwards (kept on failure anyway)")
    p.add_argument("--only", type=int, help="run only combination I (with its traversal)")
    p.add_argument("--max-pages", type=int, default=30, help="pages per traversal at most (sets the page size floor)")
    p.add_argument("--traversal-rows", type=int, default=2000,
                   help="traverse results of at most this many rows (but every tenth traversal any size)")
    p.add_argument("--rls-combinations", type=int, default=int(env("DIFFERENTIAL_RLS_COMBINATIONS", 60)),
                   help="combinations run under row level security (alternating with the superuser)")
    p.add_argument("--time-zones", help="comma-separated session time zones to draw from (default: a mix)")
    p.add_argument("--max-reports", type=int, default=8)
    p.add_argument("--progress", type=int, default=100)
    args = p.parse_args()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.db):
        p.error("--db must be a plain identifier")
    if args.time_zones:
        TIME_ZONES[:] = args.time_zones.split(",")

    if not args.reuse_db:
        setup_database(args, print)
    h = Harness(args)
    h.cur.execute("SELECT to_regprocedure(%s)", ("%s.contacts_list(jsonb, text[], text, integer)" % h.ext,))
    if h.cur.fetchone()[0] is None:
        print("differential: contacts_list(jsonb, text[], text, integer) does not exist")
        print("differential: 0 passed, 1 failed")
        return 1
    try:
        ok = h.run()
    except Exception:  # a harness bug or a lost server: fail loudly, with the counts so far
        import traceback
        traceback.print_exc()
        print("differential: %d passed, %d failed (aborted)" % (h.passed, h.failed + 1))
        print("(database %s kept for inspection)" % args.db)
        return 1
    h.conn.close()
    if ok and not args.keep_db and not args.reuse_db:
        admin = psycopg2.connect(dbname="postgres")
        admin.autocommit = True
        admin.cursor().execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % args.db)
        admin.close()
    elif not ok:
        print("(database %s kept for inspection)" % args.db)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
