#!/usr/bin/env bash
# Generates retro's man page from its own --help (help2man), with each command's --help as a section, so the
# page never drifts from the CLI. Usage: make-manpage.sh RETRO_BINARY OUTPUT.1.gz
set -euo pipefail
bin="$1"
out="$2"
include="$(mktemp)"
trap 'rm -f "$include" "${out%.gz}"' EXIT
{
  echo "[COMMANDS]"
  for command in events timeline draft lint; do
    # Only the commands this build has.
    if help="$("$bin" "$command" --help 2>/dev/null)"; then
      echo ".SS \"retro $command\""
      echo ".nf"
      printf '%s\n' "$help" | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/"
      echo ".fi"
    fi
  done
  echo "[SEE ALSO]"
  echo "The project's README.md and docs/ describe the event schema, the retro house style and the lint rules."
} > "$include"
# A fixed date keeps the page reproducible (SOURCE_DATE_EPOCH is honoured by help2man).
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1722124800}" help2man --no-info --section 1 \
  --name "reconstruct an outage's timeline and draft its incident retro" \
  --include "$include" --output "${out%.gz}" "$bin"
gzip -9 -n -c "${out%.gz}" > "$out"
