#!/usr/bin/env bash
# make demo: build a deterministic demo book and show what a credit controller sees first.
set -euo pipefail
bin=${1:-build/overdue}
root=$(cd "$(dirname "$0")/.." && pwd)
db="$root/build/demo/overdue.db"
mkdir -p "$(dirname "$db")"
as_of=2026-11-20
"$bin" --db "$db" demo --replace --out "$root/data/demo" --as-of $as_of
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
