#!/usr/bin/env bash
# Writes the Debian changelog of the package (/usr/share/doc/retro/changelog.gz, as a native package has it)
# from CHANGELOG.md: each `## VERSION (YYYY-MM-DD)` release one entry, each `- Issue N: …` bullet one `*` item,
# wrapped at 80 columns, signed by MAINTAINER on the release's date (so the file is reproducible).
# Fails when the newest release is not VERSION, the project's: the package and its changelog must agree.
# Usage: make-changelog.sh CHANGELOG.md VERSION MAINTAINER OUTPUT.gz
set -euo pipefail
changelog="$1"
version="$2"
maintainer="$3"
out="$4"
text="$(mktemp)"
trap 'rm -f "$text"' EXIT

newest="$(sed -n 's/^## \([^ ]*\) (\([0-9-]*\))$/\1/p' "$changelog" | head -1)"
if [ "$newest" != "$version" ]; then
  echo "make-changelog.sh: the newest release in $changelog is '$newest', the project's version is $version" >&2
  exit 1
fi

# Bullets are joined across their continuation lines, then wrapped: "  * " first, four spaces after.
flush_entry() {
  [ -n "$release" ] || return 0
  printf '%s\n' "retro ($release) unstable; urgency=medium" ""
  printf '%s\n' "${items[@]}" | while IFS= read -r item; do
    printf '%s\n' "$item" | fold -s -w 74 | sed -e '1s/^/  * /' -e '2,$s/^/    /' -e 's/ *$//'
  done
  printf '\n -- %s  %s\n\n' "$maintainer" "$(LC_ALL=C date -u -R -d "$day")"
}
release=""
day=""
items=()
{
while IFS= read -r line; do
  if [[ "$line" =~ ^##\ ([^ ]+)\ \(([0-9]{4}-[0-9]{2}-[0-9]{2})\)$ ]]; then
    flush_entry
    release="${BASH_REMATCH[1]}"
    day="${BASH_REMATCH[2]}"
    items=()
  elif [ -n "$release" ] && [[ "$line" == "- "* ]]; then
    items+=("${line#- }")
  elif [ -n "$release" ] && [[ "$line" == "  "* ]] && [ "${#items[@]}" -gt 0 ]; then
    items[-1]+=" ${line#"${line%%[! ]*}"}"
  fi
done < "$changelog"
flush_entry
} | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$text"  # without the blank line after the last entry
gzip -9 -n -c "$text" > "$out"
