#!/usr/bin/env python3
"""The benchmark's Python half (bench/run.sh calls it; python3 + python3-matplotlib).

    report.py explain SCRIPT VARIANT OUT_EXPLAIN OUT_IDS [-v name=value ...]
        Turns a pgbench script into a psql session on the current PG* connection:
        runs it once with the first pick (n = 1), executes each data statement 5
        times as a prepared statement (as pgbench -M prepared does, so the plan
        cache settles), then saves EXPLAIN (ANALYZE, BUFFERS) of up to three data
        statements (contacts_explain(..., true) for contacts_list) and the first
        column of the last statement's rows (the ids, to check that the strategies
        return the same rows).

    report.py report OUT_DIR
        Reads OUT_DIR/raw (runs.tsv, setup.tsv, meta.json, pgbench logs and
        outputs, ids) and writes results.csv, results.json, report.md and the
        charts (latency.png, ratio.png, tps.png) into OUT_DIR.
"""
import csv
import glob
import json
import math
import os
import re
import subprocess
import sys

STRATEGIES = [  # id, label, SQL variant
    ("naive", "1 naive ORM", "orm"),
    ("btree", "2 +btree", "orm"),
    ("trgm", "3 +pg_trgm", "orm"),
    ("best", "4 hand-written", "best"),
    ("ext", "5 contacts_list", "ext"),
]
LABEL = {s: l for s, l, _ in STRATEGIES}
PLAIN = ["naive", "btree", "trgm", "best"]
DEEP_PAGES = ["page_middle", "page_random", "page_last", "page_middle_by_name"]
VAR_RE = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


# --------------------------------------------------------------------------- explain

def parse_script(text):
    """pgbench script -> list of ('meta', line) / ('sql', text, kind) with kind in
    {'plain', 'gset', 'aset'}."""
    cmds, buf = [], []
    for line in text.splitlines():
        s = line.strip()
        if not buf and (not s or s.startswith("--")):
            continue
        if not buf and s.startswith("\\"):
            cmds.append(("meta", s))
            continue
        buf.append(line)
        for kind in ("gset", "aset"):
            if s.endswith("\\" + kind):
                sql = "\n".join(buf).rstrip()
                cmds.append(("sql", sql[: -len(kind) - 1].rstrip(), kind))
                buf = []
                break
        else:
            if s.endswith(";"):
                cmds.append(("sql", "\n".join(buf).rstrip().rstrip(";"), "plain"))
                buf = []
    if buf:
        cmds.append(("sql", "\n".join(buf), "plain"))
    return cmds


def quoted(sql):
    return VAR_RE.sub(lambda m: ":'%s'" % m.group(1), sql)


def prepared(sql):
    names = []

    def sub(m):
        if m.group(1) not in names:
            names.append(m.group(1))
        return "$%d" % (names.index(m.group(1)) + 1)
    return VAR_RE.sub(sub, sql), names


def matching_paren(s, start):
    depth, i, quote = 0, start, False
    while i < len(s):
        c = s[i]
        if c == "'":
            quote = not quote
        elif not quote and c == "(":
            depth += 1
        elif not quote and c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced parentheses")


def to_contacts_explain(sql):
    i = sql.index("contacts_list(")
    j = matching_paren(sql, i + len("contacts_list"))
    return "SELECT * FROM contacts_explain(" + sql[i + len("contacts_list("):j] + ", true)"


