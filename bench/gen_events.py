#!/usr/bin/env python3
"""Writes N mixed `retro.event/1` events (default 1 000 000) as NDJSON on stdout, for the timeline benchmark.

The stream is a month of operations at a steady rate: Slack talk in a few channels (with joins, acks and
emoji-only replies for the noise rules), CloudWatch alarm transitions that repeat and flap (each also
posted to Slack, so the same-happening merge has work to do), e-mails and Statuspage updates; every few
hours an incident raises the rate of alerts and talk; nights are quiet, so each day is a cluster. Deterministic: the same N gives the same bytes.

Usage: python3 bench/gen_events.py [N] > events.ndjson
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(20240725)
START = datetime(2024, 7, 1, tzinfo=timezone.utc)
PEOPLE = [("U%03d" % k, name) for k, name in enumerate(
    ["Rachel Cooper", "Robert Cole", "Natalie Parker", "Sam Brown", "Alex Green", "Gita Edwards", "Lee Bright",
     "Morgan Hale", "Priya Shah", "Tom Kent", "Ines Duarte", "Kofi Mensah"])]
CHANNELS = ["wc-digital-platform", "wc-platform-alerts", "general", "incidents"]
ALARMS = ["catalogue-api-prod-5xx-alarm", "identity-api-prod-5xx-alarm", "identity-prod-failed-login-alarm"] + [
    "platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-%s" % r
    for r in ("orders", "holdings", "items", "bibs")]
WORDS = ("the api is returning errors again logging cluster storage deploy revert users cannot log in "
         "sierra catalogue identity auth0 lambda timeout retry looking into it fixed rolled back").split()


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def out(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")


def slack(t, channel, user, text, bot=False, extra=None):
    ts = "%d.%06d" % (int(t.timestamp()), t.microsecond)
    e = {"schema": "retro.event/1", "id": "slack:C%s/%s" % (CHANNELS.index(channel), ts), "time": iso(t),
         "precision": "exact", "kind": "message",
         "source": {"kind": "slack", "origin": "export.zip!/%s/%s.json" % (channel, t.date()), "line": 1},
         "channel": channel}
    e["actor"] = {"name": user} if bot else {"id": user[0], "name": user[1]}
    e["text"] = text
    if extra:
        e.update(extra)
    if bot:
        e["flags"] = {"bot": True}
    return e


def main():
    written = 0
    t = START
    incident_until = START
    while written < N:
        if t >= incident_until and rng.random() < 0.002:
            incident_until = t + timedelta(minutes=rng.randint(30, 180))
        busy = t < incident_until
        t += timedelta(microseconds=rng.randint(200_000, 4_000_000 if busy else 40_000_000))
        if t.hour < 6 and not busy:  # quiet nights: each day is an incident cluster of its own
            t = t.replace(hour=6)
        r = rng.random()
        if r < (0.30 if busy else 0.08):
            alarm = rng.choice(ALARMS)
            state = rng.choice(["firing", "firing", "resolved"])
            when = t.replace(microsecond=(t.microsecond // 1000) * 1000)
            e = {"schema": "retro.event/1", "id": "cloudwatch:%s/%s@%s" % (alarm, "ALARM" if state == "firing" else "OK",
                                                                           when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"),
                 "time": iso(when), "precision": "exact", "kind": "alert",
                 "source": {"kind": "cloudwatch", "vendor": "cloudwatch", "origin": "alarm-history.json", "line": written + 1},
                 "channel": "cloudwatch", "text": "Threshold Crossed: 1 datapoint was greater than the threshold",
                 "alert": {"key": alarm, "state": state}}
            out(e)
            written += 1
            if written < N and rng.random() < 0.7:  # the Slack post of the same transition, a few seconds later
                post = when + timedelta(seconds=rng.randint(1, 30))
                word = "ALARM" if state == "firing" else "OK"
                p = slack(post, "wc-platform-alerts", "AWS Chatbot", '%s: "%s" in EU (Ireland)' % (word, alarm), bot=True,
                          extra={"kind": "alert", "alert": {"key": alarm, "state": state}})
                p["source"]["vendor"] = "cloudwatch"
                out(p)
                written += 1
        elif r < 0.85:
            user = rng.choice(PEOPLE)
            channel = rng.choice(CHANNELS[:1] + CHANNELS[2:]) if not busy else "wc-digital-platform"
            k = rng.random()
            if k < 0.03:
                text = "@%s has joined the channel" % user[1]
            elif k < 0.08:
                text = rng.choice(["ok", "thanks!", "ack", "+1"])
            elif k < 0.11:
                text = rng.choice(["👍", ":tada:", "🎉 🎉"])
            else:
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30)))
            extra = {}
            if rng.random() < 0.3:
                root = t - timedelta(seconds=rng.randint(0, 600))
                extra["thread"] = "%d.%06d" % (int(root.timestamp()), root.microsecond)
            if rng.random() < 0.01:
                extra["flags"] = {"reactions": ["pushpin"]}
            out(slack(t, channel, user, text, extra=extra))
            written += 1
        elif r < 0.95:
            out({"schema": "retro.event/1", "id": "email:<%d.%d@collections.example.org>" % (written, t.microsecond),
                 "time": iso(t.replace(microsecond=0)), "precision": "exact", "kind": "email",
                 "source": {"kind": "mbox", "origin": "css-mail.mbox", "line": written + 1}, "channel": "css-mail.mbox",
                 "actor": {"name": "Collections Systems Support", "email": "css@collections.example.org"},
                 "text": "Sierra access: " + " ".join(rng.choice(WORDS) for _ in range(12))})
            written += 1
        else:
            state = rng.choice(["investigating", "identified", "monitoring", "resolved"])
            out({"schema": "retro.event/1", "id": "statuspage:update-%d" % written, "time": iso(t.replace(microsecond=0)),
                 "precision": "exact", "kind": "status",
                 "source": {"kind": "statuspage", "vendor": "statuspage", "origin": "statuspage.json", "line": 1},
                 "text": "%s - we are looking at login problems" % state.capitalize(),
                 "status": {"page": "Wellcome Collection", "state": state}})
            written += 1


if __name__ == "__main__":
    main()
