#!/usr/bin/env python3
"""Writes slack-export.zip: the Slack side of the 2024-07-25 login incident (the seed retro,
../shared/seed/2024-07-25-retro-as-published.md) in the official export layout (input-formats.md §1.1).

Times are the seed's, UK local (BST = UTC+1): seed `11.36` is 10:36 UTC. #wc-platform-alerts holds the alarm
posts (bot_message with attachments), #wc-digital-platform the team's messages (RC, NP, SB, AG, GE) with a
thread, an edited message and a file; noise: joins, chatter the day before and after, #wc-random, and a DM that
retro leaves out unless --include-private. Day files are split on US Pacific dates, as Slack does.

Deterministic: fixed entry timestamps, sorted keys where Slack has no order, no randomness.
Python 3 standard library only. Run: python3 make_slack_export.py [OUTPUT.zip]
"""
import datetime as dt
import json
import sys
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
PACIFIC = ZoneInfo("America/Los_Angeles")
ZIP_TIME = (2024, 7, 28, 9, 0, 0)

USERS = [
    # id, handle, real name (initials come from it), e-mail
    ("U02RC", "rachel.cooper", "Rachel Cooper", "r.cooper@wellcome.example.org"),
    ("U02NP", "nina.patel", "Nina Patel", "n.patel@wellcome.example.org"),
    ("U02SB", "sam.brown", "Sam Brown", "s.brown@wellcome.example.org"),
    ("U02AG", "alex.green", "Alex Green", "a.green@wellcome.example.org"),
    ("U02GE", "gareth.evans", "Gareth Evans", "g.evans@wellcome.example.org"),
    ("U02LB", "lucy.baker", "Lucy Baker", "l.baker@wellcome.example.org"),
]
TEAM, ALERTS, RANDOM, DM = "C01FBFSDLUA", "C01PLATALRTS", "C01RANDOM000", "D02RCNP0001"
CHANNELS = [
    (TEAM, "wc-digital-platform", "Digital platform team"),
    (ALERTS, "wc-platform-alerts", "Alarms from the platform account"),
    (RANDOM, "wc-random", "Anything else"),
]
BOT = {"bot_id": "B01ALARMS01", "username": "platform-alarms"}

_sequence = {}


def ts(hhmmss, day="2024-07-25"):
    """A Slack ts for a UTC time: epoch seconds and a per-second sequence, both deterministic."""
    t = dt.datetime.fromisoformat(f"{day}T{hhmmss}").replace(tzinfo=UTC)
    seconds = int(t.timestamp())
    _sequence[seconds] = _sequence.get(seconds, 0) + 1
    return f"{seconds}.{(seconds * 7919 + _sequence[seconds] * 104729) % 1000000:06d}"


def msg(user, text, at, **extra):
    m = {"type": "message", "user": user, "text": text, "ts": at}
    m.update(extra)
    return m


def attachment(title, status, text):
    color = {"ALARM": "danger", "OK": "good"}[status]
    return {
        "fallback": title, "title": title, "text": text, "color": color,
        "fields": [{"title": "Status", "value": status, "short": True},
                   {"title": "Region", "value": "eu-west-1", "short": True}],
    }


def bot_post(at, attachments):
    return {"type": "message", "subtype": "bot_message", "text": "", "ts": at, **BOT, "attachments": attachments}


