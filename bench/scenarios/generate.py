#!/usr/bin/env python3
"""Writes the benchmark's pgbench scripts: bench/scenarios/<scenario>/<variant>.sql.

    bench/scenarios/generate.py          # (re)write them
    bench/scenarios/generate.py --check  # fail if a checked-in script differs

The scripts are checked in; this file is how they are kept consistent (one
select list, one join, one set of values per scenario). Edit it, not them.

Three SQL variants per scenario, five strategies (bench/run.sh):
  orm.sql   strategies 1-3 (naive, +btree, +pg_trgm): the SQL an ORM with a page-number
            paginator sends, as Django + DRF emit it: SELECT COUNT(*) for the page
            count, then the page with LIMIT 50 OFFSET (page - 1) * 50; icontains and
            search as ILIKE '%term%' (see strategies/30_trgm.sql); the count drops the
            select_related LEFT JOINs, as Django's QuerySet.count() does.
  best.sql  strategy 4: the best hand-written SQL on strategy 3's indexes: keyset
            pages (the key of the last row, never OFFSET), the redundant range on the
            joined table when paging by id, one ordered scan per segment when the
            leading sort key can be NULL, UNION per table for search, no COUNT(*).
  ext.sql   strategy 5: contacts_list / contacts_count.
Every variant of a scenario returns the same rows in the same order (checked by
the runner on each run, see "rows" in report.md), except where the ORM's SQL
cannot (search for an accented or phone-formatted term: DRF's ILIKE misses them).

Values come from bench_keys.pick (bench/scenarios/picks.sql) through the same
\\gset statement in every variant, and from \\set random(); pgbench runs with
-M prepared, so they reach the server as bind parameters.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PICKS = 100      # rows per scenario in bench_keys.pick (picks.sql is run with -v picks=100)
PAGE = 50

COLS = ("u.id, u.first_name, u.last_name, u.gender, u.customer_id, u.phone_number, u.birthday, "
        "u.created, u.last_updated, u.address_id, a.street, a.street_number, a.city_code, a.city, "
        "a.country, cr.id AS relationship_id, cr.points, cr.created AS relationship_created, "
        "cr.last_activity")
P = "bench_plain"
U, A, CR = f"{P}.app_user u", f"{P}.address a", f"{P}.customer_relationship cr"
JA = f"LEFT JOIN {A} ON a.id = u.address_id"
JCR = f"LEFT JOIN {CR} ON cr.appuser_id = u.id"
FROM = f"FROM {U}\n    {JA}\n    {JCR}"


def sel(frm=FROM, where=None, order="u.id", limit=PAGE, offset=None):
    s = f"SELECT {COLS}\n{frm}"
    if where:
        s += f"\nWHERE {where}"
    s += f"\nORDER BY {order} LIMIT {limit}"
    if offset is not None:
        s += f" OFFSET {offset}"
    return s


def stmt(sql, suffix=";"):
    return sql + suffix


def pick(scenario, columns, random=True):
    n = "\\set i random(1, %d)\n" % PICKS if random else "\\set i 1\n"
    return n + f"SELECT {columns} FROM bench_keys.pick WHERE scenario = '{scenario}' AND n = :i \\gset"


def ext_list(filter_sql="'{}'", sort="'{}'", cursor="NULL", limit=PAGE, suffix=";"):
    return f"SELECT * FROM contacts_list({filter_sql}, {sort}, {cursor}, {limit}){suffix}"


def orm_page(count_sql, page_sql):
    """Two statements per request: the paginator's COUNT(*), then the page."""
    return f"{count_sql};\n{page_sql};"


# Search: DRF's SearchFilter over the seven fields, ILIKE per field, ORed.
SEARCH_FIELDS_ORM = ["u.first_name", "u.last_name", "u.customer_id", "u.phone_number",
                     "a.street", "a.city", "a.country"]


def orm_search_where(term):
    pat = f"'%' || {term} || '%'"
    return "(" + " OR ".join(f"{c} ILIKE {pat}" for c in SEARCH_FIELDS_ORM) + ")"


