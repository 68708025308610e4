#!/usr/bin/env bash
# Buyers' mail in, against real servers on loopback: dovecot (IMAP with STARTTLS, and IMAPS, on a
# test certificate, passwd-file user, maildir) and the aiosmtpd sink. `replies fetch` twice ingests each
# message exactly once; then
# the story of issue 7: our reminder is sent, the buyer answers it over IMAP that the money was
# wired yesterday, and the next day's plan asks for the SWIFT copy instead of the firm reminder.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
py=/usr/bin/python3
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export OVERDUE_USER=mailin TZ=UTC
unset OVERDUE_IMAP_PASSWORD OVERDUE_DB
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if [[ ! -x /usr/sbin/dovecot ]]; then echo "setup: dovecot-imapd is not installed (scripts/deps.sh installs it)"; exit 1; fi

# ---------------------------------------------------------------- dovecot on a free port
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
imaps_port=$(free_port)
while [[ $imaps_port == "$port" ]]; do imaps_port=$(free_port); done
if [[ $(id -u) -eq 0 ]]; then
  internal=dovecot; login=dovenull; mail_user=nobody; mail_group=nogroup
else
  internal=$(id -un); login=$(id -un); mail_user=$(id -un); mail_group=$(id -gn)
fi
mkdir -p "$work/dovecot/run" "$work/dovecot/state" "$work/home/buyerbox/Maildir/"{cur,new,tmp}
echo "buyerbox:{PLAIN}imap-pw-42" >"$work/dovecot/passwd"
chmod 644 "$work/dovecot/passwd"
[[ $(id -u) -eq 0 ]] && chown -R "$mail_user:$mail_group" "$work/home"
# TLS for STARTTLS: a certificate for 127.0.0.1 that the client trusts through imap.ca_file.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -days 2 -keyout "$work/dovecot/key.pem" -out "$work/dovecot/cert.pem" 2>/dev/null
openssl genpkey -genparam -algorithm DH -pkeyopt dh_param:ffdhe2048 -out "$work/dovecot/dh.pem" 2>/dev/null
chmod 644 "$work/dovecot/"*.pem
cat >"$work/dovecot/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $work/dovecot/run
state_dir = $work/dovecot/state
log_path = $work/dovecot/dovecot.log
ssl = yes
ssl_cert = <$work/dovecot/cert.pem
ssl_key = <$work/dovecot/key.pem
ssl_dh = <$work/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
default_internal_user = $internal
default_internal_group = $(id -gn "$internal")
default_login_user = $login
mail_location = maildir:$work/home/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/dovecot/passwd
}
userdb {
  driver = static
  args = uid=$mail_user gid=$mail_group home=$work/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
  }
}
service anvil {
  chroot =
}
CONF
/usr/sbin/dovecot -F -c "$work/dovecot/dovecot.conf" >"$work/dovecot/out.log" 2>&1 &
dovecot_pid=$!
pids+=("$dovecot_pid")
for _ in $(seq 100); do
  "$py" -c "import socket,sys; s=socket.create_connection(('127.0.0.1', $port), 0.2); sys.exit(0 if s.recv(100).startswith(b'* OK') else 1)" 2>/dev/null && break
  sleep 0.05
done

# deliver NAME < message : into the buyer's Maildir/new, as the mail user.
n=0
deliver() {
  n=$((n + 1))
  local f="$work/home/buyerbox/Maildir/new/$(date +%s).$n.test"
  cat >"$f.tmp"
  [[ $(id -u) -eq 0 ]] && chown "$mail_user:$mail_group" "$f.tmp"
  mv "$f.tmp" "$f"
}

# ---------------------------------------------------------------- the SMTP sink and the book
"$py" "$src/tests/mail/smtp_server.py" --port 0 --dir "$work/sink" >"$work/sink.out" 2>&1 &
pids+=("$!")
for _ in $(seq 200); do grep -q '^ready' "$work/sink.out" 2>/dev/null && break; sleep 0.05; done
smtp_port=$(awk '/^ready/ {print $2}' "$work/sink.out")
book=$work/book
mkdir -p "$book"
for kind in customers contacts invoices payments; do
  "$bin" --db "$book/book.db" import "$kind" "$src/tests/data/book/$kind.csv" --as-of 2026-07-31 >/dev/null
