#!/usr/bin/env bash
# Runs one fuzz target with libFuzzer, then merges what it found into the saved corpus.
#   fuzz/run.sh BUILD_DIR TARGET [SECONDS]        (e.g. fuzz/run.sh build-fuzz alert_sentry 600)
# The fuzzer works in $WORK/corpus/TARGET (WORK defaults to fuzz-work/ at the top of the checkout), reading
# fuzz/corpus/TARGET as seeds; its log is $WORK/logs/TARGET.log (with -print_final_stats=1), crashes,
# timeouts and OOMs land in $WORK/artifacts/ as TARGET-crash-…. Afterwards `-merge=1` keeps the inputs that
# reach new coverage to fuzz/corpus/TARGET (fuzz/minimise.sh), so the replay tests keep them. Runs under
# `nice -n 19` (NICE to change). TIMEOUT (seconds, default 10) is libFuzzer's per-input hang guard: raise it on a machine busy
# with builds, where a niced 0.2 s input can wait past 10 s for a core.
set -euo pipefail
build=$1 target=$2 seconds=${3:-600}
top=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$top/fuzz-work}
bin=$build/fuzz/fuzz_$target
saved=$top/fuzz/corpus/$target
mkdir -p "$work/corpus/$target" "$work/logs" "$work/artifacts" "$saved"
log=$work/logs/$target.log
start=$(date +%s)
set +e
nice -n "${NICE:-19}" "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout="${TIMEOUT:-10}" -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" "$work/corpus/$target" "$saved" >"$log" 2>&1
status=$?
set -e
end=$(date +%s)
echo "wall_seconds: $((end - start)) exit: $status" >>"$log"
"$top/fuzz/minimise.sh" "$build" "$target"
exit $status