def best_search(term, digits=None):
    """UNION per table: each arm an OR of trigram-indexed folded columns of one table
    (a BitmapOr of GIN scans), the ids semi-joined to the page."""
    pat = f"'%' || {P}.f_fold({term}) || '%'"
    user_arms = [f"{P}.f_fold(x.{c}) LIKE {pat}" for c in ("first_name", "last_name", "customer_id", "phone_number")]
    if digits:
        user_arms.append(f"pg_catalog.regexp_replace(x.phone_number, '[^0-9]', '', 'g') LIKE '%' || {digits} || '%'")
    addr_arms = [f"{P}.f_fold(y.{c}) LIKE {pat}" for c in ("street", "city", "country")]
    where = (f"u.id IN (\n        SELECT x.id FROM {P}.app_user x\n        WHERE " + "\n           OR ".join(user_arms) +
             f"\n        UNION ALL\n        SELECT x.id FROM {P}.address y JOIN {P}.app_user x ON x.address_id = y.id\n        WHERE " +
             "\n           OR ".join(addr_arms) + ")")
    return sel(where=where) + ";"


SCENARIOS = []


def scenario(name, group, title, orm, best, ext, load=False):
    SCENARIOS.append(dict(name=name, group=group, title=title, orm=orm, best=best, ext=ext, load=load))


COUNT_ALL = f"SELECT count(*) FROM {P}.app_user u"

# --- list ---------------------------------------------------------------------------------
scenario("initial_list", "list", "initial list (page 1, by id)",
         orm=orm_page(COUNT_ALL, sel(offset=0)),
         best=stmt(sel()),
         ext=ext_list(), load=True)

# --- filters ------------------------------------------------------------------------------
p = pick("first_name", "v")
scenario("filter_name", "filter", "filter: first_name = common name",
         orm=p + "\n" + orm_page(f"{COUNT_ALL} WHERE u.first_name = :v", sel(where="u.first_name = :v", offset=0)),
         best=p + "\n" + stmt(sel(where="u.first_name = :v")),
         ext=p + "\n" + ext_list("jsonb_build_object('first_name', :v::text)"), load=True)

for k in (2, 3, 4):
    p = pick(f"fragment{k}", "v")
    like = "u.first_name ILIKE '%' || :v || '%'"
    scenario(f"icontains_{k}", "filter", f"first_name icontains a {k}-letter fragment",
             orm=p + "\n" + orm_page(f"{COUNT_ALL} WHERE {like}", sel(where=like, offset=0)),
             best=p + "\n" + stmt(sel(where=like)),
             ext=p + "\n" + ext_list("jsonb_build_object('first_name__icontains', :v::text)"))

# --- sorts --------------------------------------------------------------------------------
NULL_REL = (f"SELECT {COLS}\nFROM {U}\n    {JA}\n    {JCR}\nWHERE cr.appuser_id IS NULL")
WITH_REL = (f"SELECT {COLS}\nFROM {CR}\n    JOIN {P}.app_user u ON u.id = cr.appuser_id\n    {JA}")


def desc_points(rest, extra_where=None, null_order=None):
    """ORDER BY cr.points DESC (NULLS FIRST: contacts without a relationship come
    first), then `rest`: two ordered, limited scans merged."""
    nw = f" AND {extra_where}" if extra_where else ""
    null_order = null_order or rest
    return (f"SELECT * FROM (\n(" + NULL_REL + nw + f"\nORDER BY {null_order} LIMIT {PAGE})\nUNION ALL\n(" +
            WITH_REL + (f"\nWHERE {extra_where}" if extra_where else "") +
            f"\nORDER BY cr.points DESC, {rest} LIMIT {PAGE})) s\n"
            f"ORDER BY s.points DESC NULLS FIRST, {rest.replace('u.', 's.')} LIMIT {PAGE};")


scenario("sort_points", "sort", "sort: -points",
         orm=orm_page(COUNT_ALL, sel(order="cr.points DESC, u.id", offset=0)),
         best=desc_points("u.id"),
         ext=ext_list(sort="'{-points}'"))

