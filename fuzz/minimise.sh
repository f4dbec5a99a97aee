#!/usr/bin/env bash
# Minimises a target's saved corpus with what a fuzzing run found:
#   fuzz/minimise.sh BUILD_DIR TARGET
# The inputs of fuzz/corpus/TARGET and $WORK/corpus/TARGET that together reach every feature are chosen by
# -merge=1 into an empty folder and replace the saved corpus's fuzzer-named (SHA-1) files; named seeds and
# regress-* inputs always stay. When -merge=1 keeps more than 250 files or 800 KB, `-set_cover_merge=1
# -use_counters=0` is used instead: a greedy cover of every edge, ignoring hit-count buckets (a tenth of the
# files for the same `cov:`).
set -euo pipefail
build=$1 target=$2
top=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$top/fuzz-work}
bin=$build/fuzz/fuzz_$target
saved=$top/fuzz/corpus/$target
min=$work/min/$target
mkdir -p "$work/corpus/$target" "$work/logs"

merge() {
    rm -rf "$min" && mkdir -p "$min"
    nice -n 19 "$bin" "$@" -rss_limit_mb=2048 -timeout="${TIMEOUT:-10}" -max_len=65536 "$min" "$saved" "$work/corpus/$target" \
        >"$work/logs/$target.merge.log" 2>&1
}
bytes() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
too_big() { [ "$(find "$min" -type f | wc -l)" -gt 250 ] || [ "$(bytes "$min")" -gt 800000 ]; }

merge -merge=1
too_big && merge -set_cover_merge=1 -use_counters=0
find "$saved" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
find "$min" -maxdepth 1 -type f -exec cp {} "$saved"/ \;
# A named file's bytes also picked by the merge appear under their SHA-1: keep the named copy only.
find "$saved" -maxdepth 1 -type f -regextype posix-extended ! -regex '.*/[0-9a-f]{40}' -print0 |
    xargs -0 -r sha1sum | while read -r sum _; do rm -f "$saved/$sum"; done
echo "$target: $(find "$saved" -type f | wc -l) files, $(bytes "$saved") bytes saved"
