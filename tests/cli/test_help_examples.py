#!/usr/bin/env python3
"""Docs that run (issue 20 item 9): every example in `retro --help` and each command's --help names files
that exist in samples/ (or that an earlier example of the same help wrote), and every example made of retro
alone runs and exits 0, in a scratch folder holding a link to samples/. `lint --help` lists lint's options
only. Run by ctest with RETRO_BIN and RETRO_SAMPLES set."""
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks

check = Checks("help-examples")
retro = os.environ["RETRO_BIN"]
samples = Path(os.environ["RETRO_SAMPLES"])
env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", SOURCE_DATE_EPOCH="1722124800",
           PATH=str(Path(retro).parent) + os.pathsep + os.environ.get("PATH", ""))
FILE_LIKE = re.compile(r"(/|\.(zip|json|jsonl|ndjson|mbox|eml|msg|md|sarif|gz|toml|txt))$")
OUTPUT_FLAGS = {"-o", "--output", ">"}


def help_text(*args):
    return subprocess.run([retro, *args, "--help"], capture_output=True, env=env, check=True).stdout.decode()


def examples(text):
    """The indented lines under "Examples:"."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.strip() == "Examples:":
            inside = True
        elif inside and line.startswith("  ") and line.strip():
            lines.append(line.strip())
        elif inside:
            inside = False
    return lines


def stages(tokens):
    """The commands of a line split at |, && and ;."""
    out, current = [], []
    for t in tokens:
        if t in {"|", "&&", ";"}:
            out.append(current)
            current = []
        else:
            current.append(t)
    return out + [current]


def check_example(where, line, written, scratch):
    tokens = list(shlex.shlex(line, posix=True, punctuation_chars="|&;<>()$"))
    runnable = "$(" not in line and all(s and s[0] == "retro" for s in stages(tokens))
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else ""
        if previous in OUTPUT_FLAGS:
            written.add(token)
        elif token.startswith("samples/"):
            check(f"{where}: {token} exists", (samples / token[len("samples/"):]).exists(), line)
        elif FILE_LIKE.search(token) and "*" not in token and "Europe/" not in token and "origin/" not in token:
            check(f"{where}: {token} was written by an earlier example", token in written, line)
    if runnable:
        r = subprocess.run(["bash", "-c", "set -o pipefail; " + line], cwd=scratch, capture_output=True, env=env,
                           timeout=300)
        check(f"{where}: `{line}` runs", r.returncode == 0, r.stderr[-400:])


def main():
    root = help_text()
    commands = re.findall(r"^  (\w+)\s", root.split("Subcommands:")[1].split("\n\n")[0], re.M)
    check("the commands are listed", set(commands) >= {"events", "timeline", "draft", "lint"}, commands)
    for command in [None, *commands]:
        where = f"retro {command} --help" if command else "retro --help"
        text = help_text(command) if command else root
        lines = examples(text)
        check(f"{where} has examples", command == "help" or len(lines) >= (2 if command == "init" else 3), text[-300:])
        scratch = Path(tempfile.mkdtemp(prefix="retro-examples-"))
        (scratch / "samples").symlink_to(samples.resolve())
        written = set()
        for line in lines:
            check_example(where, line, written, scratch)

    lint = help_text("lint")
    for option in ["--config", "--diagnostics", "--format", "--max-warnings", "--explain", "--output"]:
        check(f"lint --help lists {option}", option in lint)
    for option in ["--tz", "--assume-tz", "--from", "--until", "--slack-workspace", "--slack-channel", "--channel",
                   "--include-private", "--map", "--git-ref", "--strict"]:
        check(f"lint --help does not list {option}", option not in lint)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
