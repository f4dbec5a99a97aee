#!/usr/bin/env python3
"""Generates a large synthetic Slack export (official layout, input-formats.md §1.1) for benchmarks.

Defaults: 200 channels, a year of days (365), ~15 KB a day file: about 1.1 GB of day files. Messages look like
a modern export: user_profile, a rich_text block mirroring `text`, mentions, links, threads, reactions, edits,
joins, and bot alarm posts with attachments. Day files are split on US Pacific dates, as Slack does.
Deterministic for a given seed. Python 3 standard library only.

    python3 gen_slack_export.py OUT_DIR [--channels N] [--days N] [--per-day N] [--start YYYY-MM-DD] [--seed N]
"""
import argparse
import datetime as dt
import json
import os
import random
from zoneinfo import ZoneInfo

PACIFIC = ZoneInfo("America/Los_Angeles")
WORDS = ("the catalogue api is returning errors again after the deploy so I rolled back and the alarm cleared "
         "logging cluster storage sierra adapter reader lambda identity auth0 login failing for some users "
         "can you check the dashboard please thanks looks fine now investigating restart queue backlog").split()


def user_objects(n):
    users = []
    for i in range(n):
        first, last = f"First{i:03d}", f"Last{i:03d}"
        users.append({"id": f"U{i:08d}", "team_id": "T00000001", "name": f"user{i}", "deleted": i % 97 == 0,
                      "real_name": f"{first} {last}", "tz": "Europe/London", "tz_offset": 3600, "is_bot": False,
                      "profile": {"real_name": f"{first} {last}", "display_name": f"{first}" if i % 3 else "",
                                  "email": f"user{i}@example.org", "first_name": first, "last_name": last,
                                  "image_72": f"https://avatars.example.org/{i}.png"}})
    return users


def text_of(rng, users):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 40))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"<@{rng.choice(users)['id']}>")
    if rng.random() < 0.2:
        words.append("<https://wellcomecollection.org/works/abc123|the work page>")
    if rng.random() < 0.1:
        words.append("`make deploy` &amp; *bold* &lt;tag&gt;")
    return " ".join(words)


def blocks_of(text):
    # Blocks carry the unescaped text; simplified to one section, as a size-realistic mirror.
    plain = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return [{"type": "rich_text", "block_id": "b1", "elements": [
        {"type": "rich_text_section", "elements": [{"type": "text", "text": plain}]}]}]


def human(rng, users, ts, thread=None):
    u = rng.choice(users)
    text = text_of(rng, users)
    m = {"client_msg_id": f"{rng.getrandbits(64):016x}-0000-4000-8000-{rng.getrandbits(48):012x}",
         "type": "message", "text": text, "user": u["id"], "ts": ts, "team": "T00000001",
         "user_profile": {"avatar_hash": "g0000", "image_72": u["profile"]["image_72"],
                          "first_name": u["profile"]["first_name"], "real_name": u["real_name"],
                          "display_name": u["profile"]["display_name"], "team": "T00000001", "name": u["name"],
                          "is_restricted": False, "is_ultra_restricted": False},
         "blocks": blocks_of(text)}
    if thread:
        m["thread_ts"] = thread
        m["parent_user_id"] = users[0]["id"]
    if rng.random() < 0.15:
        m["reactions"] = [{"name": rng.choice(["eyes", "+1", "tada", "white_check_mark"]), "users": [u["id"]],
                           "count": 1}]
    if rng.random() < 0.05:
        m["edited"] = {"user": u["id"], "ts": ts.split(".")[0] + ".000000"}
    return m


def alarm(rng, ts):
    name = rng.choice(["catalogue-api-5xx", "identity-api-prod-5xx-alarm", "sierra-reader-errors", "queue-backlog"])
    state = rng.choice(["ALARM", "OK"])
    return {"type": "message", "subtype": "bot_message", "text": "", "ts": ts, "bot_id": "B00000001",
            "username": "platform-alarms",
            "attachments": [{"fallback": name, "title": name, "color": "danger" if state == "ALARM" else "good",
                             "text": "Threshold Crossed: 1 datapoint was greater than the threshold (0.0).",
                             "fields": [{"title": "Status", "value": state, "short": True},
                                        {"title": "Region", "value": "eu-west-1", "short": True}]}]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--channels", type=int, default=200)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--per-day", type=int, default=10, help="messages per channel per day (mean)")
    ap.add_argument("--start", default="2023-07-26")
    ap.add_argument("--seed", type=int, default=20240725)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    users = user_objects(300)
    channels = [{"id": f"C{i:08d}", "name": f"channel-{i:03d}", "created": 1600000000, "creator": users[0]["id"],
                 "is_archived": False, "is_general": i == 0, "members": [u["id"] for u in users[:20]],
                 "topic": {"value": "", "creator": "", "last_set": 0},
                 "purpose": {"value": f"channel {i}", "creator": users[0]["id"], "last_set": 1600000000}}
                for i in range(a.channels)]

    def dump(path, obj):
        with open(os.path.join(a.out, path), "w", encoding="utf-8") as f:
            json.dump(obj, f, indent=4, ensure_ascii=False)

    dump("users.json", users)
    dump("channels.json", channels)
    for name in ("groups.json", "dms.json", "mpims.json"):
        dump(name, [])
    start = dt.datetime.fromisoformat(a.start).replace(tzinfo=PACIFIC)
    total = 0
    for c in channels:
        folder = os.path.join(a.out, c["name"])
        os.makedirs(folder, exist_ok=True)
        is_alerts = c["name"].endswith("0")
        for d in range(a.days):
            day_start = start + dt.timedelta(days=d)
            base = int(day_start.timestamp())
            n = max(1, int(rng.gauss(a.per_day, a.per_day / 4)))
            stamps = sorted(rng.randrange(0, 86400) for _ in range(n))
            messages, parent = [], None
            for seq, offset in enumerate(stamps):
                ts = f"{base + offset}.{(seq * 7919 + offset) % 1000000:06d}"
                if is_alerts and rng.random() < 0.5:
                    messages.append(alarm(rng, ts))
                    continue
                thread = parent if parent and rng.random() < 0.3 else None
                m = human(rng, users, ts, thread)
                if thread is None and rng.random() < 0.1:
                    m["thread_ts"] = ts
                    parent = ts
                messages.append(m)
            day = day_start.date().isoformat()
            with open(os.path.join(folder, f"{day}.json"), "w", encoding="utf-8") as f:
                text = json.dumps(messages, indent=4, ensure_ascii=False)
                f.write(text)
                total += len(text.encode())
    print(f"{a.out}: {a.channels} channels x {a.days} days, {total / 1e6:.1f} MB of day files")


if __name__ == "__main__":
    main()
