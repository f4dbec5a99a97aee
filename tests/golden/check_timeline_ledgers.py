#!/usr/bin/env python3
"""The ledger balances on every golden case of `retro timeline` (issue 7): each case that runs `timeline`
and exits 0 is run again with `--format json`, and its ledger must account for every input event:
input == in_timeline + sum(dropped), `balances` true, and the entries' event ids as many as the events in
the timeline plus those merged or grouped into them.

Usage: RETRO_BIN=… RETRO_CORPUS_DIR=… check_timeline_ledgers.py tests/golden
"""
import json
import os
import subprocess
import sys


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
        args = [a.replace("$CORPUS", corpus).replace("$SAMPLES", samples) for a in open(args_file).read().splitlines()]
        exit_file = os.path.join(folder, "expected.exit")
        if not args or args[0] != "timeline" or (os.path.exists(exit_file) and open(exit_file).read().strip() != "0"):
            continue
        if "--format" not in args:
            args += ["--format", "json"]
        elif args[args.index("--format") + 1] != "json":
            args[args.index("--format") + 1] = "json"
        run = subprocess.run([os.environ["RETRO_BIN"], *args], cwd=folder, env=env,
                             capture_output=True)
        if run.returncode != 0:
            failures.append(f"{case}: exit {run.returncode}: {run.stderr.decode(errors='replace')}")
            continue
        t = json.loads(run.stdout)
        ledger = t["ledger"]
        dropped = sum(ledger["dropped"].values())
        merged = ledger["dropped"].get("merged into another record of the same happening", 0)
        grouped = ledger["dropped"].get("grouped into an alert entry", 0)
        ids = 0
        for e in t["entries"]:
            ids += len(e["event_ids"]) + sum(len(c["event_ids"]) for c in e.get("continuations", []))
        if ledger["input"] != ledger["in_timeline"] + dropped or not ledger["balances"]:
            failures.append(f"{case}: ledger does not balance: {ledger}")
        elif ids != ledger["in_timeline"] + merged + grouped:
            failures.append(f"{case}: entries carry {ids} event ids, the ledger says "
                            f"{ledger['in_timeline']} + {merged} merged + {grouped} grouped")
        checked += 1
    for f in failures:
        print("FAIL", f)
    print(f"{checked} timeline cases checked, {len(failures)} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
