#!/bin/sh
# Benchmark of `retro timeline` (issue 7): generated mixed events (bench/gen_events.py) at 125k, 250k,
# 500k and 1M events; prints events/s and peak RSS (`/usr/bin/time -v`) for each, and the time per
# event relative to n log n, which stays flat when the cost grows as n log n.
#
# Usage: bench/timeline_bench.sh [RETRO_BIN]   (default: build-release/src/cli/retro; build it with
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-release --target retro)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${RETRO_BIN:-$here/../build-release/src/cli/retro}}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/retro-timeline-bench}
mkdir -p "$work"
[ -x "$bin" ] || { echo "no retro binary at $bin" >&2; exit 2; }

printf '%9s %10s %12s %10s %14s\n' events seconds events/s peak_MiB "ns/(n log2 n)"
for n in 125000 250000 500000 1000000; do
    file="$work/events-$n.ndjson"
    [ -s "$file" ] || python3 "$here/gen_events.py" "$n" > "$file"
    /usr/bin/time -v "$bin" timeline --stats --tz UTC "$file" > "$work/out-$n.txt" 2> "$work/time-$n.txt"
    python3 - "$n" "$work/time-$n.txt" <<'PY'
import math, re, sys
n = int(sys.argv[1])
text = open(sys.argv[2]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print("%9d %10.2f %12.0f %10.1f %14.2f" % (n, seconds, n / seconds, rss_kib / 1024, seconds * 1e9 / (n * math.log2(n))))
PY
done
grep -E "input events|balances|raw alerts" "$work/out-1000000.txt" || true
