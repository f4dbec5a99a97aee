#!/usr/bin/env bash
# Builds the Debian package with CPack from a configured and built tree and checks what it holds:
# the binary on PATH (the pre-commit hook's `language: system` runs `retro lint` from there), the man page
# generated from --help, the copyright file, the dependencies; then runs the packaged binary.
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
[ "$fail" = 0 ] && echo "package: $(basename "$deb") holds the binary, the man page and the docs"
exit "$fail"
