#!/usr/bin/env bash
# Generates retro's man page from its own --help (help2man), with each command's --help as a section, so the
# page never drifts from the CLI. The examples of every --help become one EXAMPLES list (one item each);
# EXIT STATUS, ENVIRONMENT and FILES are written here. Usage: make-manpage.sh RETRO_BINARY OUTPUT.1.gz
set -euo pipefail
bin="$(realpath "$1")"
out="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work" "${out%.gz}"' EXIT
export LC_ALL=C.UTF-8  # the help holds UTF-8 (…); help2man keeps it as it is

# roff-safe text: backslashes, a leading dot or quote, and hyphens in options (\-) for copy and paste.
roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/"; }
# The help without its "Examples:" block; the block's lines alone.
without_examples() { awk '/^Examples:$/ {skip = 1; next} skip && /^  / {next} {skip = 0; print}'; }
examples_of() { awk '/^Examples:$/ {inside = 1; next} inside && /^  ./ {sub(/^  /, ""); print; next} {inside = 0}'; }
# One list item per example, the command in bold.
example_items() { roff | while IFS= read -r line; do printf '.IP \\(bu 2\n\\fB%s\\fR\n' "$line"; done; }

# help2man reads the top-level help through this wrapper, without its examples (they go to EXAMPLES).
cat > "$work/retro" <<WRAPPER
#!/usr/bin/env bash
if [ "\${1:-}" = --help ]; then "$bin" --help | awk '/^Examples:\$/ {skip = 1; next} skip && /^  / {next} {skip = 0; print}'
else exec "$bin" "\$@"; fi
WRAPPER
chmod +x "$work/retro"

commands="$("$bin" --help | awk '/^Subcommands:$/ {inside = 1; next} inside && /^$/ {exit} inside && /^  [a-z]/ {print $1}')"
include="$work/include"
{
  echo "[COMMANDS]"
  for command in $commands; do
    [ "$command" = help ] && continue
    echo ".SS \"retro $command\""
    echo ".nf"
    "$bin" "$command" --help | without_examples | roff
    echo ".fi"
  done

  echo "[EXAMPLES]"
  echo ".ad l"  # commands are not justified or hyphenated
  echo ".nh"
  echo "The examples read the sample case folders of retro's source tree; run them from its top folder."
  echo ".SS \"Getting started\""
  "$bin" --help | examples_of | example_items
  for command in $commands; do
    [ "$command" = help ] && continue
    echo ".SS \"retro $command\""
    "$bin" "$command" --help | examples_of | example_items
  done

  cat <<'SECTIONS'
[EXIT STATUS]
.TP
.B 0
Success; warnings and notes about the input do not change it.
.TP
.B 1
\fBretro lint\fR found errors, or more warnings than \fB\-\-max\-warnings\fR; under \fB\-\-strict\fR, an
input was damaged or truncated, or \fBretro draft \-\-update\fR left a conflict.
.TP
.B 2
A usage error (an unknown command or option, a bad value), a missing or unreadable path, no recognisable
source at all, or an output that may not be replaced.
.TP
.B 141
The reader of the output went away (\fBretro events ... | head\fR): retro ends quietly by SIGPIPE, as git
does.
[ENVIRONMENT]
.TP
.B TZ
The zone of local times when neither \fB\-\-tz\fR nor the config's \fBtz\fR names one (else the system zone).
.TP
.B SOURCE_DATE_EPOCH
Whole seconds since 1970: the draft's \fBRetro held\fR date when \fB\-\-retro\-held\fR is not given, so a
draft is the same bytes on every run.
.TP
.B NO_COLOR
When set and not empty, no colour on a terminal (\fB\-\-color always\fR still colours); see https://no\-color.org.
.TP
.B RETRO_PROGRESS_DELAY
Seconds before the progress line appears on a terminal (default 1; 0 shows it at once).
[FILES]
.TP
.B retro.toml
The configuration: \fB\-\-config\fR FILE, else the case folder's, else the first found walking up from the
current folder (for \fBretro lint\fR, from each linted file).
.TP
.B .NAME.retro\-tmp\-XXXXXX
The temporary file beside an \fB\-o\fR NAME until the command succeeds and renames it into place.
.TP
.B /usr/share/doc/retro/
The README, \fBdocs/\fR (the event schema, the sources, the lint rules), the changelog and the pre\-commit
hook definition.
SECTIONS

  echo "[SEE ALSO]"
  echo "The project's README.md and docs/ (installed in /usr/share/doc/retro/) describe the event schema,"
  echo "the retro house style and the lint rules."
} > "$include"

# A fixed date keeps the page reproducible (SOURCE_DATE_EPOCH is honoured by help2man).
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1722124800}" help2man --no-info --section 1 --locale C.UTF-8 \
  --name "reconstruct an outage's timeline and draft its incident retro" \
  --include "$include" --output "${out%.gz}" "$work/retro"
gzip -9 -n -c "${out%.gz}" > "$out"
