#!/usr/bin/env python3
"""Colour and progress on a terminal (issue 20 item 3), run by ctest with RETRO_BIN set. A terminal is made
with `script -qec CMD /dev/null`: severities are painted there (error red, warning yellow, note cyan),
never in a pipe or a -o file, not with NO_COLOR (unless --color=always) or TERM=dumb; the progress line
(shown at once with RETRO_PROGRESS_DELAY=0) appears on a terminal for events, timeline, draft and lint and
is erased before anything else is written, and never reaches a pipe."""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks

check = Checks("terminal")
RETRO = os.environ["RETRO_BIN"]
RED_ERROR = b"\x1b[1;31merror\x1b[0m"
YELLOW_WARNING = b"\x1b[1;33mwarning\x1b[0m"
ERASE = b"\r\x1b[K"


def base_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "RETRO_PROGRESS_DELAY")}
    env.update(LC_ALL="C.UTF-8", TZ="UTC", TERM="xterm")
    env.update(extra)
    return env


def on_terminal(*args, cwd=None, **env):
    """Runs retro with stdout and stderr on one pseudo-terminal; returns (exit code, what the terminal got)."""
    command = " ".join(shlex.quote(a) for a in [RETRO, *args])
    r = subprocess.run(["script", "-qec", command, "/dev/null"], stdin=subprocess.DEVNULL, capture_output=True,
                       env=base_env(**env), cwd=cwd, timeout=120)
    return r.returncode, r.stdout


def in_pipe(*args, cwd=None, **env):
    return subprocess.run([RETRO, *args], capture_output=True, env=base_env(**env), cwd=cwd, timeout=120)


def event(i):
    return ('{"schema":"retro.event/1","id":"t:%d","time":"2024-07-25T10:%02d:00Z","kind":"message",'
            '"source":{"kind":"notes","medium":"chat"},"author":{"name":"Ann Bee"},"text":"login errors %d"}\n'
            % (i, i % 60, i)).encode()


def write_inputs(tmp):
    (tmp / "empty.ndjson").write_bytes(b"")  # a warning: empty input
    (tmp / "events.ndjson").write_bytes(b"".join(event(i) for i in range(200)))
    retros = tmp / "retros"
    retros.mkdir()
    bad = ("# Incident retro - search down\n\n**Incident from:** 2024-07-26 10.00\n\n## Timeline\n\n"
           "### Friday 26 July\n\n10.00 NP noticed errors, owner TBD\n")
    for i in range(30):
        (retros / f"2024-07-{i % 28 + 1:02d}_case{i}.md").write_text(bad)
    (tmp / "retro.toml").write_text('[lint.rules]\nplaceholder = "error"\n')


