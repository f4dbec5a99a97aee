#!/usr/bin/env python3
"""Hostile mail and Markdown (issue 9 part 3): an mbox whose only separator is damaged, messages with
10,000 MIME parts (side by side and nested), attached messages nested past the reader's depth, CRLF and
lone CR line ends in mail, notes and retros, and a retro with 100,000 nested list levels or block quotes.
Each case: exact diagnostics, the good input beside it still read, --strict, the ledger, seconds."""
import sys

from hostile_inputs import GOOD_IDS, write_good_events
from retro_run import Suite, run_retro


def mail(n, extra_headers=b"", body=b"body\n"):
    return (b"From: Ann Bee <ann@example.com>\nTo: ops@example.com\nSubject: message %d\n"
            b"Date: Thu, 25 Jul 2024 10:%02d:00 +0000\nMessage-ID: <m%d@example.com>\n" % (n, n, n)
            + extra_headers + b"\n" + body)


MULTIPART = b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B0\n"

HEAD = ("# Incident retro - hostile\n\n**Incident from:** 2024-07-25\n\n## Timeline\n\n"
        "### Thursday 25 July\n\n10.00 AB started\n\n")


def main():
    suite = Suite("hostile-text")
    tmp = suite.tmp
    good = write_good_events(tmp)

    # An mbox whose only `From ` separator is damaged: not taken for an mbox (one warning); forced, the
    # message is refused with its first line quoted.
    damaged = tmp / "damaged.mbox"
    damaged.write_bytes(b"Fro ann@example.com Thu Jul 25 10:00:00 2024\n" + mail(1))
    suite.check_input("mbox with its only separator damaged", [damaged, good], [
        f"{damaged}: warning: not a format retro reads; skipped (a KIND: prefix forces one) [ingest.unknown-format]"],
        GOOD_IDS, strict_exit=0)
    suite.check_input("mbox: with its only separator damaged", [f"mbox:{damaged}", good], [
        f'{damaged}:1:1: error: cannot parse message: invalid header line "Fro ann@example.com Thu Jul 25 10:00:00 '
        '2024"; skipped [email.unparsable]'], GOOD_IDS)

    # 10,000 MIME parts side by side, and 10,000 multiparts nested in each other.
    flat = tmp / "flat-parts.eml"
    flat.write_bytes(mail(2, MULTIPART, b"".join(b"--B0\nContent-Type: text/plain\n\npart %d\n" % i
                                                 for i in range(10000)) + b"--B0--\n"))
    run = suite.check_input("10,000 MIME parts", [flat, good], [], ["email:<m2@example.com>", *GOOD_IDS],
                     strict_exit=0)
    suite.check("10,000 MIME parts: the first text part is the body", b'"text":"message 2\\npart 0"' in run.stdout,
                run.stdout[:400])
    nested = tmp / "nested-parts.eml"
    nested.write_bytes(mail(3, MULTIPART, b"".join(b"--B%d\nContent-Type: multipart/mixed; boundary=B%d\n\n"
                                                   % (i, i + 1) for i in range(10000)) + b"text\n"))
    suite.check_input("10,000 nested MIME parts", [nested, good], [], ["email:<m3@example.com>", *GOOD_IDS],
               strict_exit=0)

    # Attached messages nested five deep: the reader looks three deep and says what it left.
    inner = b"From: Deep <deep@example.com>\nSubject: deepest\n\ndeep body\n"
    for level in range(5):
        inner = (b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=L%d\n\n--L%d\n"
                 b"Content-Type: message/rfc822\n\n" % (level, level) + inner + b"\n--L%d--\n" % level)
    forwarded = tmp / "forwarded.eml"
    forwarded.write_bytes(mail(4, b"", b"").replace(b"\n\n", b"\n", 1) + inner)
    # The fourth attached message is the one left unread: the error points at its part's header.
    lines = forwarded.read_bytes().split(b"\n")
    line = [i + 1 for i, text in enumerate(lines) if text == b"Content-Type: message/rfc822"][3]
    suite.check_input("attached messages nested 5 deep", [forwarded, good], [
        f"{forwarded}:{line}:1: error: attached messages nest deeper than 3; the body inside is not read "
        "[email.nested-too-deep]"], ["email:<m4@example.com>", *GOOD_IDS])

    # CRLF and lone CR line ends: mail, notes, retro.
    (tmp / "crlf.eml").write_bytes(mail(5).replace(b"\n", b"\r\n"))
    suite.check_input("CRLF e-mail", [tmp / "crlf.eml", good], [], ["email:<m5@example.com>", *GOOD_IDS],
               strict_exit=0)
    (tmp / "cr.eml").write_bytes(mail(6).replace(b"\n", b"\r"))
    suite.check_input("lone-CR e-mail", [tmp / "cr.eml", good], [], ["email:<m6@example.com>", *GOOD_IDS],
                      strict_exit=0)
    retro = HEAD + "11.00 AB ended\n"
    for name, ending in (("crlf", "\r\n"), ("cr", "\r")):
        path = tmp / f"retro-{name}.md"
        path.write_bytes(retro.replace("\n", ending).encode())
        suite.check_input(f"{name} retro", [path, good], [],
                   [f"retro:{path}#L9", f"retro:{path}#L11", *GOOD_IDS], strict_exit=0)
        notes = tmp / f"notes-{name}.md"
        notes.write_bytes("### Thursday 25 July 2024\n\n10.00 AB started\n11.00 AB ended\n".replace("\n", ending)
                          .encode())
        suite.check_input(f"{name} notes", [notes, good], [],
                   [f"retro:{notes}#L3", f"retro:{notes}#L4", *GOOD_IDS], strict_exit=0)

    # 100,000 nested list levels and block quotes between two timeline lines.
    for name, nest in (("list levels", "- " * 100000 + "deep\n"), ("block quotes", "> " * 100000 + "deep\n")):
        path = tmp / f"nested-{name.replace(' ', '-')}.md"
        path.write_text(HEAD + nest + "\n11.00 AB ended\n")
        suite.check_input(f"retro with 100,000 nested {name}", [path, good], [],
                   [f"retro:{path}#L9", f"retro:{path}#L13", *GOOD_IDS], strict_exit=0)
        run = run_retro("lint", str(path))
        suite.check(f"retro with 100,000 nested {name}: lint finishes", run.exit in (0, 1) and run.seconds < 30, run)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
