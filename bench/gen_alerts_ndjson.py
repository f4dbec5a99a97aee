#!/usr/bin/env python3
"""Writes a deterministic NDJSON alert stream of mixed vendors (as `jq -c` prints them) for the benchmark.

Usage: gen_alerts_ndjson.py [SIZE_MB] > stream.ndjson   (default 512 MB; at least SIZE_MB megabytes)

Record mix per cycle of 10: 3 CloudWatch SNS notifications (alarm JSON inside the Message string),
1 EventBridge alarm event, 1 describe-alarm-history item, 2 Alertmanager webhooks (3 alerts, resolved ones
with endsAt), 1 PagerDuty v3 webhook, 1 Opsgenie action (19-digit ns stamps), 1 Statuspage incident
(two updates). Every record is valid and recognised, so every byte goes through a vendor parser.
"""
import json
import sys

MB = 1_000_000
BASE = 1_721_900_000  # 2024-07-25T09:33:20Z


def iso_ms(t, ms, offset="+0000"):
    hh, rem = divmod(t % 86400, 3600)
    mm, ss = divmod(rem, 60)
    return f"2024-07-25T{hh:02d}:{mm:02d}:{ss:02d}.{ms:03d}{offset}"


def sns(i, t):
    state = "ALARM" if i % 2 else "OK"
    message = {"AlarmName": f"service-{i % 97}-5xx-alarm", "AlarmDescription": f"5xx errors on service {i % 97}",
               "AWSAccountId": "123456789012", "NewStateValue": state,
               "NewStateReason": f"Threshold Crossed: 1 out of the last 1 datapoints [{i % 50}.0 (25/07/24 10:13:00)] "
                                 f"was greater than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> {state} transition).",
               "StateChangeTime": iso_ms(t, i % 1000), "Region": "EU (Ireland)",
               "AlarmArn": f"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:service-{i % 97}-5xx-alarm",
               "OldStateValue": "OK" if state == "ALARM" else "ALARM",
               "Trigger": {"MetricName": "5XXError", "Namespace": "AWS/ApiGateway", "StatisticType": "Statistic",
                           "Statistic": "SUM", "Unit": None, "Dimensions": [{"value": f"api-{i % 97}", "name": "ApiName"}],
                           "Period": 60, "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                           "Threshold": 1.0, "TreatMissingData": "- TreatMissingData: missing",
                           "EvaluateLowSampleCountPercentile": ""}}
    return {"Type": "Notification", "MessageId": f"{i:08x}-ee98-5cb9-9903-4c221d41eb5e",
            "TopicArn": "arn:aws:sns:eu-west-1:123456789012:alarms",
            "Subject": f"{state}: \"service-{i % 97}-5xx-alarm\" in EU (Ireland)",
            "Message": json.dumps(message, separators=(",", ":")), "Timestamp": iso_ms(t, i % 1000, "Z"),
            "SignatureVersion": "1", "Signature": "EXAMPLE" * 20, "SigningCertURL": "https://sns.example/cert.pem",
            "UnsubscribeURL": "https://sns.example/?Action=Unsubscribe"}


def eventbridge(i, t):
    reason_data = json.dumps({"version": "1.0", "queryDate": iso_ms(t, 985), "statistic": "Average", "period": 300,
                              "recentDatapoints": [99.5], "threshold": 50.0}, separators=(",", ":"))
    return {"version": "0", "id": f"c4c1c1c9-{i:08x}", "detail-type": "CloudWatch Alarm State Change",
            "source": "aws.cloudwatch", "account": "123456789012", "time": iso_ms(t, 0, "Z")[:19] + "Z",
            "region": "eu-west-1", "resources": [f"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu-{i % 31}"],
            "detail": {"alarmName": f"cpu-{i % 31}",
                       "state": {"value": "ALARM", "reason": "Threshold Crossed: 1 out of the last 1 datapoints",
                                 "reasonData": reason_data, "timestamp": iso_ms(t, i % 1000)},
                       "previousState": {"value": "OK", "reason": "Threshold Crossed", "reasonData": reason_data,
                                         "timestamp": iso_ms(t - 600, 0)}}}


def history(i, t):
    data = json.dumps({"version": "1.0", "oldState": {"stateValue": "OK", "stateReason": "ok"},
                       "newState": {"stateValue": "ALARM", "stateReason": "Threshold Crossed: 2 datapoints",
                                    "stateReasonData": {"version": "1.0", "queryDate": iso_ms(t, 419),
                                                        "statistic": "Average", "period": 300,
                                                        "recentDatapoints": [38.9, 40.2], "threshold": 30.0}}},
                      separators=(",", ":"))
    hh, rem = divmod(t % 86400, 3600)
    mm, ss = divmod(rem, 60)
    return {"AlarmName": f"queue-depth-{i % 13}", "AlarmType": "MetricAlarm",
            "Timestamp": f"2024-07-25T{hh:02d}:{mm:02d}:{ss:02d}.{i % 1000:03d}000+00:00",
            "HistoryItemType": "StateUpdate", "HistorySummary": "Alarm updated from OK to ALARM", "HistoryData": data}