def check_colour(tmp):
    code, out = on_terminal("events", "empty.ndjson", cwd=tmp)
    check("diagnostic severity painted on a terminal", YELLOW_WARNING in out and code == 0, out)
    r = in_pipe("events", "empty.ndjson", cwd=tmp)
    check("no escape in a pipe", b"\x1b" not in r.stderr and b"warning:" in r.stderr, r.stderr)
    r = in_pipe("events", "--color=always", "empty.ndjson", cwd=tmp)
    check("--color=always paints a pipe", YELLOW_WARNING in r.stderr, r.stderr)
    r = in_pipe("events", "--color", "always", "empty.ndjson", cwd=tmp, NO_COLOR="1")
    check("--color always wins over NO_COLOR", YELLOW_WARNING in r.stderr, r.stderr)
    code, out = on_terminal("events", "empty.ndjson", cwd=tmp, NO_COLOR="1")
    check("NO_COLOR: no escape on a terminal", b"\x1b" not in out and b"warning:" in out, out)
    code, out = on_terminal("events", "empty.ndjson", cwd=tmp, NO_COLOR="")
    check("NO_COLOR empty is unset", YELLOW_WARNING in out, out)
    code, out = on_terminal("events", "--color=never", "empty.ndjson", cwd=tmp)
    check("--color=never: no escape on a terminal", b"\x1b" not in out, out)
    code, out = on_terminal("events", "empty.ndjson", cwd=tmp, TERM="dumb")
    check("TERM=dumb: no escape on a terminal", b"\x1b" not in out, out)
    r = in_pipe("events", "--diagnostics", "json", "--color=always", "empty.ndjson", cwd=tmp)
    check("JSON diagnostics are never painted", b"\x1b" not in r.stderr and r.stderr.startswith(b'{"file"'), r.stderr)
    r = in_pipe("events", "--color=sometimes", "empty.ndjson", cwd=tmp)
    check("--color takes auto, always, never", r.returncode == 2, r.stderr)

    for command in ("events", "timeline", "draft", "lint", "init"):
        r = in_pipe(command, "--help")
        check(f"{command} --help lists --color", b"--color" in r.stdout, r.stdout[-600:])

    code, out = on_terminal("lint", "retros/2024-07-01_case0.md", cwd=tmp)
    check("lint finding painted on a terminal", code == 1 and RED_ERROR in out
          and b"\x1b[1;31m^\x1b[0m" in out, out)
    r = in_pipe("lint", "retros/2024-07-01_case0.md", cwd=tmp)
    check("lint finding plain in a pipe", r.returncode == 1 and b"\x1b" not in r.stdout + r.stderr
          and b": error: placeholder" in r.stdout, r.stdout)
    code, out = on_terminal("lint", "--color=always", "-o", "lint.txt", "retros/2024-07-01_case0.md", cwd=tmp)
    written = (tmp / "lint.txt").read_bytes()
    check("lint -o FILE is never painted", code == 1 and b"\x1b" not in written and b": error: " in written, written)
    r = in_pipe("lint", "--color=always", "retros/2024-07-01_case0.md", cwd=tmp)
    check("lint --color=always paints a pipe", RED_ERROR in r.stdout, r.stdout)


def progress_lines(out):
    """The progress texts drawn (between \\r and an erase or the next \\r)."""
    return re.findall(rb"\rretro: ([^\r\n]*?)\x1b\[K", out)


def check_progress(tmp):
    for args, what in ((["events", "events.ndjson"], "events"), (["timeline", "events.ndjson"], "timeline"),
                       (["draft", "events.ndjson"], "draft"), (["lint", "retros"], "lint")):
        code, out = on_terminal(*args, cwd=tmp, RETRO_PROGRESS_DELAY="0")
        drawn = [line for line in progress_lines(out) if line]
        check(f"{what}: progress line on a terminal", drawn and (b"MB read" in drawn[0] or b"correlating" in drawn[0]),
              out[:400])
        # Erased before output: the last progress text is followed by an erase before any output line.
        last = out.rfind(b"\rretro: ")
        check(f"{what}: progress line erased before the output", last >= 0 and out.find(ERASE, last + 1) > last,
              out[last:last + 200])
        r = in_pipe(*args, cwd=tmp, RETRO_PROGRESS_DELAY="0")
        check(f"{what}: no progress line in a pipe", b"\r" not in r.stderr and b"\x1b" not in r.stderr, r.stderr[:300])
    code, out = on_terminal("timeline", "events.ndjson", cwd=tmp, RETRO_PROGRESS_DELAY="0", TERM="dumb")
    check("TERM=dumb: no progress line", b"\x1b" not in out, out[:300])
    code, out = on_terminal("timeline", "events.ndjson", cwd=tmp, RETRO_PROGRESS_DELAY="0")
    check("timeline: says it correlates", b"correlating 200 events" in out, out[:400])
    code, out = on_terminal("timeline", "events.ndjson", cwd=tmp)
    check("a short run shows no progress line", b"\rretro: " not in out, out[:300])


def main():
    if shutil.which("script") is None:
        print("terminal: `script` (util-linux) is not installed; skipped")
        return 77
    tmp = Path(tempfile.mkdtemp(prefix="retro-terminal-"))
    try:
        write_inputs(tmp)
        check_colour(tmp)
        check_progress(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
