#!/usr/bin/env bash
# make demo: build a deterministic demo book and show what a credit controller sees first.
set -euo pipefail
bin=${1:-build/overdue}
root=$(cd "$(dirname "$0")/.." && pwd)
db="$root/build/demo/overdue.db"
mkdir -p "$(dirname "$db")"
as_of=2026-11-20
"$bin" --db "$db" demo --replace --out "$root/data/demo" --as-of $as_of
cp "$root/data/demo/overdue.toml" "$(dirname "$db")/overdue.toml"
echo
"$bin" --db "$db" aging --as-of $as_of
echo
"$bin" --db "$db" aging --as-of $as_of --by customer | head -n 16
echo "   (… overdue --db $db aging --as-of $as_of --by customer for all)"
echo
"$bin" --db "$db" kpi --as-of $as_of
echo
# The customer with the oldest overdue item: the first one a controller would chase.
worst=$("$bin" --db "$db" aging --as-of $as_of --by customer --format csv |
  awk -F, 'NR > 1 {print $NF "," $1}' | sort -t, -k1,1nr | head -1 | cut -d, -f2)
"$bin" --db "$db" statement "$worst" --as-of $as_of
echo
echo "The demo book is $db; try: $bin --db $db statement $worst --as-of $as_of --format json"
echo
"$bin" --db "$db" plan --as-of $as_of
echo
echo "What to do by hand today: $bin --db $db tasks --as-of $as_of"
echo
# The plan's letters as drafts, and the first one as its reader will see it.
{ "$bin" --db "$db" draft --as-of $as_of 2>&1 || true; } | tail -n 3
first=$("$bin" --db "$db" outbox list --state draft | awk 'NR == 3 {print $1}')
if [[ -n "$first" ]]; then
  echo
  "$bin" --db "$db" outbox show "$first" --text
  echo
  echo "All drafts: $bin --db $db outbox list; approve, then send (needs [smtp]): see README"
fi