def explain_session(script_text, variant):
    cmds = parse_script(script_text)
    data = [k for k, c in enumerate(cmds) if c[0] == "sql" and "bench_keys.pick" not in c[1]]
    explain_at = data[:2] + data[-1:] if len(data) > 3 else data
    shown = []
    out = ["\\set ON_ERROR_STOP on", "\\pset pager off", "\\pset format unaligned", "\\pset tuples_only on",
           "\\pset footer off", "SET client_min_messages = warning;"]
    for k, c in enumerate(cmds):
        if c[0] == "meta":
            m = re.match(r"\\set\s+(\w+)\s+random\(\s*([^,]+),", c[1])
            if m:
                out.append("\\set %s %s" % (m.group(1), m.group(2).strip()))
            else:
                out.append(c[1])
            continue
        sql, kind = c[1], c[2]
        if kind == "gset":
            out.append(quoted(sql) + " \\gset")
            continue
        if kind == "aset":  # the last row's columns, as pgbench's \aset leaves them
            body = quoted(sql)
            run = "WITH _q AS MATERIALIZED (%s) SELECT * FROM _q OFFSET (SELECT count(*) - 1 FROM _q) \\gset" % body
        warm_n = 0 if variant == "orm" else 5  # the ORM's costs are execution, not planning
        if variant == "ext" or "contacts_" in sql:
            q = quoted(sql)
            warm = ["\\o /dev/null"] + [q + ";"] * warm_n + ["\\o"]
            explain = (to_contacts_explain(q) + ";") if "contacts_list(" in q else "EXPLAIN (ANALYZE, BUFFERS) " + q + ";"
            ids = q + ";"
        else:
            text, names = prepared(sql)
            name = "s%d" % k
            args = "(" + ", ".join(":'%s'" % n for n in names) + ")" if names else ""
            out.append("PREPARE %s AS %s;" % (name, text))
            warm = ["\\o /dev/null"] + ["EXECUTE %s%s;" % (name, args)] * warm_n + ["\\o"]
            explain = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE %s%s;" % (name, args)
            ids = "EXECUTE %s%s;" % (name, args)
        out += warm
        if k in explain_at:
            out += ["\\echo '@@explain'", explain]
            shown.append(sql)
        if k == data[-1]:
            out += ["\\echo '@@ids'", ids, "\\echo '@@end'"]
        if kind == "aset":
            out.append(run)
    return "\n".join(out) + "\n", shown


def cmd_explain(args):
    script, variant, out_explain, out_ids = args[:4]
    psql_vars = []
    rest = args[4:]
    while rest:
        if rest[0] == "-v":
            psql_vars += ["-v", rest[1]]
            rest = rest[2:]
        else:
            raise SystemExit("unexpected argument " + rest[0])
    session, shown = explain_session(open(script).read(), variant)
    p = subprocess.run(["psql", "-X", "-q"] + psql_vars, input=session, capture_output=True, text=True)
    text = p.stdout
    explain_part, ids_part = [], []
    section = None
    for line in text.splitlines():
        if line == "@@explain":
            section = "explain"
            sql = shown[len([l for l in explain_part if l == "@@@"])] if shown else ""
            explain_part += ["@@@", ""] + ["-- " + l for l in sql.splitlines()]
            continue
        if line == "@@ids":
            section = "ids"
            continue
        if line == "@@end":
            section = None
            continue
        if section == "explain":
            explain_part.append(line)
        elif section == "ids":
            ids_part.append(line.split("|")[0])
    os.makedirs(os.path.dirname(out_explain), exist_ok=True)
    os.makedirs(os.path.dirname(out_ids), exist_ok=True)
    with open(out_explain, "w") as f:
        f.write("-- %s (%s): EXPLAIN (ANALYZE, BUFFERS) with the first pick, after %s\n" % (
            script, variant, "no earlier execution" if variant == "orm" else "5 executions (plan cache settled)"))
        f.write("\n".join(l for l in explain_part if l != "@@@").strip() + "\n")
        if p.returncode != 0:
            f.write("\n-- psql failed:\n" + p.stderr)
    with open(out_ids, "w") as f:
        if p.returncode == 0:
            f.write("\n".join(ids_part) + "\n")
        else:
            f.write("ERROR\n")
    return 0


# --------------------------------------------------------------------------- report

