#!/usr/bin/env python3
"""Shell completions (issue 20 item 4), run by ctest with RETRO_BIN set and COMPLETIONS_DIR the build's
generated scripts. Usage: test_completions.py bash|zsh|fish. bash's `_retro` completes commands, options,
--format values and files as bash calls it; zsh's and fish's scripts parse, and fish completes through
`complete -C`. A shell that is not installed is skipped with exit 77 (scripts/install-deps.sh installs zsh
and fish for this test)."""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cli_checks import Checks, retro_runner

check = Checks("completions")
run = retro_runner()
BUILT = Path(os.environ["COMPLETIONS_DIR"])


def bash_complete(script, words, cword, cwd):
    """COMPREPLY after _retro runs with COMP_WORDS=words and COMP_CWORD=cword, one word a line."""
    array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = f"source '{script}'; COMP_WORDS=({array}); COMP_CWORD={cword}; _retro; (( ${{#COMPREPLY[@]}} )) && printf '%s\\n' \"${{COMPREPLY[@]}}\"; true"
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, cwd=cwd, timeout=60)
    return r.returncode, r.stdout.decode().split("\n")[:-1], r.stderr


def check_bash(tmp):
    script = BUILT / "retro.bash"
    check("bash script built", script.is_file(), script)
    r = run("completions", "bash")
    check("retro completions bash is the built script", r.returncode == 0 and r.stdout == script.read_bytes())
    (tmp / "alarm-history.json").write_text("{}")
    (tmp / "a folder").mkdir()
    cases = [
        (["retro", "dr"], 1, ["draft"]),
        (["retro", ""], 1, ["events", "timeline", "draft", "lint", "init", "help"]),
        (["retro", "--v"], 1, ["--version"]),
        (["retro", "events", "--format", ""], 3, ["ndjson", "timesketch"]),
        (["retro", "lint", "--format", "s"], 3, ["sarif"]),
        (["retro", "lint", "--format", "=", "j"], 4, ["json"]),
        (["retro", "timeline", "--color", "a"], 3, ["auto", "always"]),
        (["retro", "draft", "--no-r"], 2, ["--no-redact"]),
        (["retro", "draft", "--tz", ""], 3, []),
        (["retro", "events", "ala"], 2, ["alarm-history.json"]),
        (["retro", "events", "-o", "a"], 3, ["a folder", "alarm-history.json"]),
        (["retro", "init", ""], 2, ["a folder"]),
    ]
    for words, cword, expected in cases:
        code, got, err = bash_complete(script, words, cword, tmp)
        check(f"bash completes {' '.join(words)!r}", code == 0 and sorted(got) == sorted(expected), (got, err))
    _, got, _ = bash_complete(script, ["retro", "completions"], 1, tmp)
    check("the hidden command is not offered", got == [], got)


def check_zsh():
    script = BUILT / "_retro"
    check("zsh script built", script.is_file() and script.read_text().startswith("#compdef retro\n"), script)
    r = subprocess.run(["zsh", "-n", str(script)], capture_output=True, timeout=60)
    check("zsh parses _retro", r.returncode == 0 and r.stderr == b"", r.stderr)
    # Found by compinit on $fpath as the completion of `retro`, and loadable.
    r = subprocess.run(["zsh", "-f", "-c", f"fpath=({BUILT} $fpath); autoload -Uz compinit; compinit -u -D; "
                        "print -r -- $_comps[retro]; autoload +X _retro && whence -w _retro"],
                       capture_output=True, timeout=60)
    check("compinit takes _retro for retro", r.returncode == 0 and r.stdout == b"_retro\n_retro: function\n",
          (r.stdout, r.stderr))


def check_fish():
    script = BUILT / "retro.fish"
    check("fish script built", script.is_file(), script)
    r = subprocess.run(["fish", "--no-execute", str(script)], capture_output=True, timeout=60)
    check("fish parses retro.fish", r.returncode == 0 and r.stderr == b"", r.stderr)

    def fish_complete(line):
        r = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C {line!r}"],
                           capture_output=True, timeout=60)
        return [entry.split("\t")[0] for entry in r.stdout.decode().splitlines()], r.stderr

    got, err = fish_complete("retro dr")
    check("fish completes a command", got == ["draft"], (got, err))
    got, err = fish_complete("retro lint --format ")
    check("fish completes --format values", sorted(got) == ["github", "json", "sarif", "text"], (got, err))
    got, err = fish_complete("retro events --unso")
    check("fish completes an option", got == ["--unsorted"], (got, err))


def main():
    shell = sys.argv[1]
    if shutil.which(shell) is None:
        print(f"completions: {shell} is not installed (scripts/install-deps.sh installs it); skipped")
        return 77
    tmp = Path(tempfile.mkdtemp(prefix="retro-completions-"))
    try:
        {"bash": lambda: check_bash(tmp), "zsh": check_zsh, "fish": check_fish}[shell]()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
