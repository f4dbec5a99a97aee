#!/usr/bin/env python3
"""Writes a stream for the dated-alerts bench: B bursts of 200 CloudWatch alarm transitions (default 975,
195,000 transitions) before an incident, the last burst the evening before it, then the incident: M people's
messages (default 2,000) that each name two times ("the svc-3-5xx alarm at 10pm yesterday and again at 4pm"),
as `retro.event/1` NDJSON on stdout. Every such sentence makes the correlator look for the alerts near the
times it names (issue 18 item 1), and the evening burst's alarms are brought into the window. The run's
time shows whether that look-up grows with the messages times the stream (it did, before 55c1e82) or with
the messages alone.

Usage: python3 bench/gen_dated_talk.py [M] [B] > dated.ndjson
"""
import json
import sys
from datetime import datetime, timedelta, timezone

M = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
BURSTS = int(sys.argv[2]) if len(sys.argv) > 2 else 975
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


def burst(begin):
    for i in range(200):
        key = "svc-%d-5xx" % (i % 50)
        out(begin + timedelta(seconds=2 * i), "alert", "cloudwatch", key + " alarm",
            {"alert": {"key": key, "state": "firing"}})


# Bursts of 200 transitions two seconds apart, five hours between them: each a cluster smaller than the
# incident's talk (M > 200), so the incident's window is the talk's. The last burst ends at 22:00 the
# evening before the talk, where its "10pm yesterday" points.
for k in range(BURSTS - 1):
    burst(START + timedelta(hours=5 * k))
talk = (START + timedelta(hours=5 * BURSTS)).replace(hour=9, minute=0) + timedelta(days=1)
burst(talk - timedelta(days=1) + timedelta(hours=13) - timedelta(seconds=400))
for i in range(M):
    out(talk + timedelta(seconds=10 * i), "message", "slack",
        "we saw the svc-%d-5xx alarm at 10pm yesterday and again at %dpm" % (i % 50, 1 + i % 11),
        {"actor": {"id": "U%d" % (i % 7), "name": "Person %d" % (i % 7)}})
