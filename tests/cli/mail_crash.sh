#!/usr/bin/env bash
# A send killed with SIGKILL at random moments loses no letter and never delivers one twice.
# 1,000 approved letters (a generated book), a real SMTP sink on loopback (aiosmtpd,
# tests/mail/smtp_server.py). Each round starts `overdue send` and kills it (-9) after a random
# delay; the next round's send starts where it stopped. After every kill the book and the sink
# are compared, read independently of our code (Python's sqlite3 read-only and the sink's files):
#   - every letter is in exactly one state, and none is lost (1,000 approved at the start);
#   - delivered to the sink = sent + at most the letters left in `sending`/`unknown`;
#   - no Message-ID arrived twice, and every `sent` letter's Message-ID arrived.
# At the end a person's decision is simulated: each `unknown` letter is resolved `sent` when the
# sink holds it, `retry` otherwise; one more send then delivers exactly the rest.
# CRASH_SEED=N replays the same kill delays; KEEP=1 keeps the book and the sink.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
py=/usr/bin/python3
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
export OVERDUE_USER=crashtest TZ=UTC
unset OVERDUE_SMTP_PASSWORD OVERDUE_DB
seed=${CRASH_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
echo "mail_crash: seed $seed (CRASH_SEED=$seed replays the kill delays)"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
as_of=2026-11-20
letters=1000

"$py" "$src/tests/mail/smtp_server.py" --port 0 --dir "$work/sink" >"$work/sink.out" 2>"$work/sink.err" &
pids+=("$!")
for _ in $(seq 200); do grep -q '^ready' "$work/sink.out" 2>/dev/null && break; sleep 0.05; done
port=$(awk '/^ready/ {print $2}' "$work/sink.out")
[[ -n "$port" ]] || { echo "setup: the SMTP sink did not start"; cat "$work/sink.err"; exit 1; }

book=$work/book.db
od() { "$bin" --db "$book" "$@"; }
od demo --customers 6000 --out "$work/csv" --as-of $as_of >/dev/null
{ cat "$src/data/demo/overdue.toml"; printf '\n[smtp]\nurl = "smtp://127.0.0.1:%s"\nstarttls = "no"\n' "$port"; } \
  >"$work/overdue.toml"
od draft --as-of $as_of >/dev/null
od outbox approve $(seq 1 $letters) >/dev/null

# check LABEL: the invariants between the book and the sink; prints the state counts.
check() {
  "$py" - "$book" "$work/sink" "$letters" "$1" <<'PY' || failures=$((failures + 1))
import collections, email, email.policy, pathlib, sqlite3, sys
book, sink, expected, label = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
rows = db.execute("SELECT id, state, message_id FROM letters WHERE id <= ?", (expected,)).fetchall()
states = collections.Counter(state for _, state, _ in rows)
arrived = collections.Counter()
for f in sorted(sink.glob("*.eml")):
    m = email.message_from_bytes(f.read_bytes(), policy=email.policy.compat32)
    arrived[m["Message-ID"].strip().strip("<>")] += 1
problems = []
if len(rows) != expected or len({i for i, _, _ in rows}) != expected:
    problems.append(f"{len(rows)} of the {expected} approved letters are in the book")
twice = [mid for mid, n in arrived.items() if n > 1]
if twice:
    problems.append(f"{len(twice)} Message-ID(s) delivered more than once, e.g. {twice[0]}")
ours = {mid: state for _, state, mid in rows}
strangers = [mid for mid in arrived if mid not in ours]
if strangers:
    problems.append(f"{len(strangers)} delivered message(s) are not in the outbox")
lost = [mid for mid, state in ours.items() if state == "sent" and mid not in arrived]
if lost:
    problems.append(f"{len(lost)} letter(s) marked sent never arrived")
wrong = [mid for mid in arrived if ours.get(mid) not in ("sent", "sending", "unknown")]
if wrong:
    problems.append(f"{len(wrong)} delivered letter(s) are in state {ours.get(wrong[0])}, e.g. {wrong[0]}")
delivered, sent = sum(arrived.values()), states["sent"]
in_doubt = states["sending"] + states["unknown"]
if not sent <= delivered <= sent + in_doubt:
    problems.append(f"delivered {delivered}, but sent {sent} and in doubt {in_doubt}")
print(f"  {label}: " + ", ".join(f"{n} {s}" for s, n in sorted(states.items())) + f"; {delivered} delivered")
for p in problems:
    print(f"FAIL ({label}): {p}")
sys.exit(1 if problems else 0)
PY
}

rounds=6
for ((round = 1; round <= rounds; round++)); do
  delay=$(printf '0.%03d' $((RANDOM % 600 + 20)))
  "$bin" --db "$book" send --as-of $as_of >"$work/send-$round.out" 2>&1 &  # not through od(): kill the binary itself
  pid=$!
  pids+=("$pid")
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "kill -9 after ${delay}s (round $round)"
done

# A send after the last kill finishes the run; letters caught mid-send stay unknown.
od send --as-of $as_of >"$work/send-last.out" 2>&1 || true
check "send to the end"
approved=$(od outbox list --state approved | grep -c '^ *[0-9]' || true)
[[ $approved == 0 ]] || fail "$approved letter(s) still approved after a full send"

# A person looks at each unknown letter: the sink has it → sent; it does not → retry.
"$py" - "$book" "$work/sink" >"$work/decisions" <<'PY'
import email, email.policy, pathlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
arrived = {email.message_from_bytes(f.read_bytes(), policy=email.policy.compat32)["Message-ID"].strip().strip("<>")
           for f in pathlib.Path(sys.argv[2]).glob("*.eml")}
for i, mid in db.execute("SELECT id, message_id FROM letters WHERE state = 'unknown'"):
    print(i, "sent" if mid in arrived else "retry")
PY
echo "  resolving $(wc -l <"$work/decisions") unknown letter(s): $(grep -c ' sent$' "$work/decisions" || true) had arrived"
while read -r id decision; do od outbox resolve "$id" "$decision" >/dev/null; done <"$work/decisions"
od send --as-of $as_of >"$work/send-final.out" 2>&1 || fail "the final send failed: $(tail -3 "$work/send-final.out")"
check "after resolving"
sent=$(od outbox list --state sent | grep -c '^ *[0-9]' || true)
delivered=$(find "$work/sink" -name '*.eml' | wc -l)
[[ $sent == "$letters" && $delivered == "$letters" ]] ||
  fail "at the end $sent letters are sent and $delivered delivered; expected $letters of each"

if ((failures)); then echo "mail_crash: $failures failure(s) (seed $seed)"; exit 1; fi
echo "mail_crash: all checks passed"
