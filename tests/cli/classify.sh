#!/usr/bin/env bash
# `overdue classify`: --text (text and JSON), --batch (JSON Lines in input order, from any
# directory), the JSON keys of docs/classify.md, and every kind of bad input: a clear error or
# `other` with confidence 0, never a crash.
set -uo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# expect NAME EXIT_CODE PATTERN CMD...: runs CMD, checks its exit code and that stdout+stderr
# match the extended regex PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 3
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [[ $rc -ne $code ]]; then fail "$name: exit $rc, expected $code; output: $out"; return; fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then fail "$name: no /$pattern/ in: $out"; return; fi
  ok
}

expect "text: payment with a promise" 0 "promise_date +2025-12-30" \
  "$bin" classify --text "Sent half today, the rest goes out by the 30th. MT103 attached." \
  --date 2025-12-10
expect "text: Chinese request for time" 0 "reason +cash_flow" \
  "$bin" classify --text "最近资金周转困难，可以宽限到下月10号吗？" --date 2025-09-25
expect "text: why is always there" 0 "why +.+" \
  "$bin" classify --text "Thanks, noted." --date 2025-09-25
expect "text: empty reply" 0 "why +not classified: empty reply" \
  "$bin" classify --text "" --date 2025-09-25
expect "text: stdin" 0 "reason +payment_sent" \
  bash -c "printf 'We paid yesterday, bank slip attached.' | '$bin' classify --text - --date 2026-03-02"
expect "text: binary" 0 "not classified: binary data" \
  bash -c "printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00' | '$bin' classify --text - --date 2026-03-02"
expect "text: invalid UTF-8" 0 "confidence +0.00" \
  bash -c "printf '\xff\xfe\xfd\xfc\xfb\xfa pay' | '$bin' classify --text - --date 2026-03-02"
head -c 1048576 /dev/zero | tr '\0' 'a' >"$work/huge.txt"
expect "text: 1 MB" 0 "not classified: the reply is 1048576 bytes" \
  bash -c "'$bin' classify --text - --date 2026-03-02 <'$work/huge.txt'"
expect "text: bad date" 2 "--date: '2026-02-30' is not a valid calendar date" \
  "$bin" classify --text "hi" --date 2026-02-30
expect "text: bad format" 2 "--format: 'xml' must be text or json" \
  "$bin" classify --text "hi" --date 2026-03-02 --format xml
expect "no mode" 2 "give one of --text, --batch or --eval" "$bin" classify
expect "missing model" 1 "reply model '/nonexistent/m.bin' not found" \
  "$bin" classify --text "hi" --model /nonexistent/m.bin

# JSON: exactly the documented keys, in order.
"$bin" classify --text "Wrong person, please write to Ms. Lin, lin@buyer.com" --date 2026-03-02 \
  --format json >"$work/one.json" 2>&1
if python3 - "$work/one.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
keys = ["reason", "confidence", "promise_date", "promise_amount", "invoices", "references",
        "redirect", "why"]
assert list(o) == keys, list(o)
assert o["reason"] == "wrong_contact", o
assert o["redirect"] == {"name": "Ms. Lin", "email": "lin@buyer.com"}, o["redirect"]
assert 0 <= o["confidence"] <= 1
PY
then ok; else fail "json: keys or values of $(cat "$work/one.json")"; fi

# Batch: one object per line, in input order, from another working directory.
printf 'id\treceived\ttext\tnote\n' >"$work/batch.tsv"
printf 'r1\t2026-03-02\tWe paid yesterday, MT103 attached, ref FT25318XK2207.\tx\n' >>"$work/batch.tsv"
printf 'r2\t2026-03-02\t老板出差了，下周回来再说。\ty\n' >>"$work/batch.tsv"
printf 'r3\t2026-03-02\t\tz\n' >>"$work/batch.tsv"
printf 'r4\t2026-03-04\tCould you give us another three weeks?\\nCash is tight.\tw\n' >>"$work/batch.tsv"
(cd / && "$bin" classify --batch "$work/batch.tsv") >"$work/batch.jsonl" 2>&1
if python3 - "$work/batch.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
assert [r["id"] for r in rows] == ["r1", "r2", "r3", "r4"], rows
assert list(rows[0])[:2] == ["id", "reason"]
assert rows[0]["reason"] == "payment_sent" and rows[0]["references"][0]["value"] == "FT25318XK2207"
assert rows[1]["reason"] == "delay_excuse" and rows[1]["promise_date"] is None
assert rows[2]["reason"] == "other" and rows[2]["confidence"] == 0
assert rows[3]["promise_date"] == "2026-03-25", rows[3]
assert all(r["why"] for r in rows)
PY
then ok; else fail "batch: $(cat "$work/batch.jsonl")"; fi

printf 'id\treceived\ttext\nr1\t2026-13-01\thi\nr2\t2026-03-02\n' >"$work/bad.tsv"
expect "batch: bad date located" 1 "bad.tsv:2:4: received: '2026-13-01' is not a valid" \
  "$bin" classify --batch "$work/bad.tsv"
expect "batch: short line located" 1 "bad.tsv:3:14: expected 3 tab-separated fields, found 2" \
  "$bin" classify --batch "$work/bad.tsv"
expect "batch: missing file" 1 "nofile.tsv: cannot open the file" \
  "$bin" classify --batch "$work/nofile.tsv"
expect "eval: needs labels" 1 "missing column 'reason'" "$bin" classify --eval "$work/batch.tsv"
expect "eval: errors listed" 0 "errors" \
  "$bin" classify --eval "$src/data/replies/corpus/w01.tsv" --errors
expect "date only with text" 2 "--date applies to --text" \
  "$bin" classify --batch "$work/batch.tsv" --date 2026-03-02

echo "classify: $passed passed, $failed failed"
((failed == 0))
