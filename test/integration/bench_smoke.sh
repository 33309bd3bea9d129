#!/usr/bin/env bash
# The benchmark cannot rot: bench/run.sh --smoke (5,000 contacts, 1 s per run)
# on the test cluster must measure every scenario for every strategy without
# an error, the plain-SQL variants must return contacts_list's rows, and the
# report, CSV, JSON and charts must be written.
source "$(dirname "$0")/lib.sh"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$CONTACTS_ROOT/bench/scenarios/generate.py" --check
"$CONTACTS_ROOT/bench/run.sh" --smoke --cluster-dir "$CONTACTS_CLUSTER_DIR" --out "$out/smoke"

for f in report.md results.csv results.json latency.png ratio.png tps.png; do
    assert_eq "bench --smoke wrote $f" yes "$([ -s "$out/smoke/$f" ] && echo yes || echo no)"
done

# Every (strategy, scenario) at 1 client is there and measured; floors too.
python3 - "$out/smoke" "$CONTACTS_ROOT/bench/scenarios/scenarios.tsv" <<'PY'
import csv, sys
out, manifest = sys.argv[1], sys.argv[2]
rows = {(r["strategy"], r["scenario"]): r for r in csv.DictReader(open(out + "/results.csv")) if r["clients"] == "1"}
problems = []
for line in open(manifest):
    if line.startswith("#") or not line.strip():
        continue
    name, group = line.split("\t")[:2]
    for st in (["floor"] if group == "floor" else ["naive", "btree", "trgm", "best", "ext"]):
        r = rows.get((st, name))
        if r is None:
            problems.append(f"{st}/{name}: no row")
        elif r["status"] not in ("ok", "partial") or not r["lat_median_ms"]:
            problems.append(f"{st}/{name}: {r['status']} {r['error']}")
        elif st == "best" and r["rows_match"] not in ("yes", ""):
            problems.append(f"{st}/{name}: rows differ from contacts_list's ({r['rows_match']})")
for p in problems:
    print("FAIL:", p)
print(f"ok: {len(rows)} runs at 1 client, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
assert_eq "explain saved for contacts_list" yes "$([ -s "$out/smoke/explain/ext/initial_list.txt" ] && echo yes || echo no)"
grep -q "Limit" "$out/smoke/explain/best/initial_list.txt"
echo "ok: explain output has a plan"
