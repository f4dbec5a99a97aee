#!/usr/bin/env python3
"""Nothing dropped in silence (issue 15, items 6, 7 and 15).

Item 7: a case folder holding a FIFO, a socket, a dangling symlink, a symlink loop, a link out of the folder,
a link to a folder, a dotfile and an unreadable file and folder: one diagnostic each, naming the path, and
the good file beside them still read (exit 0). The FIFO is never opened: ctest's TIMEOUT on this driver
makes a regression hang visibly. A dangling `.md` link in a folder given to `retro lint` is reported.
Running as root, chmod 000 does not stop a read: the unreadable case then runs retro as `nobody` through
setpriv(1) (skipped, and said, when setpriv is missing).

Items 6 and 15: Slack `ts` written as JSON numbers, two different messages with one `ts`, two alerts
sharing a fingerprint, merged NDJSON streams: records with the same id and different content are both
kept, the later by content hash gets `#dup-<8 hex>`, with an `ingest.id-collision` warning."""
import json
import os
import re
import shutil
import socket
import sys

from hostile_inputs import GOOD_IDS, SLACK_GOOD_ID, event_line, write_good_events, write_slack_export_dir
from retro_run import RETRO, Suite, run_retro

NO_WORKSPACE = "{}: note: no workspace found in the export's file permalinks: events carry no permalinks " \
               "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them) [slack.no-workspace]"


