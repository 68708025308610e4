#!/usr/bin/env bash
# Letters end to end through a real SMTP server on loopback (aiosmtpd, tests/mail/smtp_server.py):
# draft from the plan, approve, send; then what arrived is parsed by Python's own email package
# (not by our MIME code) and checked against the plan, the book and the outbox. Then the ways
# sending goes wrong: server down, 5xx recipient, 4xx after DATA, a second send running, a send
# that died mid-delivery, STARTTLS + AUTH with a wrong and a right password, SMTPS with a trusted
# and an untrusted certificate.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
py=/usr/bin/python3
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
export OVERDUE_USER=mailtest TZ=UTC
unset OVERDUE_SMTP_PASSWORD OVERDUE_DB
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { # check "what" command…
  local what=$1; shift
  if ! "$@"; then fail "$what"; fi
}

# start_server NAME ARGS… : an SMTP sink writing to $work/NAME; sets $port and $server_pid.
start_server() {
  local name=$1; shift
  rm -rf "$work/$name"
  "$py" "$src/tests/mail/smtp_server.py" --port 0 --dir "$work/$name" "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 200); do
    grep -q '^ready' "$work/$name.out" 2>/dev/null && break
    sleep 0.05
  done
  port=$(awk '/^ready/ {print $2}' "$work/$name.out")
  if [[ -z "$port" ]]; then echo "setup: SMTP server $name did not start"; cat "$work/$name.err"; exit 1; fi
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

# new_book DIR SMTP-LINES… : the fixed book, imported as of 2026-07-31, with the mail config.
new_book() {
  local dir=$1; shift
  mkdir -p "$dir"
  for kind in customers contacts invoices payments; do
    "$bin" --db "$dir/book.db" import "$kind" "$src/tests/data/book/$kind.csv" --as-of 2026-07-31 >/dev/null
  done
  { cat "$src/tests/data/mail/overdue.toml"; echo; echo "[smtp]"; printf '%s\n' "$@"; } >"$dir/overdue.toml"
}
od() { "$bin" --db "$book/book.db" "$@"; }
count_eml() { find "$1" -name '*.eml' 2>/dev/null | wc -l; }
state_count() { od outbox list --state "$1" | grep -c "^ *[0-9]" || true; }

# ---------------------------------------------------------------- the happy path
start_server sink
book=$work/main
new_book "$book" "url = \"smtp://127.0.0.1:$port\"" 'starttls = "no"'
od draft --as-of 2026-07-31 >"$work/draft1.txt"
check "four letters drafted" grep -q "^draft 2026-07-31: 4 drafted" "$work/draft1.txt"
od draft --as-of 2026-07-31 >"$work/draft2.txt"
check "re-drafting the same day changes nothing" grep -q "0 drafted (0 replacing older drafts), 4 unchanged" "$work/draft2.txt"
[[ $(state_count draft) == 4 ]] || fail "4 drafts expected, got $(state_count draft)"
od plan --as-of 2026-07-31 --format json >"$work/plan.json"
for id in 1 2 3 4; do od outbox show "$id" >"$work/show-$id.eml"; done
od outbox approve --all --as-of 2026-07-31 >/dev/null
od send --as-of 2026-07-31 >"$work/send1.txt"
check "four sent" grep -q "^send 2026-07-31: 4 sent, 0 failed, 0 still approved, 0 unknown" "$work/send1.txt"
[[ $(count_eml "$work/sink") == 4 ]] || fail "the sink holds $(count_eml "$work/sink") messages, expected 4"
connections=$(cat "$work"/sink/*.json | "$py" -c 'import json,sys; print(len({json.loads(l)["peer_port"] for l in sys.stdin}))')
[[ $connections == 1 ]] || fail "the four letters came over $connections connections, expected one"
for c in ACME HENDA MUELLER TAIPEI; do
  od statement "$c" --as-of 2026-07-31 --format csv >"$work/statement-$c.csv"
done
od outbox list >"$work/list.txt"

# What arrived, read by Python's email package: recipients as planned, subject and body decoded,
# every fact of every invoice, bank details, the statement attached byte for byte, Message-ID as
# in the outbox.
if ! "$py" - "$work" "$book/book.db" <<'PY'
import email, email.policy, json, sqlite3, sys, pathlib, re
work = pathlib.Path(sys.argv[1]); db = sqlite3.connect(sys.argv[2])
plan = {e["customer_id"]: e for e in json.load(open(work / "plan.json"))}
letters = {row[1]: row for row in db.execute(
    "SELECT id, customer_id, message_id, language, pay_by FROM letters ORDER BY id")}
problems = []
def need(cond, what):
    if not cond: problems.append(what)
arrived = {}
for path in sorted((work / "sink").glob("*.eml")):
    env = json.load(open(path.with_suffix(".json")))
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    arrived[msg["Message-ID"].strip("<>")] = (env, msg)
invoices = {}
for row in db.execute("SELECT i.invoice_no, i.order_no, i.customer_id, i.currency, i.ship_date, "
                      "i.received_date, i.due_date, l.product, l.unit FROM invoices i JOIN invoice_lines l "
                      "ON l.invoice_id = i.id"):
    invoices.setdefault(row[0], []).append(row)
months = ["January","February","March","April","May","June","July","August","September",
          "October","November","December"]
def date_text(iso, lang):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {months[m-1]} {y}" if lang == "en" else f"{y}年{m}月{d}日"
for customer, (lid, _, mid, lang, pay_by) in letters.items():
    entry = plan[customer]
    need(mid in arrived, f"{customer}: letter #{lid} Message-ID {mid} did not arrive")
    if mid not in arrived: continue
    env, msg = arrived[mid]
    shown = email.message_from_bytes((work / f"show-{lid}.eml").read_bytes(), policy=email.policy.default)
    need(shown["Message-ID"] == msg["Message-ID"], f"{customer}: outbox show has another Message-ID")
    want = sorted(entry["to"] + entry["cc"])
    need(sorted(env["rcpt_tos"]) == want, f"{customer}: envelope {env['rcpt_tos']} != plan {want}")
    to = sorted(a.addr_spec.lower() for a in msg["To"].addresses)
    need(to == sorted(entry["to"]), f"{customer}: To {to} != plan {entry['to']}")
    cc = sorted(a.addr_spec.lower() for a in msg["Cc"].addresses) if msg["Cc"] else []
    need(cc == sorted(entry["cc"]), f"{customer}: Cc {cc} != plan {entry['cc']}")
    need(msg["Reply-To"].addresses[0].addr_spec == "ar@harbourlight.example", f"{customer}: Reply-To")
    subject = str(msg["Subject"])
    body = msg.get_body(preferencelist=("plain",)).get_content()
    for inv in entry["invoices"]:
        no = inv["invoice_no"]
        need(no in subject, f"{customer}: subject {subject!r} lacks {no}")
        need(no in body, f"{customer}: body lacks {no}")
        need(inv["open"].replace(",", "") in body.replace(",", ""), f"{customer}: body lacks open {inv['open']} of {no}")
        for (_, order_no, _, cur, ship, received, due, product, unit) in invoices[no]:
            need(order_no in body, f"{customer}: body lacks order {order_no}")
            need(product in body, f"{customer}: body lacks product {product!r}")
            if lang != "zh-Hant":
                need(date_text(due, lang) in body, f"{customer}: body lacks due date {date_text(due, lang)}")
                if ship: need(date_text(ship, lang) in body, f"{customer}: body lacks ship date")
                if received: need(date_text(received, lang) in body, f"{customer}: body lacks receipt date")
    for cur, amount in entry["open"].items():
        need(amount.replace(",", "") in body.replace(",", ""), f"{customer}: body lacks total {cur} {amount}")
    need("BKCHCNBJ92A" in body, f"{customer}: body lacks our SWIFT code")
    if pay_by: need(date_text(pay_by, lang) in body, f"{customer}: body lacks pay-by {pay_by}")
    if lang in ("zh", "zh-Hant"):
        need(re.search(r"[\u4e00-\u9fff]", subject), f"{customer}: Chinese subject expected: {subject!r}")
    if lang == "zh-Hant":
        for simplified in ("发票", "请", "银行", "贵司", "账户"):
            need(simplified not in body, f"{customer}: Simplified {simplified} in a Traditional letter")
    atts = [p for p in msg.iter_attachments()]
    need(len(atts) == 1, f"{customer}: {len(atts)} attachments")
    if atts:
        need(atts[0].get_filename() == f"statement-{customer}-2026-07-31.csv", f"{customer}: attachment name")
        need(atts[0].get_content() == (work / f"statement-{customer}.csv").read_text(),
             f"{customer}: attached statement differs from 'overdue statement --format csv'")
    html = msg.get_body(preferencelist=("html",))
    need(html is not None and entry["invoices"][0]["invoice_no"] in html.get_content(), f"{customer}: HTML alternative")
for p in problems: print("  " + p)
sys.exit(1 if problems else 0)
PY
then fail "the delivered messages (above)"; fi

od send --as-of 2026-07-31 >"$work/send2.txt"
[[ $(count_eml "$work/sink") == 4 ]] || fail "a second send delivered again"
check "nothing left to send" grep -q "^send 2026-07-31: 0 sent" "$work/send2.txt"
od plan --as-of 2026-07-31 --customer ACME >"$work/plan-after.txt"
check "the sent reminder is the step done: ACME waits" bash -c "! grep -q ' reminder ' '$work/plan-after.txt'"
od case ACME --as-of 2026-07-31 >"$work/case.txt"
check "case shows the reminder as done" grep -q "reminder" "$work/case.txt"
od log ACME --as-of 2026-07-31 >"$work/log.txt"
check "log shows the sent letter" grep -Eq "^2026-07-31  letter +#1 reminder sent to " "$work/log.txt"
check "log shows the payments" grep -q "^2026-03-20  payment .*P-01" "$work/log.txt"
od journal --subject ACME >"$work/journal.txt"
for a in letter.draft letter.approve letter.sent; do check "journal has $a" grep -q "$a" "$work/journal.txt"; done
mkdir -p "$work/export"
od outbox export 1 "$work/export" >/dev/null
cmp -s "$work/export/letter-1.eml" <(od outbox show 1) || fail "export differs from show for a sent letter"
stop_server

# ---------------------------------------------------------------- drafts: replaced, held, edited
book=$work/drafts
new_book "$book" 'url = "smtp://127.0.0.1:9"'
od draft --as-of 2026-07-31 --customer ACME >/dev/null
od draft --as-of 2026-08-01 --customer ACME >"$work/replace.txt"
check "a later day's draft replaces the unapproved one" grep -q "replaces draft #1 of 2026-07-31" "$work/replace.txt"
od outbox list --state replaced | grep -q "^ *1 " || fail "draft #1 is not 'replaced'"
printf 'Dear John,\n\nA shorter text written by hand.\n' >"$work/body.txt"
od outbox edit 2 --body-file "$work/body.txt" >/dev/null
od outbox show 2 | "$py" -c 'import email,email.policy,sys; m=email.message_from_bytes(sys.stdin.buffer.read(),policy=email.policy.default); sys.exit(0 if "written by hand" in m.get_body(preferencelist=("plain",)).get_content() else 1)' \
  || fail "the edited body is not in the message"
od outbox approve 2 >/dev/null
if od outbox edit 2 --body-file "$work/body.txt" 2>"$work/edit.err"; then fail "an approved letter was edited"; fi
check "edit of approved explains" grep -q "only a draft can be edited" "$work/edit.err"
od draft --as-of 2026-08-02 --customer ACME >"$work/held.txt"
check "no new draft while an approved letter waits" grep -q "not drafted: letter #2 (reminder) is approved and waits to be sent" "$work/held.txt"

# ---------------------------------------------------------------- server down
book=$work/down
new_book "$book" 'url = "smtp://127.0.0.1:9"' 'starttls = "no"' 'timeout_seconds = 5'
od draft --as-of 2026-07-31 >/dev/null && od outbox approve --all >/dev/null
if od send --as-of 2026-07-31 >"$work/down.out" 2>"$work/down.err"; then fail "send with the server down exited 0"; fi
check "server down is named" grep -q "cannot send through smtp://127.0.0.1:9" "$work/down.err"
[[ $(state_count approved) == 4 ]] || fail "server down: letters should stay approved"

# ---------------------------------------------------------------- a second send is refused
start_server sink2
book=$work/lock
new_book "$book" "url = \"smtp://127.0.0.1:$port\"" 'starttls = "no"'
od draft --as-of 2026-07-31 >/dev/null && od outbox approve --all >/dev/null
# Another process holds the lock (as a running send would); killing it releases the lock.
"$py" -c 'import fcntl, sys, time
f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(60)' \
  "$book/book.db.send.lock" >"$work/holder.out" &
holder=$!
pids+=("$holder")
for _ in $(seq 100); do grep -q locked "$work/holder.out" 2>/dev/null && break; sleep 0.05; done
if od send --as-of 2026-07-31 >/dev/null 2>"$work/lock.err"; then fail "a second concurrent send ran"; fi
check "the concurrent send explains" grep -q "another 'overdue send' is running on this book" "$work/lock.err"
[[ $(state_count approved) == 4 ]] || fail "the refused send touched letters"
kill "$holder"; wait "$holder" 2>/dev/null || true

# ---------------------------------------------------------------- a send that died mid-delivery
"$py" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE letters SET state='sending' WHERE id=1\"); c.commit()" "$book/book.db"
od send --as-of 2026-07-31 >"$work/crash.out" || true
check "the interrupted letter becomes unknown" grep -q "^#1 ACME: was being sent when a previous send stopped: now unknown" "$work/crash.out"
check "the others go" grep -q "3 sent" "$work/crash.out"
[[ $(count_eml "$work/sink2") == 3 ]] || fail "the unknown letter was sent again automatically"
od outbox resolve 1 retry >/dev/null
od send --as-of 2026-07-31 >/dev/null
[[ $(count_eml "$work/sink2") == 4 ]] || fail "resolve retry did not send it"
stop_server

# ---------------------------------------------------------------- 5xx recipient, 4xx after DATA
start_server reject --reject john.miller@acmevalves.com=550
book=$work/reject
new_book "$book" "url = \"smtp://127.0.0.1:$port\"" 'starttls = "no"'
od draft --as-of 2026-07-31 >/dev/null && od outbox approve --all >/dev/null
if od send --as-of 2026-07-31 >"$work/reject.out" 2>&1; then fail "send with a refused recipient exited 0"; fi
check "the refused letter failed with the server's reason" grep -q "^#1 ACME reminder: failed, the server refused it: 550 5.1.1" "$work/reject.out"
check "the others were sent" grep -q "3 sent, 1 failed" "$work/reject.out"
od log ACME --as-of 2026-07-31 | grep -q "#1 reminder failed .*550" || fail "log does not show the failure"
od plan --as-of 2026-07-31 --customer ACME | grep -q " reminder " || fail "a failed letter counted as done"
stop_server

start_server later --data-reply 451
book=$work/later
new_book "$book" "url = \"smtp://127.0.0.1:$port\"" 'starttls = "no"'
od draft --as-of 2026-07-31 --customer MUELLER >/dev/null && od outbox approve --all >/dev/null
if od send --as-of 2026-07-31 >"$work/later.out" 2>&1; then fail "send with 451 exited 0"; fi
check "4xx stays approved" grep -q "not delivered, the server said try later: .*451" "$work/later.out"
[[ $(state_count approved) == 1 ]] || fail "451: the letter should stay approved"
stop_server

# ---------------------------------------------------------------- STARTTLS + AUTH
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -days 2 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
start_server tls --auth clerk:s3cret-pw --require-auth --starttls-cert "$work/cert.pem" \
  --starttls-key "$work/key.pem" --require-starttls
book=$work/tls
new_book "$book" "url = \"smtp://127.0.0.1:$port\"" 'starttls = "require"' "ca_file = \"$work/cert.pem\"" \
  'user = "clerk"' "password_file = \"$work/pw\""
echo "wrong-pw" >"$work/pw"
od draft --as-of 2026-07-31 --customer HENDA >/dev/null && od outbox approve --all >/dev/null
if od send --as-of 2026-07-31 >"$work/auth.out" 2>&1; then fail "a wrong password sent"; fi
check "a wrong password is a session error" grep -q "cannot send through" "$work/auth.out"
grep -q "wrong-pw" "$work/auth.out" && fail "the password was printed"
[[ $(state_count approved) == 1 ]] || fail "wrong password: the letter should stay approved"
OVERDUE_SMTP_PASSWORD=s3cret-pw od send --as-of 2026-07-31 >"$work/auth2.out" 2>&1 || fail "STARTTLS+AUTH send failed: $(cat "$work/auth2.out")"
"$py" -c "import json,sys; e=json.load(open(sys.argv[1])); sys.exit(0 if e['auth_user']=='clerk' and e['tls'] else 1)" \
  "$work/tls/0001.json" || fail "the message did not arrive over TLS as clerk"
grep -rq "s3cret-pw" "$book" && fail "the password was stored"
stop_server

# ---------------------------------------------------------------- SMTPS (TLS from the first byte)
start_server smtps --auth clerk:s3cret-pw --require-auth --starttls-cert "$work/cert.pem" \
  --starttls-key "$work/key.pem" --implicit-tls
book=$work/smtps
new_book "$book" "url = \"smtps://127.0.0.1:$port\"" "ca_file = \"$work/cert.pem\"" 'user = "clerk"'
od draft --as-of 2026-07-31 --customer HENDA >/dev/null && od outbox approve --all >/dev/null
OVERDUE_SMTP_PASSWORD=s3cret-pw od send --as-of 2026-07-31 >"$work/smtps.out" 2>&1 || fail "smtps send failed: $(cat "$work/smtps.out")"
"$py" -c "import json,sys; e=json.load(open(sys.argv[1])); sys.exit(0 if e['auth_user']=='clerk' and e['tls'] else 1)" \
  "$work/smtps/0001.json" || fail "the smtps message did not arrive over TLS as clerk"
[[ $(state_count sent) == 1 ]] || fail "smtps: the letter should be sent"
stop_server
# The same server with a CA bundle that does not vouch for it: refused, nothing marked sent.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -days 2 -keyout "$work/other-key.pem" -out "$work/other-cert.pem" 2>/dev/null
start_server smtps2 --starttls-cert "$work/cert.pem" --starttls-key "$work/key.pem" --implicit-tls
book=$work/smtps-untrusted
new_book "$book" "url = \"smtps://127.0.0.1:$port\"" "ca_file = \"$work/other-cert.pem\""
od draft --as-of 2026-07-31 --customer HENDA >/dev/null && od outbox approve --all >/dev/null
if od send --as-of 2026-07-31 >"$work/smtps2.out" 2>&1; then fail "smtps to an untrusted certificate exited 0"; fi
check "an untrusted certificate is a session error" grep -q "cannot send through" "$work/smtps2.out"
[[ $(count_eml "$work/smtps2") == 0 ]] || fail "smtps: a message reached an untrusted server"
[[ $(state_count approved) == 1 ]] || fail "smtps untrusted: the letter should stay approved"
stop_server

if ((failures)); then echo "mail_send: $failures failure(s)"; exit 1; fi
echo "mail_send: all checks passed"
