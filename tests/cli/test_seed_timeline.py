#!/usr/bin/env python3
"""Issue 7, item 10: `retro timeline samples/2024-07-25-login/` tells the seed retro's story.

* Every timeline line of the published retro (../shared/seed/2024-07-25-retro-as-published.md) that starts
  `HH.MM INITIALS` appears in the timeline with the same initials at the same HH.MM. All 26 such lines have
  their source in the sample (worked out by reading it): notes.md holds 10.00 NP; css-mail.mbox the three
  CSS lines (11.24, 12.18, 12.37); the Slack export the other twenty-two.
  One allowance: DESIGN.md truncates local times to the minute, and the retro's author rounded once —
  "11.36 RC @weco_devs starting a chat here" is the message whose permalink p1721903759248609 says
  10:35:59.248609 UTC, 11.35 truncated. A line matches when its HH.MM is the entry's time truncated or
  rounded to the minute.
* Every alert line of the seed (the 11.14 block's four alarms, 11.15, 11.19, 11.20, 11.22 … until last at
  12.17, "Failed login errors until last at 12.11") falls inside the span (first to last firing, in
  minutes) of an alert entry of the same alert, named as the seed names it.

Usage: RETRO_BIN=… test_seed_timeline.py SEED_MD SOURCE…   (exit 77, skipped, when the sample is absent)
"""
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone


def seed_timeline(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    start = lines.index("## Timeline")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    return lines[start + 1:end]


def minute_of(local):  # "11.14" → minutes since midnight
    h, m = local.split(".")
    return int(h) * 60 + int(m)


def main():
    seed, sources = sys.argv[1], sys.argv[2:]
    if not all(os.path.exists(s) for s in sources):
        print(f"skipped: the sample is not there yet ({', '.join(sources)})")
        return 77
    run = subprocess.run([os.environ["RETRO_BIN"], "timeline", "--format", "json", *sources], capture_output=True,
                         env=dict(os.environ, TZ="UTC"))
    if run.returncode != 0:
        print(run.stderr.decode(errors="replace"))
        return 1
    timeline = json.loads(run.stdout)
    if timeline["tz"] != "Europe/London":
        print(f"the sample's retro.toml should say Europe/London, the timeline is in {timeline['tz']}")
        return 1
    london = timezone(timedelta(hours=1))  # BST on 25 July 2024

    def local_minutes(utc):
        t = datetime.strptime(utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).astimezone(london)
        truncated = t.hour * 60 + t.minute
        return truncated, truncated + (1 if t.second >= 30 else 0)

    entries = []
    for e in timeline["entries"]:
        entries.append(e)
        entries.extend(e.get("continuations", []))

    failures = []
    # 1. Lines with initials.
    people_lines = []
    for line in seed_timeline(seed):
        m = re.match(r"^(\d\d\.\d\d) ([A-Z]{2,3}) (.*)", line)
        if m:
            people_lines.append((m.group(1), m.group(2), m.group(3)))
    for hh_mm, initials, text in people_lines:
        want = minute_of(hh_mm)
        if not any(e.get("initials") == initials and want in local_minutes(e["time"]) for e in entries):
            failures.append(f"no entry {hh_mm} {initials} for the seed line: {hh_mm} {initials} {text[:60]}")
    if len(people_lines) != 26:
        failures.append(f"the seed has 26 lines with initials, the parser found {len(people_lines)}")

    # 2. Alert lines: (HH.MM, name) pairs, read from the seed.
    alert_points = []
    block_time = None
    for line in seed_timeline(seed):
        m = re.match(r"^(\d\d\.\d\d) #wc-plaform-alerts:\s*(.*?)\\?$", line)
        if m:
            block_time = m.group(1)
            name = m.group(2).strip()
            until = re.match(r"(.*) until last at (\d\d\.\d\d)$", name)
            if until:
                alert_points += [(block_time, until.group(1)), (until.group(2), until.group(1))]
            elif name:
                alert_points.append((block_time, name))
            continue
        if block_time and re.match(r"^platform-lambda-error-alarm: ", line):
            alert_points.append((block_time, line.rstrip("\\").strip()))
            continue
        until = re.match(r"^([A-Z][A-Za-z ]+ errors) until last at (\d\d\.\d\d)$", line)
        if until:
            alert_points.append((until.group(2), until.group(1)))
            continue
        if line and not line.startswith("platform-lambda"):
            block_time = None
    groups = [e["group"] for e in entries if "group" in e]
    for hh_mm, name in alert_points:
        t = minute_of(hh_mm)
        inside = [g for g in groups if g["key"].lower() == name.lower()
                  and local_minutes(g["first"])[0] <= t <= local_minutes(g["last"])[0]]
        if not inside:
            spans = [(g["key"], g["first"], g["last"]) for g in groups if g["key"].lower() == name.lower()]
            failures.append(f"seed alert {hh_mm} {name}: inside no alert entry of that alert (entries: {spans})")
    if len(alert_points) != 10:
        failures.append(f"the seed has 10 alert points, the parser found {len(alert_points)}: {alert_points}")

    for f in failures:
        print("FAIL", f)
    print(f"{len(people_lines)} seed lines with initials, {len(alert_points)} seed alert points checked, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
