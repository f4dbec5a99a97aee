#!/usr/bin/env python3
"""Writes the alarm side of the 2024-07-25 login incident (the seed retro), deterministically:

  alarm-history.json   `aws cloudwatch describe-alarm-history --output json` as AWS CLI v2 prints it
                       (4-space indent, `+00:00` times with microseconds, newest first), with the
                       StateUpdate items of the seed's alarms plus ConfigurationUpdate and Action items.
  sns-copies.ndjson    SNS notifications (as `jq -c` prints them) of two of the same transitions, so
                       `retro events alarm-history.json sns-copies.ndjson` keeps one event for each.

The seed's times are UK local (BST, UTC+1): the seed's `11.14` is 10:14 UTC. Times below are UTC.
Run: python3 make_alarm_samples.py  (writes next to this script; no arguments, no randomness).
"""
import hashlib
import json
import os
import uuid
from datetime import datetime, timedelta, timezone

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "2024-07-25-login")
ACCOUNT = "760097843905"
REGION = "eu-west-1"
TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:platform-alarms"
DAY = datetime(2024, 7, 25, tzinfo=timezone.utc)

SIERRA = [f"platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-{r}"
          for r in ("orders", "holdings", "items", "bibs")]
CATALOGUE = "catalogue-api-prod-5xx-alarm"
IDENTITY = "identity-api-prod-5xx-alarm"
LOGINS = "identity-prod-failed-login-alarm"
DESCRIPTIONS = {CATALOGUE: "Catalogue API errors", IDENTITY: "Identity API 5xx errors", LOGINS: "Failed login errors"}
for name in SIERRA:
    DESCRIPTIONS[name] = "Lambda errors in " + name.split(": ")[1]


def at(hh, mm, ss, ms):
    return DAY + timedelta(hours=hh, minutes=mm, seconds=ss, milliseconds=ms)


