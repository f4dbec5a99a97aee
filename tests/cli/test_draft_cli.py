#!/usr/bin/env python3
"""`retro draft` end to end with the real binary (issue 8): the first line is the draft marker, -o refuses to
replace a file without --force, --update keeps what people wrote, the same inputs in any order give the same
bytes, --retro-held is checked, redaction is summarised on stderr and --no-redact turns it off.
Run by ctest with RETRO_BIN and RETRO_SAMPLES set."""
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

SAMPLE = Path(os.environ["RETRO_SAMPLES"]) / "events" / "seed-incident.ndjson"
LOGIN = Path(os.environ["RETRO_SAMPLES"]) / "2024-07-25-login"
check = Checks("draft cli")
run = retro_runner(TZ="Europe/London", SOURCE_DATE_EPOCH="1722124800")


def update_merges(tmp):
    """--update is a 3-way merge (issue 15 item 5): on the bundled sample, a deleted line stays deleted, an edited
    line keeps its edit, a new event arrives in order; --diff shows the change; a line both changed is a conflict
    block, a warning, and exit 1 under --strict; a draft with no recorded base is rewritten with a note."""
    case = tmp / "case"
    shutil.copytree(LOGIN, case)
    out = tmp / "login.md"
    check("sample draft", run("draft", str(case), "-o", str(out)).returncode == 0)
    first = out.read_text()
    check("sample draft is lint-clean", run("lint", str(out)).returncode == 0)
    deleted = "11.40 NP I've reported to CSS that users can't log in\n\n"
    edited_from = "11.42 RC I've reverted the last PR"
    edited_to = "11.42 RC (RC: it was PR #1234) I've reverted the last PR"
    check("sample has the lines to edit", deleted in first and edited_from in first)
    mine = first.replace(deleted, "", 1).replace(edited_from, edited_to, 1)
    out.write_text(mine)
    (case / "late.ndjson").write_text(
        '{"schema":"retro.event/1","id":"t:late","time":"2024-07-25T10:41:30.000000Z","kind":"message",'
        '"source":{"kind":"slack"},"channel":"wc-digital-platform","actor":{"name":"Ann Bee","initials":"AB"},'
        '"text":"A late note from the helpdesk"}\n')

    diff = run("draft", "--update", str(out), "--diff", str(case))
    check("--diff exits 0", diff.returncode == 0, diff.stderr)
    check("--diff leaves the file alone", out.read_text() == mine)
    text = diff.stdout.decode()
    check("--diff prints a unified diff", text.startswith(f"--- {out}\n+++ {out}\n@@ ") and
          "\n+11.41 AB A late note from the helpdesk\n" in text, text[:2000])

    r = run("draft", "--update", str(out), str(case))
    check("--update of the sample exits 0", r.returncode == 0, r.stderr)
    merged = out.read_text()
    check("a deleted line stays deleted", "11.40 NP I've reported" not in merged)
    check("an edited line keeps the edit", edited_to in merged and merged.count("I've reverted the last PR") == 1)
    late = merged.find("11.41 AB A late note from the helpdesk\n")
    check("the new event arrives in order", 0 < merged.find("11.37 RC") < late < merged.find("11.41 NP"), merged[:4000])
    check("the --diff was the change", text.count("\n+") >= 1 and not [
        line for line in text.splitlines() if line.startswith("+") and not line.startswith("+++")
        and line[1:] not in merged.splitlines()])
    check("the merged draft is lint-clean", run("lint", str(out)).returncode == 0)
    again = run("draft", "--update", str(out), str(case))
    check("updating again changes nothing", again.returncode == 0 and out.read_text() == merged, again.stderr)

    # A line both changed: the person and a new --retro-held both change the metadata's date.
    out.write_text(merged.replace("**Retro held:** 2024-07-28", "**Retro held:** next Monday", 1))
    c = run("draft", "--update", str(out), "--retro-held", "2024-07-30", "--strict", str(case))
    conflicted = out.read_text()
    block = "<<<<<<< yours\n**Retro held:** next Monday\n=======\n**Retro held:** 2024-07-30\n>>>>>>> retro draft\n"
    check("a conflict is a block", block in conflicted, conflicted[:1500])
    line = conflicted[:conflicted.find(block)].count("\n") + 1
    check("a conflict warns and exits 1 under --strict", c.returncode == 1 and
          f"{out}:{line}:1: warning: region 'metadata': your edit and the new draft changed the same lines; keep what "
          "is right between <<<<<<< and >>>>>>> and delete the markers [draft.conflict]".encode() in c.stderr, c.stderr)
    c2 = run("draft", "--update", str(out), "--retro-held", "2024-07-30", str(case))
    check("the conflict block stays until resolved", c2.returncode == 0 and out.read_text() == conflicted, c2.stderr)

    # A draft written before the base record: rewritten whole, with a note.
    old = re.sub(r" base=[A-Za-z0-9+/=]+ -->", " -->", first)
    out.write_text(old.replace(edited_from, edited_to, 1))
    n = run("draft", "--update", str(out), str(case))
    check("no base: rewritten as before", n.returncode == 0 and edited_to not in out.read_text(), n.stderr)
    check("no base: a note", f"{out}:20:1: note: region 'timeline' records no base (a draft from an older retro): "
          "rewritten whole, edits inside it replaced [draft.no-base]".encode() in n.stderr, n.stderr)
    check("--diff needs --update", run("draft", "--diff", str(case)).returncode == 2)

    # A message quoting region markers in a code block lands inside the timeline region: the draft still updates.
    quote = "<!-- retro:begin timeline -->\n<!-- retro:end timeline -->"
    (case / "quote.ndjson").write_text(json.dumps({
        "schema": "retro.event/1", "id": "t:quote", "time": "2024-07-25T10:43:00.000000Z", "kind": "message",
        "source": {"kind": "slack"}, "channel": "wc-digital-platform", "actor": {"name": "Ann Bee", "initials": "AB"},
        "text": "the draft says\n" + quote, "spans": [{"start": 15, "end": 15 + len(quote), "type": "pre"}]}) + "\n")
    fresh = tmp / "quote.md"
    q = run("draft", str(case), "-o", str(fresh))
    check("a quoted marker is drafted as code", q.returncode == 0 and f"```\n{quote}\n```\n" in fresh.read_text(),
          q.stderr)
    fresh.write_text(fresh.read_text().replace(edited_from, edited_to, 1))
    u = run("draft", "--update", str(fresh), str(case))
    check("a quoted marker does not break --update", u.returncode == 0 and edited_to in fresh.read_text() and
          f"```\n{quote}\n```\n" in fresh.read_text(), u.stderr)


