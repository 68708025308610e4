#!/usr/bin/env bash
# The 120-day story, end to end through the real command and book: one customer, one invoice due
# on day 0 (2026-03-01); `overdue plan` runs every day from day -7 to day 120 and every step it
# proposes is recorded with `overdue done`. The (day -> action) table must be the default
# policy's ladder.
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OVERDUE_DB="$work/book.db" OVERDUE_USER=story
cat >"$work/customers.csv" <<'CSV'
customer_id,name,country,language,since,salesperson
S1,Story Trading GmbH,DE,en,2025-06-01,Lily Wang
CSV
cat >"$work/contacts.csv" <<'CSV'
customer_id,name,email,role
S1,Bea Buyer,bea@story.de,buyer
S1,Fritz Finance,ap@story.de,finance
S1,Maria Manager,maria@story.de,manager
S1,Otto Owner,otto@story.de,owner
CSV
cat >"$work/invoices.csv" <<'CSV'
invoice_no,order_no,customer_id,currency,issue_date,ship_date,due_date,product,quantity,unit,unit_price
ST-1,PO-1,S1,EUR,2026-01-01,2026-01-05,2026-03-01,Gate valve DN50,500,pcs,18.5
CSV
for kind in customers contacts invoices; do
  "$bin" import "$kind" "$work/$kind.csv" --as-of 2026-01-01 >/dev/null
done

actual=""
for day in $(seq -7 120); do
  date=$(date -u -d "2026-03-01 $day days" +%F)
  action=$("$bin" plan --as-of "$date" --customer S1 --format json |
    sed -n 's/^ *"action": "\([a-z_]*\)",$/\1/p' | head -1)
  if [[ -n "$action" ]]; then
    actual+="$day $action"$'\n'
    "$bin" done S1 "$action" --as-of "$date" >/dev/null
  fi
done
expected="-5 courtesy_reminder
1 reminder
15 firm_reminder
30 follow_up_call
45 personal_appeal
60 peer_inquiry
75 hold_shipments
90 final_notice
120 collection_agency
"
if [[ "$actual" != "$expected" ]]; then
  echo "FAIL: the story differs from the policy's ladder"
  diff <(printf '%s' "$expected") <(printf '%s' "$actual")
  echo "story: 0 passed, 1 failed"
  exit 1
fi
echo "story: 1 passed, 0 failed"
