#!/usr/bin/env python3
"""The sample draft against the published seed retro (issue 8, Tests): every seed timeline line with initials
whose happening is in the sample appears in the draft with the same HH.MM and initials; every seed alert line
falls inside the span of one of the draft's alert entries; the draft is lint-clean; and it is byte-identical
across runs. "In the sample" means: `retro events` on the sample has an event at that local minute (the
sample's notes.md explains which seed lines no source holds). Run by ctest with RETRO_BIN, RETRO_SAMPLES and
RETRO_SEED_DIR set."""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

RETRO = os.environ["RETRO_BIN"]
SAMPLE = Path(os.environ["RETRO_SAMPLES"]) / "2024-07-25-login"
SEED = Path(os.environ["RETRO_SEED_DIR"]) / "2024-07-25-retro-as-published.md"
ENV = dict(os.environ, TZ="Europe/London", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1722124800")
ENTRY = re.compile(r"^(\d\d)\.(\d\d) ([A-Z]{2,3})\b")
ALERT = re.compile(r"^(\d\d)\.(\d\d) #[\w-]+:")          # the seed writes its alert channel with '#'
DRAFT_ALERT = re.compile(r"^(\d\d)\.(\d\d) #?[\w-]+:")    # the draft also names alert systems (cloudwatch:)
UNTIL = re.compile(r"until last at (\d\d)\.(\d\d)")
failures = []


def run(*args):
    return subprocess.run([RETRO, *args], capture_output=True, env=ENV, timeout=300)


def timeline_lines(markdown):
    """The lines of the `## Timeline` section."""
    lines, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Timeline"
            continue
        if inside:
            lines.append(line)
    return lines


def minutes(h, m):
    return int(h) * 60 + int(m)


def main():
    r = run("draft", str(SAMPLE))
    if r.returncode != 0:
        print(r.stderr.decode())
        return 1
    draft = r.stdout.decode()
    if run("draft", str(SAMPLE)).stdout != r.stdout:
        failures.append("the draft differs between two runs")

    events = run("events", "--tz", "Europe/London", str(SAMPLE)).stdout.decode().splitlines()
    event_minutes = set()
    for line in events:
        e = json.loads(line)
        if e.get("precision") == "day":
            continue
        hh, mm = e["time"][11:13], e["time"][14:16]
        event_minutes.add((minutes(hh, mm) + 60) % (24 * 60))  # BST on 2024-07-25: UTC+1

    draft_entries = set()
    alert_spans = []
    for line in timeline_lines(draft):
        m = ENTRY.match(line)
        if m:
            draft_entries.add((minutes(m[1], m[2]), m[3]))
        a = DRAFT_ALERT.match(line)
        if a and not m:
            start = minutes(a[1], a[2])
            u = UNTIL.search(line)
            alert_spans.append((start, minutes(u[1], u[2]) if u else start))

    checked = 0
    for line in timeline_lines(SEED.read_text()):
        m = ENTRY.match(line)
        if m and minutes(m[1], m[2]) in event_minutes:
            checked += 1
            if (minutes(m[1], m[2]), m[3]) not in draft_entries:
                failures.append(f"seed line not in the draft with its time and initials: {line[:80]}")
        a = ALERT.match(line)
        if a:
            t = minutes(a[1], a[2])
            if not any(start <= t <= end for start, end in alert_spans):
                failures.append(f"seed alert line outside every alert entry: {line[:80]}")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2024-07-25-draft.md"
        path.write_bytes(r.stdout)
        lint = subprocess.run([RETRO, "lint", str(path)], capture_output=True, env=ENV, timeout=120)
    if lint.returncode != 0:
        failures.append("retro lint fails on the draft: " + lint.stdout.decode() + lint.stderr.decode())

    for f in failures:
        print("FAIL", f)
    print(f"draft vs seed: {checked} seed lines with initials checked, {len(alert_spans)} alert entries, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