def main():
    tmp = Path(tempfile.mkdtemp(prefix="retro-draft-"))
    try:
        r = run("draft", str(SAMPLE))
        check("draft exits 0", r.returncode == 0, r.stderr)
        draft = r.stdout.decode()
        check("first line is the draft marker", draft.startswith("<!-- retro:draft"), draft[:80])
        check("title is the first heading", "\n# Incident retro - " in draft, draft[:300])
        check("retro held defaults to SOURCE_DATE_EPOCH's date", "**Retro held:** 2024-07-28\n" in draft)
        check("draft help has examples", b"Examples:" in run("draft", "--help").stdout)

        # The same sources in any order, and a second run, give the same bytes.
        split_a, split_b = tmp / "a.ndjson", tmp / "b.ndjson"
        lines = SAMPLE.read_bytes().splitlines(keepends=True)
        split_a.write_bytes(b"".join(lines[::2]))
        split_b.write_bytes(b"".join(lines[1::2]))
        ab = run("draft", str(split_a), str(split_b)).stdout
        ba = run("draft", str(split_b), str(split_a)).stdout
        check("byte-identical across source orders", ab == ba and ab == run("draft", str(split_a), str(split_b)).stdout)
        check("split sources give the whole draft", ab == r.stdout)

        # -o refuses to replace without --force.
        out = tmp / "retro.md"
        check("-o writes", run("draft", str(SAMPLE), "-o", str(out)).returncode == 0 and out.read_bytes() == r.stdout)
        r2 = run("draft", str(SAMPLE), "-o", str(out))
        check("-o refuses an existing file", r2.returncode == 2 and b"--force" in r2.stderr, r2.stderr)
        check("--force replaces", run("draft", str(SAMPLE), "-o", str(out), "--force").returncode == 0)

        # --update keeps human edits outside the machine regions and rewrites the regions.
        edited = out.read_text().replace("## Actions\n", "## Actions\n\nWritten by a person.\n", 1)
        edited = edited.replace("**Retro held:** 2024-07-28", "**Retro held:** 1999-01-01", 1)
        out.write_text(edited)
        r3 = run("draft", "--update", str(out), str(SAMPLE))
        updated = out.read_text()
        check("--update exits 0", r3.returncode == 0, r3.stderr)
        check("--update keeps human text", "Written by a person.\n" in updated)
        check("--update keeps an edit inside a machine region", "**Retro held:** 1999-01-01" in updated)
        check("--update says what it merged", b"merged metadata, timeline, evidence, safeguards\n" in r3.stderr, r3.stderr)
        broken = tmp / "broken.md"
        broken.write_text("<!-- retro:begin timeline -->\nno end\n")
        r4 = run("draft", "--update", str(broken), str(SAMPLE))
        check("--update refuses unbalanced markers", r4.returncode == 2 and b"has no 'retro:end timeline'" in r4.stderr,
              r4.stderr)
        check("--update leaves a refused file alone", broken.read_text() == "<!-- retro:begin timeline -->\nno end\n")
        r5 = run("draft", "--update", str(tmp / "missing.md"), str(SAMPLE))
        check("--update of a missing file exits 2", r5.returncode == 2, r5.stderr)

        update_merges(tmp)

        check("bad --retro-held exits 2", run("draft", "--retro-held", "26/07/2024", str(SAMPLE)).returncode == 2)
        check("--retro-held is written", "**Retro held:** 2024-07-26\n" in
              run("draft", "--retro-held", "2024-07-26", str(SAMPLE)).stdout.decode())
        check("--title is written", "\n# Incident retro - logins \\_down\\_\n" in
              run("draft", "--title", "logins _down_", str(SAMPLE)).stdout.decode())

        # Redaction: a secret in a note is replaced and counted on stderr; --no-redact keeps it.
        secret = tmp / "secret.ndjson"
        secret.write_bytes(SAMPLE.read_bytes() + (
            b'{"schema":"retro.event/1","id":"t:secret","time":"2024-07-25T11:50:00.000000Z","kind":"message",'
            b'"source":{"kind":"slack"},"channel":"wc-digital-platform","actor":{"name":"Ann Bee","initials":"AB"},'
            b'"text":"use xoxb-123456789012-1234567890123-abcdefghijABCDEFGHIJklmn now"}\n'))
        r6 = run("draft", str(secret))
        check("secret redacted", b"xoxb-" not in r6.stdout and b"[redacted: slack-token]" in r6.stdout.replace(b"\\", b""),
              r6.stdout[-600:])
        check("redaction summarised", b"retro: redacted 1 item (1 slack-token); --no-redact keeps them" in r6.stderr,
              r6.stderr)
        r7 = run("draft", "--no-redact", str(secret))
        check("--no-redact keeps it", b"xoxb-123456789012" in r7.stdout and b"redacted" not in r7.stderr)
    finally:
        shutil.rmtree(tmp)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
