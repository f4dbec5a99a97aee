#!/usr/bin/env python3
"""Writes github-prs.json: the merges of the 2024-07-25 login incident's week as `gh pr list` gives them
(issue 17 item 6), for wellcomecollection/wellcomecollection.org:

    gh pr list --repo wellcomecollection/wellcomecollection.org --state all --limit 8 \\
      --json number,title,author,state,url,mergedAt,mergedBy,baseRefName,headRefName,mergeCommit

The seed retro's story: RC reverted her last PR at 11.42 BST "in case it affected API errors" and un-reverted
it at 12.25 once her e2es passed. Everything else here is invented to surround it as a real week would: the PR
she reverted (merged two days before), a dependabot bump, a banner change the day before, one open PR and one
closed without merging (neither has a merge time: retro counts them and shows nothing), one older merge.
Times are UTC as GitHub writes them (BST = UTC+1). Newest first, as gh lists them.

Deterministic: no clock, no randomness. Python 3 standard library only.
Run: python3 make_github_prs.py [OUTPUT.json]   (default: ../2024-07-25-login/github-prs.json)
"""
import json
import sys
from pathlib import Path

REPO = "wellcomecollection/wellcomecollection.org"
PEOPLE = {
    "rcooper": ("MDQ6VXNlcjEwMDAwMDE=", "Rachel Cooper", False),
    "gevans": ("MDQ6VXNlcjEwMDAwMDI=", "Gareth Evans", False),
    "lbaker": ("MDQ6VXNlcjEwMDAwMDM=", "Lucy Baker", False),
    "agreen": ("MDQ6VXNlcjEwMDAwMDQ=", "Alex Green", False),
    "app/dependabot": ("MDM6Qm90NDk2OTkzMzM=", "", True),
}
SHAS = {
    11053: "5be8d0c7a1f3e92b64d07c1e8a9f2b3c4d5e6f71",
    11052: "9c41a7e2d8b05f3a6e1c94d27b8f0a3e5c6d7b82",
    11048: "e07f3b9a2c6d41e8b5a7f90c3d2e1b4a6f8c9d03",
    11046: "2d6a8c4e0f1b3d5a7c9e2f4b6d8a0c1e3f5b7d94",
    11041: "71b3e5d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e5",
    11027: "a4c6e8f0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a6",
}


def person(login):
    node, name, bot = PEOPLE[login]
    return {"id": node, "is_bot": bot, "login": login, "name": name}


def pr(number, title, author, state, head, merged_at=None, merged_by=None):
    return {
        "author": person(author),
        "baseRefName": "main",
        "headRefName": head,
        "mergeCommit": {"oid": SHAS[number]} if merged_at else None,
        "mergedAt": merged_at,
        "mergedBy": person(merged_by) if merged_by else None,
        "number": number,
        "state": state,
        "title": title,
        "url": f"https://github.com/{REPO}/pull/{number}",
    }


PRS = [
    pr(11054, "Show the library account banner only to signed-in users", "lbaker", "OPEN", "account-banner-signed-in"),
    pr(11053, "Reapply \"Move the sign-in form to the new identity component\"", "rcooper", "MERGED",
       "reapply-sign-in-form", "2024-07-25T11:25:40Z", "rcooper"),
    pr(11052, "Revert \"Move the sign-in form to the new identity component\"", "rcooper", "MERGED",
       "revert-11041-sign-in-form", "2024-07-25T10:42:31Z", "rcooper"),
    pr(11050, "Try a shorter session cookie", "agreen", "CLOSED", "shorter-session-cookie"),
    pr(11048, "Add the summer opening hours banner", "lbaker", "MERGED", "summer-hours-banner",
       "2024-07-24T16:05:12Z", "lbaker"),
    pr(11046, "Bump next from 14.2.3 to 14.2.5", "app/dependabot", "MERGED", "dependabot/npm_and_yarn/next-14.2.5",
       "2024-07-24T10:30:02Z", "gevans"),
    pr(11041, "Move the sign-in form to the new identity component", "rcooper", "MERGED", "identity-sign-in-form",
       "2024-07-23T15:12:08Z", "rcooper"),
    pr(11027, "Update the Cardigan search filters", "agreen", "MERGED", "cardigan-search-filters",
       "2024-07-19T09:48:55Z", "agreen"),
]


def main():
    default = Path(__file__).resolve().parent.parent / "2024-07-25-login" / "github-prs.json"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out.write_text(json.dumps(PRS, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
