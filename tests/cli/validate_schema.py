#!/usr/bin/env python3
"""Validates `retro events` output on every sample against docs/event.schema.json (python3-jsonschema)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema


def main() -> int:
    schema = json.loads(Path(sys.argv[1]).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    samples = Path(sys.argv[2])
    sources = sorted(str(p) for p in samples.iterdir() if p.is_dir() and p.name != "generators")
    checked, errors = 0, 0
    for source in sources:
        run = subprocess.run([os.environ["RETRO_BIN"], "events", "--include-private", source], capture_output=True,
                             env=dict(os.environ, TZ="UTC", SOURCE_DATE_EPOCH="1722124800"), timeout=300)
        for number, line in enumerate(run.stdout.splitlines(), 1):
            checked += 1
            for error in validator.iter_errors(json.loads(line)):
                errors += 1
                print(f"{source}: event {number}: {error.message} at {list(error.absolute_path)}")
    print(f"schema: {checked} events checked, {errors} errors")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