def team_channel():
    parent = "1721903759.248609"  # 10:35:59 UTC, the seed's permalink p1721903759248609
    sb = "1721904240.112233"  # 10:44:00 UTC, as in samples/events/seed-incident.ndjson
    thread = {"thread_ts": parent}
    messages = [
        msg("U02LB", "Heads up: the Wellcome firewall migration is happening this evening", ts("16:10:05", "2024-07-24")),
        msg("U02RC", "users are telling us they can't log in on the web site", ts("10:33:12")),
        msg("U02RC", "<!subteam^S01WECODEVS|@weco_devs> starting a chat here; Logging in is down, and we're having "
            "issues with the Catalogue API", parent, thread_ts=parent, reply_count=2,
            reply_users=["U02RC", "U02SB"], latest_reply=sb, pinned_to=[TEAM]),
        msg("U02RC", "It is, in turn, what fails our e2es so we can not worry about that for now. I reverted the FE "
            "code back a few days and it seems to behave the same + the code passed without problem locally, in the "
            "e2e env, as well as in staging.\nIf we find out it is causing issue though, we can always revert.",
            ts("10:37:20"), parent_user_id="U02RC", **thread),
        msg("U02NP", "I've reported to CSS that users can't log in", ts("10:40:03")),
        msg("U02NP", "It looked like it was just an issue with accessing the Sierra desktop app (people have been "
            "logging in to the Sierra web app). I've asked for more info on Sierra now.", ts("10:41:30")),
        msg("U02RC", "I've reverted the last PR in case it affected the API errors", ts("10:42:10")),
        msg("U02SB", "We're working on fixing the logging issue, it's probably caused by the logging cluster running "
            "out of storage.", sb, parent_user_id="U02RC", edited={"user": "U02SB", "ts": "1721904301.000000"},
            reactions=[{"name": "eyes", "users": ["U02RC"], "count": 1}], **thread),
        msg("U02SB", "Not sure if the logging issue is related to the issues with the Catalogue API, but I can't see "
            "how those two would be connected", ts("10:44:31")),
        msg("U02RC", "so there is the logging issue (kibana) and the log in issue (logging into the website), which "
            "I'm wondering if it's related to Sierra's issues.", ts("10:45:08")),
        msg("U02NP", "I've opened a statuspage incident", ts("10:45:40")),
        {"type": "message", "subtype": "channel_join", "user": "U02GE", "text": "<@U02GE> has joined the channel",
         "ts": ts("10:50:00"), "inviter": "U02RC"},
        msg("U02NP", "There's no status page for Sierra and we have to hear from CSS for updates", ts("11:03:02")),
        msg("U02RC", "could we put a banner on the site to tell users requesting isn't working?", ts("11:03:40")),
        msg("U02NP", "on-site users know about it from the library staff", ts("11:04:15")),
        msg("U02RC", "debugging out loud\n<https://api.wellcomecollection.org/catalogue/v2/works/xswz3swa/items>\nis it "
            "a valid url to query in the first place?\nit's getting\n```{\n\"errorType\": \"http\",\n\"httpStatus\": 403,\n"
            "\"label\": \"Invalid API key\",\n\"description\": \"Forbidden\",\n\"type\": \"Error\"\n}```", ts("11:06:12"),
            files=[{"id": "F07SCREEN01", "created": 1721905570, "timestamp": 1721905570, "name": "items-403.png",
                    "title": "items 403", "mimetype": "image/png", "filetype": "png", "user": "U02RC",
                    "mode": "hosted", "size": 48213,
                    "url_private": "https://files.slack.com/files-pri/T01WELLCOME-F07SCREEN01/items-403.png?t=xoxe-000000-fake",
                    "permalink": "https://wellcome.slack.com/files/U02RC/F07SCREEN01/items-403.png"}]),
        msg("U02AG", "this is fine for the same work/item <https://wellcomecollection.org/works/xswz3swa/items>\nThe url "
            "you're trying to hit needs an API key to access, so can't be done freely through the browser",
            ts("11:09:33")),
        msg("U02RC", "We're getting similar ones repeatedly at the moment. The page is accessible "
            "<https://wellcomecollection.org/works/xswz3swa/items>", ts("11:10:05")),
        msg("U02GE", "my understanding is that Auth0 needs to talk to Sierra", ts("11:12:41")),
        msg("U02RC", "On the identity/aut0 page, we currently ask people to email the Library email when there's a "
            "problem with them logging in, that's interesting.", ts("11:13:20")),
        msg("U02AG", "I can log into my library account now", ts("11:18:02")),
        msg("U02NP", "confirmed, and I could make a successful request", ts("11:18:50")),
        msg("U02RC", "The last [API] alerts errors were fewer", ts("11:20:14")),
        msg("U02AG", "I checked a few of the works that are throwing cloudfront errors, they're all findable/accessible "
            "online so could it just be some bots that are trying to go straight to api.wellcomecollection.org and "
            "failing for lack of api key (as they should!)", ts("11:22:09")),
        msg("U02AG", "the /items endpoint does involve Sierra but I thought we were only making the call if the user "
            "was logged in", ts("11:24:30")),
        msg("U02RC", "I'm relaunching my e2es and they pass, so I'll un-revert my PR.", ts("11:25:47")),
        msg("U02NP", "I've closed the statuspage incident", ts("11:39:10")),
        msg("U02SB", "Logging cluster is back up and running. It's still deleting lots of documents in the background so "
            "it might be slower than usual, but I'm able to log in and use it normally now", ts("12:06:55"),
            reactions=[{"name": "tada", "users": ["U02RC", "U02NP"], "count": 2}]),
        msg("U02RC", "retro booked for this afternoon", ts("09:05:00", "2024-07-26")),
    ]
    return messages


