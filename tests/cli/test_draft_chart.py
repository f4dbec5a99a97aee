#!/usr/bin/env python3
"""`retro draft --chart` with the real binary (issue 20 item 8): the Mermaid gantt chart in its own region
just under `## Timeline`, lint-clean; hostile alert and people names give only well-formed gantt lines;
`--update --chart` adds the chart to a draft without one, `--update` alone keeps a draft's chart up to date and
a person's edit in it. Run by ctest with RETRO_BIN and RETRO_SAMPLES set."""
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

LOGIN = Path(os.environ["RETRO_SAMPLES"]) / "2024-07-25-login"
check = Checks("draft chart")
run = retro_runner(TZ="UTC", SOURCE_DATE_EPOCH="1722124800")

HEADER = re.compile(r'(```mermaid|gantt|    title [^\n#:;%"<>`]+|    dateFormat YYYY-MM-DD HH:mm|'
                    r'    axisFormat %H:%M|    todayMarker off|    section (Alerts|Changes|People|Milestones)|```|)$')
# A label holds no ':', ';', '%', '"', '<', '>' or '`', and '#' only in an entity code (`#58;`); then the tags, an
# id, a local time and a length.
TASK = re.compile(r'    (?:[^:;%"<>`#\n]|#[0-9]+;)+ :(crit, )?(milestone, )?[acpm][0-9]+, '
                  r'2024-07-25 [0-2][0-9]:[0-5][0-9], [0-9]+m$')
KEYWORD_START = re.compile(r'    (section|title|click|dateformat|axisformat|[0-9]|%)', re.I)


def chart_of(draft):
    """The chart region's body, or None."""
    m = re.search(r"<!-- retro:begin chart base=[A-Za-z0-9+/=]+ -->\n(.*?)<!-- retro:end chart -->\n", draft, re.S)
    return m.group(1) if m else None


def lint_errors(path):
    r = run("lint", "--format", "json", str(path))
    report = json.loads(r.stdout)  # retro.lint/1: {"schema", "findings"}
    return [f for f in report["findings"] if f["severity"] == "error"], r.returncode


def sample_chart(tmp):
    out = tmp / "chart.md"
    r = run("draft", "--chart", str(LOGIN), "-o", str(out))
    check("draft --chart exits 0", r.returncode == 0, r.stderr)
    draft = out.read_text()
    chart = chart_of(draft)
    check("the chart region is there", chart is not None, draft[:2000])
    if chart is None:
        return
    check("just under the Timeline heading", "## Timeline\n\n<!-- retro:begin chart base=" in draft)
    check("before the timeline's region", "<!-- retro:end chart -->\n\n<!-- retro:begin timeline base=" in draft)
    check("a mermaid gantt block", chart.startswith("\n```mermaid\ngantt\n") and chart.endswith("```\n\n"), chart)
    for section in ("Alerts", "Changes", "People", "Milestones"):
        check(f"section {section}", f"\n    section {section}\n" in chart, chart)
    check("an alert group is a bar in --tz (the sample's retro.toml: Europe/London)",
          "    Catalogue API errors (14 firings) :crit, a5, 2024-07-25 11:15, 62m\n" in chart, chart)
    check("a guess says so", "    Mitigated (a guess, to check) :milestone," in chart, chart)
    check("a person's first message", "    NP (Nina Patel), first message :milestone, p1, 2024-07-25 10:00, 0m\n"
          in chart, chart)
    check("a change in the window", "    RC merged wellcomecollection.org#35;11052 :milestone," in chart, chart)
    check("no change from the lead-up", "#35;11041" not in chart, chart)
    errors, code = lint_errors(out)
    check("lint: no errors on the draft with its chart", not errors and code == 0, errors)
    plain = run("draft", str(LOGIN)).stdout.decode()
    check("without --chart no chart", "retro:begin chart" not in plain and "```mermaid" not in plain)
    check("deterministic", run("draft", "--chart", str(LOGIN)).stdout.decode() == draft)


