"""Inputs built to be slow (issue 15 item 10): one pattern repeated to a chosen size, for each of retro's own
text parsers (Slack mrkdwn, the retro and notes reader, mail headers and bodies). Used by the hang guards
(tests/hostile/test_linear.py, 1 MB each) and by bench/bench_linear.py (250 KB to 2 MB, time per doubling).

Each pattern writes one input file into a folder and returns the `retro events` arguments that read it."""
import json
from pathlib import Path

RETRO_HEAD = ("# Incident retro - slow\n\n**Incident from:** 2024-07-25\n\n## Timeline\n\n"
              "### Thursday 25 July\n\n")


def repeat(unit, size):
    """`unit` repeated to about `size` bytes."""
    return unit * max(1, size // len(unit))


def slack(unit):
    """A Slack API reply holding one message whose text is `unit` repeated."""
    def build(folder: Path, size):
        path = folder / "slack.json"
        message = {"type": "message", "user": "U01", "ts": "1721901600.000100", "text": repeat(unit, size)}
        path.write_text(json.dumps({"ok": True, "messages": [message]}))
        return ["--slack-channel", "C01:general", f"slack-api:{path}"]
    return build


def retro_line(unit):
    """A retro whose one timeline entry is `unit` repeated on one line."""
    def build(folder: Path, size):
        path = folder / "slow.md"
        path.write_text(RETRO_HEAD + "10.00 AB " + repeat(unit, size) + "\n")
        return [str(path)]
    return build


def retro_text(body):
    """A retro whose timeline is `body(size)`."""
    def build(folder: Path, size):
        path = folder / "slow.md"
        path.write_text(RETRO_HEAD + body(size))
        return [str(path)]
    return build


def notes_document(body):
    """A postmortem read by the `notes` kind (forced), its body `body(size)` after a title."""
    def build(folder: Path, size):
        path = folder / "postmortem.md"
        path.write_text("# Outage on 2024-03-05\n\n" + body(size))
        return [f"notes:{path}"]
    return build


def backtick_runs(size):
    """Runs of backticks of every length 1, 2, 3, … (none closes another): CommonMark's slow case for code
    spans."""
    out, n = [], 1
    total = 0
    while total < size:
        out.append("`" * n + "a")
        total += n + 1
        n += 1
    return "".join(out)


def mail(headers, body=b"body\n"):
    def build(folder: Path, size):
        path = folder / "slow.eml"
        path.write_bytes(b"From: Ann Bee <ann@example.com>\nTo: ops@example.com\nSubject: slow\n"
                         b"Date: Thu, 25 Jul 2024 10:00:00 +0000\nMessage-ID: <slow@example.com>\n"
                         + headers(size) + b"\n" + (body(size) if callable(body) else body))
        return [f"eml:{path}"]
    return build


# name → builder(folder, size) → retro events arguments.
PATTERNS = {
    "slack-underscore": slack("_a "),
    "slack-star-underscore": slack("*a_ "),
    "slack-nested-emphasis": slack("*a _a "),
    "slack-angle": slack("<"),
    "slack-angle-pipe": slack("<a|"),
    "slack-ampersand": slack("&"),
    "slack-backticks": slack("`"),
    "slack-triple-backticks": slack("```a"),
    "slack-emoji": slack(":a:"),
    "retro-star-underscore": retro_line("*a_ "),
    "retro-image-brackets": retro_line("![[]()"),
    "retro-open-brackets": retro_line("["),
    "retro-link-parens": retro_line("[](("),
    "retro-angle": retro_line("<"),
    "retro-ampersand": retro_line("&"),
    "retro-double-star": retro_line("**a "),
    "retro-backtick-runs": retro_text(lambda size: "10.00 AB " + backtick_runs(size) + "\n"),
    "retro-url-parens": retro_line("http://a" + ")" * 64),
    "notes-untimed-lines": retro_text(lambda size: "10.00 AB first\n\n" + repeat("untimed line\n\n", size)),
    "notes-document-headings": notes_document(lambda size: repeat("## Section\n\nprose\n\n", size) + "- 10:00 x\n"),
    "notes-document-brackets": notes_document(lambda size: "## Timeline\n\n- 10:00 UTC: " + repeat("[", size) + "\n"),
    "notes-document-references": notes_document(
        lambda size: "## Timeline\n\n- 10:00 UTC: " + repeat("[a] ", size) + "\n\n[a]: https://example.org\n"),
    "notes-document-key-event": notes_document(lambda size: "- First " + repeat("1 ", size) + "\n- 10:00 x\n"),
    "notes-document-table": notes_document(lambda size: "| Time | What |\n|---|---|\n" + repeat("| 10:00 | x |\n", size)),
    "notes-document-continuation": notes_document(lambda size: "- **10:00 UTC: a\n" + repeat("  more ** b\n", size)),
    "notes-document-prose": notes_document(lambda size: repeat("On the 25th of July words ", size) + "\n\n- 10:00 x\n"),
    "mail-folded-header": mail(lambda size: b"X-Folded: a" + repeat(b"\n a", size) + b"\n"),
    "mail-quoted-printable": mail(lambda size: b"MIME-Version: 1.0\nContent-Type: text/plain\n"
                                               b"Content-Transfer-Encoding: quoted-printable\n",
                                  lambda size: repeat(b"a=\n", size) + b"\n"),
    "mail-html-angle": mail(lambda size: b"MIME-Version: 1.0\nContent-Type: text/html\n",
                            lambda size: b"<p>" + repeat(b"&", size // 2) + b"<" * (size // 2) + b"\n"),
}
