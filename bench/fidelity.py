#!/usr/bin/env python3
"""Drafts every case of the fidelity development set (bench/fidelity/cases/, issue 18) with `retro draft` and
scores each draft against its expected.json with ../shared/tools/score_retro.py.

    python3 bench/fidelity.py [--retro PATH] [--json] [--keep DIR] [--case ID …]

Per case: `retro draft <case>/sources --tz Europe/London --retro-held <incident_until> -o <tmp>/draft.md`
(the case's sources/retro.toml carries tz and the few [people] initials a team would set), then the score.
Prints a table (recall, alert_recall, noise, window_ok) and the mean; --json prints one JSON document with
each case's full score report instead. Deterministic: SOURCE_DATE_EPOCH is fixed, nothing is timed. Exit 0
whatever the scores (a draft that fails is reported in its row); 2 only when the binary or a case is missing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "bench" / "fidelity" / "cases"
SHARED = Path(os.environ.get("RETRO_SHARED_DIR", ROOT.parent / "shared"))
sys.path.insert(0, str(SHARED / "tools"))
import score_retro  # noqa: E402


def default_retro():
    for p in (ROOT / "build" / "retro", ROOT / "build" / "src" / "cli" / "retro"):
        if p.exists():
            return p
    return ROOT / "build" / "retro"


def run_case(retro, case, keep):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    out_dir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="fidelity-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    draft = out_dir / (case.name + ".md")
    if draft.exists():
        draft.unlink()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", TZ="UTC")
    cmd = [str(retro), "draft", str(case / "sources"), "--tz", "Europe/London",
           "--retro-held", expected["incident_until"], "-o", str(draft)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    result = {"case": case.name, "exit": p.returncode,
              "stderr_tail": p.stderr.strip().splitlines()[-5:] if p.stderr.strip() else []}
    if p.returncode != 0 or not draft.exists():
        result.update({"recall": 0.0, "alert_recall": 0.0, "noise": 0.0, "window_ok": False, "error": True})
    else:
        report = score_retro.score(expected, draft.read_text(encoding="utf-8", errors="replace"))
        result.update(report)
        result["draft"] = str(draft) if keep else None
    if not keep:
        for f in out_dir.iterdir():
            f.unlink()
        out_dir.rmdir()
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--retro", default=None, help="the retro binary (default build/retro, else build/src/cli/retro)")
    ap.add_argument("--json", action="store_true", help="one JSON document with every case's score report")
    ap.add_argument("--keep", metavar="DIR", help="keep the drafts in DIR (CASE.md)")
    ap.add_argument("--case", action="append", default=[], help="only this case id (repeatable)")
    a = ap.parse_args(argv)
    retro = Path(a.retro) if a.retro else default_retro()
    if not retro.exists():
        print(f"fidelity: no retro binary at {retro} (build it, or pass --retro PATH)", file=sys.stderr)
        return 2
    cases = sorted(p for p in CASES.iterdir() if (p / "expected.json").exists())
    if a.case:
        cases = [c for c in cases if c.name in a.case]
        if len(cases) != len(a.case):
            print("fidelity: unknown case id among " + " ".join(a.case), file=sys.stderr)
            return 2
    results = [run_case(retro, c, a.keep) for c in cases]
    n = len(results)
    mean = {k: round(sum(float(r[k]) for r in results) / n, 3) for k in ("recall", "alert_recall", "noise")}
    mean["window_ok"] = sum(1 for r in results if r["window_ok"])
    if a.json:
        print(json.dumps({"retro": str(retro), "cases": results, "mean": mean, "n": n}, indent=2,
                         ensure_ascii=False))
        return 0
    w = max(len(r["case"]) for r in results)
    print(f"{'case':<{w}}  recall  alerts  noise   window  entries  matched  noise lines")
    for r in results:
        c = r.get("counts", {})
        flag = "  (draft failed: exit %d)" % r["exit"] if r.get("error") else ""
        print(f"{r['case']:<{w}}  {r['recall']:.3f}   {r['alert_recall']:.3f}   {r['noise']:.3f}   "
              f"{'ok' if r['window_ok'] else 'WRONG':<6}  {c.get('expected_entries', 0):>7}  "
              f"{c.get('matched', 0):>7}  {c.get('noise_events', 0):>11}{flag}")
    print(f"{'mean':<{w}}  {mean['recall']:.3f}   {mean['alert_recall']:.3f}   {mean['noise']:.3f}   "
          f"{mean['window_ok']}/{n} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
