"""Shared by the hostile-input tests: run the real binary (stdin from bytes or a generator of chunks),
capture stdout, the diagnostics, the exit code and the child's peak RSS; count passes and failures.

RETRO_BIN names the binary. Every run has TZ=UTC and a fixed SOURCE_DATE_EPOCH, so output is deterministic.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

RETRO = os.environ["RETRO_BIN"]
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1722124800")


class Run:
    def __init__(self, args, stdout, stderr, exit_code, peak_rss_mb, seconds, stdout_lines):
        self.args, self.stdout, self.stderr, self.exit = args, stdout, stderr, exit_code
        self.peak_rss_mb, self.seconds, self.stdout_lines = peak_rss_mb, seconds, stdout_lines

    @property
    def diagnostics(self):
        """stderr as a list of text lines."""
        return self.stderr.decode("utf-8", "replace").splitlines()

    @property
    def event_ids(self):
        """The ids of the NDJSON events on stdout (for `retro events`)."""
        return [json.loads(line)["id"] for line in self.stdout.splitlines() if line.strip()]

    def __repr__(self):
        return (f"retro {' '.join(self.args)}: exit {self.exit}, {self.seconds:.1f} s, {self.peak_rss_mb:.0f} MB, "
                f"stderr {self.stderr[:600]!r}")


def run_retro(*args, stdin=b"", cwd=None, timeout=120, keep_stdout=True):
    """Runs retro; `stdin` is bytes or an iterable of byte chunks written as they are produced. With
    keep_stdout=False standard output is only counted in lines (Run.stdout_lines), never stored."""
    start = time.monotonic()
    lines = [0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        # /usr/bin/time measures retro's own peak RSS (the rusage of a child forked from this Python process
        # would count the memory the fork copied).
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, RETRO, *args], stdin=subprocess.PIPE,
                                 stdout=out if keep_stdout else subprocess.PIPE, stderr=err, cwd=cwd, env=ENV,
                                 start_new_session=True)
        chunks = [stdin] if isinstance(stdin, (bytes, bytearray)) else stdin

        def count():
            for block in iter(lambda: child.stdout.read(1 << 20), b""):
                lines[0] += block.count(b"\n")

        counter = None if keep_stdout else threading.Thread(target=count, daemon=True)
        if counter:
            counter.start()

        def feed():
            try:
                for chunk in chunks:
                    child.stdin.write(chunk)
            except BrokenPipeError:
                pass
            finally:
                try:
                    child.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(child.pid, 9)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        writer.join(timeout=5)
        if counter:
            counter.join(timeout=5)
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        measured = [line for line in rss.read().splitlines() if line.strip().isdigit()]
        peak_mb = int(measured[-1]) / 1024 if measured else float("inf")
        return Run(list(args), stdout, err.read(), child.returncode, peak_mb, time.monotonic() - start,
                   stdout.count(b"\n") if keep_stdout else lines[0])


def ledger_of(*sources, cwd=None):
    """The ledger of `retro timeline --format json SOURCES` (None when it does not exit 0)."""
    run = run_retro("timeline", "--format", "json", *sources, cwd=cwd)
    if run.exit != 0:
        return None
    return json.loads(run.stdout)["ledger"]


class Suite:
    """Counts checks; `finish()` prints the closing `N passed, N failed` line and returns the exit code."""

    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0
        self.tmp = Path(tempfile.mkdtemp(prefix=f"retro-{name}-"))

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}", flush=True)

    def check_input(self, name, sources, expected_stderr, expected_ids=None, includes=(), strict_exit=1, options=(),
                    max_seconds=30, max_mb=300):
        """The checks every hostile input gets: `retro events OPTIONS SOURCES` prints exactly `expected_stderr`,
        exits 0 with exactly `expected_ids` (or at least `includes`), within `max_seconds` and `max_mb` of peak
        RSS; `--strict` exits `strict_exit`; the ledger balances. Returns the run."""
        args = [*options, *map(str, sources)]
        run = run_retro("events", *args)
        ids = run.event_ids
        self.check(f"{name}: diagnostics", run.diagnostics == expected_stderr, run)
        self.check(f"{name}: events", run.exit == 0 and set(includes) <= set(ids) and
                   (expected_ids is None or sorted(ids) == sorted(expected_ids)), f"{ids[:20]} {run}")
        self.check(f"{name}: time and memory", run.seconds < max_seconds and run.peak_rss_mb < max_mb, run)
        strict = run_retro("events", "--strict", *args)
        self.check(f"{name}: --strict exits {strict_exit}", strict.exit == strict_exit, strict)
        self.check_ledger(name, *args, events=len(ids))
        return run

    def check_ledger(self, name, *sources, cwd=None, events=None):
        """The ledger balances on these sources (and counts `events` input events when given)."""
        ledger = ledger_of(*sources, cwd=cwd)
        ok = ledger is not None and ledger["balances"] and \
            ledger["input"] == ledger["in_timeline"] + sum(ledger["dropped"].values()) and \
            (events is None or ledger["input"] == events)
        self.check(f"{name}: ledger balances", ok, ledger)

    def finish(self):
        shutil.rmtree(self.tmp, ignore_errors=True)
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
