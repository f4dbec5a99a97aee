#!/usr/bin/env python3
"""Writes a stream for the dated-alerts bench: 195,000 CloudWatch alarm transitions in 975 bursts before an
incident, then an incident whose M people's messages (default 2,000) each name two times ("errors at 10pm
yesterday and again at 3pm"), as `retro.event/1` NDJSON on stdout. Every such sentence makes the correlator
look for the alerts near the times it names (issue 18 item 1): the run's time shows whether that look-up
grows with the messages times the stream (it did, before 55c1e82) or with the messages alone.

Usage: python3 bench/gen_dated_talk.py [M] > dated.ndjson
"""
import json
import sys
from datetime import datetime, timedelta, timezone

M = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
START = datetime(2024, 7, 1, tzinfo=timezone.utc)
n = 0


def out(t, kind, source, text, extra):
    global n
    n += 1
    event = {"schema": "retro.event/1", "id": "%s:%d" % (source, n), "time": t.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
             "precision": "exact", "kind": kind, "source": {"kind": source, "origin": "dated.ndjson", "line": n},
             "channel": "ops", "text": text}
    event.update(extra)
    sys.stdout.write(json.dumps(event, separators=(",", ":")) + "\n")


# Bursts of 200 transitions two seconds apart, five hours between bursts: each a cluster smaller than the
# incident's talk (M > 200), so the incident's window is the talk's.
for burst in range(975):
    for i in range(200):
        key = "svc-%d-5xx" % (i % 50)
        out(START + timedelta(hours=5 * burst, seconds=2 * i), "alert", "cloudwatch", key + " ALARM",
            {"alert": {"key": key, "state": "firing"}})
talk = START + timedelta(days=204, hours=9)
for i in range(M):
    out(talk + timedelta(seconds=10 * i), "message", "slack",
        "we saw svc-%d-5xx errors at 10pm yesterday and again at %dpm" % (i % 50, 1 + i % 11),
        {"actor": {"id": "U%d" % (i % 7), "name": "Person %d" % (i % 7)}})
