#!/usr/bin/env python3
"""No silent truncation (issue 9 part 7): wherever a limit stops reading, a diagnostic names the file, the
position and what was cut, the rest is read, and --strict exits 1. The limits (README "[ingest]"):
max_record_bytes (an NDJSON or alert record, an mbox message, an .eml), max_file_bytes (a retro, notes, a
single-document JSON), max_entry_bytes (an export's day file; ZIP entries: test_archives.py), the
printing limit of 100 diagnostics per code, and nesting limits (JSON: test_json.py; attached messages:
test_text.py)."""
import json
import sys

from hostile_inputs import GOOD_IDS, event_line, write_config, write_good_events, write_slack_export_dir
from retro_run import Suite, run_retro


def main():
    suite = Suite("hostile-limits")
    tmp = suite.tmp
    good = write_good_events(tmp)
    small_records = write_config(tmp / "records.toml", max_record_bytes=1024)
    small_files = write_config(tmp / "files.toml", max_file_bytes=1024)
    small_entries = write_config(tmp / "entries.toml", max_entry_bytes=1024)

    # max_record_bytes: an NDJSON line, a pretty-printed alert document, an mbox message, an .eml.
    (tmp / "big-line.ndjson").write_bytes(event_line("r:1") + event_line("r:big", text="x" * 2000) + event_line("r:3"))
    suite.check_input("NDJSON record past max_record_bytes", [tmp / "big-line.ndjson", good], [
        f"{tmp}/big-line.ndjson:2:1: error: record larger than the limit of 1024 bytes; skipped "
        "[ingest.record-too-large]"], ["r:1", "r:3", *GOOD_IDS], options=["--config", str(small_records)])
    many = b"".join(event_line(f"m:{i}", text="x" * 1100) for i in range(20000)) + event_line("m:last")
    (tmp / "many-big.ndjson").write_bytes(many)
    run = run_retro("events", "--config", str(small_records), str(tmp / "many-big.ndjson"))
    suite.check("20,000 oversized records in a row: each said, the last line read, no crash",
                run.exit == 0 and run.event_ids == ["m:last"] and run.diagnostics[-1] ==
                "retro: note: 19900 more diagnostics [ingest.record-too-large] not shown [diagnostics.limit]", run)
    alert = {"receiver": "ops", "status": "firing", "alerts": [
        {"status": "firing", "labels": {"alertname": "Big", "note": "y" * 2000}, "startsAt": "2024-07-25T10:00:00Z",
         "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "big"}]}
    small_alert = dict(alert, alerts=[dict(alert["alerts"][0], labels={"alertname": "Small"}, fingerprint="small")])
    (tmp / "alerts.json").write_text(json.dumps(alert, indent=2) + "\n" + json.dumps(small_alert, indent=2) + "\n")
    suite.check_input("alert document past max_record_bytes", [tmp / "alerts.json", good], [
        f"{tmp}/alerts.json:1:1: error: record larger than the limit of 1024 bytes; skipped [ingest.record-too-large]"],
        ["alertmanager:small@2024-07-25T10:00:00.000000Z", *GOOD_IDS], options=["--config", str(small_records)])
    mail = (b"From: Ann <ann@example.com>\nSubject: s%d\nDate: Thu, 25 Jul 2024 10:00:00 +0000\n"
            b"Message-ID: <%d@example.com>\n\n")
    (tmp / "big.mbox").write_bytes(b"From a@example.com Thu Jul 25 10:00:00 2024\n" + mail % (1, 1) + b"x" * 2000
                                   + b"\n\nFrom a@example.com Thu Jul 25 10:00:00 2024\n" + mail % (2, 2) + b"y\n")
    suite.check_input("mbox message past max_record_bytes", [tmp / "big.mbox", good], [
        f"{tmp}/big.mbox:1:1: error: message larger than 1024 bytes skipped [ingest.record-too-large]"],
        ["email:<2@example.com>", *GOOD_IDS], options=["--config", str(small_records)])
    (tmp / "big.eml").write_bytes(mail % (3, 3) + b"z" * 2000)
    suite.check_input(".eml past max_record_bytes", [tmp / "big.eml", good], [
        f"{tmp}/big.eml: error: larger than the limit of 1024 bytes; not read [ingest.too-large]"], GOOD_IDS,
        options=["--config", str(small_records)])

    # max_file_bytes: a retro, a notes file.
    (tmp / "big-retro.md").write_text("# Incident retro - big\n\n**Incident from:** 2024-07-25\n\n## Timeline\n\n"
                                      "### Thursday 25 July\n\n" + "10.00 AB words\n\n" * 100)
    suite.check_input("retro past max_file_bytes", [tmp / "big-retro.md", good], [
        f"{tmp}/big-retro.md: error: larger than the limit of 1024 bytes; not read [ingest.too-large]"], GOOD_IDS,
        options=["--config", str(small_files)])

    # max_entry_bytes: a day file in an export folder.
    export = write_slack_export_dir(tmp / "export", {"general/2024-07-26.json": json.dumps(
        [{"type": "message", "user": "U01", "text": "z" * 2000, "ts": "1721988000.000100"}]).encode()})
    suite.check_input("export day file past max_entry_bytes", [export, good], [
        f"{export}/general/2024-07-26.json: error: larger than the limit of 1024 bytes; not read [ingest.too-large]",
        f"{export}: note: no workspace found in the export's file permalinks: events carry no permalinks "
        "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them) [slack.no-workspace]"],
        ["slack:C01/1721901600.000100", *GOOD_IDS], options=["--config", str(small_entries)])

    # The printing limit: 150 bad lines print 100 diagnostics and say how many more there were.
    (tmp / "bad-lines.ndjson").write_bytes(event_line("b:0") + b"".join(b'{"id":\n' for _ in range(150))
                                          + event_line("b:1"))
    run = run_retro("events", str(tmp / "bad-lines.ndjson"), str(good))
    suite.check("150 bad lines: 100 shown, then a count of the rest",
                len(run.diagnostics) == 101 and run.diagnostics[-1] ==
                "retro: note: 50 more diagnostics [events.bad-json] not shown [diagnostics.limit]"
                and sorted(run.event_ids) == sorted(["b:0", "b:1", *GOOD_IDS]), run)
    suite.check("150 bad lines: --strict exits 1",
                run_retro("events", "--strict", str(tmp / "bad-lines.ndjson")).exit == 1)

    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
