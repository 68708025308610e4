#!/usr/bin/env bash
# Issue 7 bench: ingest 10,000 .eml files in mixed charsets (UTF-8, GB2312, GBK, Big5,
# ISO-8859-1, windows-1252; plain, base64, quoted-printable, HTML-only, with attachments) into
# the fixed book — messages/s, as a ratio to Python's email package merely parsing the same files
# in the same run. Median of RUNS runs (default 3).
set -euo pipefail
build=${1:-build}
bin=$(realpath "$build/overdue")
src=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
count=${MESSAGES:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/overdue-ingest.XXXXXX")
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/lib.sh"

/usr/bin/python3 - "$work/mail" "$count" <<'PY'
import sys, os, random, email.message, email.policy, email.charset
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
rng = random.Random(20261123)
senders = ["john.miller@acmevalves.com", "chenwei@henda.sg", "dm.wang@tpm.com.tw",
           "j.weber@mueller-ht.de", "nobody@unknown.example"]
texts = [("utf-8", "We wired USD 10,005.00 for INV-003 yesterday, MT103 attached."),
         ("gb2312", "发票HK-101的款项我们下周五支付，请查收。"),
         ("gbk", "最近資金緊張，HK-101能否寬限到月底？"),
         ("big5", "TW-8 的貨款我們已於昨日匯出，請查收水單。"),
         ("iso-8859-1", "Die Ware für DE-56 ist beschädigt, wir zahlen erst nach Klärung."),
         ("windows-1252", "Our customer has not paid us yet – we will pay INV-003 after they do.")]
for i in range(n):
    cs, text = texts[i % len(texts)]
    m = email.message.EmailMessage(policy=email.policy.SMTP)
    m["From"] = f"Buyer {i} <{senders[i % len(senders)]}>"
    m["To"] = "ar@harbourlight.example"
    m["Subject"] = f"Re: 付款 {i}" if i % 2 else f"Re: payment {i}"
    m["Date"] = f"Mon, {1 + i % 28:02d} Sep 2026 10:{i % 60:02d}:00 +0800"
    m["Message-ID"] = f"<bench-{i}@buyer.example>"
    body = text + "\n\nOn Fri, 31 Jul 2026, Credit Desk wrote:\n> please pay\n"
    if i % 7 == 3:
        m.set_content(f"<html><body><p>{text}</p><blockquote>old</blockquote></body></html>", subtype="html", charset="utf-8")
    else:
        m.set_content(body, charset=cs, cte="base64" if i % 2 else "quoted-printable")
    if i % 10 == 5:
        m.add_attachment(b"%PDF-1.4 slip " + bytes(rng.randrange(256) for _ in range(2000)),
                         maintype="application", subtype="pdf", filename="slip.pdf")
    with open(os.path.join(out, f"{i:05d}.eml"), "wb") as f:
        f.write(m.as_bytes())
PY
for kind in customers contacts invoices payments; do
  "$bin" --db "$work/start.db" import "$kind" "$src/tests/data/book/$kind.csv" --as-of 2026-07-31 >/dev/null
done
ours=()
base=()
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/run.db"*
  cp "$work/start.db" "$work/run.db"
  ours+=("$(seconds "$bin" --db "$work/run.db" replies ingest "$work/mail" --as-of 2026-09-30)")
  base+=("$(seconds /usr/bin/python3 -c '
import sys, os, email, email.policy
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    m = email.message_from_bytes(open(os.path.join(d, f), "rb").read(), policy=email.policy.default)
    b = m.get_body(preferencelist=("plain", "html"))
    b.get_content() if b is not None else None
' "$work/mail")")
done
ingested=$(sqlite3 "$work/run.db" "SELECT count(*) FROM replies")
[[ "$ingested" == "$count" ]] || { echo "bench: $ingested of $count messages ingested"; exit 1; }
ours_med=$(printf '%s\n' "${ours[@]}" | median)
base_med=$(printf '%s\n' "${base[@]}" | median)
printf 'replies ingest (%s .eml, mixed charsets): %.2f s = %.0f messages/s (parse, strip, match, classify, store); python email parse only %.2f s; ratio %.2fx\n' \
  "$count" "$ours_med" "$(echo "$count / $ours_med" | bc -l)" "$base_med" "$(echo "$ours_med / $base_med" | bc -l)"
echo "  runs overdue: ${ours[*]}"
echo "  runs python:  ${base[*]}"
