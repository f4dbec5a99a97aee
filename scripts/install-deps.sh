#!/usr/bin/env bash
# Installs retro's build and test dependencies from Debian 12 packages.
# Runs apt-get only when a package is missing; never downloads anything else.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  clang-14 libclang-rt-14-dev
  libsimdjson-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  libhowardhinnant-date-dev tzdata catch2
  libarchive-dev libzip-dev zlib1g-dev
  libdeflate-dev  # ZIP entries inflated about twice as fast as zlib does (issue 21)
  libxxhash-dev  # the hash of ids and other short texts, several times faster than std::hash (issue 21)
  libgmime-3.0-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libgit2-dev git  # git sources read through libgit2; the tests make their repositories with git
  libtomlplusplus-dev libmimalloc-dev
  libgumbo-dev  # Teams message bodies are HTML: read by an HTML5 parser, not patterns
  libgsf-1-dev  # Outlook .msg files: the OLE2 compound document read by libgsf, not by hand
  libyaml-cpp-dev  # Argo CD Applications and Kubernetes resources as kubectl writes them (YAML)
  python3 python3-jsonschema jq libarchive-tools zip
  python3-yaml  # tests/cli/test_lint_cli.py reads .pre-commit-hooks.yaml as pre-commit does
  python3-rfc3987  # validate_sarif.py checks SARIF URI formats, as GitHub code scanning does on upload
  help2man  # the man page, generated from --help at build time (issue 8: the Debian package)
  zsh fish  # only for the tests: the generated zsh and fish completions must load in those shells (issue 20)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
