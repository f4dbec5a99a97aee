#!/usr/bin/env python3
"""Outputs that cannot clobber (issue 15, items 1-4 and 14): `-o` never names a file the command reads,
never replaces a file without --force, is published by rename so a signal, a full disk or a concurrent run
leaves the old file intact, and every write failure is an exit code: a closed pipe ends quietly (SIGPIPE,
141 in a shell), any other failure is exit 2 with a message. A draft of nothing is exit 2."""
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from hostile_inputs import event_line, write_good_events
from retro_run import ENV, RETRO, Suite

SAMPLE = Path(os.environ.get("RETRO_SAMPLES", Path(__file__).resolve().parents[2] / "samples")) / "2024-07-25-login"


def run(*args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, preexec_fn=None, cwd=None, timeout=120):
    """retro ARGS; returns (exit code, stdout bytes, stderr text)."""
    child = subprocess.run([RETRO, *map(str, args)], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                           env=ENV, preexec_fn=preexec_fn, cwd=cwd, timeout=timeout)
    return child.returncode, child.stdout or b"", child.stderr.decode("utf-8", "replace")


def temp_files_in(folder):
    return sorted(p.name for p in Path(folder).iterdir() if ".retro-tmp-" in p.name)


def check_same_file(suite, tmp):
    """Item 1: an -o that is one of the inputs is refused before anything is written, --force or not."""
    source = write_good_events(tmp)
    before = source.read_bytes()
    for name, target, extra in [("same path", source, []), ("same path --force", source, ["--force"])]:
        code, _, err = run("events", source, "-o", target, *extra)
        suite.check(f"events -o its input ({name}): exit 2", code == 2, err)
        suite.check(f"events -o its input ({name}): message", "is the same file as the source" in err, err)
        suite.check(f"events -o its input ({name}): input intact", source.read_bytes() == before)
    hard = tmp / "hard.ndjson"
    os.link(source, hard)
    soft = tmp / "soft.ndjson"
    soft.symlink_to(source)
    for name, target in [("hard link", hard), ("symbolic link", soft)]:
        code, _, err = run("events", source, "-o", target, "--force")
        suite.check(f"events -o a {name} to its input: refused", code == 2 and "same file" in err, err)
        suite.check(f"events -o a {name} to its input: intact", source.read_bytes() == before)
    for command in ("timeline", "draft"):
        code, _, err = run(command, source, "-o", source, "--force")
        suite.check(f"{command} -o its input: refused", code == 2 and "same file" in err, err)
        suite.check(f"{command} -o its input: intact", source.read_bytes() == before)

    # A file read from inside a case folder counts; a draft saved there does not (drafts are never read).
    case = tmp / "case"
    case.mkdir()
    inner = write_good_events(case)
    inner_before = inner.read_bytes()
    code, _, err = run("events", case, "-o", inner, "--force")
    suite.check("events -o a file inside the case folder it reads: refused", code == 2 and "same file" in err, err)
    suite.check("... and that file is intact", inner.read_bytes() == inner_before)
    # Listed as the readers list it: a subfolder is read, a link out of the folder is not followed.
    (case / "sub").mkdir()
    nested = write_good_events(case / "sub")
    code, _, err = run("events", case, "-o", nested, "--force")
    suite.check("events -o a file in a subfolder of the case folder: refused", code == 2 and "same file" in err, err)
    (tmp / "outside").mkdir()
    outside = write_good_events(tmp / "outside")
    (case / "sub" / "out.ndjson").symlink_to(outside)
    code, _, err = run("events", case, "-o", outside, "--force")
    suite.check("events -o a file a link in the case folder names but ingest does not follow: written",
                code == 0 and "not followed" in err, err)
    (case / "sub" / "out.ndjson").unlink()
    draft = case / "retro.md"
    code, _, err = run("draft", case, "-o", draft)
    suite.check("draft saved inside its case folder: written", code == 0 and draft.exists(), err)
    code, _, err = run("draft", case, "-o", draft, "--force")
    suite.check("draft saved again inside its case folder with --force: allowed", code == 0, err)

    # lint reads .md files: a report beside them is not one of them.
    retros = tmp / "retros"
    retros.mkdir()
    (retros / "retro.md").write_text("# Incident retro - x\n")
    report = retros / "lint.json"
    report.write_text("old")
    code, _, err = run("lint", "--format", "json", retros, "-o", report, "--force")
    suite.check("lint -o a report inside the linted folder: allowed", code in (0, 1) and report.read_text() != "old",
                err)
    code, _, err = run("lint", retros / "retro.md", "-o", retros / "retro.md", "--force")
    suite.check("lint -o the file it lints: refused", code == 2 and "same file" in err, err)


