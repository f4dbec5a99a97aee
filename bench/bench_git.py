#!/usr/bin/env python3
"""`retro events git:REPO` against `git log --first-parent` on the same repository, in the same run (issue 17
item 2): a repository of COMMITS first-parent commits (default 10,000; every fourth a GitHub merge of a
side-branch commit, every fourth a squash merge `Title (#N)`, the rest direct commits), made by
`git fast-import` with fixed dates an hour apart. Best of three runs each, wall and CPU (user + system) time; the event counts are checked
against git's.

    python3 bench/bench_git.py --retro BIN [--commits N]"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = 1_600_000_000  # 2020-09-13, one commit an hour after it
GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", TZ="UTC", LC_ALL="C.UTF-8")


def fast_import_stream(commits):
    """The fast-import commands of the repository: main's commits, and one side commit per merge."""
    out = []
    mark = 0

    def commit(ref, when, message, parents, who="Ann Lee <ann@example.org>"):
        nonlocal mark
        mark += 1
        data = message.encode()
        out.append(f"commit {ref}\nmark :{mark}\nauthor {who} {when} +0100\ncommitter {who} {when} +0100\n"
                   f"data {len(data)}\n".encode() + data + b"\n")
        if parents:
            out.append(f"from :{parents[0]}\n".encode())
        for p in parents[1:]:
            out.append(f"merge :{p}\n".encode())
        return mark

    main = None
    for i in range(commits):
        when = START + i * 3600
        if i % 4 == 1 and main:
            side = commit("refs/heads/side", when - 60, f"Work on feature {i}\n", [main])
            main = commit("refs/heads/main", when, f"Merge pull request #{i} from acme/feature-{i}\n\nFeature {i}\n",
                          [main, side], "Rachel Cooper <1234+rcooper@users.noreply.github.com>")
        elif i % 4 == 2:
            main = commit("refs/heads/main", when, f"Squashed change {i} (#{i})\n\n* detail\n", [main] if main else [])
        else:
            main = commit("refs/heads/main", when, f"Direct commit {i}\n", [main] if main else [])
    return b"".join(out)


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(command, runs=3):
    """The best wall time and the best CPU time (user + system: what a busy machine does not inflate)."""
    best, best_cpu, output = None, None, b""
    for _ in range(runs):
        start, cpu = time.monotonic(), cpu_of_children()
        output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=GIT_ENV,
                                check=True).stdout
        elapsed, used = time.monotonic() - start, cpu_of_children() - cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = used if best_cpu is None else min(best_cpu, used)
    return best, best_cpu, output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retro", required=True)
    parser.add_argument("--commits", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(repo)], env=GIT_ENV, check=True)
        made = time.monotonic()
        subprocess.run(["git", "fast-import", "--quiet"], input=fast_import_stream(options.commits), cwd=repo,
                       env=GIT_ENV, check=True)
        print(f"repository: {options.commits} first-parent commits, made in {time.monotonic() - made:.2f}s")
        last_day = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START + (options.commits - 24 * 7) * 3600))
        rows = [
            ("git log --first-parent --format=%H %ct %s", ["git", "-C", str(repo), "log", "--first-parent",
                                                           "--format=%H %ct %s"]),
            ("git log --first-parent --merges", ["git", "-C", str(repo), "log", "--first-parent", "--merges",
                                                 "--format=%H %ct %s"]),
            ("retro events git:REPO", [options.retro, "events", f"git:{repo}"]),
            ("retro events --unsorted git:REPO", [options.retro, "events", "--unsorted", f"git:{repo}"]),
            (f"retro events --from {last_day} (last week)", [options.retro, "events", "--from", last_day, f"git:{repo}"]),
        ]
        counts = {}
        for name, command in rows:
            seconds, cpu, output = best_of(command)
            counts[name] = output.count(b"\n")
            print(f"{name:<52} {seconds:>7.3f}s wall {cpu:>7.3f}s CPU {counts[name]:>6} lines", flush=True)
        if counts[rows[2][0]] != counts[rows[0][0]]:
            print("MISMATCH: retro's events differ in number from git log --first-parent", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
