#!/usr/bin/env bash
# The text-search benchmark cannot rot either: bench/trgm/run.sh at 20,000
# contacts and one run per case, on the test cluster, must build both engines'
# indexes, time all 144 cases with both engines, find the same rows with
# contacts_trgm_ops' ~~*@ as with ILIKE (it is ILIKE, served by our index),
# write its report, and leave the cluster running without its database.
source "$(dirname "$0")/lib.sh"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$CONTACTS_ROOT/bench/trgm/run.sh" --scale 20000 --runs 1 --cluster-dir "$CONTACTS_CLUSTER_DIR" --out "$out/t"

for f in report.md results.csv; do
    assert_eq "bench/trgm wrote $f" yes "$([ -s "$out/t/$f" ] && echo yes || echo no)"
done
assert_eq "the report has its summary table" yes \
    "$(grep -q '^## Summary' "$out/t/report.md" && echo yes || echo no)"

python3 - "$out/t/results.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
problems = []
builds = [r for r in rows if r["kind"] == "build"]
for engine in ("ours", "pg_trgm"):
    missing = {"first_name", "last_name", "street", "city", "country"} - {
        r["column"] for r in builds if r["engine"] == engine}
    if missing:
        problems.append(f"{engine}: no index built on {sorted(missing)}")
for r in builds:
    if not (float(r["build_s"] or 0) > 0 and int(r["size_bytes"] or 0) > 0):
        problems.append(f"build {r['engine']}/{r['column']}: time {r['build_s']!r}, size {r['size_bytes']!r}")
cases = {}
for r in rows:
    if r["kind"] == "build":
        continue
    key = (r["kind"], r["column"], r["len"], r["freq"], r["shape"], r["term"])
    cases.setdefault(key, {})[r["engine"]] = r
if len(cases) != 144:
    problems.append(f"{len(cases)} cases, expected 144")
for key, by_engine in sorted(cases.items()):
    if set(by_engine) != {"ours", "pg_trgm"}:
        problems.append(f"{key}: engines {sorted(by_engine)}")
        continue
    for engine, r in by_engine.items():
        if not r["median_ms"] or float(r["median_ms"]) <= 0 or r["runs"] != "1":
            problems.append(f"{key} {engine}: median {r['median_ms']!r}, runs {r['runs']!r}")
    # ~~*@ means exactly ILIKE: the same matches, whichever index serves them.
    if key[0] == "icontains" and by_engine["ours"]["rows"] != by_engine["pg_trgm"]["rows"]:
        problems.append(f"{key}: ours {by_engine['ours']['rows']} rows, ILIKE {by_engine['pg_trgm']['rows']}")
for p in problems:
    print("FAIL:", p)
print(f"ok: {len(cases)} cases, {len(builds)} index builds, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY

assert_eq "the benchmark database is dropped" 0 \
    "$(q postgres "SELECT count(*) FROM pg_database WHERE datname = 'trgmbench'")"
assert_eq "a cluster the benchmark did not start is left running" yes \
    "$(cluster_running "$CONTACTS_CLUSTER_DIR" && echo yes || echo no)"
