#!/usr/bin/env python3
"""Secrets in every source type (issue 9 part 5; the vendors' shapes of issue 15 item 13): realistic, fake, format-valid secrets (Slack tokens, AWS
key ids and secret keys, GitHub tokens, a JWT, a password in a URL, a PEM private key) are put into a Slack
export, Slack API JSON, each alert format family, an .eml, an mbox, notes, a retro and events NDJSON. For
each, a default `retro draft` must hold none of them, and the redaction summary on stderr must name each
kind. `retro timeline` (text and JSON) and the Timesketch export redact too, unless --no-redact; the NDJSON of
`retro events` keeps the data as read. Inputs are made at test time from small templates (alerts: the real
payloads in the corpus)."""
import json
import os
import sys
from pathlib import Path

from hostile_inputs import event_line, slack_message, write_slack_export_dir
from retro_run import Suite, run_retro

CORPUS = Path(os.environ.get("RETRO_CORPUS_DIR", Path(__file__).resolve().parents[3] / "shared" / "corpus"))

# kind in the summary → (the secret as written, a part of it that must never reach the draft)
SECRETS = {
    "slack-token": [("xoxb-2912340598-7734210987654-Qm7RtZx2LpV9nKw4HsYd8TgB", "Qm7RtZx2LpV9nKw4HsYd8TgB"),
                    ("xoxp-2912340598-2912340599-7734210987655-a1b2c3d4e5f60718293a4b5c6d7e8f90",
                     "a1b2c3d4e5f60718293a4b5c6d7e8f90")],
    "aws-key": [("AKIAQ3EGRZ2TXKD7WM5P", "Q3EGRZ2TXKD7WM5P"),
                ("aws_secret_access_key=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",
                 "Zx9/Lm2qTr8vWy3NbK5pRt7uJh1eXs4Ga6Fd0QcZ")],
    "github-token": [("ghp_R8mK2vLq9TzX4nW7pB3yH6cJ1fD5sG0aE2uQ", "R8mK2vLq9TzX4nW7pB3yH6cJ1fD5sG0aE2uQ"),
                     ("github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234",
                      "mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234")],
    "jwt": [("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcHMtYm90IiwiaWF0IjoxNzIxOTAxNjAwfQ."
             "Hk3vJ9qL2mN8pR4sT6uW0xY1zA3bC5dE7fG9hI2jK4l", "Hk3vJ9qL2mN8pR4sT6uW0xY1zA3bC5dE7fG9hI2jK4l")],
    "url-password": [("https://deploy:Tr0ub4dor-and-3@db.internal.example.com/admin", "Tr0ub4dor-and-3")],
    "private-key": [("-----BEGIN RSA PRIVATE KEY-----\n"
                     "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
                     "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----",
                     "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"),
                    ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGZ3kxABCAC7vQ2mR8xL4kP9sT1uW6yZ3bN5cF0dH2jE\n"
                     "=k3Jd\n-----END PGP PRIVATE KEY BLOCK-----", "lQOYBGZ3kxABCAC7vQ2mR8xL4kP9sT1uW6yZ3bN5cF0dH2jE")],
    "google-api-key": [("AIzaAbeuEchsVEoR7TJYHSDATOCN1D61-k7U4O5", "AbeuEchsVEoR7TJYHSDATOCN1D61")],
    "stripe-key": [("sk_live_zX3ZeF981bmiIlN8YS2UbsHFj42g5hzdeDU16Jsz7GolI8Gwfpttk0", "zX3ZeF981bmiIlN8YS2UbsHFj42g5h"),
                   ("rk_live_GdE1fK9DoXWLCSUqRfNadvWP1yBwdN7TtMCtJ0bZ", "GdE1fK9DoXWLCSUqRfNadvWP1yBwdN7T")],
    "slack-webhook": [("https://hooks.slack.com/services/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",
                       "OhHUDLk1TRX6vD3MKQ9Abrvi")],
    "password": [("password=Summer2024!x", "Summer2024!x"), ("DB_PASSWORD: hunter2hunter", "hunter2hunter")],
    "secret": [("API_SECRET=9f8e7d6c5b4a3f2e", "9f8e7d6c5b4a3f2e")],
    "basic-auth": [("Authorization: Basic ZGVwbG95OlRyMHViNGRvcg==", "ZGVwbG95OlRyMHViNGRvcg")],
    "gitlab-token": [("glpat-ITxh7BmiGAj4uDPuhV1C", "ITxh7BmiGAj4uDPuhV1C")],
    "npm-token": [("npm_AV4kxWKjGlEE6DDMkBeBr7CVpQ8bCvz5PkcQ", "AV4kxWKjGlEE6DDMkBeBr7CVpQ8bCvz5PkcQ")],
    "sendgrid-key": [("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",
                      "vZnZQP5GwI1pMCIuHLt5Et9pFBY2CK08Z8CPWTRWQQm")],
    "openai-key": [("sk-proj-q_CDjwNGBE_G_xE-VuBQofHhCeTYQLOPU1Wb8D1iv3rphlfX3TtzSlrgSHg4dsa49CsvXEC2Q",
                    "VuBQofHhCeTYQLOPU1Wb8D1iv3rphlfX3TtzSlrgSHg4dsa49")],
    "anthropic-key": [("sk-ant-api03-askm9Ox07fomXtcq_KMNPV6FitNWQ_2IwN4LCaVWDZVGjbziUeMDMcbxsrhOzOkItgAA",
                       "askm9Ox07fomXtcq_KMNPV6FitNWQ_2IwN4LCaVWDZVGjbziUeMDMcbxsrhOzOkItgAA")],
}
# AWS STS JSON as `aws sts assume-role` prints it (one more aws-key paste; the JSON keeps its own line breaks).
STS_SECRET = "igvEJwyOvgh1owW+j6E8ODDWrMGpMJE/U+S296+5"
STS_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7x0pbBs2k9yZ+Wq3nS1vR0f5tL8uH2cA4eN6mJ0p"
SECRETS["aws-key"] += [('{"Credentials": {"AccessKeyId": "ASIAQ3EGRZ2TXKD7WM5P", "SecretAccessKey": "' + STS_SECRET +
                        '", "SessionToken": "' + STS_TOKEN + '"}}', STS_TOKEN[20:])]
