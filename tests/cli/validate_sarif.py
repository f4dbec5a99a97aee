#!/usr/bin/env python3
"""Validates `retro lint --format sarif` output against the vendored SARIF 2.1.0 schema (python3-jsonschema).

Usage: validate_sarif.py SCHEMA PATH…  (RETRO_BIN names the binary). The lint run must produce results, so
the check cannot pass on an empty log.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema


def main() -> int:
    schema = json.loads(Path(sys.argv[1]).read_text())
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    run = subprocess.run([os.environ["RETRO_BIN"], "lint", "--format", "sarif", *sys.argv[2:]], capture_output=True,
                         env=dict(os.environ, TZ="UTC"), timeout=300)
    if run.returncode not in (0, 1):
        print(f"retro lint exited {run.returncode}: {run.stderr.decode()}")
        return 1
    log = json.loads(run.stdout)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"{error.message} at {list(error.absolute_path)}")
    results = sum(len(r.get("results", [])) for r in log.get("runs", []))
    print(f"sarif: {results} results checked against the 2.1.0 schema, {len(errors)} errors")
    return 1 if errors or results == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
