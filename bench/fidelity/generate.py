#!/usr/bin/env python3
"""Writes the fidelity development set (issue 18): bench/fidelity/cases/<id>/sources/ (the raw sources a team
would have on disk) and cases/<id>/expected.json (the scorer's format, ../shared/tools/score_retro.py) for
published Wellcome retros (../shared/corpus/wellcome-retros/). What is real and what is invented: README.md.

Deterministic (same bytes every run), Python 3 standard library only. Fails loudly when a record that
realises a retro line holds none of its keywords, when a noise record would match an entry, or when the
published retro scored against its expected.json is not recall 1.0, noise 0, window_ok true.

    python3 bench/fidelity/generate.py            # all cases
    python3 bench/fidelity/generate.py CASE_ID    # one case
"""
import sys

from fidelity_lib import HERE, RETROS, TOOLS, Case, NoisePool, notmuch_messages, crc, \
    GITHUB_NOTIFICATION_COMMENT, GITHUB_NOTIFICATION_FOOTER
import cases_a
import cases_b

sys.path.insert(0, str(TOOLS))
import score_retro  # noqa: E402  (../shared/tools, standard library only)

RETRO_ORGANISING = [  # invented: no real export in the corpus holds a retro being organised
    "shall we do the retro Thursday?",
    "I've booked the retro in for tomorrow afternoon, shout if you can't make it",
]


def add_noise(c, pool, mails, first, last, parent=None, next_day=None, quiet_people=None):
    """Real chatter, thanks, emoji-only replies, joins, next-day thread replies, retro-organising, an
    unrelated alert flap and mailbox noise around the incident: first/last are (date, 'HH.MM') of the
    incident's first and last timed human lines."""
    people = quiet_people or sorted(c.people)

    def who(*key):
        return people[crc(c.id, *key) % len(people)]

    def say(kind, date, hhmm, ch=None, thread=None, key=""):
        text, origin, ts = pool.pick(kind, c.id, date, hhmm, key)
        w = who(kind, date, hhmm, key)
        new_ts = c.msg(hhmm, w, text, ch=ch, thread=thread, date=date, noise=True)
        c.provenance.append({"noise": kind, "channel": ch or c.team, "date": date, "time": hhmm, "by": w,
                             "text": text, "from": "third-party/slack-export/" + origin, "original_ts": ts,
                             "new_ts": new_ts})

    d0, t0 = first
    d1, t1 = last
    import datetime as dt
    before = (dt.date.fromisoformat(d0) - dt.timedelta(days=1)).isoformat()
    after = next_day or (dt.date.fromisoformat(d1) + dt.timedelta(days=1)).isoformat()
    h0 = int(t0.split(".")[0])
    h1 = int(t1.split(".")[0])
    for hhmm in ("10.05", "11.40", "15.20"):
        say("chatter", before, hhmm)
    for back in (2, 1):
        if h0 - back >= 7:
            say("chatter", d0, "%02d.%02d" % (h0 - back, 12 + 9 * back))
    for k, hhmm in enumerate(("%02d.07" % max(h0, 8), "%02d.33" % min(h1, 21), "%02d.18" % min(h1 + 1, 22))):
        say("chatter", d0 if k == 0 else d1, hhmm, ch="wc-random", key=str(k))
    c.msg("%02d.%02d" % (h0, 58), who("join"), f"<@{c.uid(who('join'))}> has joined the channel", date=d0,
          subtype="channel_join", noise=True)
    for k, hhmm in enumerate(("%02d.24" % min(h1 + 1, 23), "%02d.41" % min(h1 + 1, 23))):
        say("emoji" if k == 0 else "thanks", d1, hhmm, key=str(k))
    if parent:
        say("thanks", after, "09.14", thread=parent, key="t1")
        say("emoji", after, "10.02", thread=parent, key="t2")
    for k, (hhmm, text) in enumerate(zip(("09.31", "11.02"), RETRO_ORGANISING)):
        w = who("retro", k)
        c.msg(hhmm, w, text, date=after, noise=True)
        c.provenance.append({"noise": "retro-organising (invented)", "date": after, "time": hhmm, "by": w,
                             "text": text})
    say("chatter", after, "14.12", key="after")
    # an unrelated alert flap five hours before
    flap = "%02d.%02d" % (max(h0 - 5, 0), 17)
    c.updown(flap, ["Experience: Content: Events (origin)"], date=d0)
    c.updown("%02d.%02d" % (max(h0 - 5, 0), 19), ["Experience: Content: Events (origin)"], up=True, minutes=2,
             date=d0)
    c.provenance.append({"noise": "unrelated alert flap (invented, updown's post format)", "date": d0,
                         "time": flap})
    # mailbox noise: a GitHub notification (real comment text), CI mail (invented), mailing-list mail (real)
    url = f"https://github.com/wellcomecollection/{c.repo}/pull/%d#issuecomment-%d" % (
        5000 + crc(c.id) % 3000, crc(c.id, "c") % 10 ** 9)
    gh_who = c.people[who("gh")]
    c.mail("%02d.%02d" % (max(h0 - 1, 0), 4), f"{gh_who} <notifications@github.com>",
           f"wellcomecollection/{c.repo} <{c.repo}@noreply.github.com>",
           f"Re: [wellcomecollection/{c.repo}] Tidy up the docs headings (#%d)" % (5000 + crc(c.id) % 3000),
           GITHUB_NOTIFICATION_COMMENT + "\n\n" + GITHUB_NOTIFICATION_FOOTER.format(url=url), date=d0,
           headers=["Precedence: list", "X-GitHub-Reason: subscribed",
                    f"List-ID: wellcomecollection/{c.repo} <{c.repo}.wellcomecollection.github.com>"], noise=True)
    c.provenance.append({"noise": "GitHub notification e-mail", "date": d0,
                         "text": "comment text and footer of a real notification (Homebrew/brew#2363, 2017)"})
    c.mail("%02d.%02d" % (h1, 3 if h1 < 23 else 1), "Buildkite <builds@buildkite.com>", "digital@wellcomecollection.org",
           f"✅ Build #%d passed on wellcomecollection/{c.repo} (main)" % (900 + crc(c.id) % 900),
           "Build passed in 6m 12s\n\nView build: https://buildkite.com/wellcomecollection/%s/builds/%d\n" % (
               c.repo.replace(".", "-"), 900 + crc(c.id) % 900), date=d1, noise=True)
    c.provenance.append({"noise": "CI notification e-mail (invented, Buildkite's subject form)", "date": d1})
    for k, (date, hhmm) in enumerate(((d0, "%02d.%02d" % (max(h0 - 2, 0), 47)), (d1, "%02d.%02d" % (min(h1 + 2, 23), 26)))):
        m = mails[crc(c.id, "mail", k) % len(mails)]
        # As the list delivered it: to the list's address, as the original says (the team subscribes to it).
        c.mail(hhmm, m["from"], m["to"] or "digital@wellcomecollection.org", m["subject"], m["body"], date=date,
               noise=True)
        c.provenance.append({"noise": "mailing-list e-mail (real, re-dated)", "date": date, "time": hhmm,
                             "from": m["origin"], "subject": m["subject"]})


