#!/usr/bin/env python3
"""Writes teams-shop-incidents.json: the shop team's incident channel on 2025-03-11 as Microsoft Graph gives it
(`GET /teams/{team}/channels/{channel}/messages?$expand=replies`): a `value[]` of root messages, newest first,
each with its `replies[]` newest first, HTML bodies, an `<at>` mention and a link (issue 19's mixed case:
a Teams export, a Sentry metric alert and the payments team's postmortem in one case folder).

The story (invented): Sentry's checkout 5xx alert fires at 14.02 UTC; Priya asks Tom to look at 14.05; Tom
finds the payments gateway returning 502 at 14.09; Ana relays the payments team's rollback at 14.15; Tom sees
the 502s stop at 14.24; Priya closes at 14.30. The payments team's own timeline is payments-team-postmortem.md.

Deterministic: no clock, no randomness. Python 3 standard library only.
Run: python3 make_checkout_teams.py [OUTPUT.json]   (default: ../2025-03-11-checkout/teams-shop-incidents.json)
"""
import json
import sys
from pathlib import Path

TEAM, CHANNEL, TENANT = "2f1c", "19:shop-incidents@thread.tacv2", "7a3e"
PRIYA = ("Priya Shah", "8f0d3c1e-1111-4a2b-9c3d-000000000001")
TOM = ("Tom Evans", "8f0d3c1e-2222-4a2b-9c3d-000000000002")
ANA = ("Ana Costa", "8f0d3c1e-3333-4a2b-9c3d-000000000003")


def message(msg_id, created, person, html, reply_to=None, replies=None):
    name, user_id = person
    parent = reply_to or msg_id
    m = {
        "id": msg_id, "replyToId": reply_to, "etag": msg_id, "messageType": "message",
        "createdDateTime": created, "lastModifiedDateTime": created, "lastEditedDateTime": None,
        "deletedDateTime": None, "subject": None, "summary": None, "chatId": None, "importance": "normal",
        "locale": "en-us",
        "webUrl": f"https://teams.microsoft.com/l/message/19%3Ashop-incidents%40thread.tacv2/{msg_id}"
                  f"?groupId={TEAM}&tenantId={TENANT}&createdTime={msg_id}&parentMessageId={parent}",
        "policyViolation": None, "eventDetail": None,
        "from": {"application": None, "device": None,
                 "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": user_id,
                          "displayName": name, "userIdentityType": "aadUser", "tenantId": TENANT}},
        "body": {"contentType": "html", "content": html},
        "channelIdentity": {"teamId": TEAM, "channelId": CHANNEL},
        "attachments": [], "mentions": [], "reactions": [],
    }
    if replies is not None:
        m["replies"] = replies
    return m


def channel():
    first = "1741701900000"
    replies = [
        message("1741702140000", "2025-03-11T14:09:00Z", TOM,
                "<p>Checkout logs show 502 from the payments gateway on card payments, PayPal is fine</p>", first),
        message("1741702500000", "2025-03-11T14:15:00Z", ANA,
                "<p>Payments team confirm it is their v2.14 release, they are rolling back</p>", first),
        message("1741703100000", "2025-03-11T14:25:00Z", TOM,
                "<p>502s have stopped since 14:24, checkout error rate back to normal</p>", first),
    ]
    opening = message(first, "2025-03-11T14:05:00Z", PRIYA,
                      "<p>Sentry is alerting on checkout 5xx errors, customers report card payments failing. "
                      "<at id=\"0\">Tom Evans</at> can you look?</p>", None, list(reversed(replies)))
    opening["mentions"] = [{"id": 0, "mentionText": TOM[0],
                            "mentioned": {"user": {"id": TOM[1], "displayName": TOM[0],
                                                   "userIdentityType": "aadUser"}}}]
    closing = message("1741703400000", "2025-03-11T14:30:00Z", PRIYA,
                      "<p>Closing the incident. Card payments failed for about 25 minutes, "
                      "<a href=\"https://status.shop.example/incidents/88\">status page</a> updated. "
                      "Retro on Thursday.</p>", None, [])
    return {
        "@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#teams('{TEAM}')/channels"
                          "('19%3Ashop-incidents%40thread.tacv2')/messages(replies())",
        "@odata.count": 2,
        "value": [closing, opening],
    }


def main():
    default = Path(__file__).resolve().parent.parent / "2025-03-11-checkout" / "teams-shop-incidents.json"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out.write_text(json.dumps(channel(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
