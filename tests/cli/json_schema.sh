#!/usr/bin/env bash
# Checks that every command's JSON output has exactly the keys documented in docs/json.md.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/book.db"
for kind in customers contacts invoices payments; do
  "$bin" --db "$db" import "$kind" "$src/tests/data/book/$kind.csv" --as-of 2026-07-31 >/dev/null
done
"$bin" --db "$db" aging --as-of 2026-07-31 --by customer --format json >"$work/aging --by customer.json"
"$bin" --db "$db" aging --as-of 2026-07-31 --format json >"$work/aging.json"
"$bin" --db "$db" kpi --as-of 2026-07-31 --format json >"$work/kpi.json"
"$bin" --db "$db" statement MUELLER --as-of 2026-07-31 --format json >"$work/statement.json"
"$bin" --db "$db" plan --as-of 2026-07-31 --all --format json >"$work/plan.json"
# A case with one fact of every kind, so that no documented object is null.
{
  "$bin" --db "$db" done ACME reminder --as-of 2026-08-01
  "$bin" --db "$db" dispute open INV-003 --category quality --our-fault --note "12 valves leak" --as-of 2026-08-01
  "$bin" --db "$db" promise ACME --date 2026-08-15 --amount "USD 5000" --invoice INV-004 --as-of 2026-08-01
  "$bin" --db "$db" instalments ACME --schedule "2026-09-01:USD 3000" --as-of 2026-08-01
  "$bin" --db "$db" dispute resolve INV-003 --credit "USD 1005" --as-of 2026-08-05
  "$bin" --db "$db" done ACME report_to_insurer --as-of 2026-08-05
} >/dev/null
"$bin" --db "$db" case ACME --as-of 2026-08-05 --format json >"$work/case.json"
python3 - "$src/docs/json.md" "$work" <<'PY'
import json, re, sys
doc, work = sys.argv[1], sys.argv[2]
blocks = re.findall(r"```json ([^\n]+)\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)
def shape(v):
    if isinstance(v, dict):
        return {k: shape(x) for k, x in v.items()}
    if isinstance(v, list):
        return [shape(v[0])] if v else []
    return None
def compare(doc, out, path):
    problems = []
    if isinstance(doc, dict):
        if not doc:  # documented as {}: keys are data (e.g. currency codes)
            return [] if isinstance(out, dict) else [f"{path}: expected an object"]
        if not isinstance(out, dict):
            return [f"{path}: expected an object"]
        if list(doc) != list(out):
            problems.append(f"{path}: keys {list(out)} differ from documented {list(doc)}")
        for k in doc:
            if k in out:
                problems += compare(doc[k], out[k], f"{path}.{k}")
    elif isinstance(doc, list) and doc and isinstance(out, list) and out:
        for i, item in enumerate(out):
            problems += compare(doc[0], item, f"{path}[{i}]")
    return problems
failed = 0
for name, body in blocks:
    documented = shape(json.loads(body))
    actual = json.load(open(f"{work}/{name}.json", encoding="utf-8"))
    problems = compare(documented, actual, name)
    # null-valued documented leaves may be objects in output (insured_limit) and vice versa
    problems = [p for p in problems if "expected an object" not in p or "insured_limit" not in p]
    for p in problems:
        print("FAIL", p)
    failed += bool(problems)
print(f"json schema: {len(blocks) - failed} passed, {failed} failed")
sys.exit(1 if failed or not blocks else 0)
PY
