"""Every real sample under shared/corpus/third-party/ reads to the events it holds.

The table below was written by hand from reading each file (python3's json, email, mailbox and zipfile
over them, and the files themselves), never from retro's output: for each file, how many events it holds,
the first instant (UTC, to the microsecond, truncated as retro truncates) and strings that must be in what
retro makes of it (names of people, alerts, channels, changes). Every file in the folder must be in the
table, so a sample added later is not silently unchecked. Run: RETRO_BIN=build/retro RETRO_CORPUS_DIR=…
python3 tests/cli/test_third_party_corpus.py
"""
import json
import os
import sys

from cli_checks import Checks, retro_runner

# path under third-party/ → (events, first instant, strings in the output, extra arguments)
EXPECTED = {
    # Alertmanager: one event per alert at startsAt, one more at endsAt when it is resolved.
    "alertmanager/msteams-prom_post_request.json": (1, "2018-03-07T11:33:21.873077Z", ["high_memory_load"], []),
    "alertmanager/msteams-prom_post_request_2_alerts.json":
        (2, "2018-03-07T11:33:21.873077Z", ["high_memory_load", "high_memory_load2"], []),
    "alertmanager/msteams-large_prom_post_request.json": (19, "2019-01-09T15:20:40.341301Z", ["NodeEvent"], []),
    "alertmanager/prom2teams-all_ok.json": (2, "2017-05-09T07:01:37.803000Z", ["DiskSpace"], []),
    "alertmanager/prom2teams-all_ok_multiple.json": (4, "2017-05-09T07:01:37.803000Z", ["DiskSpace"], []),
    "grafana/grafana-docs-webhook-notifier.json":
        (2, "2021-10-12T07:51:03.157076Z", ["High memory usage", "High CPU usage"], []),
    "grafana/data-mind-resolved-v11.json": (16, "2025-05-06T15:57:10.000000Z", ["指数大幅波动警告"], []),
    # PagerDuty: v3 one per event, v2 one per log entry, v1 one per message.
    "pagerduty/pd-docs-v3-incident-priority-updated.json": (1, "2020-10-02T18:45:22.169000Z", [], []),
    "pagerduty/pd-docs-v3-service-updated.json": (1, "2021-03-02T13:35:11.682000Z", [], []),
    "pagerduty/pd-docs-v2-incident-trigger.json": (1, "2017-09-26T15:14:36.000000Z", ["My new incident"], []),
    "pagerduty/pd-docs-v2-incident-acknowledge.json": (1, "2017-09-26T15:15:17.000000Z", ["Laura Haley"], []),
    "pagerduty/pd-docs-v1-incident-acknowledge.json": (1, "2016-02-22T21:13:44.000000Z", [], []),
    "pagerduty/pd-docs-v1-incident-resolve.json": (1, "2016-02-22T21:38:30.000000Z", [], []),
    "opsgenie/relay-opsgenie-alert-created.json": (1, "2020-06-30T00:06:04.636000Z", ["asdf"], []),
    # CloudWatch: one event per state transition.
    "cloudwatch/lita-aws-cloudwatch-sns-http-notification.json":
        (1, "2015-12-04T07:22:14.394000Z", ["api-1 - Network In"], []),
    "cloudwatch/powertools-cloudWatchAlarmEventSingleMetric.json": (1, "2024-02-17T11:53:08.431000Z", ["Test alert"], []),
    "cloudwatch/powertools-cloudWatchAlarmEventCompositeMetric.json":
        (1, "2023-08-04T12:56:46.138000Z", ["CompositeDemo.Main"], []),
    "cloudwatch/rust-runtime-example-cloudwatch-alarm-metric.json":
        (1, "2023-08-04T12:36:15.490000Z", ["lambda-demo-metric-alarm"], []),
    "cloudwatch/rust-runtime-example-cloudwatch-alarm-composite-with-suppressor-alarm.json":
        (1, "2022-07-22T15:57:45.394000Z", ["ServiceAggregatedAlarm"], []),
    # Statuspage: one per incident update or component update.
    "statuspage/platformpal-telerik-incidents-api.json":
        (17, "2016-03-13T20:22:43.254000Z", ["Telerik AppBuilder: Degraded Performance"], []),
    "statuspage/datadog-status-component-webhook.json": (1, "2017-08-08T14:41:37.394000Z", ["API"], []),
    "statuspage/datadog-status-incident-webhook.json": (1, "2017-08-08T14:45:44.212000Z", ["API intermittent errors"], []),
    # Sentry: one per issue / error event / metric alert.
    "sentry/sentry-docs-issue-created.json": (1, "2019-08-19T20:58:37.391000Z", ["blooopy is not defined"], []),
    "sentry/sentry-docs-error-created.json": (1, "2019-08-19T20:58:37.391000Z", ["blooopy is not defined"], []),
    "sentry/sentry-docs-metric-alert-resolved.json": (1, "2020-09-13T12:26:40.000000Z", ["Too many errors"], []),
    # Mail: Date, else the topmost Received.
    "email/mailparser-mail_test_3.eml": (1, "2016-08-22T13:56:09.000000Z", ["Hi there"], []),
    "email/mailparser-mail_test_14.eml": (1, "2019-04-24T08:05:02.000000Z", ["Test"], []),
    "email/mailparser-mail_test_1.eml": (1, "2016-08-22T14:23:01.000000Z", ["письмо"], []),
    "email/mailparser-mail_test_6.eml": (1, "2017-07-15T09:18:41.000000Z", ["золото"], []),
    "email/mailparser-mail_test_12.eml": (1, "2018-05-13T04:32:22.000000Z", ["增值税发票"], []),
    "email/mailparser-mail_malformed_3.eml": (1, "2017-03-19T23:12:54.000000Z", ["Ahorre Dinero"], []),
    "email/mailparser-mail_outlook_1.msg":
        (1, "2017-09-18T10:00:18.000000Z", ["Newsletter Prüfung Personalwesen / Prüfung Eröffnungsbilanz"], []),
    "email/gmime-substring.mbox": (3, "2002-08-23T06:32:53.000000Z", ["probably break a lot of mime parsers"], []),
    "email/gmime-message-partial.0.eml": (1, "2017-03-28T22:40:37.000000Z", ["Photo of a girl with feather earrings"], []),
    "email/notmuch-default-maildir": (26, "2009-11-17T19:02:38.000000Z", ["Working with Maildir storage?"], []),
    # Postmortems: one per timed line of a timeline; zone-less times read as UTC.
    "markdown/rust-blog-docsrs-outage-postmortem.md":
        (13, "2019-10-20T00:55:00.000000Z", ["crate builds started failing", "QuietMisdreavus"], ["--tz", "UTC"]),
    "markdown/rust-blog-crates-io-incident-report.md":
        (17, "2020-02-20T21:17:00.000000Z", ["Sean deletes the affected versions"], ["--tz", "UTC"]),
    "markdown/rust-blog-crates-io-postmortem.md":
        (16, "2023-07-19T12:32:00.000000Z", ["The deployment was rolled back"], ["--tz", "UTC"]),
    "markdown/moj-cloud-platform-2023-06-06-user-services-down.md":
        (12, "2023-06-06T10:23:00.000000Z", ["production pods are deleted all at once"], ["--tz", "UTC"]),
    "markdown/moj-cloud-platform-2020-08-14-ingress-controllers-crashlooping.md":
        (3, "2020-08-14T10:43:00.000000Z", ["First detected"], ["--tz", "UTC"]),
    # Chat beyond Slack: every message, reply and system message.
    "teams/zulip-teams-export-channel-messages_7c050abd.json":
        (7, "2025-08-14T10:27:40.484000Z", ["Alya Abbott", "Pieter K", "Will Begon"], []),
    "teams/graph-docs-channel-list-messages-top3.json": (3, "2021-03-28T03:50:10.266000Z", ["Robin Kline"], []),
    "teams/graph-docs-channel-list-messages-expand-replies.json":
        (4, "2021-03-28T20:29:37.068000Z", ["Robin Kline"], []),
    # Mattermost: every post, reply and direct post; private channels and direct posts are read with
    # --include-private, as for Slack (without it: 16 and 4, and a note of how many were left out).
    "mattermost/zulip-mattermost-export.jsonl":
        (21, "2019-03-21T10:45:41.670000Z", ["Harry Potter", "Severus Snape"], ["--include-private"]),
    "mattermost/zulip-mattermost-guestExport.jsonl":
        (21, "2019-03-21T10:45:41.670000Z", ["Harry Potter", "Ron Weasley"], ["--include-private"]),
    "mattermost/zulip-mattermost-direct_channel-export.jsonl":
        (11, "2019-03-21T11:08:32.493000Z", ["Ron Weasley", "Ginny Weasley"], ["--include-private"]),
    "discord/dcef-example-guild-general.json": (35, "2023-01-06T14:03:03.853000Z", ["Thomas", "general"], []),
    "discord/dcef-example-guild-chill-talk.json": (6, "2023-01-06T16:11:26.414000Z", ["RICK NITRO", "chill talk"], []),
    # A thread export is read in its parent channel (docs/sources/discord.md).
    "discord/dcef-example-guild-thread-thomas-is-thomas.json":
        (5, "2023-01-06T14:26:58.031000Z", ["Patrick", "general"], []),
    # Slack: one per message of a public channel listed in channels.json (joins included); people by the
    # display name Slack shows.
    "slack-export/hfaran-testarchive.zip": (158, "2016-01-15T05:55:18.000002Z", ["Hamza Faran", "enrique"], []),
    "slack-export/slack2zulip-slack-export": (99, "2017-06-25T14:30:43.277604Z", ["k._", "Rhea"], []),
    "slack-export/josemonkey-slack-data": (9, "2018-01-31T18:37:14.000014Z", ["track maintenance on cars"], []),
    "slack-export/alx-cohort-2023-slack-export.zip": (3076, "2023-01-03T12:33:59.188649Z", ["Rita Mitra"], []),
    "slack-api/openintegrations-conversations-history.json": (4, "2024-04-26T15:49:02.605859Z", [], []),
    "slack-api/openintegrations-conversations-replies.json": (1, "2024-10-08T17:44:07.484679Z", ["Тестовое сообщение 2"], []),
    # Change records.
    "github/pygithub-pulls-state-closed.json": (3, "2012-05-27T10:29:07.000000Z", ["Title edited by PyGithub"], []),
    "github/pygithub-deployment-statuses.json": (3, "2020-08-26T13:55:06.000000Z", [], []),
    "github/pygithub-actions-runs.json": (5, "2020-05-20T10:27:13.000000Z", ["PullRequestReview is not a completable object"], []),
    "gitlab/gitlab4j-merge-request.json": (1, "2016-12-03T17:23:34.000000Z", ["test1"], []),
    "gitlab/gitlab4j-pipeline.json": (1, "2016-08-11T11:32:35.145000Z", [], []),
    "gitlab/gitlab4j-job.json": (1, "2015-12-24T17:54:27.895000Z", ["teaspoon"], []),
    "gitlab/gitlab4j-deployment.json": (1, "2016-08-11T11:32:35.145000Z", ["production"], []),
    "buildkite/buildkite-docs-get-build.json": (1, "2015-05-09T21:08:59.874000Z", ["Bumping to version 0.2-beta.6"], []),
    "buildkite/buildkite-docs-cancel-build.json": (1, "2015-05-09T21:05:59.874000Z", ["Bumping to version 0.2-beta.6"], []),
    "buildkite/buildkite-docs-eventbridge-build-finished.json": (1, "2019-08-11T06:01:35.000000Z", ["update-deps"], []),
    "argocd/sa-it-academy-krejzo-jenkins-helm-application.yaml": (1, "2023-11-25T21:41:46.000000Z", ["helm-25-23"], []),
    "argocd/sa-it-academy-nemkovich-jenkins-application.yaml": (5, "2022-06-06T12:02:02.000000Z", ["jenkins"], []),
    "argocd/codefresh-docs-restricted-git-source-application.yaml": (2, "2023-09-26T11:52:50.000000Z", ["restricted-gs"], []),
    # Kubernetes: Warnings, trouble written as Normal and scale-ups are events; routine Normal events
    # (Scheduled, Pulled, Started…) and scale-downs are counted in the ledger, not events
    # (docs/sources/kubernetes.md; counted here by that table over the items).
    "kubernetes/troubleshoot-message-image-pull-fail.json": (8, "2023-07-11T04:25:44.224298Z", ["ErrImagePull"], []),
    "kubernetes/troubleshoot-message-pod-init-crashloop-backoff.json": (6, "2023-07-09T23:53:09.000000Z", ["FailedMount"], []),
    "kubernetes/troubleshoot-message-container-creating-failed-mount.json":
        (34, "2023-07-09T23:53:09.000000Z", ["FailedMount"], []),
    "kubernetes/troubleshoot-support-bundle-events-default.json": (1, "2022-12-21T16:43:09.000000Z", ["BackOff"], []),
}

