#!/usr/bin/env python3
"""Growth of `retro events` on inputs built to be slow (issue 15 item 10): each pattern of
tests/hostile/linear_patterns.py at 250 KB, 500 KB, 1 MB and 2 MB, with the time ratio per doubling (linear
is about 2×, quadratic 4×). Measures only; the hang guards are the hostile-linear ctests.

    python3 bench/bench_linear.py --retro BIN [PATTERN…]"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "hostile"))
from linear_patterns import PATTERNS  # noqa: E402

SIZES = [250_000, 500_000, 1_000_000, 2_000_000]


def seconds(retro, args):
    start = time.monotonic()
    subprocess.run([retro, "events", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(os.environ, TZ="UTC"), check=False)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retro", required=True)
    parser.add_argument("patterns", nargs="*")
    options = parser.parse_args()
    print(f"{'pattern':<26}" + "".join(f"{s // 1000:>9} KB" for s in SIZES) + "   ratio per doubling")
    for name in options.patterns or PATTERNS:
        times = []
        for size in SIZES:
            with tempfile.TemporaryDirectory() as folder:
                times.append(seconds(options.retro, PATTERNS[name](Path(folder), size)))
        ratios = [b / max(a, 1e-3) for a, b in zip(times, times[1:])]
        print(f"{name:<26}" + "".join(f"{t:>10.2f}s" for t in times) + "   " +
              " ".join(f"{r:.1f}×" for r in ratios), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
