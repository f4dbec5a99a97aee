#!/usr/bin/env python3
"""Golden tests: whole runs of the real binary compared byte for byte with checked-in output.

Each folder under tests/golden/<case>/ holds:
  args             the command line after `retro`, one argument per line (no shell quoting);
                   `$CORPUS` is ../shared/corpus, `$SAMPLES` the project's samples/ folder
  stdin            (optional) bytes fed to standard input
  env              (optional) KEY=VALUE lines added to the environment
  expected.stdout  the exact standard output
  expected.stderr  the exact standard error (diagnostics), with $CORPUS/$SAMPLES put back
  expected.exit    (optional) the exit code, default 0
Runs happen in the case folder with TZ=UTC and SOURCE_DATE_EPOCH=1722124800 (2024-07-28), so output is
deterministic. RETRO_UPDATE_GOLDEN=1 rewrites the expected files for review with `git diff`.
"""
import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    root = Path(sys.argv[1]).resolve()
    binary = os.environ["RETRO_BIN"]
    corpus = str(Path(os.environ["RETRO_CORPUS_DIR"]).resolve())
    samples = str((root.parent.parent / "samples").resolve())
    update = os.environ.get("RETRO_UPDATE_GOLDEN") == "1"
    only = sys.argv[2:]
    failures = []
    cases = sorted(p for p in root.iterdir() if (p / "args").is_file())
    for case in cases:
        if only and case.name not in only:
            continue
        args = [line.replace("$CORPUS", corpus).replace("$SAMPLES", samples)
                for line in (case / "args").read_text().splitlines() if line.strip()]
        env = {k: v for k, v in os.environ.items() if not k.startswith("RETRO_")}
        env.update({"TZ": "UTC", "SOURCE_DATE_EPOCH": "1722124800", "LC_ALL": "C.UTF-8"})
        if (case / "env").is_file():
            for line in (case / "env").read_text().splitlines():
                if "=" in line:
                    key, value = line.split("=", 1)
                    env[key] = value
        stdin = (case / "stdin").read_bytes() if (case / "stdin").is_file() else b""
        run = subprocess.run([binary, *args], cwd=case, env=env, input=stdin, capture_output=True, timeout=120)
        got = {
            "expected.stdout": run.stdout.replace(corpus.encode(), b"$CORPUS").replace(samples.encode(), b"$SAMPLES"),
            "expected.stderr": run.stderr.replace(corpus.encode(), b"$CORPUS").replace(samples.encode(), b"$SAMPLES"),
            "expected.exit": f"{run.returncode}\n".encode(),
        }
        for name, data in got.items():
            path = case / name
            want = path.read_bytes() if path.is_file() else (b"0\n" if name == "expected.exit" else b"")
            if data == want:
                continue
            if update:
                path.write_bytes(data)
                print(f"updated {case.name}/{name}")
            else:
                failures.append(f"{case.name}/{name}")
                print(f"FAIL {case.name}/{name}")
                diff = subprocess.run(["diff", "-u", str(path) if path.is_file() else "/dev/null", "-"],
                                      input=data, capture_output=True)
                sys.stdout.write(diff.stdout.decode("utf-8", "replace")[:4000])
    print(f"golden: {len(cases) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