def alertmanager(i, t):
    alerts = []
    for k in range(3):
        resolved = (i + k) % 2 == 0
        alerts.append({"status": "resolved" if resolved else "firing",
                       "labels": {"alertname": f"HighLatency{k}", "instance": f"web-{i % 41}:9100",
                                  "job": "node", "severity": "warning" if k else "critical"},
                       "annotations": {"summary": f"p99 latency above 2s on web-{i % 41}",
                                       "description": "Latency has been high for 5 minutes."},
                       "startsAt": f"{iso_ms(t - 300, 0)[:19]}.{i:09d}"[:29] + "-05:00",
                       "endsAt": f"{iso_ms(t, 0)[:19]}.432911368Z" if resolved else "0001-01-01T00:00:00Z",
                       "generatorURL": "http://prometheus:9090/graph?g0.expr=histogram_quantile%280.99%29&g0.tab=1",
                       "fingerprint": f"{(i * 7919 + k) % (1 << 64):016x}"})
    return {"receiver": "ops", "status": "firing", "groupLabels": {"alertname": "HighLatency"},
            "commonLabels": {"job": "node"}, "commonAnnotations": {}, "externalURL": "http://alertmanager:9093",
            "version": "4", "groupKey": "{}:{alertname=\"HighLatency\"}", "truncatedAlerts": 0, "alerts": alerts}


def pagerduty(i, t):
    return {"event": {"id": f"01BZYIL05THJ{i:014d}", "event_type": "incident.acknowledged", "resource_type": "incident",
                      "occurred_at": iso_ms(t, i % 1000, "Z"),
                      "agent": {"html_url": "https://acme.pagerduty.com/users/PLH1HKV", "id": "PLH1HKV",
                                "summary": "On-call Engineer", "type": "user_reference"},
                      "client": None,
                      "data": {"id": f"PGR{i % 1000:04d}", "type": "incident", "number": i % 1000,
                               "html_url": f"https://acme.pagerduty.com/incidents/PGR{i % 1000:04d}",
                               "status": "acknowledged", "title": f"Checkout errors {i % 17}", "urgency": "high",
                               "service": {"id": "PF9KMXH", "summary": "API Service", "type": "service_reference"},
                               "priority": {"id": "PSO75BM", "summary": "P1", "type": "priority_reference"}}}}


def opsgenie(i, t):
    return {"action": "Acknowledge",
            "alert": {"alertId": f"052652ac-5d1c-464a-812a-{i:012d}", "message": f"disk full on db-{i % 9}",
                      "tags": ["db"], "tinyId": str(i % 1000), "entity": "", "alias": f"disk-db-{i % 9}",
                      "createdAt": (t - 60) * 1000 + 104, "updatedAt": t * 1_000_000_000 + 764002246,
                      "username": "oncall@example.com", "userId": "daed1180-0ce8-438b-8f8e-57e1a5920a2d",
                      "priority": 3},
            "source": {"name": "web", "type": "API"}, "integrationId": "37c8f316-17c6-49d7-899b-9c7e540c048d",
            "integrationName": "Webhook"}


def statuspage(i, t):
    updates = [{"status": "identified", "body": "We found the cause and are deploying a fix.",
                "created_at": iso_ms(t, 548, "Z"), "display_at": iso_ms(t, 548, "Z"), "id": f"u{i:011d}b",
                "incident_id": f"i{i:011d}"},
               {"status": "investigating", "body": "Users may be unable to log in.",
                "created_at": iso_ms(t - 900, 102, "Z"), "display_at": iso_ms(t - 900, 102, "Z"),
                "id": f"u{i:011d}a", "incident_id": f"i{i:011d}"}]
    return {"meta": {"unsubscribe": "http://example.statuspage.io/?unsubscribe=x", "generated_at": iso_ms(t, 770, "Z")},
            "page": {"id": "jb7j80lkgqvb", "status_indicator": "minor", "status_description": "Minor Service Outage"},
            "incident": {"name": f"Login failures {i % 5}", "status": "identified", "impact": "minor",
                         "shortlink": "http://stspg.io/646947c1e", "id": f"i{i:011d}", "page_id": "jb7j80lkgqvb",
                         "incident_updates": updates}}


CYCLE = [sns, eventbridge, sns, alertmanager, history, sns, pagerduty, alertmanager, opsgenie, statuspage]


def main():
    target = int(sys.argv[1]) * MB if len(sys.argv) > 1 else 512 * MB
    out = sys.stdout
    written = 0
    i = 0
    while written < target:
        t = BASE + i // 4
        line = json.dumps(CYCLE[i % len(CYCLE)](i, t), separators=(",", ":")) + "\n"
        out.write(line)
        written += len(line)
        i += 1


if __name__ == "__main__":
    main()
