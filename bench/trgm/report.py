"""bench/trgm: report.md from results.csv (see run.sh)."""
import csv
import datetime
import os
import platform
import statistics
import sys

out, scale, runs = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(f"{out}/results.csv")))
builds = [r for r in rows if r["kind"] == "build"]
lat = [r for r in rows if r["kind"] != "build"]

# The run's start, from the directory name (trgm-YYYYmmddTHHMMSSZ).
try:
    started = datetime.datetime.strptime(os.path.basename(os.path.normpath(out))[5:], "%Y%m%dT%H%M%SZ")
except ValueError:
    started = datetime.datetime.utcnow()
L = [f"# contacts_trgm_ops vs pg_trgm, {int(scale):,} contacts", "",
     f"{started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.platform()}; "
     f"same cluster, same data (two identical tables), one run.", "",
     "## Index build time and size", "",
     "| column | ours: build (s) | pg_trgm: build (s) | ours: size (MB) | pg_trgm: size (MB) |",
     "|---|---:|---:|---:|---:|"]
by = {(r["engine"], r["column"]): r for r in builds}
tot = {"ours": [0.0, 0], "pg_trgm": [0.0, 0]}
for col in ["first_name", "last_name", "street", "city", "country"]:
    o, p = by.get(("ours", col)), by.get(("pg_trgm", col))
    if not o or not p:
        continue
    for e, r in (("ours", o), ("pg_trgm", p)):
        tot[e][0] += float(r["build_s"])
        tot[e][1] += int(r["size_bytes"])
    L.append(f"| {col} | {float(o['build_s']):.1f} | {float(p['build_s']):.1f} | "
             f"{int(o['size_bytes']) / 1048576:.2f} | {int(p['size_bytes']) / 1048576:.2f} |")
L.append(f"| **total** | **{tot['ours'][0]:.1f}** | **{tot['pg_trgm'][0]:.1f}** | "
         f"**{tot['ours'][1] / 1048576:.2f}** | **{tot['pg_trgm'][1] / 1048576:.2f}** |")
extra = [r for r in builds if r["column"].startswith("unaccent(")]
if extra:
    L += ["", "pg_trgm's accent-insensitive search needs a second index per column: " +
          ", ".join(f"{r['column']} {float(r['build_s']):.1f} s, {int(r['size_bytes']) / 1048576:.0f} MB" for r in extra) +
          ". contacts_trgm_ops serves it from the same index."]

L += ["", "## Latency (ms, server-side, planning included)", "",
      f"Median and p95 of up to {runs} runs of each engine after a warm-up, the two engines' runs alternating "
      "(A B B A …) in one session. *ratio* = pg_trgm median ÷ ours.", "",
      "| case | column | term | rows | ours median | ours p95 | pg_trgm median | pg_trgm p95 | ratio |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|"]
pairs = {}
for r in lat:
    pairs.setdefault((r["kind"], r["column"], r["len"], r["freq"], r["shape"], r["term"]), {})[r["engine"]] = r
ratios = {}
for key in sorted(pairs, key=lambda k: (k[0], k[4], int(k[2]), k[3], k[1])):
    kind, col, ln, freq, shape, term = key
    o, p = pairs[key].get("ours"), pairs[key].get("pg_trgm")
    if not o or not p:
        continue
    ratio = float(p["median_ms"]) / max(float(o["median_ms"]), 1e-3)
    ratios.setdefault((kind, shape, ln, freq), []).append(ratio)
    rows_txt = o["rows"] if o["rows"] == p["rows"] else f"{o['rows']} / {p['rows']}"
    L.append(f"| {kind} {ln}-letter {freq}, {'ORDER BY id LIMIT 50' if shape == 'top50' else 'count(*)'} | {col} | "
             f"{term} | {rows_txt} | {float(o['median_ms']):.2f} | {float(o['p95_ms']):.2f} | "
             f"{float(p['median_ms']):.2f} | {float(p['p95_ms']):.2f} | {ratio:.1f}× |")

L += ["", "## Summary: pg_trgm median ÷ ours median, geometric mean over the columns", "",
      "| case | 2 letters | 3 letters | 4 letters | 6 letters |", "|---|---:|---:|---:|---:|"]
for kind in ["icontains", "unaccent"]:
    for shape in ["all", "top50"]:
        for freq in ["common", "mid", "rare"]:
            cells = []
            for ln in ["2", "3", "4", "6"]:
                v = ratios.get((kind, shape, ln, freq))
                cells.append(f"{statistics.geometric_mean(v):.1f}×" if v else "–")
            if any(c != "–" for c in cells):
                L.append(f"| {kind}, {freq}, {'ORDER BY id LIMIT 50' if shape == 'top50' else 'count(*)'} | " +
                         " | ".join(cells) + " |")
worst = min((float(pairs[k]['pg_trgm']['median_ms']) / max(float(pairs[k]['ours']['median_ms']), 1e-3), k)
            for k in pairs if 'ours' in pairs[k] and 'pg_trgm' in pairs[k]) if pairs else None
if worst:
    L += ["", f"Smallest ratio: {worst[0]:.2f}× ({worst[1][0]}, {worst[1][1]}, '{worst[1][5]}', {worst[1][4]})."]
L += ["", "Queries: icontains is `col ~~*@ '%term%'` (ours: exactly ILIKE, contacts_ext's estimate) vs "
      "`col ILIKE '%term%'`; unaccent is `col @~~ '%term%'` vs `f_unaccent(col) ILIKE f_unaccent('%term%')` "
      "with pg_trgm's index on `f_unaccent(col)`. Terms: per column and length, the most common letter "
      "sequence of a 1-in-30 sample (*common*), the one closest to 0.4% of its rows (*mid*) and the "
      "least common (*rare*). Settings: jit = off; the cluster's others "
      "(scripts/lib.sh). Statistics target: 1000 on our table's columns (as the extension ships), the "
      "default 100 on pg_trgm's.", "",
      f"Command: `bench/trgm/run.sh --scale {scale} --runs {runs}`"]
open(f"{out}/report.md", "w").write("\n".join(L) + "\n")
print("\n".join(L))