done
{ cat "$src/tests/data/mail/overdue.toml"
  printf '\n[smtp]\nurl = "smtp://127.0.0.1:%s"\nstarttls = "no"\n' "$smtp_port"
  printf '\n[imap]\nurl = "imap://127.0.0.1:%s"\nuser = "buyerbox"\nstarttls = "require"\nca_file = "%s"\npassword_file = "%s"\n' \
    "$port" "$work/dovecot/cert.pem" "$work/imap-pw"
} >"$book/overdue.toml"
echo "imap-pw-42" >"$work/imap-pw"
od() { "$bin" --db "$book/book.db" "$@"; }

# ---------------------------------------------------------------- our reminder goes out
od draft --as-of 2026-07-31 --customer ACME >/dev/null
od outbox approve --all >/dev/null
od send --as-of 2026-07-31 >/dev/null
letter_id=$(sqlite3 "$book/book.db" "SELECT message_id FROM letters WHERE customer_id='ACME' AND state='sent'")
[[ -n "$letter_id" ]] || fail "the reminder to ACME was not sent"
od plan --as-of 2026-08-11 --customer ACME >"$work/plan-before.txt"
grep -q " firm_reminder " "$work/plan-before.txt" || fail "without a reply, 2026-08-11 should bring the firm reminder: $(cat "$work/plan-before.txt")"

# ---------------------------------------------------------------- mail arrives over IMAP
deliver <<MAIL
From: John Miller <john.miller@acmevalves.com>
To: Harbourlight Credit Desk <ar@harbourlight.example>
Subject: Re: INV-003
Date: Mon, 10 Aug 2026 09:40:00 -0400
Message-ID: <CAJm-reply-0810@acmevalves.com>
In-Reply-To: <$letter_id>
References: <$letter_id>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello,

We wired the full USD 10,005.00 for INV-003 yesterday through Chase. SWIFT MT103 attached.

Best regards,
John Miller
Acme Valves

On Fri, 31 Jul 2026 at 09:00, Harbourlight Credit Desk <credit@harbourlight.example> wrote:
> Invoice INV-003 is overdue. Please pay by 7 August 2026.
MAIL
deliver <<'MAIL'
From: =?GB2312?B?wdbQob3j?= <finance@henda.sg>
To: ar@harbourlight.example
Subject: =?GB2312?B?u9i4tA==?=
Date: Mon, 10 Aug 2026 15:00:00 +0800
Message-ID: <qq-0810-henda@henda.sg>
MIME-Version: 1.0
Content-Type: text/plain; charset=GB2312
Content-Transfer-Encoding: base64

xPq6w6Ost6LGsUhLLTEwMbXEv+7P7s7Sw8fT2s/C1tzO5danuLahowrB1tChveMK
MAIL
deliver <<'MAIL'
From: Jonas Weber <j.weber@mueller-ht.de>
To: ar@harbourlight.example
Subject: Automatic reply: DE-56
Date: Mon, 10 Aug 2026 08:00:00 +0200
Message-ID: <ooo-0810@mueller-ht.de>
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=utf-8

I am out of the office until 24 August.
MAIL

od replies fetch --as-of 2026-08-10 >"$work/fetch1.txt" 2>&1 || fail "fetch failed: $(cat "$work/fetch1.txt")"
grep -q "3 ingested" "$work/fetch1.txt" || fail "first fetch should ingest 3: $(cat "$work/fetch1.txt")"
od replies fetch --as-of 2026-08-10 >"$work/fetch2.txt" 2>&1 || fail "second fetch failed"
grep -q "0 ingested (0 applied, 0 to review, 0 unmatched, 0 automatic, 0 malformed), 0 already ingested" "$work/fetch2.txt" \
  || fail "the second fetch fetched again: $(cat "$work/fetch2.txt")"
[[ $(sqlite3 "$book/book.db" "SELECT count(*) FROM replies") == 3 ]] || fail "3 replies expected in the inbox"
grep -q "Login: user=<buyerbox>, method=PLAIN.*, TLS," "$work/dovecot/dovecot.log" || fail "the IMAP login did not go over STARTTLS"
od replies list >"$work/list.txt"
grep -q "applied.*ACME.*john.miller@acmevalves.com" "$work/list.txt" || fail "ACME's reply not applied: $(cat "$work/list.txt")"
grep -q "auto_reply.*MUELLER" "$work/list.txt" || fail "the out-of-office is not marked automatic"
grep -q "HENDA.*finance@henda.sg" "$work/list.txt" || fail "HENDA's GB2312 reply not matched by sender"
sqlite3 "$book/book.db" "SELECT matched_by FROM replies WHERE customer_id='ACME'" | grep -qx in_reply_to \
  || fail "ACME's reply should match our letter's Message-ID"