def self_check(c, out):
    import json
    md = (RETROS / c.retro).read_text(encoding="utf-8")
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    r = score_retro.score(expected, md)
    if r["recall"] != 1.0 or r["noise"] != 0 or not r["window_ok"] or r["alert_recall"] != 1.0:
        sys.exit(f"{c.id}: the published retro scores {r['recall']} / noise {r['noise']} / window {r['window']}"
                 f" / alerts {r['alert_recall']}\nmissed: {json.dumps(r['missed'], indent=1)}\n"
                 f"noise: {json.dumps(r['noise_lines'], indent=1)}\ngroups: {r['alert_groups']}")


def main(argv):
    pool = NoisePool()
    mails = notmuch_messages()
    builders = cases_a.CASES + cases_b.CASES
    wanted = set(argv[1:])
    done = 0
    for build in builders:
        c, noise_args = build()
        if wanted and c.id not in wanted:
            continue
        add_noise(c, pool, mails, **noise_args)
        out = HERE / "cases" / c.id
        c.write(out)
        self_check(c, out)
        done += 1
        print(f"wrote {out.relative_to(HERE.parent.parent)}: {len(c.entries)} entries, "
              f"{len(c.optional)} optional, {len(c.groups)} alert groups")
    if wanted and done != len(wanted):
        sys.exit("unknown case id(s): " + " ".join(sorted(wanted)))


if __name__ == "__main__":
    main(sys.argv)