def check_no_replace(suite, tmp):
    """Item 2: every command refuses to replace an existing file without --force, and replaces it with."""
    source = write_good_events(tmp)
    retro = tmp / "r.md"
    retro.write_text("# Incident retro - x\n")
    commands = {"events": ["events", source], "timeline": ["timeline", source], "draft": ["draft", source],
                "lint": ["lint", retro]}
    for name, args in commands.items():
        target = tmp / f"{name}.out"
        target.write_text("precious")
        code, _, err = run(*args, "-o", target)
        suite.check(f"{name} -o existing: exit 2", code == 2 and "already exists; use --force" in err, err)
        suite.check(f"{name} -o existing: untouched", target.read_text() == "precious")
        code, _, err = run(*args, "-o", target, "--force")
        suite.check(f"{name} -o existing --force: replaced", code in (0, 1) and target.read_text() != "precious", err)
        suite.check(f"{name}: no temporary file left", temp_files_in(tmp) == [], temp_files_in(tmp))


def check_publishing(suite, tmp):
    """Item 3: permissions and links survive a replacement; a FIFO is written directly."""
    source = write_good_events(tmp)
    target = tmp / "kept-mode.ndjson"
    target.write_text("old")
    target.chmod(0o640)
    code, out, err = run("events", source, "-o", target, "--force")
    suite.check("--force keeps the replaced file's permissions", code == 0 and (target.stat().st_mode & 0o777) == 0o640,
                f"{oct(target.stat().st_mode)} {err}")
    real = tmp / "real.ndjson"
    real.write_text("old")
    link = tmp / "link.ndjson"
    link.symlink_to(real.name)
    code, _, err = run("events", source, "-o", link, "--force")
    suite.check("-o through a symbolic link: the link stays a link", link.is_symlink(), err)
    suite.check("-o through a symbolic link: the file it names is written", b"good one" in real.read_bytes(), err)
    fresh = tmp / "fresh.ndjson"
    old_mask = os.umask(0o027)
    try:
        code, _, err = run("events", source, "-o", fresh)
    finally:
        os.umask(old_mask)
    suite.check("a new file gets 0666 less the umask", code == 0 and (fresh.stat().st_mode & 0o777) == 0o640,
                oct(fresh.stat().st_mode))
    fifo = tmp / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    code, _, err = run("events", source, "-o", fifo, timeout=60)
    data = reader.communicate(timeout=60)[0]
    suite.check("a FIFO target is written directly", code == 0 and b"good one" in data and fifo.is_fifo(), err)
    code, out, err = run("events", source, "-o", "/dev/stdout")
    suite.check("-o /dev/stdout writes to stdout", code == 0 and b"good one" in out, err)


