#!/usr/bin/env bash
# Writes retro's shell completion scripts from its own command line (`retro completions SHELL`), so they never
# drift from the CLI. Usage: make-completions.sh RETRO_BINARY OUTPUT_FOLDER
# Writes OUTPUT_FOLDER/retro.bash, OUTPUT_FOLDER/_retro (zsh) and OUTPUT_FOLDER/retro.fish.
set -euo pipefail
bin="$1"
out="$2"
mkdir -p "$out"
"$bin" completions bash > "$out/retro.bash.tmp" && mv "$out/retro.bash.tmp" "$out/retro.bash"
"$bin" completions zsh > "$out/_retro.tmp" && mv "$out/_retro.tmp" "$out/_retro"
"$bin" completions fish > "$out/retro.fish.tmp" && mv "$out/retro.fish.tmp" "$out/retro.fish"
