#!/usr/bin/env python3
"""Hostile JSON (issue 9 part 3): a Slack day file that is one 100 MB string, JSON nested 100,000 deep,
numbers such as 1e999 and NaN timestamps, years 0 and 9999, invalid UTF-8 and overlong encodings, NUL
bytes, CRLF and lone CR line ends. Each case: its exact diagnostics, the good input beside it still read,
exit 1 under --strict when something was refused, a balanced ledger, and seconds of run time.
(tests/cli/test_cli.py already covers a bad NDJSON line, invalid UTF-8 in NDJSON and a 50 MB NDJSON line.)"""
import json
import sys

from hostile_inputs import (GOOD_IDS, SLACK_GOOD_ID, event_line, slack_message, write_good_events,
                            write_slack_export_dir)
from retro_run import Suite

NO_WORKSPACE = "{}: note: no workspace found in the export's file permalinks: events carry no permalinks " \
               "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them) [slack.no-workspace]"


def amalert(name, starts_at='"2024-07-25T10:00:00Z"'):
    return ('{"receiver":"ops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"%s"},'
            '"startsAt":%s,"endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}]}\n' % (name, starts_at, name)).encode()


def amid(name, instant="2024-07-25T10:00:00.000000Z"):
    return f"alertmanager:{name}@{instant}"