scenario("sort_last_name", "sort", "sort: last_name",
         orm=orm_page(COUNT_ALL, sel(order="u.last_name, u.id", offset=0)),
         best=stmt(sel(order="u.last_name, u.id")),
         ext=ext_list(sort="'{last_name}'"))

CITY_SORT_BEST = (
    "SELECT * FROM (\n(" + f"SELECT {COLS}\nFROM {A}\n    JOIN {P}.app_user u ON u.address_id = a.id\n    {JCR}\n"
    f"ORDER BY a.city, u.id LIMIT {PAGE})\nUNION ALL\n(" +
    f"SELECT {COLS}\nFROM {U}\n    {JA}\n    {JCR}\nWHERE u.address_id IS NULL\nORDER BY u.id LIMIT {PAGE})) s\n"
    f"ORDER BY s.city, s.id LIMIT {PAGE};")
scenario("sort_city", "sort", "sort: city (joined table)",
         orm=orm_page(COUNT_ALL, sel(order="a.city, u.id", offset=0)),
         best=CITY_SORT_BEST,
         ext=ext_list(sort="'{city}'"))

scenario("sort_created", "sort", "sort: -created",
         orm=orm_page(COUNT_ALL, sel(order="u.created DESC, u.id", offset=0)),
         best=stmt(sel(order="u.created DESC, u.id")),
         ext=ext_list(sort="'{-created}'"))

scenario("sort_points_last_name", "sort", "sort: -points, last_name",
         orm=orm_page(COUNT_ALL, sel(order="cr.points DESC, u.last_name, u.id", offset=0)),
         best=desc_points("u.last_name, u.id"),
         ext=ext_list(sort="'{-points,last_name}'"))

# --- filter + sort, several filters, complex ----------------------------------------------
p = pick("country", "v")
INNER_A = f"FROM {U}\n    JOIN {A} ON a.id = u.address_id\n    {JCR}"
COUNT_A = f"SELECT count(*) FROM {P}.app_user u JOIN {A} ON a.id = u.address_id"
scenario("filter_sort", "filter", "filter + sort: country = x, sort last_name",
         orm=p + "\n" + orm_page(f"{COUNT_A} WHERE a.country = :v",
                                 sel(frm=INNER_A, where="a.country = :v", order="u.last_name, u.id", offset=0)),
         best=p + "\n" + stmt(sel(frm=INNER_A, where="a.country = :v", order="u.last_name, u.id")),
         ext=p + "\n" + ext_list("jsonb_build_object('country', :v::text)", "'{last_name}'"))

F3 = "u.gender = 'F' AND a.country = :v AND u.birthday >= '1980-01-01'"
scenario("filters_3", "filter", "three filters: gender, country, birthday >=",
         orm=p + "\n" + orm_page(f"{COUNT_A} WHERE {F3}", sel(frm=INNER_A, where=F3, offset=0)),
         best=p + "\n" + stmt(sel(frm=INNER_A, where=F3)),
         ext=p + "\n" + ext_list("jsonb_build_object('gender', 'F', 'country', :v::text, 'birthday__gte', '1980-01-01')"))

pc = p + "\n\\set pts random(1, 20)"
INNER_ACR = f"FROM {U}\n    JOIN {A} ON a.id = u.address_id\n    JOIN {CR} ON cr.appuser_id = u.id"
CX = "a.country = :v AND u.gender = 'M' AND cr.points >= :pts::int * 100"
scenario("complex", "filter", "complex: 3 filters (country, gender, points >=), sort -points, last_name",
         orm=pc + "\n" + orm_page(
             f"SELECT count(*) FROM {P}.app_user u JOIN {A} ON a.id = u.address_id JOIN {CR} ON cr.appuser_id = u.id WHERE {CX}",
             sel(frm=INNER_ACR, where=CX, order="cr.points DESC, u.last_name, u.id", offset=0)),
         best=pc + "\n" + stmt(sel(frm=INNER_ACR, where=CX, order="cr.points DESC, u.last_name, u.id")),
         ext=pc + "\n" + ext_list(
             "jsonb_build_object('country', :v::text, 'gender', 'M', 'points__gte', :pts::int * 100)",
             "'{-points,last_name}'"))