hend_text=$(sqlite3 "$book/book.db" "SELECT subject || '|' || text FROM replies WHERE customer_id='HENDA'")
[[ "$hend_text" == "回复|"* && "$hend_text" == *"我们于下周五支付"* ]] || fail "GB2312 text not decoded: $hend_text"

# A new message after the first fetch is fetched once.
deliver <<'MAIL'
From: Someone <someone@unknown.example>
To: ar@harbourlight.example
Subject: question
Date: Tue, 11 Aug 2026 10:00:00 +0000
Message-ID: <late-1@unknown.example>
Content-Type: text/plain; charset=utf-8

Can you send your catalogue?
MAIL
od replies fetch --as-of 2026-08-11 >"$work/fetch3.txt" 2>&1
grep -q "1 ingested (0 applied, 0 to review, 1 unmatched" "$work/fetch3.txt" || fail "the later message: $(cat "$work/fetch3.txt")"

# ---------------------------------------------------------------- the plan follows the reply
od plan --as-of 2026-08-11 --customer ACME --format json >"$work/plan-after.json"
"$py" - "$work/plan-after.json" <<'PY' || fail "the plan did not turn the firm reminder into ask_tracking"
import json, sys
e = json.load(open(sys.argv[1]))[0]
ok = e["action"] == "ask_tracking" and e["reason"] == "payment_sent" and any("reply:" in w for w in e["why"])
if not ok: print("  plan:", json.dumps(e)[:400])
sys.exit(0 if ok else 1)
PY
od log ACME --as-of 2026-08-11 | grep -q "reason .*payment_sent (reply:" || fail "log does not show the reply's reason"
# Our answer (ask for the SWIFT copy) joins the buyer's thread.
od draft --as-of 2026-08-11 --customer ACME >/dev/null
od outbox show "$(sqlite3 "$book/book.db" "SELECT max(id) FROM letters WHERE customer_id='ACME'")" >"$work/answer.eml"
"$py" - "$work/answer.eml" "$letter_id" <<'PY' || fail "the answer does not carry In-Reply-To/References of the buyer's mail"
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
ok = m["In-Reply-To"] == "<CAJm-reply-0810@acmevalves.com>" and \
     m["References"].split() == [f"<{sys.argv[2]}>", "<CAJm-reply-0810@acmevalves.com>"]
if not ok: print("  In-Reply-To:", m["In-Reply-To"], "References:", m["References"])
sys.exit(0 if ok else 1)
PY

# A wrong password is a clear error and stores nothing.
echo "wrong" >"$work/imap-pw"
if od replies fetch --as-of 2026-08-11 >"$work/bad.txt" 2>&1; then fail "a wrong IMAP password was accepted"; fi
grep -q "IMAP" "$work/bad.txt" || fail "the IMAP error does not say what failed: $(cat "$work/bad.txt")"
grep -q "wrong" "$work/bad.txt" && fail "the password was printed"

# The same mailbox over imaps:// (TLS from the first byte): only the new message is fetched.
echo "imap-pw-42" >"$work/imap-pw"
sed -i -e "s|^url = \"imap://127.0.0.1:$port\"|url = \"imaps://127.0.0.1:$imaps_port\"|" -e '/^starttls = "require"/d' \
  "$book/overdue.toml"
grep -q "^url = \"imaps://" "$book/overdue.toml" || fail "setup: the [imap] url was not switched to imaps"
deliver <<'MAIL'
From: Jonas Weber <j.weber@mueller-ht.de>
To: ar@harbourlight.example
Subject: DE-56
Date: Tue, 11 Aug 2026 16:00:00 +0200
Message-ID: <weber-0811-imaps@mueller-ht.de>
Content-Type: text/plain; charset=utf-8

We are checking DE-56 internally and come back to you.
MAIL
od replies fetch --as-of 2026-08-11 >"$work/imaps.txt" 2>&1 || fail "imaps fetch failed: $(cat "$work/imaps.txt")"
grep -q "1 ingested (" "$work/imaps.txt" || fail "imaps should fetch exactly the one new message: $(cat "$work/imaps.txt")"
[[ $(sqlite3 "$book/book.db" "SELECT count(*) FROM replies WHERE message_id='weber-0811-imaps@mueller-ht.de'") == 1 ]] \
  || fail "the imaps message is not in the book"

# ---------------------------------------------------------------- a new contact, a dispute
mkdir -p "$work/more"
cat >"$work/more/1.eml" <<'MAIL'
From: Sarah Lopez <ap@acmevalves.com>
To: ar@harbourlight.example
Subject: Change of contact
Date: Wed, 12 Aug 2026 09:00:00 -0400
Message-ID: <sarah-0812@acmevalves.com>
Content-Type: text/plain; charset=utf-8

