#!/usr/bin/env bash
# Builds the Debian package with CPack from a configured and built tree and checks what it holds:
# the binary on PATH (the pre-commit hook's `language: system` runs `retro lint` from there), the man page
# generated from --help with its EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES sections, the copyright file, docs/,
# the Debian changelog generated from CHANGELOG.md, the dependencies; then runs the packaged binary.
# Usage: test_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/retro_*.deb)"
listing="$(dpkg-deb -c "$deb" | awk '{print $6}')"
fail=0
expect() {
  if ! grep -qx "$1" <<< "$listing"; then
    echo "package: missing $1" >&2
    fail=1
  fi
}
expect ./usr/bin/retro
expect ./usr/share/man/man1/retro.1.gz
expect ./usr/share/doc/retro/copyright
expect ./usr/share/bash-completion/completions/retro
expect ./usr/share/zsh/vendor-completions/_retro
expect ./usr/share/fish/vendor_completions.d/retro.fish
if [ -f "$source/.pre-commit-hooks.yaml" ]; then expect ./usr/share/doc/retro/pre-commit-hooks.yaml; fi
expect ./usr/share/doc/retro/changelog.gz
# Every file of docs/, under the same names (the README's links resolve).
while IFS= read -r doc; do expect "./usr/share/doc/retro/$doc"; done < <(cd "$source" && find docs -type f | sort)

[ "$(dpkg-deb -f "$deb" Package)" = retro ] || { echo "package: wrong Package field" >&2; fail=1; }
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in tzdata libc6 libstdc++6; do
  grep -q "$dep" <<< "$depends" || { echo "package: Depends lacks $dep: $depends" >&2; fail=1; }
done

dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/retro" --version | grep -q '^retro ' || { echo "package: the binary does not run" >&2; fail=1; }
completed="$(bash --norc -c 'source "$1"; COMP_WORDS=(retro dr); COMP_CWORD=1; _retro; echo "${COMPREPLY[@]}"' _ \
  "$work/root/usr/share/bash-completion/completions/retro")"
[ "$completed" = draft ] || { echo "package: the bash completion does not complete: '$completed'" >&2; fail=1; }
man_text="$(zcat "$work/root/usr/share/man/man1/retro.1.gz")"
for command in events draft; do
  grep -q "retro $command" <<< "$man_text" || { echo "package: the man page lacks retro $command" >&2; fail=1; }
done
grep -qF '???' <<< "$man_text" && { echo "package: the man page lost UTF-8 text (???)" >&2; fail=1; }
for section in '.SH "EXIT STATUS"' '.SH ENVIRONMENT' '.SH FILES' '.SH EXAMPLES'; do
  grep -qxF "$section" <<< "$man_text" || { echo "package: the man page lacks $section" >&2; fail=1; }
done
# The examples as a list, one item each: as many items as the --help texts hold examples.
commands="$("$work/root/usr/bin/retro" --help | awk '/^Subcommands:$/ {i = 1; next} i && /^$/ {exit} i && /^  [a-z]/ {print $1}')"
examples="$(for c in "" $commands; do [ "$c" = help ] || "$work/root/usr/bin/retro" $c --help; done |
            awk '/^Examples:$/ {e = 1; next} e && /^  ./ {n++; next} {e = 0} END {print n + 0}')"
items="$(sed -n '/^\.SH EXAMPLES$/,/^\.SH /p' <<< "$man_text" | grep -c '^\.IP \\(bu' || true)"
[ "$examples" -gt 0 ] && [ "$items" = "$examples" ] ||
  { echo "package: the man page lists $items examples, the --help texts hold $examples" >&2; fail=1; }
grep -q 'retro events samples/2024\\-07\\-25\\-login/' <<< "$man_text" ||
  { echo "package: the man page's examples are not the --help ones" >&2; fail=1; }

# The changelog: Debian's format, this package's version, one item per issue.
changelog="$work/root/usr/share/doc/retro/changelog.gz"
version="$(dpkg-deb -f "$deb" Version)"
if command -v dpkg-parsechangelog > /dev/null; then
  [ "$(zcat "$changelog" | dpkg-parsechangelog -l - -S Version)" = "$version" ] ||
    { echo "package: the changelog's version is not the package's $version" >&2; fail=1; }
fi
zcat "$changelog" | head -1 | grep -qx "retro ($version) unstable; urgency=medium" ||
  { echo "package: the changelog does not start with this version's entry" >&2; fail=1; }
zcat "$changelog" | grep -q '^  \* Issue 2: ' || { echo "package: the changelog has no item per issue" >&2; fail=1; }
[ "$fail" = 0 ] && echo "package: $(basename "$deb") holds the binary, the man page, the docs and the changelog"
exit "$fail"