def transitions():
    """(time, alarm, new state, datapoint) for every state change, in time order."""
    out = []
    # 11.14 local: the four sierra-reader lambdas start failing; they recover at 12.36 local.
    for i, name in enumerate(SIERRA):
        out.append((at(10, 14, 3 + 7 * i, 123 + 111 * i), name, "ALARM", 1.0 + i))
        out.append((at(11, 36, 12 + 5 * i, 456 + 37 * i), name, "OK", 0.0))
    # Catalogue API errors: first 11.15 local, again 11.20 and 11.22, then every five minutes until the
    # last alarm at 12.17 local; each clears about two minutes later.
    starts = [(10, 15), (10, 20), (10, 22)] + [(10 + (27 + 5 * k) // 60, (27 + 5 * k) % 60) for k in range(11)]
    for k, (hh, mm) in enumerate(starts):
        out.append((at(hh, mm, 41, 200 + k), CATALOGUE, "ALARM", 12.0 + k))
        ok = at(hh, mm, 41, 200 + k) + timedelta(minutes=1, seconds=50)
        out.append((ok, CATALOGUE, "OK", 0.0))
    # identity-api-prod-5xx-alarm at 11.19 local, cleared when logins worked again (12.18 local).
    out.append((at(10, 19, 27, 881), IDENTITY, "ALARM", 57.0))
    out.append((at(11, 18, 33, 102), IDENTITY, "OK", 2.0))
    # Failed login errors from 11.21 local, every ten minutes, last at 12.11 local.
    for k in range(6):
        t = at(10, 21 + 10 * k, 5, 640 + k)
        out.append((t, LOGINS, "ALARM", 25.0 + k))
        out.append((t + timedelta(minutes=4, seconds=2), LOGINS, "OK", 1.0))
    return sorted(out)


def reason(state, old, value, when):
    stamp = (when - timedelta(minutes=1)).strftime("%d/%m/%y %H:%M:00")
    if state == "ALARM":
        return (f"Threshold Crossed: 1 out of the last 1 datapoints [{value} ({stamp})] was greater than or "
                f"equal to the threshold (1.0) (minimum 1 datapoint for {old} -> ALARM transition).")
    return (f"Threshold Crossed: 1 out of the last 1 datapoints [{value} ({stamp})] was not greater than or "
            f"equal to the threshold (1.0) (minimum 1 datapoint for {old} -> OK transition).")


def iso_v2(t):  # AWS CLI v2: Python isoformat()
    return t.isoformat()


def iso_cw(t):  # CloudWatch wire form inside payloads: milliseconds and +0000
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+0000"


def stable_uuid(*parts):
    return str(uuid.UUID(hashlib.sha256("/".join(parts).encode()).hexdigest()[:32]))


def history():
    items = []
    last = {}
    for when, name, state, value in transitions():
        old = last.get(name, "OK")
        last[name] = state
        why = reason(state, old, value, when)
        data = {"version": "1.0",
                "oldState": {"stateValue": old, "stateReason": reason(old, state, 0.0, when)},
                "newState": {"stateValue": state, "stateReason": why,
                             "stateReasonData": {"version": "1.0", "queryDate": iso_cw(when - timedelta(milliseconds=20)),
                                                 "startDate": iso_cw((when - timedelta(minutes=1)).replace(second=0, microsecond=0)),
                                                 "statistic": "Sum", "period": 60, "recentDatapoints": [value],
                                                 "threshold": 1.0, "evaluatedDatapoints": [
                                                     {"timestamp": iso_cw((when - timedelta(minutes=1)).replace(second=0, microsecond=0)),
                                                      "sampleCount": 1.0, "value": value}]}}}
        items.append({"AlarmName": name, "AlarmType": "MetricAlarm", "Timestamp": iso_v2(when),
                      "HistoryItemType": "StateUpdate",
                      "HistorySummary": f"Alarm updated from {old} to {state}",
                      "HistoryData": json.dumps(data, separators=(",", ":"))})
        if state == "ALARM":  # the alarm action: publish to the SNS topic
            sent = when + timedelta(milliseconds=180)
            action = {"actionState": "Succeeded", "stateUpdateTimestamp": int(when.timestamp() * 1000),
                      "notificationResource": TOPIC,
                      "publishedMessage": json.dumps({"default": f"ALARM: {name}"})}
            items.append({"AlarmName": name, "AlarmType": "MetricAlarm", "Timestamp": iso_v2(sent),
                          "HistoryItemType": "Action",
                          "HistorySummary": f"Successfully executed action {TOPIC}",
                          "HistoryData": json.dumps(action, separators=(",", ":"))})
    # A configuration change earlier that morning (threshold lowered on the failed-login alarm).
    config_time = at(8, 2, 44, 317)
    config = {"version": "1.0", "type": "Update",
              "originalUpdatedFields": {"threshold": 5.0},
              "updatedAlarm": {"alarmName": LOGINS, "threshold": 1.0, "period": 60, "evaluationPeriods": 1,
                               "comparisonOperator": "GreaterThanOrEqualToThreshold", "statistic": "Sum",
                               "namespace": "Identity", "metricName": "FailedLogins"}}
    items.append({"AlarmName": LOGINS, "AlarmType": "MetricAlarm", "Timestamp": iso_v2(config_time),
                  "HistoryItemType": "ConfigurationUpdate", "HistorySummary": f"Alarm \"{LOGINS}\" updated",
                  "HistoryData": json.dumps(config, separators=(",", ":"))})
    items.sort(key=lambda item: item["Timestamp"], reverse=True)  # newest first, as the API returns them
    return {"AlarmHistoryItems": items}


def sns_copy(when, name, state, value, old):
    message = {"AlarmName": name, "AlarmDescription": DESCRIPTIONS[name], "AWSAccountId": ACCOUNT,
               "AlarmConfigurationUpdatedTimestamp": "2024-03-12T14:22:01.772+0000",
               "NewStateValue": state, "NewStateReason": reason(state, old, value, when),
               "StateChangeTime": iso_cw(when), "Region": "EU (Ireland)",
               "AlarmArn": f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:{name}", "OldStateValue": old,
               "OKActions": [], "AlarmActions": [TOPIC], "InsufficientDataActions": [],
               "Trigger": {"MetricName": "Errors", "Namespace": "AWS/Lambda", "StatisticType": "Statistic",
                           "Statistic": "SUM", "Unit": None, "Dimensions": [], "Period": 60,
                           "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                           "Threshold": 1.0, "TreatMissingData": "notBreaching",
                           "EvaluateLowSampleCountPercentile": ""}}
    published = when + timedelta(milliseconds=245)
    return {"Type": "Notification", "MessageId": stable_uuid(name, state, iso_cw(when)), "TopicArn": TOPIC,
            "Subject": f"{state}: \"{name}\" in EU (Ireland)",
            "Message": json.dumps(message, separators=(",", ":")),
            "Timestamp": published.strftime("%Y-%m-%dT%H:%M:%S.") + f"{published.microsecond // 1000:03d}Z",
            "SignatureVersion": "1", "Signature": "EXAMPLE",
            "SigningCertURL": f"https://sns.{REGION}.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
            "UnsubscribeURL": f"https://sns.{REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={TOPIC}:EXAMPLE"}


def main():
    with open(os.path.join(HERE, "alarm-history.json"), "w") as f:
        json.dump(history(), f, indent=4)
        f.write("\n")
    wanted = {(SIERRA[0], "ALARM"), (IDENTITY, "ALARM")}
    with open(os.path.join(HERE, "sns-copies.ndjson"), "w") as f:
        for when, name, state, value in transitions():
            if (name, state) in wanted:
                wanted.discard((name, state))
                f.write(json.dumps(sns_copy(when, name, state, value, "OK"), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
