#!/usr/bin/env bash
# Minimises a target's saved corpus with what a fuzzing run found:
#   fuzz/minimise.sh BUILD_DIR TARGET
# The inputs of fuzz/corpus/TARGET and $WORK/corpus/TARGET that together reach every feature are chosen by
# -merge=1 into an empty folder and replace the saved corpus's fuzzer-named (SHA-1) files; named seeds and
# regress-* inputs always stay.
set -euo pipefail
build=$1 target=$2
top=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$top/fuzz-work}
bin=$build/fuzz/fuzz_$target
saved=$top/fuzz/corpus/$target
mkdir -p "$work/corpus/$target" "$work/logs"
min=$work/min/$target
rm -rf "$min" && mkdir -p "$min"
if nice -n 19 "$bin" -merge=1 -rss_limit_mb=2048 -timeout=10 -max_len=65536 "$min" "$saved" "$work/corpus/$target" \
    >"$work/logs/$target.merge.log" 2>&1; then
    find "$saved" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
    find "$min" -maxdepth 1 -type f -exec cp {} "$saved"/ \;
    # drop fuzzer-named copies of named files
    for f in "$saved"/*; do
        name=$(basename "$f")
        [[ $name =~ ^[0-9a-f]{40}$ ]] || continue
        for g in "$saved"/*; do
            [[ $(basename "$g") =~ ^[0-9a-f]{40}$ ]] && continue
            if cmp -s "$f" "$g"; then rm -f "$f"; break; fi
        done
    done
fi