def case_folder(suite):
    cf = suite.tmp / "case"
    cf.mkdir()
    write_good_events(cf)
    os.mkfifo(cf / "fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(cf / "sock"))
    os.symlink("nowhere.md", cf / "dangling.md")
    os.symlink("loop-b", cf / "loop-a")
    os.symlink("loop-a", cf / "loop-b")
    (suite.tmp / "outside.md").write_text("10.00 secret text from outside the case folder\n")
    os.symlink(suite.tmp / "outside.md", cf / "outside.md")
    (suite.tmp / "elsewhere").mkdir()
    os.symlink(suite.tmp / "elsewhere", cf / "folder-link")
    (cf / ".hidden.md").write_text("10.00 hidden\n")
    return cf, sock


def check_case_folder(suite):
    cf, sock = case_folder(suite)
    t = suite.tmp
    expected = [
        f"{cf}/.hidden.md: note: hidden entry skipped [ingest.hidden-skipped]",
        f"{cf}/dangling.md: warning: symbolic link to nowhere.md, which does not exist; skipped [ingest.dangling-link]",
        f"{cf}/fifo: warning: a FIFO, not a file; skipped [ingest.not-a-file]",
        f"{cf}/folder-link: warning: symbolic link to {t}/elsewhere, a folder; not followed [ingest.link-not-followed]",
        f"{cf}/loop-a: warning: symbolic link loop (to loop-b); skipped [ingest.link-loop]",
        f"{cf}/loop-b: warning: symbolic link loop (to loop-a); skipped [ingest.link-loop]",
        f"{cf}/outside.md: warning: symbolic link to {t}/outside.md, outside the case folder; not followed "
        "[ingest.link-not-followed]",
        f"{cf}/sock: warning: a socket, not a file; skipped [ingest.not-a-file]",
    ]
    suite.check_input("case folder of things that are not files", [cf], expected, GOOD_IDS, strict_exit=0)
    draft = run_retro("draft", str(cf))
    suite.check("the text behind a link out of the case folder stays out of the draft",
                b"secret text" not in draft.stdout and draft.exit == 0, draft)
    sock.close()

    # Unreadable file and folder.
    un = suite.tmp / "unreadable"
    un.mkdir()
    write_good_events(un)
    (un / "locked.md").write_text("10.00 locked\n")
    (un / "locked-folder").mkdir()
    (un / "locked-folder" / "a.md").write_text("10.00 a\n")
    os.chmod(un / "locked.md", 0)
    os.chmod(un / "locked-folder", 0)
    args = ["events", str(un)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            print("skipped: the unreadable case (running as root, no setpriv)")
            return
        os.chmod(suite.tmp, 0o755)
        run = run_setpriv(*args)
    else:
        run = run_retro(*args)
    suite.check("unreadable file and folder: one error each, the rest read", run.exit == 0 and run.diagnostics == [
        f"{un}/locked-folder: error: cannot read: Permission denied; skipped [ingest.unreadable]",
        f"{un}/locked.md: error: cannot read: Permission denied; skipped [ingest.unreadable]",
    ] and run.event_ids == GOOD_IDS, run)


def run_setpriv(*args):
    """retro run as `nobody` (root reads any file whatever its mode)."""
    import retro_run
    saved = retro_run.RETRO
    retro_run.RETRO = "setpriv"
    try:
        return run_retro("--reuid=65534", "--regid=65534", "--clear-groups", RETRO, *args)
    finally:
        retro_run.RETRO = saved


def check_lint_dangling(suite):
    folder = suite.tmp / "retros"
    folder.mkdir()
    os.symlink("gone.md", folder / "2024-07-25-gone.md")
    run = run_retro("lint", str(folder))
    suite.check("lint: a dangling .md link is reported", run.diagnostics[:1] == [
        f"{folder}/2024-07-25-gone.md: warning: symbolic link to gone.md, which does not exist; not linted "
        "[ingest.dangling-link]"], run)


DUP = re.compile(r"#dup-[0-9a-f]{8}$")


def collision(path, line, event_id, renamed):
    return (f"{path}:{line}: warning: another record has the id {event_id} with different content; "
            f"this one is {renamed} [ingest.id-collision]")


def check_numeric_ts(suite):
    """Five messages with numeric ts: five events, microseconds kept; a number with more than six decimals is
    refused; two different messages with one ts are both kept."""
    ex = write_slack_export_dir(suite.tmp / "numeric-ts", {"general/2024-07-26.json": (
        b'[{"type":"message","user":"U01","text":"one","ts":1721988000.000100},'
        b'{"type":"message","user":"U01","text":"two","ts":1721988000.000200},'
        b'{"type":"message","user":"U01","text":"three","ts":1721988000.000300},'
        b'{"type":"message","user":"U01","text":"four","ts":1721988001},'
        b'{"type":"message","user":"U01","text":"five","ts":1721988002.5},'
        b'{"type":"message","user":"U01","text":"too fine","ts":1721988003.0000001},'
        b'{"type":"message","user":"U01","text":"same ts, other text","ts":"1721988000.000100"}]')})
    run = run_retro("events", str(ex))
    ids = run.event_ids
    base = ["slack:C01/1721988000.000100", "slack:C01/1721988000.000200", "slack:C01/1721988000.000300",
            "slack:C01/1721988001", "slack:C01/1721988002.500000", SLACK_GOOD_ID]
    renamed = [i for i in ids if DUP.search(i)]
    suite.check("numeric ts: every message an event, microseconds kept, the same-ts message renamed",
                sorted(i for i in ids if not DUP.search(i)) == sorted(base) and len(renamed) == 1 and
                renamed[0].startswith("slack:C01/1721988000.000100#dup-"), run)
    day = f"{ex}/general/2024-07-26.json"
    renamed_line = 1  # both messages are on line 1 of the day file
    expected = [
        f"{day}:1:383: error: message ts 1721988003.0000001 is a JSON number that cannot be read exactly to the "
        "microsecond (more than six decimals, or too large) [slack.bad-ts]",
        NO_WORKSPACE.format(ex),
        collision(day, renamed_line, "slack:C01/1721988000.000100", renamed[0] if renamed else "?"),
    ]
    suite.check("numeric ts: the refused number and the collision are said", run.diagnostics == expected, run)
    strict = run_retro("events", "--strict", str(ex))
    suite.check("numeric ts: --strict exits 1 for the refused number", strict.exit == 1, strict)


def check_alert_fingerprints(suite):
    """Two distinct alerts sharing a fingerprint (different labels) are two events (issue 15 item 15)."""
    path = suite.tmp / "shared-fingerprint.json"
    alert = lambda instance: {"status": "firing", "labels": {"alertname": "Down", "instance": instance},
                              "startsAt": "2024-07-25T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                              "fingerprint": "abc"}
    path.write_text(json.dumps({"receiver": "ops", "status": "firing", "alerts": [alert("a"), alert("b")]}))
    run = run_retro("events", str(path))
    ids = run.event_ids
    first = "alertmanager:abc@2024-07-25T10:00:00.000000Z"
    suite.check("alerts sharing a fingerprint: two events, one renamed",
                len(ids) == 2 and first in ids and any(DUP.search(i) and i.startswith(first) for i in ids), run)
    suite.check("alerts sharing a fingerprint: one id-collision warning",
                len(run.diagnostics) == 1 and run.diagnostics[0].endswith("[ingest.id-collision]"), run)


def check_merged_streams(suite):
    """`retro events a.ndjson b.ndjson`: identical lines are one event; same id, other text: both kept."""
    a, b = suite.tmp / "a.ndjson", suite.tmp / "b.ndjson"
    a.write_bytes(event_line("m:1", text="same") + event_line("m:2", text="from a"))
    b.write_bytes(event_line("m:1", text="same") + event_line("m:2", text="from b"))
    runs = [run_retro("events", str(a), str(b)), run_retro("events", str(b), str(a))]
    ids = runs[0].event_ids
    suite.check("merged streams: the identical line once, the differing one renamed",
                len(ids) == 3 and ids.count("m:1") == 1 and "m:2" in ids and
                sum(1 for i in ids if i.startswith("m:2#dup-")) == 1, runs[0])
    suite.check("merged streams: the same bytes whatever the order", runs[0].stdout == runs[1].stdout, runs[1])
    suite.check("merged streams: one warning", len(runs[0].diagnostics) == 1 and
                runs[0].diagnostics[0].startswith("<unknown origin>: warning: another record has the id m:2 "), runs[0])


def main():
    suite = Suite("hostile-drops")
    check_case_folder(suite)
    check_lint_dangling(suite)
    check_numeric_ts(suite)
    check_alert_fingerprints(suite)
    check_merged_streams(suite)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
