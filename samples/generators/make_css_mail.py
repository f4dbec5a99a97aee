#!/usr/bin/env python3
"""Writes css-mail.mbox: the e-mail side of the 2024-07-25 login incident (seed retro, issue 6 item 7).

Collections Systems Support's messages at 10.14, 11.24 (a reply in the 10.14 thread), 12.18 and 12.37, and the
Statuspage notifications for the incident opened at 11.45 and closed at 12.39. Seed times are UK local
(BST, UTC+1); Statuspage mail is sent with +0000 dates. One quoted-printable body, one RFC 2047 subject, one
mboxrd-escaped `>From ` body line. Deterministic: same bytes on every run.

    python3 samples/2024-07-25-login/make_css_mail.py   # rewrites css-mail.mbox next to this script
"""

import base64
import os
import quopri

CSS = "Collections Systems Support <css@collections.example.org>"
STAFF = "Library Staff <library-staff@collections.example.org>"
STATUS = "Wellcome Collection Status <noreply@statuspage.io>"
PAGE = "Wellcome Collection"
INCIDENT = "Problems logging in to library accounts"
INCIDENT_URL = "https://status.wellcomecollection.example/incidents/x7r2k9m4p1qz"


def received(local_stamp):
    return [
        "Received: from mx1.collections.example.org (mx1.collections.example.org [192.0.2.25])\n"
        "\tby imap.collections.example.org (Postfix) with ESMTPS id 4WVn2Q3xYz;\n"
        f"\t{local_stamp}",
        "Received: from exch01.collections.example.org (exch01.collections.example.org [192.0.2.41])\n"
        "\tby mx1.collections.example.org (Postfix) with ESMTP id 4WVn2Q1abc;\n"
        f"\t{local_stamp}",
    ]


def css_message(envelope, date, msgid, subject_header, body_headers, body, extra=()):
    headers = ["Return-Path: <css@collections.example.org>"]
    headers += received(date)
    headers += [
        f"From: {CSS}",
        f"To: {STAFF}",
        subject_header,
        f"Date: {date}",
        f"Message-ID: <{msgid}>",
        *extra,
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        *body_headers,
    ]
    return f"From css@collections.example.org {envelope}\n" + "\n".join(headers) + "\n\n" + body


def plain(body):
    return ["Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit"], body


def quoted_printable(body):
    encoded = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    return ["Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: quoted-printable"], encoded