def percentile(sorted_vals, q):
    if not sorted_vals:
        return None
    k = (len(sorted_vals) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def read_latencies(prefix):
    """Per-transaction latencies (ms) from pgbench --log files. Each client's first
    transaction (it connects, prepares the statements and warms its caches) is left
    out when the client made at least three."""
    per_client = {}
    for path in glob.glob(prefix + ".*"):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6 and parts[2].isdigit():
                    per_client.setdefault((path, parts[0]), []).append((int(parts[1]), int(parts[2]) / 1000.0))
    lat = []
    for txs in per_client.values():
        txs.sort()
        lat += [t for _, t in (txs[1:] if len(txs) >= 3 else txs)]
    lat.sort()
    return lat


def parse_pgbench(stdout_path, stderr_path):
    out = open(stdout_path).read() if os.path.exists(stdout_path) else ""
    err = open(stderr_path).read() if os.path.exists(stderr_path) else ""
    r = {}
    # A run measured in slices (the headline pair, see run.sh) has one block
    # of output per slice, of (nearly) equal length: TPS is their mean.
    tps = [float(v) for v in re.findall(r"tps = ([0-9.]+) \(without initial connection time\)", out)]
    r["tps"] = sum(tps) / len(tps) if tps else None
    r["transactions"] = sum(int(v) for v in re.findall(r"number of transactions actually processed: (\d+)", out))
    r["failed"] = sum(int(v) for v in re.findall(r"number of failed transactions: (\d+)", out))
    errs = re.findall(r"(ERROR:.*)", err)
    aborted = len(re.findall(r"aborted in command", err))
    r["aborted_clients"] = aborted
    r["error"] = errs[0].strip() if errs else ("" if not aborted else "client aborted")
    return r


def fmt_ms(v):
    if v is None:
        return "–"
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    if v >= 1:
        return "%.2f" % v
    return "%.3f" % v


def fmt_ratio(v):
    if v is None:
        return "–"
    return ("%.0f×" % v) if v >= 100 else ("%.1f×" % v) if v >= 10 else ("%.2f×" % v)


def load_rows(out):
    raw = os.path.join(out, "raw")
    runs = []
    with open(os.path.join(raw, "runs.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            runs.append(r)
    rows = []
    for r in runs:
        row = dict(strategy=r["strategy"], scenario=r["scenario"], group=r["group"], clients=int(r["clients"]),
                   duration_s=float(r["duration"]), status=r["status"], tps=None, transactions=0, failed=0,
                   lat_median_ms=None, lat_p95_ms=None, lat_p99_ms=None, lat_mean_ms=None, error="",
                   has_pick=r.get("has_pick") == "1", rows_match="")
        if r["status"] in ("ok", "error"):
            p = parse_pgbench(os.path.join(raw, r["stdout"]), os.path.join(raw, r["stderr"]))
            lat = read_latencies(os.path.join(raw, r["log_prefix"]))
            row.update(tps=p["tps"], transactions=len(lat) or p["transactions"], failed=p["failed"], error=p["error"])
            if lat:
                row.update(lat_median_ms=percentile(lat, 0.5), lat_p95_ms=percentile(lat, 0.95),
                           lat_p99_ms=percentile(lat, 0.99), lat_mean_ms=sum(lat) / len(lat))
            if not lat:
                row["status"] = "error"
            elif p["aborted_clients"] or r["status"] == "error":
                row["status"] = "partial"
            if row["tps"] is None and lat and row["duration_s"] > 0:
                row["tps"] = len(lat) / row["duration_s"]
        rows.append(row)
    # Same rows as contacts_list? (ids of the first pick's page, saved by `explain`)
    ids = {}
    for path in glob.glob(os.path.join(raw, "ids", "*", "*.txt")):
        strategy = os.path.basename(os.path.dirname(path))
        ids[(strategy, os.path.basename(path)[:-4])] = open(path).read().split()
    for row in rows:
        if row["group"] == "floor" or row["clients"] != 1 or "planned" in row["scenario"]:
            continue
        mine, ref = ids.get((row["strategy"], row["scenario"])), ids.get(("ext", row["scenario"]))
        if mine is None:
            continue
        if mine == ["ERROR"]:
            row["rows_match"] = "error"
        elif row["strategy"] == "ext":
            row["rows_match"] = "ref (%d)" % len(mine)
        elif ref is None or ref == ["ERROR"]:
            best_ref = ids.get(("best", row["scenario"]))
            row["rows_match"] = "n/a" if row["strategy"] == "best" or best_ref is None else \
                ("= best" if mine == best_ref else "≠ best")
        else:
            row["rows_match"] = "yes" if mine == ref else "NO"
    return rows


def medians(rows, clients=1):
    m = {}
    for r in rows:
        if r["clients"] == clients and r["lat_median_ms"] is not None and r["status"] in ("ok", "partial"):
            m[(r["strategy"], r["scenario"])] = r
    return m


def charts(out, rows, scenarios, floors, load_scenarios):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report.py: matplotlib not available, no charts (apt-get install python3-matplotlib)", file=sys.stderr)
        return []
    made = []
    m = medians(rows)
    colors = {"naive": "#d62728", "btree": "#ff7f0e", "trgm": "#bcbd22", "best": "#1f77b4", "ext": "#2ca02c"}
    names = [s for s in scenarios if any((st, s) in m for st, _, _ in STRATEGIES)]
    if names:
        fig, ax = plt.subplots(figsize=(max(10, len(names) * 0.75), 6))
        width = 0.16
        for i, (st, label, _) in enumerate(STRATEGIES):
            xs, ys, err = [], [], []
            for j, s in enumerate(names):
                r = m.get((st, s))
                if r:
                    xs.append(j + (i - 2) * width)
                    ys.append(r["lat_median_ms"])
                    err.append(max(r["lat_p95_ms"] - r["lat_median_ms"], 0))
            ax.bar(xs, ys, width, label=label, color=colors[st], yerr=[[0] * len(err), err], capsize=1.5,
                   error_kw=dict(lw=0.6))
        ax.set_yscale("log")
        ax.set_xticks(range(len(names)))
        ax.set_xticklabels(names, rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("median latency per transaction, ms (log; whisker: p95)")
        ax.set_title("Latency per scenario and strategy, 1 client")
        ax.grid(axis="y", which="both", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(out, "latency.png"), dpi=110)
        plt.close(fig)
        made.append("latency.png")

        fig, ax = plt.subplots(figsize=(max(10, len(names) * 0.75), 6))
        for i, (st, label, _) in enumerate(STRATEGIES):
            xs, ys = [], []
            for j, s in enumerate(names):
                # A failed run has no latency (0): it has no ratio either,
                # and a log-scale chart cannot show 0.
                plain = [m[(p, s)]["lat_median_ms"] for p in PLAIN
                         if (p, s) in m and m[(p, s)]["lat_median_ms"] > 0]
                r = m.get((st, s))
                if r and plain and r["lat_median_ms"] > 0:
                    xs.append(j + (i - 2) * width)
                    ys.append(r["lat_median_ms"] / min(plain))
            ax.bar(xs, ys, width, label=label, color=colors[st])
        ax.axhline(1.0, color="black", lw=0.8)
        ax.axhline(1.15, color="black", lw=0.8, ls="--")
        ax.set_yscale("log")
        ax.set_xticks(range(len(names)))
        ax.set_xticklabels(names, rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("median ÷ best plain-SQL median (log; dashed: 1.15)")
        ax.set_title("Ratio to the best plain SQL (strategies 1-4) per scenario, 1 client")
        ax.grid(axis="y", which="both", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(out, "ratio.png"), dpi=110)
        plt.close(fig)
        made.append("ratio.png")

    load = [s for s in load_scenarios if any(r["scenario"] == s and r["tps"] for r in rows)]
    if load:
        fig, axes = plt.subplots(1, len(load), figsize=(5 * len(load), 4.5), squeeze=False)
        for ax, s in zip(axes[0], load):
            for st, label, _ in STRATEGIES:
                pts = sorted((r["clients"], r["tps"]) for r in rows
                             if r["strategy"] == st and r["scenario"] == s and r["tps"])
                if pts:
                    ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label, color=colors[st])
            for f, style in zip(floors, (":", "--", "-.", (0, (5, 1, 1, 1, 1, 1)))):
                pts = sorted((r["clients"], r["tps"]) for r in rows if r["scenario"] == f and r["tps"])
                if pts:
                    ax.plot([p[0] for p in pts], [p[1] for p in pts], color="gray", ls=style, label=f)
            ax.set_yscale("log")
            ax.set_xlabel("clients (pgbench -c, -j 2)")
            ax.set_ylabel("transactions per second (log)")
            ax.set_title(s)
            ax.grid(which="both", alpha=0.3)
        axes[0][0].legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(os.path.join(out, "tps.png"), dpi=110)
        plt.close(fig)
        made.append("tps.png")
    return made


def cmd_report(args):
    out = args[0]
    raw = os.path.join(out, "raw")
    meta = json.load(open(os.path.join(raw, "meta.json")))
    setup = []
    if os.path.exists(os.path.join(raw, "setup.tsv")):
        with open(os.path.join(raw, "setup.tsv")) as f:
            setup = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    manifest = []
    with open(meta["manifest"]) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, group, load, title = line.rstrip("\n").split("\t")
            manifest.append(dict(name=name, group=group, load=load == "load", title=title))
    scenarios = [s["name"] for s in manifest if s["group"] != "floor"]
    floors = [s["name"] for s in manifest if s["group"] == "floor"]
    titles = {s["name"]: s["title"] for s in manifest}
    rows = load_rows(out)

    fields = ["strategy", "scenario", "group", "clients", "duration_s", "status", "transactions", "failed", "tps",
              "lat_median_ms", "lat_p95_ms", "lat_p99_ms", "lat_mean_ms", "rows_match", "error"]
    with open(os.path.join(out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})

    m = medians(rows)
    pick = m.get(("floor", "floor_pick"))
    pick_ms = pick["lat_median_ms"] if pick else 0.0

    def ratio(a, b, net=False, has_pick=False):
        if a is None or b is None:
            return None
        if net and has_pick and pick_ms and min(a, b) > 2 * pick_ms:
            a, b = a - pick_ms, b - pick_ms
        return a / b if b > 0 else None

    summary = []
    for s in scenarios:
        e = {"scenario": s, "title": titles[s]}
        for st, _, _ in STRATEGIES:
            r = m.get((st, s))
            e[st] = r
        ext, best, naive = e["ext"], e["best"], e["naive"]
        hp = bool(ext and ext["has_pick"]) or bool(best and best["has_pick"])
        e["ext_vs_best"] = ratio(ext and ext["lat_median_ms"], best and best["lat_median_ms"])
        e["ext_vs_best_net"] = ratio(ext and ext["lat_median_ms"], best and best["lat_median_ms"], True, hp)
        e["naive_vs_ext"] = ratio(naive and naive["lat_median_ms"], ext and ext["lat_median_ms"])
        plain = [e[p]["lat_median_ms"] for p in PLAIN if e[p]]
        e["best_plain"] = min(plain) if plain else None
        summary.append(e)

    status_of = {}
    for r in rows:
        if r["clients"] == 1:
            status_of[(r["strategy"], r["scenario"])] = r

    def cell(st, s):
        r = status_of.get((st, s))
        if r is None:
            return "–"
        if r["status"] in ("error",):
            return "error"
        if r["status"] in ("skipped", "interrupted"):
            return r["status"]
        t = "%s (%s)" % (fmt_ms(r["lat_median_ms"]), fmt_ms(r["lat_p95_ms"]))
        if r["status"] == "partial":
            t += " *"
        return t

    L = []
    L.append("# contacts_ext benchmark: %s contacts" % "{:,}".format(meta["scale"]))
    L.append("")
    L.append("- **Command:** `%s`" % meta["command"])
    L.append("- **Date:** %s" % meta["date"])
    if meta.get("code"):
        L.append("- **Code:** commit %s" % meta["code"])
    L.append("- **Machine:** %s" % meta["machine"])
    L.append("- **PostgreSQL:** %s; cluster settings: %s" % (meta["pg_version"], meta["settings"]))
    L.append("- **Load:** pgbench -M prepared, %s s per run, -j 2; 1 client for the latency table; "
             "%s clients for the load table. Latency = one pgbench transaction (see 'pick' below), "
             "from per-transaction logs (`pgbench --log`). At 1 client, strategies 4 and 5 are measured "
             "interleaved: 2-second slices alternating 4 5, 5 4, 4 5, ... (%s s each in all), so a change "
             "in the machine's load falls on both." % (meta["duration"], ", ".join(map(str, meta["clients"])),
                                                       meta["duration"]))
    L.append("- **Total time:** %s" % meta.get("elapsed", "?"))
    if meta.get("interrupted"):
        L.append("- **Interrupted** before the end: missing cells were not measured.")
    L.append("")
    L.append("Strategies, all on the same rows (seeded once with `contacts_seed(%s, %s)`; strategies 1-4 read a "
             "copy in schema `bench_plain`, same ids, same physical order):" % (meta["scale"], meta["seed"]))
    L.append("")
    L.append("1. **naive ORM**: what Django + DRF send — `SELECT COUNT(*)` then `LIMIT 50 OFFSET n`, `ILIKE '%term%'`, "
             "only primary, foreign and unique keys (and Django's index on the foreign key).")
    L.append("2. **+btree**: the same SQL with the btree indexes a careful team adds (the extension's own btree set).")
    L.append("3. **+pg_trgm**: the same SQL plus pg_trgm GIN indexes (raw and accent-folded columns).")
    L.append("4. **hand-written**: the best SQL on 3's indexes — keyset pages, the redundant range on the joined "
             "table, one ordered scan per NULL segment, UNION per table for search, no COUNT(*).")
    L.append("5. **contacts_list**: `contacts_list` / `contacts_count` with the extension's own indexes.")
    L.append("")
    L.append("## Latency, 1 client: median (p95) in ms")
    L.append("")
    L.append("| scenario | 1 naive | 2 +btree | 3 +pg_trgm | 4 hand-written | 5 contacts_list | 5 ÷ 4 | 1 ÷ 5 | same rows |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for e in summary:
        s = e["scenario"]
        net = e["ext_vs_best_net"]
        r54 = fmt_ratio(e["ext_vs_best"])
        if net is not None and e["ext_vs_best"] is not None and abs(net - e["ext_vs_best"]) > 0.005:
            r54 += " (%s)" % fmt_ratio(net)
        match = []
        for st in ("naive", "best"):
            r = status_of.get((st, s))
            if r and r["rows_match"] and r["rows_match"] != "yes":
                match.append("%s: %s" % (st, r["rows_match"]))
        ext_row = status_of.get(("ext", s))
        same = "; ".join(match) if match else ("yes" if ext_row and ext_row["rows_match"].startswith("ref") else "–")
        L.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            s, cell("naive", s), cell("btree", s), cell("trgm", s), cell("best", s), cell("ext", s),
            r54, fmt_ratio(e["naive_vs_ext"]), same))
    L.append("")
    L.append("5 ÷ 4: contacts_list's median over the hand-written SQL's (the headline ratio; in parentheses, net of "
             "the pick lookup both pay, %s ms). 1 ÷ 5: how many times faster contacts_list is than the naive ORM. "
             "`*`: some transactions failed or hit the statement timeout. Same rows: every strategy's page for "
             "the first pick compared with contacts_list's (naive search misses accented and phone-formatted "
             "matches by design; planned counts are estimates)." % fmt_ms(pick_ms))
    L.append("")
    L.append("Scenarios: " + "; ".join("`%s` %s" % (s, titles[s]) for s in scenarios) + ".")
    L.append("")

    load_scen = [s["name"] for s in manifest if s["load"]]
    clients = sorted({r["clients"] for r in rows})
    if len(clients) > 1 or any(r["group"] == "floor" for r in rows):
        L.append("## Throughput under load: TPS (median / p95 latency in ms)")
        L.append("")
        L.append("| scenario | strategy | " + " | ".join("%d client%s" % (c, "" if c == 1 else "s") for c in clients) + " |")
        L.append("|---|---|" + "---:|" * len(clients))
        for s in load_scen:
            sts = [("floor", "floor")] if s in floors else [(st, LABEL[st]) for st, _, _ in STRATEGIES]
            for st, label in sts:
                cells = []
                for c in clients:
                    r = next((x for x in rows if x["strategy"] == st and x["scenario"] == s and x["clients"] == c), None)
                    if r is None or r["status"] in ("skipped", "interrupted"):
                        cells.append(r["status"] if r else "–")
                    elif r["status"] == "error" or r["tps"] is None:
                        cells.append("error")
                    else:
                        cells.append("%s (%s / %s)%s" % ("{:,.0f}".format(r["tps"]), fmt_ms(r["lat_median_ms"]),
                                                         fmt_ms(r["lat_p95_ms"]), " *" if r["status"] == "partial" else ""))
                if any(c != "–" for c in cells):
                    L.append("| %s | %s | %s |" % (s, label, " | ".join(cells)))
        L.append("")
        L.append("Floors: `floor_select1` is `SELECT 1`; `floor_pick` the one-row lookup scenarios use to draw "
                 "their values; `floor_pk50` fetches 50 random contacts by primary key with both joins, "
                 "`floor_pk50_range` 50 consecutive ones (a first page's work without the ORDER BY) — what "
                 "the machine can do at all, so every figure can be read as a ratio to it. TPS is exact; under "
                 "load pgbench stamps a transaction's end once per pass of its thread's event loop (25 clients "
                 "per thread at 50), so sub-millisecond latencies read low there.")
        L.append("")

    # Goals
    L.append("## Goals (from the issues), read from this run")
    L.append("")
    within = [(e["scenario"], e["ext_vs_best_net"]) for e in summary if e["ext_vs_best_net"] is not None]
    missing = [e["scenario"] for e in summary if e["ext_vs_best_net"] is None]
    bad = [(s, r) for s, r in within if r > 1.15]
    L.append("- contacts_list median within 1.15× of the hand-written SQL in every scenario: **%s** (%d measured; "
             "over: %s; not measured or failed: %s)" % (
                 "met" if within and not bad and not missing else "not met", len(within),
                 ", ".join("%s %s" % (s, fmt_ratio(r)) for s, r in bad) or "none", ", ".join(missing) or "none"))
    for label, group in (("deep pages", DEEP_PAGES), ("counts", [s for s in scenarios if s.startswith("count")]),
                         ("search", [s for s in scenarios if s.startswith("search")])):
        vals = [(e["scenario"], e["naive_vs_ext"]) for e in summary if e["scenario"] in group]
        ok = [v for v in vals if v[1] is not None and v[1] >= 10]
        L.append("- ≥ 10× faster than the naive ORM on %s: **%s** (%s)" % (
            label, "met" if vals and len(ok) == len(vals) else "not met",
            ", ".join("%s %s" % (s, fmt_ratio(r) if r is not None else "n/a") for s, r in vals)))
    top = max(clients) if clients else 1
    ext_fp = next((r for r in rows if r["strategy"] == "ext" and r["scenario"] == "initial_list" and r["clients"] == top), None)
    for fname, what in (("floor_pk50", "50 random contacts by primary key (the field notes' floor)"),
                        ("floor_pk50_range", "50 consecutive contacts by primary-key range (the same work as a first page; stricter)")):
        floor = next((r for r in rows if r["scenario"] == fname and r["clients"] == top), None)
        if ext_fp and floor and ext_fp["tps"] and floor["tps"]:
            share = ext_fp["tps"] / floor["tps"]
            L.append("- at %d clients, contacts_list's first-page TPS ≥ 50%% of the 50-row primary-key join floor, "
                     "%s: **%s** (%s vs %s TPS = %.0f%%)" % (
                         top, what, "met" if share >= 0.5 else "not met", "{:,.0f}".format(ext_fp["tps"]),
                         "{:,.0f}".format(floor["tps"]), share * 100))
    L.append("")

    errors = [r for r in rows if r["error"]]
    if errors:
        L.append("## Errors")
        L.append("")
        seen = set()
        for r in errors:
            key = (r["strategy"], r["scenario"], r["error"])
            if key in seen:
                continue
            seen.add(key)
            L.append("- %s / %s (%d client%s): `%s`" % (r["strategy"], r["scenario"], r["clients"],
                                                       "" if r["clients"] == 1 else "s", r["error"][:200]))
        L.append("")
    skipped = [r for r in rows if r["status"] in ("skipped", "interrupted")]
    if skipped:
        L.append("%d runs were not made (time budget `--max-minutes` or Ctrl-C)." % len(skipped))
        L.append("")
    if setup:
        L.append("## Setup")
        L.append("")
        L.append("| step | seconds |")
        L.append("|---|---:|")
        for step, secs in setup:
            L.append("| %s | %s |" % (step, secs))
        L.append("")
    made = charts(out, rows, scenarios, floors, [s for s in load_scen if s not in floors])
    if made:
        L.append("## Charts")
        L.append("")
        for png in made:
            L.append("![%s](%s)" % (png, png))
        L.append("")
    L.append("Files: `results.csv` (one row per run), `results.json` (the same with the run's settings), "
             "`explain/<strategy>/<scenario>.txt` (EXPLAIN ANALYZE of each scenario's statements; "
             "contacts_explain for contacts_list), `raw/` (pgbench logs and output; not committed).")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(L) + "\n")

    def clean(e):
        return {k: v for k, v in e.items() if k not in [st for st, _, _ in STRATEGIES]}
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(dict(meta=meta, setup=[dict(step=a, seconds=float(b)) for a, b in setup], pick_ms=pick_ms,
                       runs=rows, summary=[clean(e) for e in summary]), f, indent=1, default=str)
    print("\n".join(L[:0]))
    return 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("explain", "report"):
        print(__doc__, file=sys.stderr)
        return 2
    return {"explain": cmd_explain, "report": cmd_report}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
