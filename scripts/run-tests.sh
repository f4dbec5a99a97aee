#!/usr/bin/env bash
# The whole test suite, twice: built with g++ (warnings as errors), then with clang 14 under
# AddressSanitizer and UndefinedBehaviorSanitizer. Tests read real data from ../shared/corpus
# (or RETRO_CORPUS_DIR). Usage: bash scripts/run-tests.sh [--quick]   (--quick: g++ pass only)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${RETRO_CORPUS_DIR:-../shared/corpus}"
if [ ! -f "$corpus/README.md" ]; then
  echo "run-tests: the test corpus is missing at $corpus" >&2
  echo "run-tests: tests read real data from ../shared/corpus; clone beside it or set RETRO_CORPUS_DIR" >&2
  exit 1
fi
export RETRO_CORPUS_DIR="$(cd "$corpus" && pwd)"

bash scripts/install-deps.sh
jobs=$(nproc)

echo "== g++ build (warnings as errors)"
CXX=g++ cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETRO_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure --timeout 600

if [ "${1:-}" = "--quick" ]; then exit 0; fi

echo "== clang 14 build with AddressSanitizer + UndefinedBehaviorSanitizer"
CXX=clang++-14 cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRETRO_WERROR=ON -DRETRO_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900
