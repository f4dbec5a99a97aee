#!/usr/bin/env python3
"""Validates `retro lint --format sarif` output against the vendored SARIF 2.1.0 schema (python3-jsonschema).

Usage: validate_sarif.py SCHEMA PATH…  (RETRO_BIN names the binary). The lint run must produce results, so
the check cannot pass on an empty log. URI formats are checked too (helpUri, artifact URIs).
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
    # Formats checked as GitHub's upload checks them: a helpUri that is not an absolute URI, or an artifact URI
    # that is not a URI reference, gets the whole upload refused (python3-rfc3987 gives jsonschema those).
    checker = jsonschema.FormatChecker()
    if "uri" not in checker.checkers or "uri-reference" not in checker.checkers:
        print("sarif: python3-rfc3987 is missing, so URI formats cannot be checked (scripts/install-deps.sh)")
        return 1
    validator = jsonschema.Draft4Validator(schema, format_checker=checker)
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
