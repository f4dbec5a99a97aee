#!/usr/bin/env bash
# Lint benchmark: 1,000 retro files (copies of the 29 published Wellcome retros, cycled) linted by
# `retro lint` and, when installed (`npm install -g markdownlint-cli`), by `markdownlint` on the same files.
# Prints files/s for each. Usage: bench/lint_bench.sh [RETRO_BIN] (default build/src/cli/retro).
set -euo pipefail
cd "$(dirname "$0")/.."
retro_bin="${1:-build/src/cli/retro}"
corpus="${RETRO_CORPUS_DIR:-../shared/corpus}/wellcome-retros"
count=1000

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t sources < <(ls "$corpus"/*.md | sort)
for ((i = 0; i < count; i++)); do
  src="${sources[i % ${#sources[@]}]}"
  cp "$src" "$work/$(printf '%04d' "$i")_$(basename "$src")"
done

# Seconds (with fractions) a command takes; its exit status is ignored (lint exits 1 on findings).
time_of() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }'
}

report() {
  local name="$1" seconds="$2"
  awk -v n="$name" -v c="$count" -v s="$seconds" 'BEGIN { printf "%-14s %5d files in %7.3f s = %9.1f files/s\n", n, c, s, c / s }'
}

report "retro lint" "$(time_of "$retro_bin" lint "$work")"
if command -v markdownlint >/dev/null 2>&1; then
  report "markdownlint" "$(time_of markdownlint "$work")"
else
  echo "markdownlint    not installed (npm install -g markdownlint-cli): skipped"
fi