def alerts_channel():
    sierra = [f"platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-{x}"
              for x in ("orders", "holdings", "items", "bibs")]
    crossed = "Threshold Crossed: 1 datapoint [1.0] was greater than the threshold (0.0)."
    posts = [bot_post(ts("10:14:25"), [attachment(name, "ALARM", crossed) for name in sierra])]

    def api_errors(at, n):
        return bot_post(ts(at), [{"fallback": "Catalogue API errors", "title": "Catalogue API errors",
                                  "text": f"{n} 5xx responses from the catalogue API in the last 5 minutes",
                                  "color": "danger"}])

    posts.append(api_errors("10:15:40", 14))
    posts.append(bot_post(ts("10:19:30"), [attachment("identity-api-prod-5xx-alarm", "ALARM", crossed)]))
    posts.append(api_errors("10:20:40", 9))
    # 11.22 … repeating every five minutes until the last at 12.17 (11:17 UTC).
    for i, minute in enumerate(range(22, 78, 5)):
        posts.append(api_errors(f"{10 + minute // 60}:{minute % 60:02d}:40", 30 - 2 * i))
    # Failed login errors from 11.23 until the last at 12.11 (11:11 UTC).
    for minute in range(23, 72, 8):
        posts.append(bot_post(ts(f"{10 + minute // 60}:{minute % 60:02d}:10"), [
            {"fallback": "Failed login errors", "title": "Failed login errors",
             "text": "Auth0 reports failed logins: Sierra patron API unreachable", "color": "danger"}]))
    posts.append(bot_post(ts("11:14:30"), [attachment("identity-api-prod-5xx-alarm", "OK", "Threshold no longer crossed.")]))
    posts.append(bot_post(ts("11:38:05"), [attachment(name, "OK", "Threshold no longer crossed.") for name in sierra]))
    return posts


def random_channel():
    return [
        msg("U02LB", "anyone for lunch at 1?", ts("11:02:00")),
        # 06:30 UTC is 23:30 the day before in Seattle: this lands in 2024-07-24.json.
        msg("U02GE", "night owl: the office wifi is back", ts("06:30:00")),
    ]


def dm():
    return [msg("U02RC", "are you free for a quick call about the banner?", ts("11:05:00")),
            msg("U02NP", "yes, 2 minutes", ts("11:05:40"))]


def day_files(folder, messages):
    by_day = {}
    for m in messages:
        seconds = int(m["ts"].split(".")[0])
        day = dt.datetime.fromtimestamp(seconds, PACIFIC).date().isoformat()
        by_day.setdefault(day, []).append(m)
    return {f"{folder}/{day}.json": sorted(ms, key=lambda m: m["ts"]) for day, ms in sorted(by_day.items())}


def users_json():
    out = []
    for uid, handle, real, email in USERS:
        out.append({"id": uid, "team_id": "T01WELLCOME", "name": handle, "deleted": False, "real_name": real,
                    "tz": "Europe/London", "tz_label": "British Summer Time", "tz_offset": 3600,
                    "profile": {"real_name": real, "display_name": "", "email": email,
                                "first_name": real.split()[0], "last_name": real.split()[1]},
                    "is_bot": False, "is_app_user": False})
    out.append({"id": "U01ALARMBOT", "team_id": "T01WELLCOME", "name": "platform-alarms", "deleted": False,
                "real_name": "platform-alarms", "is_bot": True, "is_app_user": False,
                "profile": {"real_name": "platform-alarms", "display_name": "", "bot_id": "B01ALARMS01"}})
    return out


def channels_json():
    return [{"id": cid, "name": name, "created": 1606400000, "creator": "U02LB", "is_archived": False,
             "is_general": name == "wc-random", "members": [u[0] for u in USERS],
             "topic": {"value": "", "creator": "", "last_set": 0},
             "purpose": {"value": purpose, "creator": "U02LB", "last_set": 1606400000}}
            for cid, name, purpose in CHANNELS]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "2024-07-25-login" / "slack-export.zip"
    files = {
        "channels.json": channels_json(),
        "users.json": users_json(),
        "groups.json": [],
        "mpims.json": [],
        "dms.json": [{"id": DM, "created": 1606400000, "members": ["U02RC", "U02NP"]}],
        "integration_logs.json": [{"user_id": "U02LB", "user_name": "lucy.baker", "date": "1606400100",
                                   "change_type": "added", "service_id": "1000000001",
                                   "service_type": "Incoming WebHooks", "scope": "incoming-webhook",
                                   "channel": "#wc-platform-alerts"}],
    }
    folders = {"wc-digital-platform": team_channel(), "wc-platform-alerts": alerts_channel(),
               "wc-random": random_channel(), DM: dm()}
    for folder, messages in folders.items():
        files.update(day_files(folder, messages))
    with zipfile.ZipFile(out, "w") as z:
        names = sorted(files)
        for folder in sorted(folders):
            info = zipfile.ZipInfo(folder + "/", date_time=ZIP_TIME)
            info.external_attr = 0o40755 << 16
            z.writestr(info, b"")
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, json.dumps(files[name], indent=4, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
