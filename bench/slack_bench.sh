#!/usr/bin/env bash
# Times `retro events` on a synthetic Slack export (bench/gen_slack_export.py), as a folder and as a ZIP,
# with and without a one-day window, beside `jq -c '.[]'` and Python's json.load over the same day files.
# Prints wall time, MB/s of day-file bytes and peak RSS (/usr/bin/time -v) for each.
#
#   bench/slack_bench.sh [--channels N] [--days N] [--per-day N] [--work DIR] [--retro PATH]
# Defaults make the full ≥ 1 GB export (200 channels, 365 days); e.g. --channels 40 --days 60 runs in minutes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
channels=200 days=365 per_day=10 work="${TMPDIR:-/tmp}/retro-slack-bench" retro="$here/../build/src/cli/retro"
while [ $# -gt 0 ]; do
  case "$1" in
    --channels) channels="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --per-day) per_day="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --retro) retro="$2"; shift 2 ;;
    *) echo "usage: $0 [--channels N] [--days N] [--per-day N] [--work DIR] [--retro PATH]" >&2; exit 2 ;;
  esac
done
[ -x "$retro" ] || { echo "no retro binary at $retro (build first, or pass --retro)" >&2; exit 2; }

export_dir="$work/export-${channels}x${days}x${per_day}"
export_zip="$export_dir.zip"
if [ ! -d "$export_dir" ]; then
  mkdir -p "$work"
  python3 "$here/gen_slack_export.py" "$export_dir" --channels "$channels" --days "$days" --per-day "$per_day"
fi
if [ ! -f "$export_zip" ]; then
  (cd "$export_dir" && zip -q -r "$export_zip" .)
fi

day_files="$work/day-files-${channels}x${days}x${per_day}.txt"
find "$export_dir" -mindepth 2 -name '20??-??-??.json' | sort > "$day_files"
bytes=$(xargs -a "$day_files" -d '\n' cat | wc -c)
mb=$(python3 -c "print(f'{$bytes / 1e6:.1f}')")
# A one-day window in the middle of the export (its start date is the generator's default).
mid=$(python3 -c "import datetime as d; print((d.date(2023,7,26) + d.timedelta(days=$days // 2)).isoformat())")
next=$(python3 -c "import datetime as d; print((d.date.fromisoformat('$mid') + d.timedelta(days=1)).isoformat())")
window=(--from "${mid}T00:00:00Z" --until "${next}T00:00:00Z")

echo "export: $channels channels x $days days, $(wc -l < "$day_files") day files, $mb MB of day files;" \
     "ZIP $(( $(stat -c %s "$export_zip") / 1000000 )) MB; window $mid"
printf '%-44s %9s %9s %12s %9s\n' "run" "seconds" "MB/s" "peak RSS MB" "lines"

measure() {  # name, command…
  local name="$1"; shift
  local log="$work/time.log" out="$work/out.ndjson"
  /usr/bin/time -v -o "$log" "$@" > "$out" 2> "$work/stderr.log" || { echo "$name failed:"; tail -5 "$work/stderr.log"; }
  local secs rss lines
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  lines=$(wc -l < "$out")
  printf '%-44s %9.2f %9.1f %12s %9s\n' "$name" "$secs" "$(python3 -c "print($bytes / 1e6 / max($secs, 0.01))")" "$rss" "$lines"
}

measure "retro events DIR" "$retro" events --unsorted "$export_dir"
measure "retro events ZIP" "$retro" events --unsorted "$export_zip"
measure "retro events DIR (sorted)" "$retro" events "$export_dir"
measure "retro events ZIP (sorted)" "$retro" events "$export_zip"
measure "retro events DIR, one-day window" "$retro" events "${window[@]}" "$export_dir"
measure "retro events ZIP, one-day window" "$retro" events "${window[@]}" "$export_zip"
measure "jq -c '.[]' over the day files" xargs -a "$day_files" -d '\n' jq -c '.[]'
measure "python3 json.load over the day files" python3 -c '
import json, sys
n = 0
for path in open(sys.argv[1]).read().splitlines():
    with open(path, "rb") as f:
        for m in json.load(f):
            n += 1
print(n)' "$day_files"
echo "(MB/s is day-file bytes over wall time for every row, so window rows show the speed-up from skipping files.)"
