#!/usr/bin/env python3
"""`retro draft` end to end with the real binary (issue 8): the first line is the draft marker, -o refuses to
replace a file without --force, --update keeps what people wrote, the same inputs in any order give the same
bytes, --retro-held is checked, redaction is summarised on stderr and --no-redact turns it off.
Run by ctest with RETRO_BIN and RETRO_SAMPLES set."""
import os
import shutil
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

SAMPLE = Path(os.environ["RETRO_SAMPLES"]) / "events" / "seed-incident.ndjson"
check = Checks("draft cli")
run = retro_runner(TZ="Europe/London", SOURCE_DATE_EPOCH="1722124800")


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
        check("--update rewrites machine regions", "**Retro held:** 2024-07-28" in updated)
        check("--update says what it rewrote", b"rewrote metadata, timeline, evidence, safeguards" in r3.stderr, r3.stderr)
        broken = tmp / "broken.md"
        broken.write_text("<!-- retro:begin timeline -->\nno end\n")
        r4 = run("draft", "--update", str(broken), str(SAMPLE))
        check("--update refuses unbalanced markers", r4.returncode == 2 and b"has no 'retro:end timeline'" in r4.stderr,
              r4.stderr)
        check("--update leaves a refused file alone", broken.read_text() == "<!-- retro:begin timeline -->\nno end\n")
        r5 = run("draft", "--update", str(tmp / "missing.md"), str(SAMPLE))
        check("--update of a missing file exits 2", r5.returncode == 2, r5.stderr)

        check("bad --retro-held exits 2", run("draft", "--retro-held", "26/07/2024", str(SAMPLE)).returncode == 2)
        check("--retro-held is written", "**Retro held:** 2024-07-26\n" in
              run("draft", "--retro-held", "2024-07-26", str(SAMPLE)).stdout.decode())
        check("--title is written", "\n# Incident retro - logins \\_down\\_\n" in
              run("draft", "--title", "logins _down_", str(SAMPLE)).stdout.decode())

        # Redaction: a secret in a note is replaced and counted on stderr; --no-redact keeps it.
        secret = tmp / "secret.ndjson"
        secret.write_bytes(SAMPLE.read_bytes() + (
            b'{"schema":"retro.event/1","id":"t:secret","time":"2024-07-25T11:50:00.000000Z","kind":"message",'
            b'"source":{"kind":"slack"},"channel":"wc-incident","actor":{"name":"Ann Bee","initials":"AB"},'
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
