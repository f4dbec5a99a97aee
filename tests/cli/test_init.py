#!/usr/bin/env python3
"""`retro init [DIR]` (issue 20 item 4), run by ctest with RETRO_BIN set: the case folder skeleton loads
without a diagnostic, its README is never read as a source nor linted, and an existing file is never
replaced (exit 2, naming the file, nothing written)."""
import shutil
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

check = Checks("init")
run = retro_runner(TZ="Europe/London")


def main():
    tmp = Path(tempfile.mkdtemp(prefix="retro-init-"))
    try:
        case = tmp / "case"
        r = run("init", str(case))
        check("init makes the folder and exits 0", r.returncode == 0 and (case / "retro.toml").is_file()
              and (case / "README.md").is_file(), r.stderr)
        check("init says what it wrote", b"retro.toml" in r.stderr and b"README.md" in r.stderr and r.stdout == b"",
              r.stderr)
        config = (case / "retro.toml").read_text()
        check("the zone is TZ's", 'tz = "Europe/London"' in config, config[:400])
        for key in ("slack_workspace", "[people]", "max_record_bytes", "max_entry_bytes", "max_file_bytes"):
            check(f"retro.toml shows {key}", key in config, config)

        r = run("events", str(case))
        check("a fresh case folder: no events, no diagnostics", r.returncode == 0 and r.stdout == b""
              and r.stderr == b"", r.stderr)
        r = run("events", "--config", str(case / "retro.toml"), str(case))
        check("its retro.toml loads without diagnostics", r.returncode == 0 and r.stderr == b"", r.stderr)
        r = run("lint", str(case))
        check("lint leaves its README alone", r.returncode == 0 and b"0 errors, 0 warnings in 0 files" in r.stderr,
              r.stdout + r.stderr)
        r = run("draft", str(case))
        check("draft of a fresh folder: nothing to draft", r.returncode == 2 and b"no events" in r.stderr, r.stderr)

        (case / "notes.md").write_text("# Notes\n\n10.02 AB login errors on the website\n")
        r = run("events", "--from", "2024-07-25", str(case))
        check("sources dropped in are read, the README still not", r.returncode == 0
              and r.stdout.count(b"\n") == 1 and b"README" not in r.stdout + r.stderr, r.stdout + r.stderr)

        before = {p.name: p.read_bytes() for p in case.iterdir()}
        r = run("init", str(case))
        check("init never replaces a file: exit 2, naming it",
              r.returncode == 2 and r.stderr == f"retro: error: {case / 'retro.toml'}: already exists; retro init "
              "never replaces a file\n".encode(), r.stderr)
        check("nothing changed", before == {p.name: p.read_bytes() for p in case.iterdir()})

        other = tmp / "other"
        other.mkdir()
        (other / "README.md").write_text("mine\n")
        r = run("init", str(other))
        check("an existing README: refused, retro.toml not written either",
              r.returncode == 2 and b"README.md: already exists" in r.stderr and not (other / "retro.toml").exists()
              and (other / "README.md").read_text() == "mine\n", r.stderr)

        here = tmp / "here"
        here.mkdir()
        r = run("init", "--tz", "America/New_York", cwd=here)
        check("DIR defaults to the current folder", r.returncode == 0 and (here / "retro.toml").is_file(), r.stderr)
        check("--tz is written", 'tz = "America/New_York"' in (here / "retro.toml").read_text())
        r = run("init", "--tz", "Mars/Olympus", str(tmp / "mars"))
        check("an unknown --tz: exit 2, nothing made", r.returncode == 2 and not (tmp / "mars").exists(), r.stderr)
        (tmp / "file").write_text("x")
        r = run("init", str(tmp / "file"))
        check("DIR that is a file: exit 2", r.returncode == 2 and b"not a folder" in r.stderr, r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