# --- search -------------------------------------------------------------------------------
COUNT_SEARCH = f"SELECT count(*) FROM {P}.app_user u {JA}"
for kind, title, load in (("common", "search: common term (a first name)", True),
                          ("rare", "search: rare term (8 hex of a customer_id)", False),
                          ("accented", "search: accented name typed without accent", False),
                          ("phone", "search: phone digits typed as xxx-xxxx", False)):
    cols = "v, v2" if kind == "phone" else "v"
    p = pick(f"search_{kind}", cols)
    w = orm_search_where(":v")
    scenario(f"search_{kind}", "search", title,
             orm=p + "\n" + orm_page(f"{COUNT_SEARCH} WHERE {w}", sel(where=w, offset=0)),
             best=p + "\n" + best_search(":v::text", ":v2::text" if kind == "phone" else None),
             ext=p + "\n" + ext_list("jsonb_build_object('search', :v::text)"), load=load)

# --- pages --------------------------------------------------------------------------------
# The key of the row before the page, repeated on the relationship's appuser_id: the
# planner carries equalities across a join, not ranges.
KEYSET_ID = (f"FROM {U}\n    {JA}\n    LEFT JOIN {CR} ON cr.appuser_id = u.id AND cr.appuser_id > :k_id")
for name, title, random in (("page_middle", "page: middle (by id)", False),
                            ("page_random", "page: random (by id)", True)):
    p = pick(name, "off, k_id, cursor", random)
    scenario(name, "page", title,
             orm=p + "\n" + orm_page(COUNT_ALL, sel(offset=":off")),
             best=p + "\n" + stmt(sel(frm=KEYSET_ID, where="u.id > :k_id")),
             ext=p + "\n" + ext_list(cursor=":cursor"))

p = pick("page_last", "off", False)
scenario("page_last", "page", "page: last (by id)",
         orm=p + "\n" + orm_page(COUNT_ALL, sel(offset=":off")),
         best=p + "\n" + f"SELECT * FROM (\n{sel(order='u.id DESC')}) s\nORDER BY s.id;",
         ext=p + "\n" + ext_list(limit=-PAGE))

walk_orm, walk_best, walk_ext = [], [], []
for i in range(20):
    walk_orm.append(orm_page(COUNT_ALL, sel(offset=i * PAGE)))
    if i == 0:
        walk_best.append(sel() + " \\aset")
        walk_ext.append(ext_list(suffix=" \\aset"))
    else:
        walk_best.append(sel(frm=KEYSET_ID.replace(":k_id", ":id"), where="u.id > :id") + " \\aset")
        walk_ext.append(ext_list(cursor=":cursor", suffix=" \\aset"))
scenario("page_walk20", "page", "page: walk pages 1 to 20 (one transaction)",
         orm="\n".join(walk_orm), best="\n".join(walk_best), ext="\n".join(walk_ext))

p = pick("page_middle_by_name", "off, k_id, k_text, cursor", False)
scenario("page_middle_by_name", "page", "page: middle, sorted by last_name",
         orm=p + "\n" + orm_page(COUNT_ALL, sel(order="u.last_name, u.id", offset=":off")),
         best=p + "\n" + stmt(sel(where="(u.last_name, u.id) > (:k_text::text, :k_id::bigint)", order="u.last_name, u.id")),
         ext=p + "\n" + ext_list(sort="'{last_name}'", cursor=":cursor"))

# --- counts -------------------------------------------------------------------------------
scenario("count_exact", "count", "count: all contacts, exact",
         orm=COUNT_ALL + ";", best=COUNT_ALL + ";", ext="SELECT contacts_count('{}');")
scenario("count_planned", "count", "count: all contacts, planned (ORM: exact)",
         orm=COUNT_ALL + ";",
         best=f"SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = '{P}.app_user'::regclass;",
         ext="SELECT contacts_count('{}', 'planned');")
