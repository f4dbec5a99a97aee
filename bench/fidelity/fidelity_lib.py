"""Machinery of the fidelity development set (issue 18): one Case collects the records a team would have on
disk (Slack messages, bot posts, CloudWatch transitions, e-mails, merged PRs) and the expected.json entries
they realise, then writes them in the formats real tools write. Python 3 standard library only; everything
deterministic (no clock, no randomness: choices are CRC32s of fixed strings).

Used by generate.py (the cases) and fidelity.py (nothing here runs retro).
"""
import datetime as dt
import email
import email.utils
import glob
import hashlib
import json
import os
import re
import sys
import unicodedata
import uuid
import zipfile
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
SHARED = Path(os.environ.get("RETRO_SHARED_DIR", PROJECT.parent / "shared"))
CORPUS = SHARED / "corpus"
RETROS = CORPUS / "wellcome-retros"
TOOLS = SHARED / "tools"

UTC = dt.timezone.utc
LONDON = ZoneInfo("Europe/London")
PACIFIC = ZoneInfo("America/Los_Angeles")
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
ACCOUNT = "760097843905"
REGION = "eu-west-1"


def crc(*parts):
    return zlib.crc32("/".join(str(p) for p in parts).encode())


def norm(s):
    """The scorer's text normalisation (score_retro.norm), so keyword checks agree with it."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
    s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!&<>|])", r"\1", s)
    s = s.replace("**", "").replace("__", "")
    return s.lower()


def has_keyword(keywords, text):
    t = norm(text)
    return any(norm(k) in t or norm(k).replace("'", "") in t.replace("'", "") for k in keywords)


# ---------------------------------------------------------------------------------------------------------
# real noise: text taken from the corpus, re-timed and re-attributed
# ---------------------------------------------------------------------------------------------------------

class NoisePool:
    """Short real Slack messages from the third-party exports, sorted into the kinds a retro leaves out."""

    def __init__(self):
        self.items = {"thanks": [], "emoji": [], "chatter": []}
        alx = CORPUS / "third-party" / "slack-export" / "alx-cohort-2023-slack-export.zip"
        with zipfile.ZipFile(alx) as z:
            for name in sorted(z.namelist()):
                if name.count("/") != 1 or not name.endswith(".json"):
                    continue
                for m in json.loads(z.read(name)):
                    self._add("alx-cohort-2023-slack-export.zip!" + name, m)
        s2z = CORPUS / "third-party" / "slack-export" / "slack2zulip-slack-export"
        for path in sorted(s2z.glob("*/*.json")):
            if path.name.startswith(("channels", "users", "integration")):
                continue
            for m in json.loads(path.read_text(encoding="utf-8")):
                self._add("slack2zulip-slack-export/" + path.parent.name + "/" + path.name, m)

    def _add(self, origin, m):
        text = m.get("text", "")
        if m.get("subtype") or not text or "<" in text or "http" in text or "\n" in text:
            return
        text = text.strip()
        if not 2 <= len(text) <= 110:
            return
        if re.fullmatch(r"(?::[a-z0-9_+\-]+(?:::skin-tone-\d)?:\s*)+", text):
            kind = "emoji"
        elif re.match(r"(?i)^(?:ok(?:ay)?,? )?(?:thanks|thank you|thx|ty)\b", text) or re.search(r"(?i)\bthank you\b", text) and len(text) < 60:
            kind = "thanks"
        elif len(text) >= 18 and len(re.findall(r"[A-Za-z]{3,}", text)) >= 4:
            kind = "chatter"
        else:
            return
        self.items[kind].append((text, origin, m.get("ts")))

    def pick(self, kind, *key):
        pool = self.items[kind]
        return pool[crc(kind, *key) % len(pool)]


def notmuch_messages():
    """The real mailing-list messages of notmuch's test corpus, parsed (for re-dated mailbox noise)."""
    out = []
    for path in sorted(glob.glob(str(CORPUS / "third-party" / "email" / "notmuch-default-maildir" / "cur" / "*"))):
        with open(path, "rb") as f:
            m = email.message_from_bytes(f.read())
        if m.get_content_type() != "text/plain" or m.is_multipart():
            continue
        body = m.get_payload(decode=True).decode("utf-8", "replace")
        if len(body) > 2500:
            continue
        out.append({"from": m["From"], "to": " ".join(str(m["To"] or "").split()),
                    "subject": " ".join(str(m["Subject"]).split()), "body": body,
                    "origin": "third-party/email/notmuch-default-maildir/cur/" + os.path.basename(path)})
    return out


