#!/usr/bin/env python3
"""The ledger balances on every golden case (issues 7 and 9): each case that reads sources (`events`,
`timeline` or `draft`; lint cases read none) is run again as `retro timeline --format json` on the same
sources and common options, and its ledger must account for every input event:
  - input == in_timeline + sum(dropped) and `balances` is true;
  - input == the number of events `retro events` gives for the same sources (nothing lost between them;
    not compared when --from/--until is given, which the two commands apply differently);
  - the entries carry as many event ids as the events in the timeline plus those merged or grouped.
Cases whose own run fails on purpose (expected.exit 2) are skipped.

Usage: RETRO_BIN=… RETRO_CORPUS_DIR=… check_timeline_ledgers.py tests/golden
"""
import json
import os
import subprocess
import sys

# Options of one command only, with whether each takes a value.
COMMAND_OPTIONS = {"--format": True, "-o": True, "--unsorted": False, "--stats": False, "--list-incidents": False,
                   "--incident": True, "--title": True, "--retro-held": True, "--no-redact": False, "--force": False,
                   "--update": True, "--chart": False}


def common_arguments(args):
    """The common options and sources of a command line, without the command and its own options; and the
    `--incident N` it asked for, if any."""
    out, incident, i = [], [], 1
    while i < len(args):
        if args[i] in COMMAND_OPTIONS:
            if args[i] == "--incident":
                incident = ["--incident", args[i + 1]]
            i += 2 if COMMAND_OPTIONS[args[i]] else 1
            continue
        out.append(args[i])
        i += 1
    return out, incident


def check_case(case, folder, args, env):
    """None when the ledger balances, else what is wrong."""
    stdin_file = os.path.join(folder, "stdin")
    stdin = open(stdin_file, "rb").read() if os.path.isfile(stdin_file) else b""
    common, incident = common_arguments(args)
    run = subprocess.run([os.environ["RETRO_BIN"], "timeline", "--format", "json", *incident, *common], cwd=folder,
                         env=env, input=stdin, capture_output=True)
    if run.returncode not in (0, 1):  # 1: --strict on damaged input still prints the timeline
        return f"timeline exit {run.returncode}: {run.stderr.decode(errors='replace')[:400]}"
    t = json.loads(run.stdout)
    ledger = t["ledger"]
    dropped = sum(ledger["dropped"].values())
    merged = ledger["dropped"].get("merged into another record of the same happening", 0)
    grouped = ledger["dropped"].get("grouped into an alert entry", 0)
    ids = sum(len(e["event_ids"]) + sum(len(c["event_ids"]) for c in e.get("continuations", []))
              for e in t["entries"])
    if ledger["input"] != ledger["in_timeline"] + dropped or not ledger["balances"]:
        return f"ledger does not balance: {ledger}"
    if not incident and ids != ledger["in_timeline"] + merged + grouped:
        return (f"entries carry {ids} event ids, the ledger says {ledger['in_timeline']} + {merged} merged + "
                f"{grouped} grouped")
    # With --from/--until the two differ by design: `events` leaves out-of-window events out while reading,
    # `timeline` counts them as dropped (but skips a Slack export's out-of-window day files unread).
    if "--from" in common or "--until" in common:
        return None
    events = subprocess.run([os.environ["RETRO_BIN"], "events", *common], cwd=folder, env=env, input=stdin,
                            capture_output=True)
    count = events.stdout.count(b"\n")
    if ledger["input"] != count:
        return f"the ledger counts {ledger['input']} input events, `retro events` gives {count}"
    return None


def main():
    root = os.path.abspath(sys.argv[1])
    samples = os.path.join(os.path.dirname(os.path.dirname(root)), "samples")
    corpus = os.environ.get("RETRO_CORPUS_DIR", os.path.join(os.path.dirname(os.path.dirname(root)), "..", "shared", "corpus"))
    env = dict(os.environ, TZ="UTC", SOURCE_DATE_EPOCH="1722124800", LC_ALL="C.UTF-8")
    checked, failures = 0, []
    for case in sorted(os.listdir(root)):
        folder = os.path.join(root, case)
        args_file = os.path.join(folder, "args")
        if not os.path.isfile(args_file):
            continue
        args = [a.replace("$CORPUS", corpus).replace("$SAMPLES", samples)
                for a in open(args_file).read().splitlines() if a.strip()]
        exit_file = os.path.join(folder, "expected.exit")
        if not args or args[0] not in ("events", "timeline", "draft") or \
                (os.path.exists(exit_file) and open(exit_file).read().strip() == "2"):
            continue
        problem = check_case(case, folder, args, env)
        if problem:
            failures.append(f"{case}: {problem}")
        checked += 1
    for f in failures:
        print("FAIL", f)
    print(f"{checked} golden cases checked, {len(failures)} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