def encoded_words(text):
    """RFC 2047 B words of at most 30 source bytes, folded onto continuation lines."""
    raw = text.encode("utf-8")
    words, start = [], 0
    while start < len(raw):
        end = min(start + 30, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            end -= 1
        words.append("=?UTF-8?B?" + base64.b64encode(raw[start:end]).decode("ascii") + "?=")
        start = end
    return "Subject: " + "\n ".join(words)


def statuspage_message(envelope, date, msgid, updates):
    text_updates = []
    html_updates = []
    for status, text, stamp in updates:
        text_updates.append(f"{status} - {text}\n{stamp}\n")
        html_updates.append(f"<p><strong>{status}</strong> - {text}<br><small>{stamp}</small></p>")
    text = (f"{INCIDENT}\n\n" + "\n".join(text_updates) + "\n"
            f"View incident: {INCIDENT_URL}\n\n"
            f"You received this email because you are subscribed to {PAGE} notifications.\n"
            "Manage your subscription: https://status.wellcomecollection.example/?unsubscribe=k3v9q2\n"
            "Powered by Atlassian Statuspage\n")
    html = (f"<html><body><h1>{INCIDENT}</h1>" + "".join(html_updates) +
            f"<p><a href=\"{INCIDENT_URL}\">View incident</a></p>"
            "<p>Powered by Atlassian Statuspage</p></body></html>\n")
    boundary = "--==_mimepart_66a2" + msgid[:8]
    headers = [
        "Return-Path: <bounce+2f1c@mail.statuspage.io>",
        "Received: from a8-30.smtp-out.amazonses.com (a8-30.smtp-out.amazonses.com [54.240.8.30])\n"
        "\tby mx1.collections.example.org (Postfix) with ESMTPS id 4WVp7K2mN;\n"
        f"\t{date}",
        f"From: {STATUS}",
        "To: np@collections.example.org",
        f"Subject: [{PAGE}] {INCIDENT}",
        f"Date: {date}",
        f"Message-ID: <{msgid}@statuspage.io>",
        "MIME-Version: 1.0",
        f"Content-Type: multipart/alternative; boundary=\"{boundary}\"",
        "Feedback-ID: 1.us-east-1.statuspage:AmazonSES",
        "X-SES-Outgoing: 2024.07.25-54.240.8.30",
    ]
    body = (f"--{boundary}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n\n{text}\n"
            f"--{boundary}\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n\n{html}\n"
            f"--{boundary}--\n")
    return f"From bounce+2f1c@mail.statuspage.io {envelope}\n" + "\n".join(headers) + "\n\n" + body


def messages():
    first_subject = "Sierra and CALM access \u2013 please restart your laptop"
    first_id = "20240725101402.CSS1@collections.example.org"
    yield css_message(
        "Thu Jul 25 09:14:05 2024", "Thu, 25 Jul 2024 10:14:02 +0100", first_id, encoded_words(first_subject),
        *quoted_printable(
            "Dear colleagues,\n\n"
            "If you are having problems accessing Sierra or CALM this morning, please restart your laptop and\n"
            "refresh your VPN connection (disconnect and reconnect GlobalProtect) before trying again.\n\n"
            "We\u2019re looking into reports from several sites and will update you as soon as we know more.\n\n"
            "Kind regards,\n"
            "Collections Systems Support\n"))
    reply_body = ("Dear colleagues,\n\n"
                  "We are still working on the Sierra desktop client issue. In the meantime users can log in to\n"
                  "the browser version of Sierra.\n\n"
                  "Kind regards,\n"
                  "Collections Systems Support\n\n"
                  "On Thu, 25 Jul 2024 at 10:14, Collections Systems Support wrote:\n"
                  "> If you are having problems accessing Sierra or CALM this morning, please restart your laptop\n"
                  "> and refresh your VPN connection.\n")
    yield css_message(
        "Thu Jul 25 10:24:40 2024", "Thu, 25 Jul 2024 11:24:37 +0100", "20240725112437.CSS2@collections.example.org",
        encoded_words("RE: " + first_subject),
        *plain(reply_body),
        extra=(f"In-Reply-To: <{first_id}>", f"References: <{first_id}>", "Thread-Topic: Sierra and CALM access"))
    yield statuspage_message(
        "Thu Jul 25 10:45:41 2024", "Thu, 25 Jul 2024 10:45:38 +0000", "66a22c72e4b0a1f3d9c04e1a",
        [("Investigating", "We are investigating problems logging in to library accounts on "
                           "wellcomecollection.org. Searching the catalogue is not affected.", "Jul 25, 10:45 UTC")])
    yield css_message(
        "Thu Jul 25 11:18:30 2024", "Thu, 25 Jul 2024 12:18:26 +0100", "20240725121826.CSS3@collections.example.org",
        "Subject: Sierra API issue - supplier call open",
        *plain("Hello all,\n\n"
               "We are also having an issue with Sentry/Sierra, so the website isn't the only Sierra client with\n"
               "an issue. We have a call open with Sierra's supplier and will let you know when we hear back.\n\n"
               "Thanks,\n"
               "Collections Systems Support\n"))
    yield css_message(
        "Thu Jul 25 11:37:15 2024", "Thu, 25 Jul 2024 12:37:12 +0100", "20240725123712.CSS4@collections.example.org",
        "Subject: Sierra API issue resolved",
        *plain("Hello all,\n\n"
               "The API issue appears to be resolved. Please let us know if you still cannot log in.\n\n"
               # mboxrd: a body line starting "From " is stored as ">From "; readers remove the '>'.
               ">From the supplier: \"D&T Networks team made a change on the network earlier this morning to\n"
               "resolve another issue, and it appears that III needed to restart the API junction to pick up the\n"
               "change.\"\n\n"
               "Thanks,\n"
               "Collections Systems Support\n"))
    yield statuspage_message(
        "Thu Jul 25 11:39:55 2024", "Thu, 25 Jul 2024 11:39:52 +0000", "66a2388a91c7f05be2d14f7c",
        [("Resolved", "This incident has been resolved.", "Jul 25, 11:39 UTC"),
         ("Investigating", "We are investigating problems logging in to library accounts on "
                           "wellcomecollection.org. Searching the catalogue is not affected.", "Jul 25, 10:45 UTC")])


def main():
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "2024-07-25-login", "css-mail.mbox")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(m if m.endswith("\n") else m + "\n" for m in messages()))


if __name__ == "__main__":
    main()
