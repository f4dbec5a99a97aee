#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing (Debian packages), builds retro, and runs it
# on the sample incident. Usage: bash scripts/run-sample.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETRO_TESTS=OFF >&2
cmake --build build-release -j"$(nproc)" --target retro >&2   # progress on stderr: stdout is the retro

echo "+ retro draft samples/2024-07-25-login/" >&2
./build-release/src/cli/retro draft samples/2024-07-25-login/
