#!/usr/bin/env python3
"""Tests of the real binary: exit codes, --help, --version, and one clear diagnostic per kind of bad input
(DESIGN.md "Exit codes"; Foundation issue item 13). Run by ctest with RETRO_BIN set."""
import gzip
import os
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

check = Checks("cli")
run = retro_runner(TZ="UTC")


def event(i, time="2024-07-25T10:00:00Z"):
    return ('{"schema":"retro.event/1","id":"t:%d","time":"%s","kind":"note","source":{"kind":"notes"},"text":"x"}\n'
            % (i, time)).encode()


def main():
    tmp = Path(tempfile.mkdtemp(prefix="retro-cli-"))

    r = run("--version")
    check("version", r.returncode == 0 and r.stdout.decode().startswith("retro "), r.stdout)
    r = run("--help")
    check("help", r.returncode == 0 and b"events" in r.stdout, r.stdout[:200])
    r = run("events", "--help")
    check("events help has examples", r.returncode == 0 and b"Examples:" in r.stdout and b"retro events -" in r.stdout)
    r = run()
    check("no command is a usage error", r.returncode == 2, r.returncode)
    r = run("events")
    check("no source is a usage error", r.returncode == 2, r.returncode)
    r = run("events", "--bogus", "x")
    check("unknown option is a usage error", r.returncode == 2, r.returncode)
    r = run("frobnicate")
    check("unknown command is a usage error", r.returncode == 2, r.returncode)
    r = run("events", str(tmp / "missing.ndjson"))
    check("missing path exits 2", r.returncode == 2 and b"cannot open" in r.stderr, r.stderr)
    r = run("events", "--tz", "Mars/Olympus", "-", stdin=event(1))
    check("unknown zone exits 2", r.returncode == 2 and b"Mars/Olympus" in r.stderr, r.stderr)
    r = run("events", "--from", "yesterday", "-", stdin=event(1))
    check("bad --from exits 2", r.returncode == 2, r.stderr)

    # Bad input: one clear diagnostic each, the rest processed, exit 0 unless --strict.
    bad_line = event(1) + b'{"schema":"retro.event/1","id":\n' + event(2)
    r = run("events", "-", stdin=bad_line)
    check("malformed line", r.returncode == 0 and r.stdout.count(b"\n") == 2
          and r.stderr == b"<stdin>:2:32: error: invalid JSON: unexpected end of input [events.bad-json]\n", r.stderr)
    r = run("events", "--strict", "-", stdin=bad_line)
    check("malformed line under --strict exits 1", r.returncode == 1 and r.stdout.count(b"\n") == 2, r.returncode)
    r = run("events", "--diagnostics", "json", "-", stdin=bad_line)
    check("json diagnostics", r.stderr == b'{"file":"<stdin>","line":2,"column":32,"severity":"error",'
          b'"code":"events.bad-json","message":"invalid JSON: unexpected end of input"}\n', r.stderr)

    invalid_utf8 = event(1).replace(b'"text":"x"', b'"text":"\xff"')
    r = run("events", "-", stdin=invalid_utf8 + event(2))
    check("invalid UTF-8", r.returncode == 0 and r.stdout.count(b"\n") == 1
          and r.stderr.count(b"\n") == 1 and b"invalid UTF-8 [events.bad-json]" in r.stderr, r.stderr)

    (tmp / "empty.ndjson").write_bytes(b"")
    r = run("events", str(tmp / "empty.ndjson"))
    check("empty file is a warning, exit 0", r.returncode == 0 and r.stdout == b""
          and r.stderr.endswith(b": warning: empty input; nothing to read [ingest.empty]\n"), r.stderr)

    (tmp / "binary.bin").write_bytes(bytes(range(256)) * 100)
    r = run("events", str(tmp / "binary.bin"))
    check("binary file: one warning, no recognisable source, exit 2",
          r.returncode == 2 and r.stderr.count(b"[ingest.unknown-format]") == 1, r.stderr)
    r = run("events", str(tmp / "binary.bin"), str(tmp / "empty.ndjson"))
    check("binary beside a readable source exits 0", r.returncode == 0, r.stderr)

    big = b'{"schema":"retro.event/1","id":"big","text":"' + b"x" * (50 << 20) + b'"\n'
    r = run("events", "-", stdin=event(1) + big[:-3] + b"\n" + event(2))
    check("50 MB line: one diagnostic, neighbours kept", r.stdout.count(b"\n") == 2
          and r.stderr.count(b"\n") == 1 and b"unterminated string" in r.stderr, r.stderr[:300])

    data = b"".join(event(i) for i in range(3000))
    (tmp / "cut.ndjson.gz").write_bytes(gzip.compress(data)[:4000])
    r = run("events", str(tmp / "cut.ndjson.gz"))
    lines = r.stdout.count(b"\n")
    check("truncated .gz: events before the damage kept, one truncation error",
          r.returncode == 0 and 0 < lines < 3000 and b"truncated gzip stream" in r.stderr
          and r.stderr.count(b"[ingest.truncated]") == 1, r.stderr)
    r = run("events", "--strict", str(tmp / "cut.ndjson.gz"))
    check("truncated .gz under --strict exits 1", r.returncode == 1, r.returncode)

    # Round trip and order independence.
    stream = b"".join(event(i, f"2024-07-25T10:{i % 60:02d}:00Z") for i in range(200))
    (tmp / "fwd.ndjson").write_bytes(stream)
    (tmp / "rev.ndjson").write_bytes(b"".join(reversed(stream.splitlines(keepends=True))))
    a = run("events", str(tmp / "fwd.ndjson")).stdout
    b = run("events", str(tmp / "rev.ndjson")).stdout
    c = run("events", "-", stdin=a).stdout
    check("reversed input gives the same output", a == b and len(a) > 0)
    check("events | events - reproduces the stream", a == c)
    r = run("events", "-o", str(tmp / "out.ndjson"), str(tmp / "fwd.ndjson"))
    check("-o writes the file", r.returncode == 0 and (tmp / "out.ndjson").read_bytes() == a)
    r = run("events", "--unsorted", str(tmp / "rev.ndjson"))
    check("--unsorted keeps input order", r.stdout.splitlines()[0] == a.splitlines()[-1] or
          r.stdout.splitlines()[0] != a.splitlines()[0])
    r = run("events", "--from", "2024-07-25T10:10", "--until", "2024-07-25T10:20", "--tz", "UTC", str(tmp / "fwd.ndjson"))
    check("--from/--until select the window", r.stdout.count(b"\n") == 40, r.stdout.count(b"\n"))

    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