def main():
    suite = Suite("hostile-json")
    tmp = suite.tmp
    good = write_good_events(tmp)

    # A Slack day file that is one 100 MB string: read whole (within the entry limit), one event.
    huge = write_slack_export_dir(tmp / "huge-string", {})
    with open(huge / "general/2024-07-26.json", "wb") as day:
        day.write(b'[{"type":"message","user":"U01","ts":"1721988000.000100","text":"')
        for _ in range(100):
            day.write(b"a" * (1 << 20))
        day.write(b'"}]')
    suite.check_input("Slack day file of one 100 MB string", [huge, good], [NO_WORKSPACE.format(huge)],
               [SLACK_GOOD_ID, "slack:C01/1721988000.000100", *GOOD_IDS], strict_exit=0, max_mb=1200)

    # JSON nested 100,000 deep: in a day file, an NDJSON event line, an alert payload.
    deep = b"[" * 100000 + b"]" * 100000
    nested = write_slack_export_dir(tmp / "nested", {"general/2024-07-26.json": b"[" + deep + b"," + json.dumps(
        slack_message("1721988000.000200", "after the deep one")).encode() + b"]"})
    suite.check_input("Slack day file nested 100,000 deep", [nested, good], [
        f"{nested}/general/2024-07-26.json:1:2: error: invalid JSON: nested too deeply [slack.bad-json]",
        NO_WORKSPACE.format(nested)], [SLACK_GOOD_ID, "slack:C01/1721988000.000200", *GOOD_IDS])
    (tmp / "deep.ndjson").write_bytes(event_line("d:1") + b'{"a":' * 100000 + b"1" + b"}" * 100000 + b"\n"
                                      + event_line("d:2"))
    suite.check_input("NDJSON line nested 100,000 deep", [tmp / "deep.ndjson", good], [
        f"{tmp}/deep.ndjson:2:1: error: invalid JSON: nested too deeply [events.bad-json]"], ["d:1", "d:2", *GOOD_IDS])
    (tmp / "deep-alert.ndjson").write_bytes(amalert("before") + b'{"receiver":"x","status":"firing","alerts":'
                                            + deep + b"}\n" + amalert("after"))
    suite.check_input("alert payload nested 100,000 deep", [tmp / "deep-alert.ndjson", good], [
        f"{tmp}/deep-alert.ndjson:2:1: error: invalid JSON: nested too deeply [alerts.bad-json]"],
        [amid("before"), amid("after"), *GOOD_IDS])

    # 1e999, NaN and years 0 and 9999 as times: in events, Slack `ts`, alert `startsAt`.
    (tmp / "times.ndjson").write_bytes(
        event_line("t:ok") + event_line("t:nan", "NaN") + event_line("t:y0", "0000-01-01T00:00:00Z")
        + event_line("t:y9999", "9999-12-31T23:59:59Z")
        + b'{"schema":"retro.event/1","id":"t:big","time":1e999,"kind":"note","source":{"kind":"notes"}}\n'
        + event_line("t:y10000", "10000-01-01T00:00:00Z"))
    suite.check_input("NDJSON times NaN, 1e999, years 0, 9999, 10000", [tmp / "times.ndjson", good], [
        f'{tmp}/times.ndjson:2:40: error: "time" is not an ISO 8601 instant: NaN [events.bad-field]',
        f'{tmp}/times.ndjson:3:39: error: "time" is not an ISO 8601 instant: 0000-01-01T00:00:00Z [events.bad-field]',
        f"{tmp}/times.ndjson:5:47: error: invalid JSON: number out of range [events.bad-json]",
        f'{tmp}/times.ndjson:6:43: error: "time" is not an ISO 8601 instant: 10000-01-01T00:00:00Z [events.bad-field]'],
        ["t:ok", "t:y9999", *GOOD_IDS])
    slack_times = write_slack_export_dir(tmp / "slack-times", {"general/2024-07-26.json": (
        b'[{"type":"message","user":"U01","text":"nan","ts":"NaN"},\n'
        b'{"type":"message","user":"U01","text":"big","ts":1e999},\n'
        b'{"type":"message","user":"U01","text":"y0","ts":"-62167219200.000000"},\n'
        b'{"type":"message","user":"U01","text":"y9999","ts":"253402300799.000000"},\n'
        b'{"type":"message","user":"U01","text":"ok","ts":"1721988003.000000"}]')})
    day = f"{slack_times}/general/2024-07-26.json"
    suite.check_input("Slack ts NaN, 1e999, years 0 and 9999", [slack_times, good], [
        f'{day}:1:46: error: message ts "NaN" is not a Slack timestamp [slack.bad-ts]',
        f"{day}:2:50: error: invalid JSON: number out of range [slack.bad-json]",
        f'{day}:3:44: error: message ts "-62167219200.000000" is not a Slack timestamp [slack.bad-ts]',
        NO_WORKSPACE.format(slack_times)],
        [SLACK_GOOD_ID, "slack:C01/253402300799.000000", "slack:C01/1721988003.000000", *GOOD_IDS])
    (tmp / "alert-times.ndjson").write_bytes(
        amalert("ok1") + amalert("nan", '"NaN"') + amalert("y0", '"0000-01-01T00:00:00Z"')
        + amalert("y9999", '"9999-12-31T23:59:59Z"') + amalert("big", "1e999") + amalert("ok2"))
    suite.check_input("alert startsAt NaN, 1e999, years 0 and 9999", [tmp / "alert-times.ndjson", good], [
        f"{tmp}/alert-times.ndjson:2:95: error: `startsAt` holds `NaN`, not an ISO 8601 time with an offset; "
        "record skipped [alertmanager.bad-time]",
        f"{tmp}/alert-times.ndjson:3:94: error: `startsAt` holds `0000-01-01T00:00:00Z`, not an ISO 8601 time with an "
        "offset; record skipped [alertmanager.bad-time]",
        f"{tmp}/alert-times.ndjson:5:106: error: invalid JSON: number out of range [alerts.bad-json]"],
        [amid("ok1"), amid("ok2"), amid("y9999", "9999-12-31T23:59:59.000000Z"), *GOOD_IDS])

    # Invalid UTF-8 and an overlong encoding inside one Slack message: that message only.
    utf8 = write_slack_export_dir(tmp / "utf8", {"general/2024-07-26.json": (
        b'[{"type":"message","user":"U01","text":"bad \xff byte","ts":"1721988001.000000"},\n'
        b'{"type":"message","user":"U01","text":"overlong \xc0\xaf slash","ts":"1721988002.000000"},\n'
        b'{"type":"message","user":"U01","text":"fine","ts":"1721988003.000000"}]')})
    suite.check_input("invalid UTF-8 and overlong forms in Slack messages", [utf8, good], [
        f"{utf8}/general/2024-07-26.json:1:45: error: invalid JSON: invalid UTF-8 [slack.bad-json]",
        f"{utf8}/general/2024-07-26.json:2:49: error: invalid JSON: invalid UTF-8 [slack.bad-json]",
        NO_WORKSPACE.format(utf8)],
               [SLACK_GOOD_ID, "slack:C01/1721988003.000000", *GOOD_IDS])

    # NUL: escaped (\u0000) it is dropped from the text; raw, the JSON is invalid.
    (tmp / "nul.ndjson").write_bytes(event_line("n:1", text="nul\u0000byte")
                                     + event_line("n:2").replace(b'"text":"x"', b'"text":"raw\x00nul"')
                                     + event_line("n:3"))
    run = suite.check_input("NUL bytes in text", [tmp / "nul.ndjson", good], [
        f"{tmp}/nul.ndjson:2:119: error: invalid JSON: control character in string [events.bad-json]"],
        ["n:1", "n:3", *GOOD_IDS])
    suite.check("NUL bytes in text: an escaped NUL is dropped", b'"text":"nulbyte"' in run.stdout, run.stdout[:300])

    # CRLF and lone CR line ends in NDJSON.
    (tmp / "crlf.ndjson").write_bytes((event_line("c:1") + event_line("c:2")).replace(b"\n", b"\r\n"))
    suite.check_input("CRLF NDJSON", [tmp / "crlf.ndjson", good], [], ["c:1", "c:2", *GOOD_IDS], strict_exit=0)
    (tmp / "cr.ndjson").write_bytes((event_line("r:1") + event_line("r:2")).replace(b"\n", b"\r"))
    suite.check_input("lone-CR NDJSON", [tmp / "cr.ndjson", good], [], ["r:1", "r:2", *GOOD_IDS], strict_exit=0)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