Hello, I no longer handle accounts payable at Acme. Please write to Anna Lee, anna.lee@acmevalves.com, from now on.
Regards, Sarah
MAIL
cat >"$work/more/2.eml" <<'MAIL'
From: Jonas Weber <j.weber@mueller-ht.de>
To: ar@harbourlight.example
Subject: Reklamation DE-56
Date: Wed, 12 Aug 2026 10:00:00 +0200
Message-ID: <weber-0812@mueller-ht.de>
Content-Type: text/plain; charset=utf-8

DE-56: 400 kg of the yarn arrived wet and mouldy, we cannot use it. We will not pay DE-56 until this is settled. Photos attached.
MAIL
od replies ingest "$work/more" --as-of 2026-08-12 >"$work/more.txt"
grep -q "applied ACME (by sender) — reason wrong_contact; suggested contact anna.lee@acmevalves.com" "$work/more.txt" \
  || fail "the wrong_contact reply: $(cat "$work/more.txt")"
grep -q "applied MUELLER (by sender) — reason dispute; dispute opened on DE-56" "$work/more.txt" \
  || fail "the dispute reply: $(cat "$work/more.txt")"
sid=$(sqlite3 "$book/book.db" "SELECT id FROM replies WHERE message_id='sarah-0812@acmevalves.com'")
od replies accept-contact "$sid" --as-of 2026-08-12 | grep -q "contact anna.lee@acmevalves.com (Anna Lee) added to ACME as finance" \
  || fail "accept-contact did not add Anna Lee with Sarah's role"
[[ $(sqlite3 "$book/book.db" "SELECT count(*) FROM case_events WHERE customer_id='MUELLER' AND kind='dispute_open'") == 1 ]] \
  || fail "no dispute opened on DE-56"

# ---------------------------------------------------------------- below the threshold: a person
mkdir -p "$work/files"
# A reply with nothing to read but an attachment: the classifier cannot say, a person must.
cat >"$work/files/tw.eml" <<'MAIL'
From: 王大明 <dm.wang@tpm.com.tw>
To: ar@harbourlight.example
Subject:
Date: Wed, 12 Aug 2026 11:00:00 +0800
Message-ID: <tw-0812@tpm.com.tw>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=BB

--BB
Content-Type: text/plain; charset=utf-8

--BB
Content-Type: application/pdf; name=scan.pdf
Content-Disposition: attachment; filename=scan.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IK
--BB--
MAIL
od replies ingest "$work/files" --as-of 2026-08-12 >"$work/review.txt"
grep -q "review TAIPEI (by sender)" "$work/review.txt" || fail "an unreadable reply should wait for review: $(cat "$work/review.txt")"
od replies show "$(sqlite3 "$book/book.db" "SELECT id FROM replies WHERE customer_id='TAIPEI'")" | grep -q "Attachment: scan.pdf (application/pdf, 15 bytes)" \
  || fail "the attachment is not kept with the reply"
od plan --as-of 2026-08-12 --customer TAIPEI | grep -q " review_reply " || fail "the plan does not ask to review the reply"
rid=$(sqlite3 "$book/book.db" "SELECT id FROM replies WHERE customer_id='TAIPEI'")
od replies review "$rid" --reason cash_flow --promise 2026-08-20 --as-of 2026-08-12 >/dev/null || fail "review failed"
od plan --as-of 2026-08-12 --customer TAIPEI --all | grep -q " review_reply " && fail "review_reply stays after the review"
od case TAIPEI --as-of 2026-08-12 | grep -q "2026-08-20" || fail "the reviewed promise is not on the case"
grep -q "^local-$rid	2026-08-12	.*	cash_flow	2026-08-20	" "$book/replies-corrections.tsv" || fail "the correction was not kept for retraining"
od model retrain --corpus "$src/data/replies/corpus" --split "$src/data/replies/split.txt" >"$work/retrain.txt" 2>&1 \
  || fail "retrain failed: $(cat "$work/retrain.txt")"
grep -q "with $book/replies-corrections.tsv" "$work/retrain.txt" || fail "retrain did not use the corrections"
[[ -s "$book/overdue-replies.bin" ]] || fail "no retrained model beside the book"

kill "$dovecot_pid"
if ((failures)); then echo "mail_in: $failures failure(s)"; tail -5 "$work/dovecot/dovecot.log"; exit 1; fi
echo "mail_in: all checks passed"