# The key blocks span lines: last, so drafts that show only an alert's or update's first line show the rest.
SECRETS["private-key"] = SECRETS.pop("private-key")
ALL_KINDS = sorted(SECRETS)


def secret_text(separator=" "):
    """Every secret, in one text (the PEM key keeps its line breaks)."""
    return separator.join(f"leaked {written}" for kinds in SECRETS.values() for written, _ in kinds)


def escaped(text, times=1):
    """`text` as the inside of a JSON string, escaped `times` times (2: JSON inside a JSON string)."""
    for _ in range(times):
        text = json.dumps(text)[1:-1]
    return text


def from_template(path, anchor, times=1):
    """A corpus payload with the secrets written after each `anchor`, a string the draft shows (the alert's
    name: a draft names alerts by their key)."""
    raw = (CORPUS / path).read_text()
    assert anchor in raw, (path, anchor)
    return raw.replace(anchor, anchor + " " + escaped(secret_text(), times))


def mail(envelope=b""):
    return envelope + ("From: Ann Bee <ann@example.com>\nTo: ops@example.com\nSubject: deploy key "
                       + secret_text(" ").replace("\n", " ") + "\nDate: Thu, 25 Jul 2024 10:00:00 +0000\n"
                       "Message-ID: <secret@example.com>\nContent-Type: text/plain; charset=utf-8\n\n"
                       "The key:\n" + secret_text("\n") + "\n").encode()


