#!/usr/bin/env bash
# Golden tests in the style of ledger/hledger regression tests. Each tests/golden/*.test file is
#   # comment lines (optional; a line "# writes" allows the command to change the book)
#   $ overdue ARGS...
#   exact expected output (stdout and stderr), then "[exit N]" when the exit code is not 0
#   (more "$ overdue" commands may follow, each with its output; they run in order)
# Every command runs against a fresh copy of the fixed book in tests/data/book (imported as of
# 2026-07-31). Unless the file says "# writes", the book must be unchanged after the command
# (reports never write; failed imports leave nothing behind).
# UPDATE_GOLDEN=1 rewrites the expected output (then review the diff by reading it).
set -uo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OVERDUE_USER=golden TZ=UTC

base="$work/base.db"
for kind in customers contacts invoices payments; do
  if ! "$bin" --db "$base" import "$kind" "$src/tests/data/book/$kind.csv" --as-of 2026-07-31 \
      >"$work/import.log" 2>&1; then
    echo "setup: import $kind failed:"; cat "$work/import.log"; exit 1
  fi
done

dump() { sqlite3 "$1" .dump; }

failed=0
passed=0
for test in "$src"/tests/golden/*.test; do
  name=$(basename "$test" .test)
  expected=$(sed -n '/^\$ overdue /,$p' "$test")
  db="$work/$name.db"
  cp "$base" "$db"
  before=$(dump "$db")
  actual=$(grep '^\$ overdue ' "$test" | while IFS= read -r line; do
    printf '%s\n' "$line"
    (cd "$src" && eval "\"$bin\" --db \"$db\" ${line#\$ overdue }" </dev/null 2>&1; rc=$?; [ $rc -ne 0 ] && echo "[exit $rc]")
  done)
  after=$(dump "$db")
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    { sed -n '/^\$ overdue /q;p' "$test"; printf '%s\n' "$actual"; } >"$work/new" && mv "$work/new" "$test"
    continue
  fi
  ok=1
  if [[ "$actual" != "$expected" ]]; then
    echo "FAIL $name: output differs"
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | head -40
    ok=0
  fi
  if ! sed -n '/^\$ overdue /q;p' "$test" | grep -q '^# writes' && [[ "$before" != "$after" ]]; then
    echo "FAIL $name: the book changed"
    diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | head -20
    ok=0
  fi
  if ((ok)); then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "golden: $passed passed, $failed failed"
((failed == 0))
