#!/bin/sh
# Benchmark of `retro timeline` (issue 7): generated mixed events (bench/gen_events.py) at 125k, 250k,
# 500k and 1M events. For each size: wall and CPU seconds (user + system: the machine may be shared, so
# CPU time is the steadier figure), events per CPU second, peak RSS (`/usr/bin/time -v`), CPU time per
# n log2 n (flat when the cost grows as n log n), and the CPU time of `retro events` on the same input
# (ingest and sort alone), so the correlator's own share shows.
#
# Usage: bench/timeline_bench.sh [RETRO_BIN]   (default: build-release/src/cli/retro; build it with
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-release --target retro)
# BENCH_DIR (default /tmp/retro-timeline-bench) keeps the generated inputs between runs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${RETRO_BIN:-$here/../build-release/src/cli/retro}}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/retro-timeline-bench}
mkdir -p "$work"
[ -x "$bin" ] || { echo "no retro binary at $bin" >&2; exit 2; }

printf '%8s %7s %7s %10s %9s %14s %11s\n' events wall_s cpu_s events/cpu_s peak_MiB "cpu_ns/nlog2n" events_cpu_s
for n in 125000 250000 500000 1000000; do
    file="$work/events-$n.ndjson"
    [ -s "$file" ] || python3 "$here/gen_events.py" "$n" > "$file"
    /usr/bin/time -v "$bin" timeline --stats --tz UTC "$file" > "$work/out-$n.txt" 2> "$work/time-$n.txt"
    /usr/bin/time -v "$bin" events "$file" > /dev/null 2> "$work/events-time-$n.txt"
    python3 - "$n" "$work/time-$n.txt" "$work/events-time-$n.txt" <<'PY'
import math, re, sys
n = int(sys.argv[1])

def figures(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    wall_s = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu_s = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + \
        float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall_s, cpu_s, rss_kib

wall_s, cpu_s, rss_kib = figures(sys.argv[2])
_, events_cpu_s, _ = figures(sys.argv[3])
print("%8d %7.2f %7.2f %10.0f %9.1f %14.1f %11.2f" % (n, wall_s, cpu_s, n / cpu_s, rss_kib / 1024,
                                                     cpu_s * 1e9 / (n * math.log2(n)), events_cpu_s))
PY
done
grep -E "input events|balances|raw alerts" "$work/out-1000000.txt" || true
