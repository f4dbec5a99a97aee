#!/bin/sh
# Alert ingestion benchmark (issue 5 item 9): a mixed-vendor NDJSON alert stream through `retro events -`
# read from a pipe, beside `jq -c .` reading the same stream from a pipe. Prints MB/s and peak RSS
# (`/usr/bin/time -v`), by wall clock and by CPU time (user + system: steadier on a shared machine), for: retro events - (sorted: holds every event), retro events --unsorted - (streams
# in constant memory), and jq -c . (parses and re-prints every record).
#
# Usage: bench/alerts_bench.sh [SIZE_MB] [RETRO_BINARY]
#   SIZE_MB defaults to 512; RETRO_BINARY to build-rel/src/cli/retro (configure it with
#   -DCMAKE_BUILD_TYPE=Release). The stream is generated once into $TMPDIR and removed afterwards.
set -eu

size_mb=${1:-512}
retro=${2:-build-rel/src/cli/retro}
here=$(cd "$(dirname "$0")" && pwd)
tmp=${TMPDIR:-/tmp}
stream="$tmp/retro-alerts-bench-$$.ndjson"
trap 'rm -f "$stream" "$stream.time"' EXIT INT TERM

[ -x "$retro" ] || { echo "alerts_bench: no retro binary at $retro" >&2; exit 2; }
command -v jq >/dev/null || { echo "alerts_bench: jq is not installed" >&2; exit 2; }

python3 "$here/gen_alerts_ndjson.py" "$size_mb" > "$stream"
bytes=$(wc -c < "$stream")
records=$(wc -l < "$stream")
echo "stream: $bytes bytes, $records records (mixed vendors)"

# run LABEL COMMAND…: cat the stream into COMMAND, output discarded; report wall time, MB/s, peak RSS.
run() {
    label=$1
    shift
    cat "$stream" | /usr/bin/time -v "$@" > /dev/null 2> "$stream.time"
    awk -v label="$label" -v bytes="$bytes" '
        /Elapsed \(wall clock\)/ {
            n = split($NF, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
        }
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Maximum resident set size/ { rss = $NF }
        END {
            printf "%-28s %7.2f s wall %7.1f MB/s | %7.2f s CPU %7.1f MB/s | %8.1f MB peak RSS\n",
                   label, s, bytes / 1e6 / s, cpu, bytes / 1e6 / cpu, rss / 1024
        }
    ' "$stream.time"
}

run "retro events -" "$retro" events -
run "retro events --unsorted -" "$retro" events --unsorted -
run "jq -c ." jq -c .
