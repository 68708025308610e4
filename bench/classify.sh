#!/usr/bin/env bash
# make bench: `overdue classify --batch` throughput on one core (target >= 20,000 replies/s) and
# the peak RSS of `overdue classify --text` (target <= 64 MB). The batch is the whole reply
# corpus repeated to REPLIES rows (default 50,000). Prints the median of RUNS runs (default 5).
# Usage: bench/classify.sh <build-dir>
set -euo pipefail
build=${1:-build}
bin=$(realpath "$build/overdue")
src=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
replies=${REPLIES:-50000}
work=$(mktemp -d "${TMPDIR:-/tmp}/overdue-classify-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$src/data/replies/corpus" "$work/batch.tsv" "$replies" <<'PY'
import csv, glob, os, sys
corpus, out, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = []
for path in sorted(glob.glob(os.path.join(corpus, "*.tsv"))):
    with open(path, encoding="utf-8") as f:
        rows += [(r["received"], r["text"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
with open(out, "w", encoding="utf-8") as f:
    f.write("id\treceived\ttext\n")
    for i in range(total):
        received, text = rows[i % len(rows)]
        f.write(f"b{i}\t{received}\t{text}\n")
PY
bytes=$(wc -c <"$work/batch.tsv")
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
source "$(dirname "$0")/lib.sh"
times=()
for ((i = 1; i <= runs; i++)); do
  t0=$(now)
  "${pin[@]}" "$bin" classify --batch "$work/batch.tsv" >"$work/out.jsonl"
  t1=$(now)
  times+=("$(echo "$t1 - $t0" | bc -l)")
done
lines=$(wc -l <"$work/out.jsonl")
if [[ "$lines" -ne "$replies" ]]; then echo "bench: expected $replies lines, got $lines"; exit 1; fi
median=$(printf '%s\n' "${times[@]}" | median)
printf 'classify --batch: %d replies (%.1f MB) in %.3f s on one core: %.0f replies/s (target >= 20000)\n' \
  "$replies" "$(echo "$bytes / 1048576" | bc -l)" "$median" "$(echo "$replies / $median" | bc -l)"
echo "  runs: ${times[*]}"
python3 - "$bin" <<'PY'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "classify", "--text", "客户还没付款给我们，最迟下个月10号付给您。", "--date",
                "2026-03-02"], check=True, capture_output=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"classify --text: peak RSS {peak:.1f} MB (target <= 64 MB)")
PY
