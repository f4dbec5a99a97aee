#!/usr/bin/env python3
"""Memory and round trip (issue 15 items 8 and 9): an endless character device and a `.gz` retro inflating
past cmark-gfm's limit are refused at the Markdown cap with one diagnostic, in bounded memory, with no abort;
a draft's texts come back from `retro events draft.md` with their edge spaces and tabs."""
import gzip
import json
import sys

from retro_run import Suite, run_retro

CAP = 256 << 20


def main():
    suite = Suite("hostile-memory")
    tmp = suite.tmp

    run = run_retro("events", "notes:/dev/zero", timeout=120)
    suite.check("notes:/dev/zero: one diagnostic", run.diagnostics == [
        f"/dev/zero: error: larger than the limit of {CAP} bytes; not read [ingest.too-large]"], run)
    suite.check("notes:/dev/zero: exit 0, bounded memory", run.exit == 0 and run.peak_rss_mb < 1200, run)

    big = tmp / "big-retro.md.gz"
    with gzip.open(big, "wb", compresslevel=1) as z:
        z.write(b"# Incident retro - big\n\n")
        block = b"a" * (1 << 20)
        for _ in range((CAP >> 20) + 8):
            z.write(block)
    for command in ("events", "lint"):
        run = run_retro(command, str(big), timeout=120)
        suite.check(f"{command} of a .gz retro past the cap: diagnostic", any(
            line == f"{big}: error: larger than the limit of {CAP} bytes; not read [ingest.too-large]"
            for line in run.diagnostics), run)
        suite.check(f"{command} of a .gz retro past the cap: no abort", run.exit in (0, 1) and run.peak_rss_mb < 1200,
                    run)

    texts = ["  two leading, three   inner, two trailing  ", "\ttab first\tinner\ttab last\t",
             "line ends in a space \n  next line indented"]
    events = tmp / "edges.ndjson"
    events.write_text("".join(json.dumps({
        "schema": "retro.event/1", "id": f"edge:{i}", "time": f"2024-07-25T10:0{i}:00Z", "kind": "message",
        "source": {"kind": "slack", "medium": "chat"}, "channel": "ops", "actor": {"name": "Ann Bee"},
        "text": text}) + "\n" for i, text in enumerate(texts)))
    draft = tmp / "draft.md"
    made = run_retro("draft", str(events), "-o", str(draft))
    suite.check("round trip: draft written", made.exit == 0, made)
    back = run_retro("events", str(draft))
    got = [json.loads(line)["text"] for line in back.stdout.splitlines()
           if json.loads(line).get("precision") == "minute"]
    suite.check("round trip: texts with edge blanks come back", got[:len(texts)] == texts, got)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