# A real GitHub notification e-mail (comment on Homebrew/brew#2363, 19 Mar 2017, as delivered to a hotmail
# inbox and kept as test data in a public repository): its comment text and footer, verbatim.
GITHUB_NOTIFICATION_COMMENT = (
    "This programmer, when writing a reStructuredText highlighter, thought \"I know, I'll use regular "
    "expressions.\" He had [many problems](https://bitbucket.org/EricFromCanada/ericfromcanada.bitbucket.org/"
    "src/tip/bbedit/reStructuredText.plist?fileviewer=file-view-default).")
GITHUB_NOTIFICATION_FOOTER = ("-- \nYou are receiving this because you are subscribed to this thread.\n"
                              "Reply to this email directly or view it on GitHub:\n{url}\n")


# ---------------------------------------------------------------------------------------------------------
# the case
# ---------------------------------------------------------------------------------------------------------

class Case:
    def __init__(self, cid, retro, incident_from, incident_until, people, what,
                 team="wc-platform", alerts="wc-platform-alerts", channels=(), repo="wellcomecollection.org",
                 toml_people=None):
        self.id, self.retro, self.what = cid, retro, what
        self.incident_from, self.incident_until = incident_from, incident_until
        self.people = dict(people)  # initials -> full name
        self.toml_people = toml_people or {}
        self.team, self.alerts = team, alerts
        self.channels = [team, alerts] + list(channels) + ["wc-random"]
        self.repo = repo
        self.day = incident_from
        self.slack = {ch: [] for ch in self.channels}
        self.mails, self.prs, self.alarms = [], [], []
        self.entries, self.optional, self.groups = [], [], []
        self.realised = []        # (entry, record text, record label): keyword checks
        self.noise_keys = []      # (utc, initials or None, text) of noise records: must match no entry
        self.provenance = []
        self._seq = {}

    # time ------------------------------------------------------------------------------------------------
    def on(self, date):
        self.day = date

    def local(self, hhmm, sec=None, date=None, salt=""):
        date = date or self.day
        h, m = re.split(r"[.:]", hhmm)[:2]
        if sec is None:
            sec = 3 + crc(self.id, date, hhmm, salt) % 52
        return dt.datetime.fromisoformat(f"{date}T{int(h):02d}:{int(m):02d}:{sec:02d}").replace(tzinfo=LONDON)

    def ts(self, when):
        s = int(when.timestamp())
        self._seq[s] = self._seq.get(s, 0) + 1
        return f"{s}.{(s * 7919 + self._seq[s] * 104729) % 1000000:06d}"

    def uid(self, initials):
        return "U0" + re.sub(r"[^A-Z]", "X", initials.upper()).ljust(4, "X") + "%03d" % (crc(self.id, initials) % 1000)

    # expected --------------------------------------------------------------------------------------------
    def expect(self, hhmm, actor, kind, keywords, line, date=None, alt=(), tol=None, optional=False, why=None,
               records=()):
        e = {"date": date or self.day, "time": hhmm.replace(":", "."), "actor": actor, "kind": kind,
             "keywords": list(keywords)}
        if alt:
            e["actor_alt"] = list(alt)
        if tol:
            e["tolerance_min"] = tol
        if optional:
            e["why"] = why or line
        else:
            e["retro_line"] = line
        (self.optional if optional else self.entries).append(e)
        for label, text in records:
            self.realised.append((e, text, label))
        return e

    def group(self, key, first, last, count, last_clear=None, aliases=(), date=None):
        g = {"key": key, "date": date or self.day, "first": first, "last": last, "count": count}
        if last_clear:
            g["last_clear"] = last_clear
        if aliases:
            g["aliases"] = list(aliases)
        self.groups.append(g)

    # records ---------------------------------------------------------------------------------------------
    def msg(self, hhmm, who, text, kw=None, line=None, ch=None, thread=None, date=None, sec=None, alt=(),
            tol=None, opt=False, why=None, actor="same", kind="message", noise=False, subtype=None, **extra):
        """A Slack message by `who` (initials). With kw, it realises an expected (or optional) entry."""
        when = self.local(hhmm, sec, date, salt=text[:40])
        ts = self.ts(when)
        m = {"type": "message", "user": self.uid(who), "text": text, "ts": ts}
        if subtype:
            m["subtype"] = subtype
        if thread:
            m["thread_ts"] = thread
            m["parent_user_id"] = self._parent_user(ch or self.team, thread)
        m.update(extra)
        self.slack[ch or self.team].append(m)
        if kw:
            self.expect(hhmm, who if actor == "same" else actor, kind, kw, line or text, date=date, alt=alt,
                        tol=tol, optional=opt, why=why, records=[("slack %s %s" % (ch or self.team, ts), text)])
        elif noise:
            self.noise_keys.append((when, who, text))
        return ts

    def _parent_user(self, ch, thread):
        for m in self.slack[ch]:
            if m["ts"] == thread:
                return m.get("user")
        return None

    def bot(self, hhmm, text, attachments=None, ch=None, date=None, sec=None, username="updown.io",
            bot_id="B01UPDOWN01"):
        when = self.local(hhmm, sec, date, salt=text[:40])
        m = {"type": "message", "subtype": "bot_message", "bot_id": bot_id, "username": username, "text": text,
             "ts": self.ts(when)}
        if attachments:
            m["attachments"] = attachments
        self.slack[ch or self.alerts].append(m)
        return text

    def updown(self, hhmm, checks, up=False, date=None, minutes=None, kw=None, line=None, opt=False, why=None,
               tol=None):
        """Updown's posts in the alerts channel, one per check (a storm is many posts)."""
        texts = []
        for i, name in enumerate(checks):
            url = "https://updown.io/" + "%04x" % (crc(name) % 65536)
            if up:
                text = (f":white_check_mark: Updown alert UP: {name} ({url}) recovered after {minutes} "
                        f"minute{'s' if minutes != 1 else ''} down")
            else:
                text = f":x: Updown alert DOWN: {name} ({url}) is down: 502 Bad Gateway"
            texts.append(self.bot(hhmm, text, date=date, sec=8 + 4 * i))
        if kw:
            self.expect(hhmm, None, "alert", kw, line, date=date, optional=opt, why=why, tol=tol,
                        records=[("updown post", t) for t in texts])
        return texts

    def alarm(self, when_local, name, state, value, description):
        self.alarms.append((when_local.astimezone(UTC), name, state, value, description))

    def mail(self, hhmm, sender, to, subject, body, kw=None, line=None, actor=None, date=None, sec=None,
             opt=False, why=None, tol=None, headers=(), msgid=None, utc_date=False, noise=False, kind="message"):
        when = self.local(hhmm, sec, date, salt=subject)
        self.mails.append({"when": when, "from": sender, "to": to, "subject": subject, "body": body,
                           "headers": list(headers), "msgid": msgid, "utc_date": utc_date})
        if kw:
            self.expect(hhmm, actor, kind, kw, line or subject, date=date, optional=opt, why=why, tol=tol,
                        records=[("mail " + subject, subject + "\n" + body)])
        elif noise:
            self.noise_keys.append((when, None, subject + "\n" + body))

    def statuspage(self, hhmm, status, text, incident, kw=None, line=None, date=None, earlier=()):
        when = self.local(hhmm, None, date, salt=status)
        stamp = when.astimezone(UTC).strftime("%b %-d, %H:%M UTC")
        updates = [(status, text, stamp)] + list(earlier)
        body = f"{incident}\n\n" + "\n".join(f"{s} - {t}\n{st}\n" for s, t, st in updates) + (
            "\nView incident: https://status.wellcomecollection.example/incidents/%08x\n\n"
            "You received this email because you are subscribed to Wellcome Collection notifications.\n"
            "Manage your subscription: https://status.wellcomecollection.example/?unsubscribe=k3v9q2\n"
            "Powered by Atlassian Statuspage\n") % crc(self.id, incident)
        self.mail(hhmm, "Wellcome Collection Status <noreply@statuspage.io>", "digital@wellcomecollection.org",
                  f"[Wellcome Collection] {incident}", body, kw=kw, line=line, date=date, sec=when.second,
                  utc_date=True, kind="alert")
        return (status, text, stamp)

    def pr(self, number, title, author, merged_hhmm=None, merged_by=None, date=None, state=None, kw=None,
           line=None, opt=False, why=None, actor=None, tol=None, repo=None, head=None):
        repo = repo or self.repo
        merged_at = None
        if merged_hhmm:
            merged_at = self.local(merged_hhmm, None, date, salt=str(number)).astimezone(UTC)
        self.prs.append({"repo": repo, "number": number, "title": title, "author": author,
                         "merged_at": merged_at, "merged_by": merged_by or (author if merged_at else None),
                         "state": state or ("MERGED" if merged_at else "OPEN"),
                         "head": head or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]})
        if kw:
            self.expect(merged_hhmm, actor, "change", kw, line or title, date=date, optional=opt, why=why,
                        tol=tol, records=[("pr %s#%d" % (repo, number),
                                           f"{title} https://github.com/wellcomecollection/{repo}/pull/{number}")])

    # checks ----------------------------------------------------------------------------------------------
    def check(self):
        for e, text, label in self.realised:
            if not has_keyword(e["keywords"], text):
                sys.exit(f"{self.id}: record {label!r} realises {e.get('retro_line') or e.get('why')!r} "
                         f"but holds none of its keywords {e['keywords']}:\n{text}")
        for when, who, text in self.noise_keys:
            local = when.astimezone(LONDON)
            minute = local.hour * 60 + local.minute
            for e in self.entries + self.optional:
                if e["date"] != local.date().isoformat():
                    continue
                h, m = e["time"].split(".")
                if abs(int(h) * 60 + int(m) - minute) > max(1, e.get("tolerance_min", 1)):
                    continue
                if e.get("actor") and who not in {e["actor"], *e.get("actor_alt", [])}:
                    continue
                if has_keyword(e["keywords"], text):
                    sys.exit(f"{self.id}: noise {text!r} at {local} would match {e['keywords']}")

    # writers ---------------------------------------------------------------------------------------------
    def write(self, out):
        self.check()
        src = out / "sources"
        src.mkdir(parents=True, exist_ok=True)
        for old in src.iterdir():
            old.unlink()
        self._write_slack(src / "slack-export.zip")
        if self.mails:
            (src / "mail.mbox").write_bytes(self._mbox())
        if self.alarms:
            (src / "alarm-history.json").write_text(json.dumps(self._alarm_history(), indent=4) + "\n")
        if self.prs:
            (src / "github-prs.json").write_text(json.dumps(self._gh(), indent=2, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
        (src / "retro.toml").write_text(self._toml(), encoding="utf-8")
        expected = {"case_id": self.id, "tz": "Europe/London", "incident_from": self.incident_from,
                    "incident_until": self.incident_until, "retro": "wellcome-retros/" + self.retro,
                    "entries": self.entries, "optional_entries": self.optional, "alert_groups": self.groups}
        (out / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        (out / "provenance.json").write_text(json.dumps(self.provenance, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")

    def _users(self):
        out = []
        for initials, name in sorted(self.people.items()):
            handle = ".".join(name.lower().split())
            out.append({"id": self.uid(initials), "team_id": "T01WELLCOME", "name": handle, "deleted": False,
                        "real_name": name, "tz": "Europe/London", "tz_label": "Greenwich Mean Time",
                        "tz_offset": 0,
                        "profile": {"real_name": name, "display_name": name.split()[0], "first_name": name.split()[0],
                                    "last_name": name.split()[-1],
                                    "email": handle.replace(".", "") + "@wellcome.example.org"},
                        "is_bot": False, "is_app_user": False})
        for bot_id, name in (("B01UPDOWN01", "updown.io"), ("B01LOGICM01", "LogicMonitor"),
                             ("B01BUILDK01", "Buildkite")):
            out.append({"id": "U0" + bot_id[1:], "team_id": "T01WELLCOME", "name": name.lower(), "deleted": False,
                        "real_name": name, "is_bot": True, "is_app_user": False,
                        "profile": {"real_name": name, "display_name": "", "bot_id": bot_id}})
        return out

    def _write_slack(self, path):
        ids = {ch: "C0%s" % ("%08X" % crc(self.id, ch))[:8] for ch in self.channels}
        # thread parents: reply_count, reply_users, latest_reply from their replies
        for ch, ms in self.slack.items():
            for parent in ms:
                replies = [m for m in ms if m.get("thread_ts") == parent["ts"] and m["ts"] != parent["ts"]]
                if replies:
                    parent["thread_ts"] = parent["ts"]
                    parent["reply_count"] = len(replies)
                    parent["reply_users"] = sorted({m["user"] for m in replies})
                    parent["reply_users_count"] = len(parent["reply_users"])
                    parent["latest_reply"] = max(m["ts"] for m in replies)
        files = {
            "channels.json": [{"id": ids[ch], "name": ch, "created": 1500000000, "creator": self.uid(sorted(self.people)[0]),
                               "is_archived": False, "is_general": ch == "wc-random",
                               "members": [self.uid(i) for i in sorted(self.people)],
                               "topic": {"value": "", "creator": "", "last_set": 0},
                               "purpose": {"value": "", "creator": "", "last_set": 0}} for ch in self.channels],
            "users.json": self._users(),
            "integration_logs.json": [],
        }
        for ch, ms in self.slack.items():
            by_day = {}
            for m in ms:
                day = dt.datetime.fromtimestamp(int(m["ts"].split(".")[0]), PACIFIC).date().isoformat()
                by_day.setdefault(day, []).append(m)
            for day, day_ms in by_day.items():
                files[f"{ch}/{day}.json"] = sorted(day_ms, key=lambda m: m["ts"])
        with zipfile.ZipFile(path, "w") as z:
            for ch in sorted(ch for ch in self.channels if self.slack[ch]):
                info = zipfile.ZipInfo(ch + "/", date_time=ZIP_TIME)
                info.external_attr = 0o40755 << 16
                z.writestr(info, b"")
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, json.dumps(files[name], indent=4, ensure_ascii=False) + "\n")

    def _mbox(self):
        out = []
        for i, m in enumerate(sorted(self.mails, key=lambda m: m["when"])):
            when = m["when"]
            if m["utc_date"]:
                date = email.utils.format_datetime(when.astimezone(UTC)).replace("-0000", "+0000")
            else:
                date = email.utils.format_datetime(when)
            addr = email.utils.parseaddr(m["from"])[1] or "unknown@example.org"
            msgid = m["msgid"] or "%s.%08x@%s" % (when.astimezone(UTC).strftime("%Y%m%d%H%M%S"),
                                                     crc(self.id, m["subject"], i), addr.split("@")[-1])
            envelope = when.astimezone(UTC).strftime("%a %b %e %H:%M:%S %Y")
            headers = [f"Return-Path: <{addr}>",
                       "Received: from mx1.wellcome.example.org (mx1.wellcome.example.org [192.0.2.25])\n"
                       f"\tby imap.wellcome.example.org (Postfix) with ESMTPS id {crc(msgid) % 0xFFFFFF:06X};\n\t{date}",
                       f"From: {m['from']}", f"To: {m['to']}", f"Subject: {m['subject']}", f"Date: {date}",
                       f"Message-ID: <{msgid}>", *m["headers"], "MIME-Version: 1.0",
                       "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit"]
            body = "\n".join((">" + l if re.match(r">*From ", l) else l) for l in m["body"].rstrip("\n").split("\n"))
            out.append(f"From {addr} {envelope}\n" + "\n".join(headers) + "\n\n" + body + "\n")
        return "\n".join(out).encode("utf-8")

    def _alarm_history(self):
        items, last = [], {}
        for when, name, state, value, description in sorted(self.alarms):
            old = last.get(name, "OK")
            last[name] = state
            verb = "greater" if state == "ALARM" else "not greater"
            stamp = (when - dt.timedelta(minutes=1)).strftime("%d/%m/%y %H:%M:00")
            why = (f"Threshold Crossed: 1 out of the last 1 datapoints [{value} ({stamp})] was {verb} than or "
                   f"equal to the threshold (5.0) (minimum 1 datapoint for {old} -> {state} transition).")
            data = {"version": "1.0", "oldState": {"stateValue": old},
                    "newState": {"stateValue": state, "stateReason": why}}
            items.append({"AlarmName": name, "AlarmType": "MetricAlarm", "Timestamp": when.isoformat(),
                          "HistoryItemType": "StateUpdate", "HistorySummary": f"Alarm updated from {old} to {state}",
                          "HistoryData": json.dumps(data, separators=(",", ":"))})
        items.sort(key=lambda i: i["Timestamp"], reverse=True)
        return {"AlarmHistoryItems": items}

    def _gh(self):
        def person(initials):
            if initials.startswith("app/"):
                return {"id": "MDM6Qm90NDk2OTkzMzM=", "is_bot": True, "login": initials, "name": ""}
            name = self.people[initials]
            login = (name.split()[0][0] + name.split()[-1]).lower()
            return {"id": "MDQ6VXNlcj%08d" % (crc(name) % 10 ** 8), "is_bot": False, "login": login, "name": name}
        out = []
        for p in sorted(self.prs, key=lambda p: (p["merged_at"] or dt.datetime(2100, 1, 1, tzinfo=UTC), p["number"]),
                        reverse=True):
            sha = hashlib.sha1(f"{p['repo']}#{p['number']}".encode()).hexdigest()
            out.append({"author": person(p["author"]), "baseRefName": "main", "headRefName": p["head"],
                        "mergeCommit": {"oid": sha} if p["merged_at"] else None,
                        "mergedAt": p["merged_at"].strftime("%Y-%m-%dT%H:%M:%SZ") if p["merged_at"] else None,
                        "mergedBy": person(p["merged_by"]) if p["merged_by"] else None,
                        "number": p["number"], "state": p["state"], "title": p["title"],
                        "url": f"https://github.com/wellcomecollection/{p['repo']}/pull/{p['number']}"})
        return out

    def _toml(self):
        lines = [f"# {self.what}", "# Times in the retro are UK local.", 'tz = "Europe/London"',
                 'slack_workspace = "wellcome"']
        if self.toml_people:
            lines += ["", "[people]"]
            for key, (name, initials) in self.toml_people.items():
                lines.append(f'"{key}" = {{ name = "{name}", initials = "{initials}" }}')
        return "\n".join(lines) + "\n"


def stable_uuid(*parts):
    return str(uuid.UUID(hashlib.sha256("/".join(parts).encode()).hexdigest()[:32]))