p = pick("country", "v")
CF = f"{COUNT_A} WHERE a.country = :v"
scenario("count_exact_filter", "count", "count: country = x, exact",
         orm=p + "\n" + CF + ";", best=p + "\n" + CF + ";",
         ext=p + "\n" + "SELECT contacts_count(jsonb_build_object('country', :v::text));")
scenario("count_planned_filter", "count", "count: country = x, planned (ORM: exact)",
         orm=p + "\n" + CF + ";",
         best=p + "\n" + f"SELECT {P}.count_estimate(format('SELECT 1 FROM {P}.app_user u JOIN {P}.address a "
                         f"ON a.id = u.address_id WHERE a.country = %L', :v::text));",
         ext=p + "\n" + "SELECT contacts_count(jsonb_build_object('country', :v::text), 'planned');")

# --- floors: what the machine does at all (strategy-independent) ---------------------------
FLOORS = []
FLOORS.append(dict(name="floor_select1", title="floor: SELECT 1", sql="SELECT 1;"))
FLOORS.append(dict(name="floor_pick", title="floor: the pick lookup alone",
                   sql=pick("first_name", "v")))
ids = "\n".join(f"\\set r{i} random(1, :contacts)" for i in range(1, PAGE + 1))
FLOORS.append(dict(name="floor_pk50", title="floor: 50 random contacts by primary key, joined",
                   sql=ids + "\n" + f"SELECT {COLS}\nFROM public.app_user u\n"
                   "    LEFT JOIN public.address a ON a.id = u.address_id\n"
                   "    LEFT JOIN public.customer_relationship cr ON cr.appuser_id = u.id\n"
                   "WHERE u.id IN (" + ", ".join(f":r{i}" for i in range(1, PAGE + 1)) + ");"))
FLOORS.append(dict(name="floor_pk50_range", title="floor: 50 consecutive contacts by primary-key range, joined",
                   sql=f"\\set k random(1, :contacts - {PAGE - 1})\n" + f"SELECT {COLS}\nFROM public.app_user u\n"
                   "    LEFT JOIN public.address a ON a.id = u.address_id\n"
                   "    LEFT JOIN public.customer_relationship cr ON cr.appuser_id = u.id\n"
                   f"        AND cr.appuser_id BETWEEN :k AND :k + {PAGE - 1}\n"
                   f"WHERE u.id BETWEEN :k AND :k + {PAGE - 1};"))


def header(s, variant):
    who = {"orm": "strategies 1-3 (naive ORM SQL; +btree; +pg_trgm)", "best": "strategy 4 (hand-written SQL)",
           "ext": "strategy 5 (contacts_list)", "floor": "every strategy (floor)"}[variant]
    return f"-- {s['name']}: {s['title']}\n-- {who}. Generated by bench/scenarios/generate.py; pgbench -M prepared.\n"


def files():
    out = {}
    for s in SCENARIOS:
        for v in ("orm", "best", "ext"):
            out[f"{s['name']}/{v}.sql"] = header(s, v) + s[v].rstrip() + "\n"
    for f in FLOORS:
        out[f"{f['name']}/floor.sql"] = header(f, "floor") + f["sql"].rstrip() + "\n"
    lines = ["# name\tgroup\tload\ttitle  (generated by generate.py; the runner's order)"]
    for s in SCENARIOS:
        lines.append(f"{s['name']}\t{s['group']}\t{'load' if s['load'] else '-'}\t{s['title']}")
    for f in FLOORS:
        lines.append(f"{f['name']}\tfloor\tload\t{f['title']}")
    out["scenarios.tsv"] = "\n".join(lines) + "\n"
    return out


def main():
    check = "--check" in sys.argv[1:]
    bad = []
    for rel, text in files().items():
        path = os.path.join(HERE, rel)
        old = open(path).read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            bad.append(rel)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
            print("wrote", rel)
    if bad:
        print("out of date (run bench/scenarios/generate.py):", " ".join(bad), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
