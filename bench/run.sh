#!/usr/bin/env bash
# make bench: import and aging speed on a generated book of 100,000 customers (~1,000,000 invoice
# lines), each as a ratio to the sqlite3 CLI doing the equivalent work on the same data in the
# same run. Prints the median of RUNS runs (default 5). Then the reply (classify, ingest) and
# letter (draft, send) benches. Not part of `make test`.
set -euo pipefail
build=${1:-build}
bin=$(realpath "$build/overdue")
runs=${RUNS:-5}
customers=${CUSTOMERS:-100000}
as_of=2026-11-20
work=$(mktemp -d "${TMPDIR:-/tmp}/overdue-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/lib.sh"

echo "bench: generating a book of $customers customers in $work"
"$bin" --db "$work/gen.db" demo --customers "$customers" --out "$work/csv" --csv-only >/dev/null
lines=$(($(wc -l <"$work/csv/invoices.csv") - 1))
echo "bench: $lines invoice lines, $(($(wc -l <"$work/csv/payments.csv") - 1)) payments"

# A book with customers and contacts only: the starting point of every import run.
"$bin" --db "$work/start.db" import customers "$work/csv/customers.csv" --as-of $as_of >/dev/null
"$bin" --db "$work/start.db" import contacts "$work/csv/contacts.csv" --as-of $as_of >/dev/null

ours=()
raw=()
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/run.db"* "$work/raw.db"*
  cp "$work/start.db" "$work/run.db"
  ours+=("$(seconds "$bin" --db "$work/run.db" import invoices "$work/csv/invoices.csv" --as-of $as_of)")
  raw+=("$(seconds sqlite3 "$work/raw.db" "PRAGMA journal_mode=WAL;" ".mode csv" ".import $work/csv/invoices.csv invoice_lines")")
done
ours_med=$(printf '%s\n' "${ours[@]}" | median)
raw_med=$(printf '%s\n' "${raw[@]}" | median)
printf 'import invoices: overdue %.3f s (%.0f rows/s), sqlite3 .import %.3f s, ratio %.2fx (target <= 2.0x, >= 500000 rows/s)\n' \
  "$ours_med" "$(echo "$lines / $ours_med" | bc -l)" "$raw_med" "$(echo "$ours_med / $raw_med" | bc -l)"
echo "  runs overdue: ${ours[*]}"
echo "  runs sqlite3: ${raw[*]}"

# Aging on the full book (invoices and allocated payments).
"$bin" --db "$work/run.db" import payments "$work/csv/payments.csv" --as-of $as_of >/dev/null
sql="WITH s AS (SELECT a.invoice_no, SUM(a.amount_minor) AS settled FROM allocations a
  JOIN payments p ON p.payment_id = a.payment_id
  WHERE a.effective_date <= '$as_of' AND (p.reversed_on IS NULL OR p.reversed_on > '$as_of')
  GROUP BY a.invoice_no),
o AS (SELECT i.currency, CAST(julianday('$as_of') - julianday(i.due_date) AS INTEGER) AS d,
  i.total_minor - COALESCE(s.settled, 0) AS open
  FROM invoices i LEFT JOIN s ON s.invoice_no = i.invoice_no WHERE i.issue_date <= '$as_of')
SELECT currency, SUM(CASE WHEN d <= 0 THEN open END), SUM(CASE WHEN d BETWEEN 1 AND 30 THEN open END),
  SUM(CASE WHEN d BETWEEN 31 AND 60 THEN open END), SUM(CASE WHEN d BETWEEN 61 AND 90 THEN open END),
  SUM(CASE WHEN d BETWEEN 91 AND 180 THEN open END), SUM(CASE WHEN d BETWEEN 181 AND 365 THEN open END),
  SUM(CASE WHEN d > 365 THEN open END), SUM(open)
FROM o WHERE open <> 0 GROUP BY currency ORDER BY currency;"
ours=()
raw=()
for ((i = 1; i <= runs; i++)); do
  ours+=("$(seconds "$bin" --db "$work/run.db" aging --as-of $as_of --format csv)")
  raw+=("$(seconds sqlite3 -csv "$work/run.db" "$sql")")
done
aging_med=$(printf '%s\n' "${ours[@]}" | median)
ours_med=$aging_med
raw_med=$(printf '%s\n' "${raw[@]}" | median)
printf 'aging --format csv: overdue %.3f s, sqlite3 GROUP BY %.3f s, ratio %.2fx (target <= 1.5x)\n' \
  "$ours_med" "$raw_med" "$(echo "$ours_med / $raw_med" | bc -l)"
echo "  runs overdue: ${ours[*]}"
echo "  runs sqlite3: ${raw[*]}"
"$bin" --db "$work/run.db" aging --as-of $as_of --format csv >"$work/aging.csv"
sqlite3 -csv "$work/run.db" "$sql" >"$work/aging_sql.csv"
# The two must agree on the totals (minor units in SQL, decimals in ours).
ours_total=$(tail -n +2 "$work/aging.csv" | awk -F, '{print $1, $NF}' | tr -d '.' | sed 's/ 0*/ /')
sql_total=$(awk -F, '{print $1, $NF}' "$work/aging_sql.csv")
if [[ "$ours_total" != "$sql_total" ]]; then
  echo "bench: aging totals disagree with SQL:"; echo "$ours_total"; echo "$sql_total"; exit 1
fi
echo "bench: aging totals agree with the SQL baseline"

# The plan for the whole book, against the aging report on the same book.
plan=()
for ((i = 1; i <= runs; i++)); do
  plan+=("$(seconds "$bin" --db "$work/run.db" plan --as-of $as_of --format json)")
done
plan_med=$(printf '%s\n' "${plan[@]}" | median)
entries=$("$bin" --db "$work/run.db" plan --as-of $as_of --format json | grep -c '"customer_id"')
printf 'plan (%s customers, %s with a step): %.3f s, ratio to aging %.2fx (target <= 5 s, <= 3.0x)\n' \
  "$customers" "$entries" "$plan_med" "$(echo "$plan_med / $aging_med" | bc -l)"
echo "  runs plan: ${plan[*]}"

# Reading replies: --batch throughput on one core and peak memory (issue 6).
bash "$(dirname "$0")/classify.sh" "$build"
bash "$(dirname "$0")/ingest.sh" "$build"
bash "$(dirname "$0")/letters.sh" "$build"
