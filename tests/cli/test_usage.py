#!/usr/bin/env python3
"""Mistakes on the command line get help (issue 20 item 1): an unknown command or option names the closest
ones the CLI defines, a word before the command is an error, `retro help [COMMAND]` works, and every CLI11
message is one `retro: error:` line with exit 2. Run by ctest with RETRO_BIN set."""
import sys

from cli_checks import Checks, retro_runner

check = Checks("usage")
run = retro_runner(TZ="UTC")


def usage_error(name, args, expected):
    """The run exits 2 with exactly one stderr line, `retro: error: ` + expected, and prints nothing on stdout."""
    r = run(*args)
    want = b"retro: error: " + expected.encode() + b"\n"
    check(name, r.returncode == 2 and r.stderr == want and r.stdout == b"",
          f"exit {r.returncode}, stderr {r.stderr!r}, want {want!r}")


def main():
    sample = "samples/2024-07-25-login/"
    usage_error("unknown command: the closest", ["lnt"], "unknown command 'lnt'; did you mean 'lint'?")
    usage_error("swapped letters", ["evnets", sample], "unknown command 'evnets'; did you mean 'events'?")
    usage_error("nothing close: the commands listed", ["frobnicate"],
                "unknown command 'frobnicate'; the commands are events, timeline, draft, lint, init and help")
    usage_error("a word before the command is an error", ["foo", "draft", sample],
                "unknown command 'foo'; the commands are events, timeline, draft, lint, init and help")
    usage_error("a word before the command, even with --help", ["foo", "draft", "--help"],
                "unknown command 'foo'; the commands are events, timeline, draft, lint, init and help")
    usage_error("unknown option: the closest", ["events", "--tzz", "UTC", sample],
                "retro events: unknown option --tzz; did you mean '--tz'?")
    usage_error("unknown option with =", ["timeline", "--form=json", sample],
                "retro timeline: unknown option --form; did you mean '--from' or '--format'?")
    usage_error("single dash for a long option", ["draft", "-tz", "UTC", sample],
                "retro draft: unknown option -tz; did you mean '--tz'?")
    usage_error("lint has none of the source options", ["lint", "--tz", "UTC", "x.md"],
                "retro lint: unknown option --tz (`retro lint --help` lists the options)")
    usage_error("a command's option before the command", ["--tz", "UTC", "draft", sample],
                "--tz is an option of retro draft: write it after the command (retro draft --tz …)")
    usage_error("no command", [], "give a command: events, timeline, draft, lint, init and help "
                "(`retro --help` says what each does)")
    usage_error("CLI11's own messages carry the prefix", ["draft"],
                "retro draft: sources is required (`retro draft --help` lists the options)")
    r = run("events", "--format", "xml", sample)
    check("a bad value: one prefixed line, exit 2", r.returncode == 2 and r.stderr.startswith(b"retro: error: retro events: --format")
          and r.stderr.count(b"\n") == 1, r.stderr)

    help_draft = run("draft", "--help")
    r = run("help", "draft")
    check("retro help draft is retro draft --help", r.returncode == 0 and r.stdout == help_draft.stdout
          and b"Usage: retro draft" in r.stdout, r.stdout[:200] + r.stderr)
    r = run("help")
    check("retro help is retro --help", r.returncode == 0 and r.stdout == run("--help").stdout, r.stdout[:200] + r.stderr)
    check("retro --help lists help", b"help" in r.stdout and b"retro help COMMAND" in r.stdout)
    usage_error("retro help of an unknown command", ["help", "lnt"], "help: unknown command 'lnt'; did you mean 'lint'?")
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