def write_sources(tmp):
    """{name: (source arguments, extra options)} for every source type, written under `tmp`."""
    text = secret_text()
    sources = {}
    export = write_slack_export_dir(tmp / "slack-export", {"general/2024-07-25.json": json.dumps(
        [slack_message("1721901660.000100", text)]).encode()})
    sources["Slack export"] = ([str(export)], [])
    (tmp / "api.json").write_text(json.dumps({"ok": True, "messages": [slack_message("1721901660.000100", text)]}))
    sources["Slack API JSON"] = (["slack-api:" + str(tmp / "api.json")], ["--slack-channel", "C01:general"])
    templates = {
        "alertmanager": ("alerts/alertmanager/single_alert.json", "High CPU Temperature", 1),
        "cloudwatch": ("alerts/cloudwatch/cloudwatch-alarm-sns-payload-single-metric.json", "EXAMPLE", 2),
        "grafana": ("alerts/grafana/alert-9.json", "Test alert", 1),
        "pagerduty": ("alerts/pagerduty/triggered_v3.json", "Test Incident 3", 1),
        "opsgenie": ("alerts/opsgenie/create.json", "another alert", 1),
        "statuspage": ("alerts/statuspage/incident_created.json", "Database query delays", 1),
        "sentry": ("alerts/sentry/issue_created_for_exception.json", "Custom exception!", 1),
    }
    for vendor, (path, anchor, times) in templates.items():
        (tmp / f"{vendor}.json").write_text(from_template(path, anchor, times))
        sources[vendor] = ([str(tmp / f"{vendor}.json")], [])
    (tmp / "mapped.ndjson").write_text(json.dumps({"name": "deploy " + text, "at": "2024-07-25T10:01:00Z",
                                                   "state": "ALARM"}) + "\n")
    sources["json-map"] = (["json-map:" + str(tmp / "mapped.ndjson")], ["--map", "time=.at,title=.name,state=.state"])
    (tmp / "message.eml").write_bytes(mail())
    sources["eml"] = ([str(tmp / "message.eml")], [])
    (tmp / "inbox.mbox").write_bytes(mail(b"From ann@example.com Thu Jul 25 10:00:00 2024\n"))
    sources["mbox"] = ([str(tmp / "inbox.mbox")], [])
    (tmp / "notes.md").write_text("### Thursday 25 July 2024\n\n10.01 AB " + text.replace("\n", "\n    ") + "\n")
    sources["notes"] = (["notes:" + str(tmp / "notes.md")], [])
    (tmp / "retro.md").write_text("# Incident retro - secrets\n\n**Incident from:** 2024-07-25\n\n## Timeline\n\n"
                                  "### Thursday 25 July\n\n10.01 AB " + text.replace("\n", " \\\n") + "\n")
    sources["retro"] = ([str(tmp / "retro.md")], [])
    (tmp / "events.ndjson").write_bytes(event_line("secret:1", "2024-07-25T10:01:00Z", text))
    sources["events NDJSON"] = ([str(tmp / "events.ndjson")], [])
    return sources


def check_other_outputs(suite, events):
    """`retro timeline` (text, JSON) and the Timesketch export redact unless --no-redact; the NDJSON does not."""
    outputs = {"timeline text": ("timeline",), "timeline JSON": ("timeline", "--format", "json"),
               "Timesketch": ("events", "--format", "timesketch")}
    for name, args in outputs.items():
        for redact in (True, False):
            run = run_retro(*args, *([] if redact else ["--no-redact"]), str(events))
            out = run.stdout.decode("utf-8", "replace")
            suite.check(f"{name}{'' if redact else ' --no-redact'}: written", run.exit == 0 and out, run)
            for kind, secrets in SECRETS.items():
                for written, core in secrets:
                    suite.check(f"{name}{'' if redact else ' --no-redact'}: {kind} ({written[:16]}…) "
                                f"{'redacted' if redact else 'kept'}", (core in out) != redact, out[:800])
    ndjson = run_retro("events", str(events)).stdout.decode("utf-8", "replace")
    suite.check("events NDJSON keeps the data as read", all(core in ndjson for kinds in SECRETS.values()
                                                            for _, core in kinds), ndjson[:800])


def main():
    suite = Suite("secrets")
    sources = write_sources(suite.tmp)
    check_other_outputs(suite, suite.tmp / "events.ndjson")
    for name, (args, options) in sources.items():
        run = run_retro("draft", *options, *args)
        draft = run.stdout.decode("utf-8", "replace")
        suite.check(f"{name}: draft written", run.exit == 0 and draft.startswith("<!-- retro:draft"), run)
        suite.check(f"{name}: the secrets are in the timeline", "[redacted: " in draft, draft[:1500])
        for kind, secrets in SECRETS.items():
            for written, core in secrets:
                suite.check(f"{name}: no {kind} in the draft ({written[:16]}…)", core not in draft,
                            draft[max(0, draft.find(core) - 200):draft.find(core) + 100])
        summary = [line for line in run.diagnostics if line.startswith("retro: redacted ")]
        named = [kind for kind in ALL_KINDS if summary and f" {kind}" in summary[0]]
        suite.check(f"{name}: the summary names every kind", named == ALL_KINDS, f"{summary} {run}")
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
