#!/usr/bin/env python3
"""`retro lint` as pre-commit, markdownlint and code scanning users expect (issue 20 items 5-7), on the real
binary: the pre-commit hook run as pre-commit runs it, missing paths beside good ones, retro-lint comments,
and the JSON and SARIF a tool reads. Run by ctest with RETRO_BIN and RETRO_SOURCE_DIR set."""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from cli_checks import Checks, retro_runner

check = Checks("lint-cli")
run = retro_runner(TZ="UTC")
SOURCE = Path(os.environ["RETRO_SOURCE_DIR"])

CLEAN = """# Incident retro - search not available

**Incident from:** 2024-07-25

**Incident until:** 2024-07-25

**Retro held:** 2024-07-26

## Timeline

### Thursday 25 July

10.00 NP noticed errors

## Analysis of causes

Text.

## Actions

**LB**

* Review behaviour
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def pre_commit(hook, files, path_dirs):
    """Runs the hook as pre-commit does: shlex.split(entry) + args + file names, with PATH = path_dirs."""
    argv = shlex.split(hook["entry"]) + hook.get("args", []) + [str(f) for f in files]
    env = dict(os.environ, PATH=os.pathsep.join(str(d) for d in path_dirs), LC_ALL="C.UTF-8", TZ="UTC")
    return subprocess.run(argv, capture_output=True, env=env, timeout=60)


def check_pre_commit(tmp):
    hooks = yaml.safe_load((SOURCE / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "retro-lint")
    check("hook: language system", hook["language"] == "system", hook)

    # pre-commit picks files with re.search on `files`, then drops those matching `exclude`.
    def picked(name):
        return bool(re.search(hook["files"], name)) and not re.search(hook.get("exclude", "^$"), name)

    for name in ["retros/2024-07-25_login.md", "incident_retros/search.md", "docs/incident-retros/x.md",
                 "2024-07-25-retro-as-published.md", "postmortems/2023-06-06_deploy.md"]:
        check(f"hook files: {name} is a retro", picked(name), hook["files"])
    for name in ["README.md", "docs/lint.md", "retros/README.md", "retros/template.md",
                 "incident_retros/index.md", "notes/meeting.md", "CHANGELOG.md"]:
        check(f"hook files: {name} is not", not picked(name), hook["files"])

    # Without retro on PATH: a clear message and exit 2 (PATH holds only sh).
    only_sh = tmp / "only-sh"
    only_sh.mkdir()
    (only_sh / "sh").symlink_to("/bin/sh")
    good = write(tmp, "retros/2024-07-25_good.md", CLEAN)
    r = pre_commit(hook, [good], [only_sh])
    check("hook without retro on PATH: says so, exit 2",
          r.returncode == 2 and r.stderr.decode() ==
          "retro-lint: retro is not on PATH; install it first (README.md, Debian package)\n", r)

    # With retro on PATH: lints the files it is given, args before them.
    with_retro = tmp / "with-retro"
    with_retro.mkdir()
    (with_retro / "sh").symlink_to("/bin/sh")
    (with_retro / "retro").symlink_to(os.environ["RETRO_BIN"])
    r = pre_commit(hook, [good], [with_retro])
    check("hook on a clean retro: exit 0", r.returncode == 0 and b"0 errors, 0 warnings in 1 file" in r.stderr, r)
    bad = write(tmp, "retros/2024-07-26_bad.md", CLEAN.replace("Text.", "TODO"))
    r = pre_commit(dict(hook, args=["--max-warnings", "0"]), [good, bad], [with_retro])
    check("hook passes args before the files", r.returncode == 1 and b"exceed --max-warnings 0" in r.stderr, r)
    r = pre_commit(hook, [tmp / "retros/gone.md", good], [with_retro])
    check("hook: a file gone since staging is said, the others linted, exit 2",
          r.returncode == 2 and b"gone.md: no such file or folder" in r.stderr and b"in 1 file" in r.stderr, r)


def check_missing_paths(tmp):
    good = write(tmp, "m/2024-07-25_good.md", CLEAN)
    bad = write(tmp, "m/2024-07-25_bad.md", CLEAN.replace("Text.", "TODO [https://a.example](https://b.example)"))
    r = run("lint", "m/missing.md", "m/2024-07-25_good.md", "m/nothing/", "m/2024-07-25_bad.md", cwd=tmp)
    err = r.stderr.decode()
    check("missing paths: each said, in order, as retro says errors",
          err.startswith("retro: error: m/missing.md: no such file or folder\n"
                         "retro: error: m/nothing/: no such file or folder\n"), err)
    check("missing paths: the others are linted",
          b"m/2024-07-25_bad.md:17:6: error:" in r.stdout and b"[RETRO011 link-text]" in r.stdout, r.stdout)
    check("missing paths: the summary counts them, exit 2 at the end",
          r.returncode == 2 and err.endswith("retro lint: 1 error, 1 warning in 2 files; 2 paths not read\n"), err)
    r = run("lint", "--format", "json", str(tmp / "gone.md"), str(good), str(bad))
    doc = json.loads(r.stdout)
    check("missing path with --format json: the document for the others, exit 2",
          r.returncode == 2 and len(doc["findings"]) == 2, r)


def check_comments(tmp):
    text = CLEAN.replace("Text.", "<!-- retro-lint disable placeholdr -->\nTODO\n\nTBD <!-- retro-lint disable-line -->")
    write(tmp, "c/2024-07-25_x.md", text)
    r = run("lint", "c/2024-07-25_x.md", cwd=tmp)
    check("a typo in a comment: a warning with file:line:col, and nothing turned off",
          r.returncode == 0 and r.stderr.decode().startswith(
              "c/2024-07-25_x.md:17:25: warning: retro-lint disable: no rule is named `placeholdr`")
          and b"c/2024-07-25_x.md:18:1: warning: placeholder `TODO`" in r.stdout
          and b"placeholder `TBD`" not in r.stdout, r)
    r = run("lint", "--diagnostics", "json", "c/2024-07-25_x.md", cwd=tmp)
    first = json.loads(r.stderr.decode().splitlines()[0])
    check("the typo's warning as a JSON diagnostic", first["code"] == "lint.unknown-rule" and first["line"] == 17,
          r.stderr)


def check_machine_output(tmp):
    bad = CLEAN.replace("Text.", "TODO")
    write(tmp, "s/retros/2024-07-25_x.md", bad)
    r = run("lint", "--format", "sarif", "retros/2024-07-25_x.md", cwd=tmp / "s")
    sarif = json.loads(r.stdout)
    result = sarif["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check("sarif: a relative path stays relative", uri == "retros/2024-07-25_x.md", uri)
    r = run("lint", "--format", "sarif", str(tmp / "s/retros/2024-07-25_x.md"), cwd=tmp / "s")
    again = json.loads(r.stdout)["runs"][0]["results"][0]
    uri = again["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check("sarif: an absolute path below the working directory is made relative", uri == "retros/2024-07-25_x.md", uri)
    r = run("lint", "--format", "sarif", str(tmp / "s/retros/2024-07-25_x.md"), cwd=tmp / "m")
    uri = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check("sarif: a path outside the working directory is a file:// URI",
          uri == (tmp / "s/retros/2024-07-25_x.md").as_uri(), uri)

    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    check("sarif: every rule has an absolute helpUri to its section of lint.md",
          all(re.fullmatch(r"[a-z]+://\S+/lint\.md#" + r["id"].lower() + "-" + r["name"], r["helpUri"])
              for r in rules), [r["helpUri"] for r in rules][:2])
    check("sarif: every rule has help text", all(r["help"]["text"] for r in rules))

    # Lines added above the finding: same fingerprint, other line.
    write(tmp, "s/retros/2024-07-25_x.md", bad.replace("## Analysis of causes", "## Analysis of causes\n\nMore."))
    r = run("lint", "--format", "sarif", "retros/2024-07-25_x.md", cwd=tmp / "s")
    moved = json.loads(r.stdout)["runs"][0]["results"][0]
    check("sarif: a finding moved down keeps its partialFingerprints",
          moved["partialFingerprints"] == result["partialFingerprints"]
          and moved["locations"][0]["physicalLocation"]["region"]["startLine"]
          == result["locations"][0]["physicalLocation"]["region"]["startLine"] + 2, (moved, result))

    r = run("lint", "--format", "json", "retros/2024-07-25_x.md", cwd=tmp / "s")
    doc = json.loads(r.stdout)
    check("json: versioned as retro's other JSON", doc["schema"] == "retro.lint/1" and doc["findings"][0]["rule"]
          == "RETRO010", doc)


def main():
    tmp = Path(tempfile.mkdtemp(prefix="retro-lint-cli-"))
    check_pre_commit(tmp)
    check_missing_paths(tmp)
    check_comments(tmp)
    check_machine_output(tmp)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
