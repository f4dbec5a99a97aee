#!/usr/bin/env python3
"""A closed pipe ends every command silently with SIGPIPE's status, as git does (issue 20 item 2): `retro …
| head -1` exits 141 in a shell and prints nothing about it. Run by ctest with RETRO_BIN and RETRO_SAMPLES."""
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks

check = Checks("pipes")
retro = os.environ["RETRO_BIN"]
samples = Path(os.environ["RETRO_SAMPLES"])
env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", SOURCE_DATE_EPOCH="1722124800")


def ignore_sigpipe():
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)


def block_sigpipe():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})


def run_into_closed_pipe(args, preexec=None):
    """Runs retro with stdout a pipe nobody reads any more (its read end closed before the start)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([retro, *args], stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=300,
                              preexec_fn=preexec)
    finally:
        os.close(write_end)


def quiet(stderr):
    """Nothing said about the pipe: no error line (the inputs' own notes may stay)."""
    return b"error" not in stderr and b"Broken pipe" not in stderr and b"write failed" not in stderr


def main():
    login = str(samples / "2024-07-25-login")
    tmp = Path(tempfile.mkdtemp(prefix="retro-pipes-"))
    retro_md = tmp / "retro.md"
    subprocess.run([retro, "draft", login, "-o", str(retro_md)], env=env, capture_output=True, check=True)
    not_a_retro = tmp / "notes.md"  # lint's text output is its findings: a file with some
    not_a_retro.write_text("Some notes, no title, no timeline.\n")
    commands = {
        "events": ["events", login],
        "events --unsorted": ["events", "--unsorted", login],
        "events --format timesketch": ["events", "--format", "timesketch", login],
        "timeline": ["timeline", login],
        "timeline --format json --stats": ["timeline", "--format", "json", "--stats", login],
        "timeline --list-incidents": ["timeline", "--list-incidents", login],
        "draft": ["draft", login],
        "lint": ["lint", str(not_a_retro)],
        "lint --format json": ["lint", "--format", "json", str(retro_md)],
        "lint --format sarif": ["lint", "--format", "sarif", str(retro_md)],
        "lint --explain": ["lint", "--explain", "RETRO007"],
        "--help": ["--help"],
        "help draft": ["help", "draft"],
        "events --help": ["events", "--help"],
        "--version": ["--version"],
    }
    for name, args in commands.items():
        r = run_into_closed_pipe(args)
        check(f"{name}: ends by SIGPIPE, silently", r.returncode == -signal.SIGPIPE and quiet(r.stderr),
              f"exit {r.returncode}, stderr {r.stderr[-300:]!r}")

    # A parent that ignores SIGPIPE (some CI runners, daemons) or blocks it: the same end, status 141.
    r = run_into_closed_pipe(commands["events"], ignore_sigpipe)
    check("SIGPIPE ignored by the parent: still ends by SIGPIPE", r.returncode == -signal.SIGPIPE and quiet(r.stderr),
          f"exit {r.returncode}, stderr {r.stderr[-300:]!r}")
    r = run_into_closed_pipe(commands["timeline"], block_sigpipe)
    check("SIGPIPE blocked: exit 141", r.returncode == 128 + signal.SIGPIPE and quiet(r.stderr),
          f"exit {r.returncode}, stderr {r.stderr[-300:]!r}")

    # As a user types it: the shell reports 141 (128 + SIGPIPE) and nothing is said. The stream of the whole
    # case folder is larger than a pipe holds, so the write after head has gone fails whatever the timing.
    for name in ["events", "events --unsorted", "events --format timesketch"]:
        shell = "set -o pipefail; " + " ".join(f"'{a}'" for a in [retro, *commands[name]]) + " | head -1 > /dev/null"
        r = subprocess.run(["bash", "-c", shell], capture_output=True, env=env, timeout=300)
        check(f"{name} | head -1: exit 141", r.returncode == 141 and quiet(r.stderr),
              f"exit {r.returncode}, stderr {r.stderr[-300:]!r}")
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