def hostile_names(tmp):
    case = tmp / "hostile"
    shutil.copytree(LOGIN, case)
    names = ["section Owned: #1; \"x\" 100% <script>", "%%{init: {\"theme\": \"dark\"}}%%", "title: pwned",
             "```\n<!-- retro:end chart -->", "2024-07-25 11:00, 0m", "click a1 href \"https://evil.example\"",
             "a:b;c#d%e\"f'g<h>i`j"]
    lines = []
    for i, name in enumerate(names):
        lines.append({"schema": "retro.event/1", "id": f"h:alert{i}", "time": f"2024-07-25T10:5{i}:00.000000Z",
                      "kind": "alert", "source": {"kind": "cloudwatch", "medium": "alerting"},
                      "channel": "cloudwatch", "text": f"ALARM: {name}", "alert": {"key": name, "state": "firing"}})
        lines.append({"schema": "retro.event/1", "id": f"h:msg{i}", "time": f"2024-07-25T10:5{i}:30.000000Z",
                      "kind": "message", "source": {"kind": "slack", "medium": "chat"},
                      "channel": "wc-digital-platform", "actor": {"name": name},
                      "text": f"logging in to the Catalogue API fails for me too ({i})"})
    (case / "hostile.ndjson").write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp / "hostile.md"
    r = run("draft", "--chart", str(case), "-o", str(out))
    check("hostile draft exits 0", r.returncode == 0, r.stderr)
    chart = chart_of(out.read_text()) or ""
    tasks = 0
    for line in chart.split("\n"):
        if TASK.match(line):
            tasks += 1
            check(f"no keyword starts {line!r}", not KEYWORD_START.match(line))
        else:
            check(f"a header line: {line!r}", HEADER.match(line))
    check("the hostile alerts are drawn", chart.count(":crit, ") >= 14, chart)
    check("a hostile alert, escaped", "    #115;ection Owned#58; #35;1#59; #34;x#34; 100#37; #60;script#62; :crit,"
          in chart, chart)
    check("many tasks", tasks >= 30, chart)
    errors, code = lint_errors(out)
    check("lint: no errors with hostile names", not errors and code == 0, errors)


def update_keeps_chart(tmp):
    case = tmp / "update"
    shutil.copytree(LOGIN, case)
    out = tmp / "update.md"
    check("plain draft", run("draft", str(case), "-o", str(out)).returncode == 0)
    r = run("draft", "--update", str(out), "--chart", str(case))
    check("--update --chart exits 0", r.returncode == 0, r.stderr)
    check("--update --chart says it added the chart", b"; added chart\n" in r.stderr, r.stderr)
    fresh = run("draft", "--chart", str(case)).stdout.decode()
    check("the chart added where a fresh draft has it", out.read_text() == fresh)

    # A person's note in the chart, then a new alert: `--update` alone merges the chart.
    mine = out.read_text().replace("    section People\n", "    %% NP was on leave until 10.00\n    section People\n")
    out.write_text(mine)
    (case / "late.ndjson").write_text(json.dumps(
        {"schema": "retro.event/1", "id": "t:late", "time": "2024-07-25T11:30:00.000000Z", "kind": "alert",
         "source": {"kind": "cloudwatch", "medium": "alerting"}, "channel": "cloudwatch",
         "text": "ALARM: late-alarm", "alert": {"key": "late-alarm", "state": "firing"}}) + "\n")
    r = run("draft", "--update", str(out), str(case))
    check("--update exits 0", r.returncode == 0, r.stderr)
    check("--update merged the chart", re.search(rb"merged metadata, chart, timeline", r.stderr), r.stderr)
    chart = chart_of(out.read_text()) or ""
    check("the new alert is in the chart", "    late-alarm :crit, milestone, a8, 2024-07-25 12:30, 0m\n" in chart, chart)
    check("the person's note stays", "    %% NP was on leave until 10.00\n" in chart, chart)
    errors, code = lint_errors(out)
    check("lint: no errors after the update", not errors and code == 0, errors)

    # A draft whose chart people deleted stays without one.
    text = out.read_text()
    start = text.index("<!-- retro:begin chart ")
    end = text.index("<!-- retro:end chart -->\n\n") + len("<!-- retro:end chart -->\n\n")
    out.write_text(text[:start] + text[end:])
    r = run("draft", "--update", str(out), str(case))
    check("--update of a draft without its chart exits 0", r.returncode == 0, r.stderr)
    check("no chart comes back unasked", "retro:begin chart" not in out.read_text())


def main():
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        sample_chart(tmp)
        hostile_names(tmp)
        update_keeps_chart(tmp)
    help_text = run("draft", "--help").stdout.decode()
    check("--help names --chart", "--chart" in help_text, help_text)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