# Folders read as one source (a Maildir, an export folder); everything else is one file each.
WHOLE_FOLDERS = {"email/notmuch-default-maildir", "slack-export/slack2zulip-slack-export",
                 "slack-export/josemonkey-slack-data"}


def samples(root):
    """Every source under root as the table names it: whole folders once, other files one by one."""
    found = set()
    for family in sorted(os.listdir(root)):
        folder = os.path.join(root, family)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            found.add(f"{family}/{name}")
    return found


def to_micros(instant):
    """`…T10:00:00Z`, `…T10:00:00.5Z` and `…T10:00:00.500000Z` alike, as `…T10:00:00.500000Z`."""
    if instant is None:
        return None
    body = instant.rstrip("Z")
    whole, _, fraction = body.partition(".")
    return f"{whole}.{(fraction + '000000')[:6]}Z"


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_of(v)


def main():
    root = os.path.join(os.environ.get("RETRO_CORPUS_DIR", "../shared/corpus"), "third-party")
    if not os.path.isdir(root):
        print(f"skipped: no {root}")
        return 77
    run = retro_runner(TZ="UTC")
    check = Checks("third-party corpus")
    present = samples(root)
    check("every sample is in the table", present <= set(EXPECTED), sorted(present - set(EXPECTED)))
    check("every row names a sample", set(EXPECTED) <= present, sorted(set(EXPECTED) - present))
    for path, (count, first, names, extra) in sorted(EXPECTED.items()):
        if path not in present:
            continue
        done = run("events", *extra, os.path.join(root, path))
        events = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        stderr = done.stderr.decode(errors="replace")
        check(f"{path}: exit 0", done.returncode == 0, f"exit {done.returncode}: {stderr}")
        check(f"{path}: no unknown format", "unknown-format" not in stderr, stderr)
        check(f"{path}: {count} events", len(events) == count, f"got {len(events)}")
        got_first = min((to_micros(e["time"]) for e in events), default=None)
        check(f"{path}: first at {first}", got_first == first, f"got {got_first}")
        text = "\n".join(s for e in events for s in strings_of(e))
        for name in names:
            check(f"{path}: holds {name!r}", name in text)
    mixed_case(run, check)
    return check.summary()


def mixed_case(run, check):
    """A case folder mixing a Teams channel, a Sentry webhook and another team's postmortem drafts a
    lint-clean retro whose timeline has lines from all three (issue 19)."""
    samples_dir = os.path.join(os.path.dirname(__file__), "..", "..", "samples", "2025-03-11-checkout")
    done = run("timeline", "--format", "json", samples_dir)
    entries = json.loads(done.stdout)["entries"] if done.returncode == 0 else []
    kinds = {e["source_kind"] for e in entries}
    check("mixed case: timeline lines from teams, sentry and the postmortem", {"teams", "sentry", "notes"} <= kinds,
          sorted(kinds))
    draft = run("draft", "--retro-held", "2025-03-13", samples_dir)
    check("mixed case: draft exit 0", draft.returncode == 0, draft.stderr)
    lint = run("lint", "-", stdin=draft.stdout)
    check("mixed case: the draft is lint-clean", lint.returncode == 0 and b"0 errors, 0 warnings" in lint.stderr,
          lint.stderr)


if __name__ == "__main__":
    sys.exit(main())
