#!/usr/bin/env python3
"""Inputs built to be slow (issue 15 item 10): each pattern of linear_patterns.py at 1 MB (RETRO_LINEAR_KB,
smaller under the sanitizers), read by `retro events`. A parser with a quadratic loop takes minutes here;
ctest's TIMEOUT is the hang guard, never a timing assertion. Each run must exit 0 and give its event.

    test_linear.py [--family slack|retro|notes|mail] [PATTERN…]   (no argument: every pattern)"""
import os
import sys

from linear_patterns import PATTERNS
from retro_run import Suite, run_retro

SIZE = int(os.environ.get("RETRO_LINEAR_KB", "1024")) << 10


def main():
    args = sys.argv[1:]
    family = None
    if args[:1] == ["--family"]:
        family, args = args[1], args[2:]
    names = args or [name for name in PATTERNS if family is None or name.startswith(family + "-")]
    suite = Suite("hostile-linear")
    for name in names:
        run = run_retro("events", *PATTERNS[name](suite.tmp, SIZE), timeout=600)
        suite.check(f"{name}: exit 0", run.exit == 0, run)
        suite.check(f"{name}: one event or more", len(run.event_ids) >= 1, run)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
