#!/usr/bin/env bash
# Peak resident memory of `overdue classify --text` stays within 64 MB (getrusage of the child).
set -uo pipefail
bin=$(realpath "$1")
python3 - "$bin" <<'PY'
import resource, subprocess, sys
limit_kb = 64 * 1024
text = "王经理，最近资金周转困难，能不能宽限到下月10号？We will pay the rest by the 30th."
result = subprocess.run([sys.argv[1], "classify", "--text", text, "--date", "2026-03-02"],
                        capture_output=True, text=True)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
ok = result.returncode == 0 and peak_kb <= limit_kb
print(f"classify --text: peak RSS {peak_kb / 1024:.1f} MB (limit 64 MB), exit {result.returncode}")
print(f"classify_rss: {int(ok)} passed, {int(not ok)} failed")
sys.exit(0 if ok else 1)
PY