def check_interrupted(suite, tmp):
    """Item 3: SIGINT in the middle of a run leaves the old file and no temporary file."""
    target = tmp / "interrupted.ndjson"
    target.write_bytes(b"the old file\n")
    child = subprocess.Popen([RETRO, "events", "--unsorted", "-", "-o", str(target), "--force"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    for i in range(20000):
        child.stdin.write(event_line(f"i:{i}", text="z" * 100))
    child.stdin.flush()
    deadline = time.monotonic() + 30
    while not temp_files_in(tmp) and time.monotonic() < deadline:
        time.sleep(0.05)
    suite.check("SIGINT: the run writes to a temporary file first", temp_files_in(tmp) != [], list(tmp.iterdir()))
    time.sleep(0.3)
    child.send_signal(signal.SIGINT)
    try:
        child.stdin.close()
    except BrokenPipeError:
        pass
    child.wait(timeout=30)
    suite.check("SIGINT: the run ends by the signal", child.returncode == -signal.SIGINT, child.returncode)
    suite.check("SIGINT: the old file is intact", target.read_bytes() == b"the old file\n", target.read_bytes()[:80])
    suite.check("SIGINT: no temporary file left", temp_files_in(tmp) == [], temp_files_in(tmp))


def limit_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def check_full_disk(suite, tmp):
    """Item 3: a write that fails (a file size limit stands in for a full disk) leaves the old file intact."""
    big = tmp / "big.ndjson"
    big.write_bytes(b"".join(event_line(f"b:{i}", text="w" * 200) for i in range(2000)))
    target = tmp / "full.ndjson"
    target.write_bytes(b"old contents\n")
    code, _, err = run("events", big, "-o", target, "--force", preexec_fn=limit_file_size(64 * 1024))
    suite.check("full disk: exit 2 with the reason", code == 2 and "write failed" in err, f"{code} {err}")
    suite.check("full disk: the old file is intact", target.read_bytes() == b"old contents\n")
    suite.check("full disk: no temporary file left", temp_files_in(tmp) == [], temp_files_in(tmp))

    draft = tmp / "update.md"
    code, _, err = run("draft", SAMPLE, "-o", draft)
    suite.check("full disk --update: the draft to update is made", code == 0, err)
    original = draft.read_bytes() + b"\nA person's notes, to be kept.\n"
    draft.write_bytes(original)
    code, _, err = run("draft", "--update", draft, SAMPLE, preexec_fn=limit_file_size(len(original) // 2))
    suite.check("full disk --update: exit 2", code == 2 and "write failed" in err, f"{code} {err}")
    suite.check("full disk --update: the person's draft is intact", draft.read_bytes() == original)
    suite.check("full disk --update: no temporary file left", temp_files_in(tmp) == [], temp_files_in(tmp))


def check_race(suite, tmp):
    """Item 3: two runs making the same new file: the first to finish publishes, the other exits 2."""
    source = write_good_events(tmp)
    target = tmp / "raced.ndjson"
    slow = subprocess.Popen([RETRO, "events", "-", "-o", str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV)
    slow.stdin.write(event_line("slow:1", text="the slow run"))
    slow.stdin.flush()
    # The slow run must be past its start (its temporary file made) before the other publishes; on a busy
    # machine it may not be yet, and would then refuse at the start ("already exists"), not at the end.
    deadline = time.monotonic() + 30
    while not temp_files_in(tmp) and time.monotonic() < deadline:
        time.sleep(0.02)
    code, _, err = run("events", source, "-o", target)
    suite.check("race: the first run to finish writes the file", code == 0 and b"good one" in target.read_bytes(), err)
    _, slow_err = slow.communicate(timeout=60)
    slow_err = slow_err.decode()
    suite.check("race: the later run exits 2", slow.returncode == 2, slow_err)
    suite.check("race: the later run says why", "was created by another program while retro ran" in slow_err, slow_err)
    suite.check("race: the winner's file is kept", b"the slow run" not in target.read_bytes())
    suite.check("race: no temporary file left", temp_files_in(tmp) == [], temp_files_in(tmp))


def check_write_failures(suite, tmp):
    """Item 4: a closed pipe ends every command quietly by SIGPIPE; /dev/full is exit 2 with a message."""
    source = write_good_events(tmp)
    retro = tmp / "r.md"
    retro.write_text("# Incident retro - x\n")
    commands = {"events": ["events", source], "timeline": ["timeline", source], "draft": ["draft", source],
                "lint": ["lint", "--format", "sarif", retro], "help": ["--help"],
                "lint --explain": ["lint", "--explain", "RETRO001"]}
    for name, args in commands.items():
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader has gone before retro writes a byte
        code, _, err = run(*args, stdout=write_end)
        os.close(write_end)
        suite.check(f"{name} into a closed pipe: ends by SIGPIPE", code == -signal.SIGPIPE, f"{code} {err}")
        suite.check(f"{name} into a closed pipe: says nothing", err == "", err)
        with open("/dev/full", "wb") as full:
            code, _, err = run(*args, stdout=full)
        suite.check(f"{name} > /dev/full: exit 2", code == 2, f"{code} {err}")
        suite.check(f"{name} > /dev/full: says why", "No space left on device" in err, err)
    big = tmp / "big.ndjson"  # far more than a pipe holds, so the reader surely leaves first
    big.write_bytes(b"".join(event_line(f"b:{i}", text="w" * 200) for i in range(4000)))
    shell = subprocess.run(["bash", "-c", f'"{RETRO}" events "{big}" | head -c 1 >/dev/null; '
                            'echo "${PIPESTATUS[0]}"'], capture_output=True, env=ENV, text=True)
    suite.check("retro events | head: exit 141 in a shell, as git", shell.stdout.strip() == "141" and
                shell.stderr == "", shell)


def check_nothing_to_draft(suite, tmp):
    """Item 14: a draft of no events is exit 2 with the reason, not an incident on 1970-01-01."""
    empty = tmp / "empty-case"
    empty.mkdir()
    (empty / "notes.md").write_text("")
    code, out, err = run("draft", empty)
    suite.check("draft of an empty folder: exit 2", code == 2, f"{code} {err}")
    suite.check("draft of an empty folder: says so", "no events in the sources" in err and b"1970" not in out, err)
    source = write_good_events(tmp)
    code, out, err = run("draft", source, "--from", "2030-01-01", "--until", "2030-01-02")
    suite.check("draft of an empty window: exit 2", code == 2, f"{code} {err}")
    suite.check("draft of an empty window: names the window",
                "no events between 2030-01-01 and 2030-01-02" in err and out == b"", err)
    target = tmp / "none.md"
    code, _, err = run("draft", empty, "-o", target)
    suite.check("draft of nothing -o FILE: no file made", code == 2 and not target.exists() and
                temp_files_in(tmp) == [], err)


def main():
    suite = Suite("hostile-outputs")
    for name, check in [("same-file", check_same_file), ("no-replace", check_no_replace),
                        ("publishing", check_publishing), ("interrupted", check_interrupted),
                        ("full-disk", check_full_disk), ("race", check_race),
                        ("write-failures", check_write_failures), ("nothing-to-draft", check_nothing_to_draft)]:
        folder = suite.tmp / name
        folder.mkdir()
        check(suite, folder)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
