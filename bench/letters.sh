#!/usr/bin/env bash
# Issue 5 bench: draft + render ~10,000 letters from a generated book (target >= 2,000 letters/s)
# and send them to an SMTP sink on loopback over one connection (letters/s).
# Baselines in the same run: `overdue plan` on the same book (drafting starts from the plan, so
# the ratio shows what writing the letters adds), and Python's smtplib sending the very messages
# that arrived, over one connection to a fresh sink of the same kind. Medians of RUNS (default 3).
# Usage: bench/letters.sh <build-dir>
set -euo pipefail
build=${1:-build}
bin=$(realpath "$build/overdue")
src=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
customers=${LETTER_CUSTOMERS:-55000}
as_of=2026-11-20
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/overdue-letters.XXXXXX")
sink_pid=
cleanup() {
  if [[ -n "$sink_pid" ]]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/lib.sh"
export OVERDUE_USER=bench
unset OVERDUE_SMTP_PASSWORD

# start_sink DIR: a fresh SMTP sink (tests/mail/smtp_server.py) storing into DIR; sets $port.
start_sink() {
  "$py" "$src/tests/mail/smtp_server.py" --port 0 --dir "$1" >"$1.out" 2>"$1.err" &
  sink_pid=$!
  for _ in $(seq 200); do grep -q '^ready' "$1.out" 2>/dev/null && break; sleep 0.05; done
  port=$(awk '/^ready/ {print $2}' "$1.out")
  [[ -n "$port" ]] || { echo "bench: the SMTP sink did not start"; cat "$1.err"; exit 1; }
}
stop_sink() { kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; sink_pid=; }

echo "bench: letters from a book of $customers customers in $work"
"$bin" --db "$work/start.db" demo --customers "$customers" --out "$work/csv" --as-of $as_of >/dev/null
cp "$src/data/demo/overdue.toml" "$work/base.toml"

draft=()
plan=()
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/run.db"*
  cp "$work/start.db" "$work/run.db"
  cp "$work/base.toml" "$work/overdue.toml"
  plan+=("$(seconds "$bin" --db "$work/run.db" plan --as-of $as_of --format json)")
  draft+=("$(seconds "$bin" --db "$work/run.db" draft --as-of $as_of)")
done
letters=$("$bin" --db "$work/run.db" outbox list --state draft | grep -c '^ *[0-9]')
draft_med=$(printf '%s\n' "${draft[@]}" | median)
plan_med=$(printf '%s\n' "${plan[@]}" | median)
printf 'draft: %d letters in %.3f s = %.0f letters/s (target >= 2000); plan alone %.3f s, ratio %.2fx\n' \
  "$letters" "$draft_med" "$(echo "$letters / $draft_med" | bc -l)" "$plan_med" \
  "$(echo "$draft_med / $plan_med" | bc -l)"
echo "  runs draft: ${draft[*]}"
echo "  runs plan:  ${plan[*]}"

"$bin" --db "$work/run.db" outbox approve --all >/dev/null
cp "$work/run.db" "$work/approved.db"
ours=()
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/run.db"*
  cp "$work/approved.db" "$work/run.db"
  rm -rf "$work/sink$i"
  start_sink "$work/sink$i"
  { cat "$work/base.toml"; printf '\n[smtp]\nurl = "smtp://127.0.0.1:%s"\nstarttls = "no"\n' "$port"; } \
    >"$work/overdue.toml"
  ours+=("$(seconds "$bin" --db "$work/run.db" send --as-of $as_of)")
  stop_sink
  arrived=$(find "$work/sink$i" -name '*.eml' | wc -l)
  connections=$(cat "$work/sink$i"/*.json | "$py" -c 'import json,sys; print(len({json.loads(l)["peer_port"] for l in sys.stdin}))')
  if [[ $arrived != "$letters" || $connections != 1 ]]; then
    echo "bench: $arrived of $letters letters arrived over $connections connection(s)"; exit 1
  fi
done

# The same messages, sent again by Python's smtplib over one connection to a fresh sink.
raw=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$work/pysink$i"
  start_sink "$work/pysink$i"
  raw+=("$(seconds "$py" - "$port" "$work/sink1" <<'PY'
import json, pathlib, smtplib, sys
port, sink = int(sys.argv[1]), pathlib.Path(sys.argv[2])
with smtplib.SMTP("127.0.0.1", port) as s:
    for eml in sorted(sink.glob("*.eml")):
        meta = json.loads(eml.with_suffix(".json").read_text())
        s.sendmail(meta["mail_from"], meta["rcpt_tos"], eml.read_bytes())
PY
)")
  stop_sink
done
ours_med=$(printf '%s\n' "${ours[@]}" | median)
raw_med=$(printf '%s\n' "${raw[@]}" | median)
printf 'send: %d letters over one connection in %.3f s = %.0f letters/s; Python smtplib %.3f s (%.0f/s), ratio %.2fx\n' \
  "$letters" "$ours_med" "$(echo "$letters / $ours_med" | bc -l)" "$raw_med" \
  "$(echo "$letters / $raw_med" | bc -l)" "$(echo "$ours_med / $raw_med" | bc -l)"
echo "  runs send:    ${ours[*]}"
echo "  runs smtplib: ${raw[*]}"
