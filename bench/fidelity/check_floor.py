#!/usr/bin/env python3
"""Holds every fidelity case at or above its recorded scores (bench/fidelity/floor.json): recall and alert
recall no lower, noise no higher, dates no worse. Deterministic (drafts and scores, no timing).

    python3 bench/fidelity/check_floor.py --retro build/src/cli/retro
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--retro", required=True)
    args = parser.parse_args()
    run = subprocess.run([sys.executable, str(HERE.parent / "fidelity.py"), "--json", "--retro", args.retro],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return 1
    cases = {c["case"]: c for c in json.loads(run.stdout)["cases"]}
    floor = json.loads((HERE / "floor.json").read_text())["cases"]
    failures = []
    for name, want in sorted(floor.items()):
        got = cases.get(name)
        if got is None:
            failures.append(f"{name}: not scored")
            continue
        if got["recall"] < want["recall"]:
            failures.append(f"{name}: recall {got['recall']} < {want['recall']}")
        if got["alert_recall"] < want["alert_recall"]:
            failures.append(f"{name}: alert recall {got['alert_recall']} < {want['alert_recall']}")
        if got["noise"] > want["noise"]:
            failures.append(f"{name}: noise {got['noise']} > {want['noise']}")
        if want["window_ok"] and not got["window_ok"]:
            failures.append(f"{name}: the incident dates are wrong now")
    for line in failures:
        print("FAIL " + line)
    print(f"fidelity floor: {len(floor) - len({f.split(':')[0] for f in failures})} of {len(floor)} cases held")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
