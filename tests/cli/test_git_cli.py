"""`retro events` on git repositories, checked against `git log --first-parent` (issue 17 item 2): the merges
of `git log --first-parent --merges` and the squash merges at their instants, every other first-parent
commit as `committed`, --git-ref, --from/--until, the lead-up `timeline` reads, and exit 2 for a repository
that cannot be opened. The repositories are made here by git with fixed dates."""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from cli_checks import Checks, retro_runner  # noqa: E402

GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", LC_ALL="C.UTF-8")


def git(repo, *args, date="2024-07-20T09:00:00+01:00", who="Ann Lee <ann@example.org>", committer=None):
    name, email = who.split(" <")
    c_name, c_email = (committer or who).split(" <")
    env = dict(GIT_ENV, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email.rstrip(">"), GIT_COMMITTER_NAME=c_name,
               GIT_COMMITTER_EMAIL=c_email.rstrip(">"), GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=repo,
                          env=env, check=True, capture_output=True, text=True).stdout


def make_repo(root):
    """Twenty days of history: merges of feature branches (some GitHub's form, some git's own), squash merges,
    direct commits, one commit whose clock ran an hour behind its parent's, and a release branch."""
    repo = root / "service"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "commit", "-q", "--allow-empty", "-m", "Initial commit", date="2024-07-01T09:00:00+01:00")
    for day in range(2, 21):
        date = f"2024-07-{day:02}T10:00:00+01:00"
        if day % 3 == 0:
            git(repo, "checkout", "-q", "-b", f"feature-{day}")
            git(repo, "commit", "-q", "--allow-empty", "-m", f"Feature work {day}", date=date,
                who="Bob Hall <bob@example.org>")
            git(repo, "checkout", "-q", "main")
            message = [f"Merge pull request #{day} from acme/feature-{day}", f"Feature {day}"] if day % 2 \
                else [f"Merge branch 'feature-{day}'"]
            args = [a for m in message for a in ("-m", m)]
            git(repo, "merge", "-q", "--no-ff", f"feature-{day}", *args, date=f"2024-07-{day:02}T11:30:00+02:00",
                who="Rachel Cooper <1234+rcooper@users.noreply.github.com>", committer="GitHub <noreply@github.com>")
        elif day % 3 == 1:
            git(repo, "commit", "-q", "--allow-empty", "-m", f"Squashed change {day} (#{day})", date=date,
                who="Gareth Evans <ge@example.org>", committer="GitHub <noreply@github.com>")
        else:
            git(repo, "commit", "-q", "--allow-empty", "-m", f"Direct commit {day}", date=date)
    # A clock behind its parent's: first-parent order is not time order.
    git(repo, "commit", "-q", "--allow-empty", "-m", "Skewed clock", date="2024-07-20T09:00:00+01:00")
    git(repo, "branch", "release", "HEAD~5")
    git(repo, "remote", "add", "origin", "https://github.com/acme/service.git")
    return repo


def git_first_parent(repo, *extra):
    out = git(repo, "log", "--first-parent", *extra, "--format=%H %P%x09%cI%x09%s")
    rows = []
    for line in out.splitlines():
        ids, time, subject = line.split("\t", 2)
        sha, *parents = ids.split()
        rows.append((sha, len(parents), time, subject))
    return rows


def main():
    check = Checks("git cli")
    run = retro_runner(TZ="UTC")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        repo = make_repo(root)
        result = run("events", str(repo))
        check("events exits 0", result.returncode == 0, result.stderr)
        check("no diagnostics", result.stderr == b"", result.stderr)
        events = [json.loads(line) for line in result.stdout.splitlines()]
        by_commit = {e["change"]["commit"]: e for e in events}
        history = git_first_parent(repo)
        check("one event per first-parent commit", len(events) == len(history), (len(events), len(history)))
        merges = git_first_parent(repo, "--merges")
        check("the history has merges", len(merges) == 6, merges)
        merged = {e["change"]["commit"] for e in events if e["change"]["action"] == "merged"}
        squashes = {sha for sha, parents, _, subject in history if parents == 1 and subject.endswith(")")}
        check("merged = git's --merges plus the squash merges", merged == {m[0] for m in merges} | squashes,
              sorted(merged))
        for sha, parents, time, subject in history:
            event = by_commit.get(sha)
            if not event:
                check(f"event for {sha}", False)
                continue
            check(f"{sha[:7]} time as git prints it", event["time_raw"] == time, (event["time_raw"], time))
            check(f"{sha[:7]} ref", event["change"]["ref"] == "main")
            check(f"{sha[:7]} repo", event["change"]["repo"] == "acme/service")
        github = [e for e in events if e["change"].get("number") and "Merge pull request" not in e["text"]]
        check("GitHub merges titled by the PR", any(e["text"] == "merged service#9: Feature 9" for e in events),
              [e["text"] for e in events])
        check("merge actor is its author", all(e["actor"]["name"] == "Rachel Cooper" for e in events
                                               if e["change"]["commit"] in {m[0] for m in merges}))
        check("squash actor is its author", all(e["actor"]["name"] == "Gareth Evans" for e in events
                                                if e["change"]["commit"] in squashes))
        check("PR links", all(e["change"]["url"].startswith("https://github.com/acme/service/pull/") for e in github))
        check("events sorted by time", [e["time"] for e in events] == sorted(e["time"] for e in events))

        release = run("events", "--git-ref", "release", str(repo))
        released = [json.loads(line) for line in release.stdout.splitlines()]
        check("--git-ref reads that branch", len(released) == len(history) - 5 and
              all(e["change"]["ref"] == "release" for e in released), release.stderr)

        window = run("events", "--from", "2024-07-10T00:00:00Z", "--until", "2024-07-15T00:00:00Z", str(repo))
        inside = [json.loads(line) for line in window.stdout.splitlines()]
        expected = [h for h in history if "2024-07-10" <= h[2][:10] < "2024-07-15"]
        check("--from/--until", len(inside) == len(expected) == 5, (len(inside), len(expected)))

        # timeline reads the lead-up before --from: the changes of the 48 h before are weighed there.
        notes = root / "case"
        notes.mkdir()
        (notes / "retro.toml").write_text('tz = "UTC"\n')
        (notes / "alerts.ndjson").write_text(json.dumps({
            "schema": "retro.event/1", "id": "a:1", "time": "2024-07-19T09:30:00Z", "kind": "alert",
            "source": {"kind": "events"}, "text": "service 5xx rate high",
            "alert": {"key": "5xx", "state": "firing"}}) + "\n")
        subprocess.run(["cp", "-r", str(repo), str(notes / "service")], check=True)
        timeline = run("timeline", "--format", "json", "--from", "2024-07-19T09:00:00Z", "--until",
                       "2024-07-19T12:00:00Z", str(notes))
        check("timeline exits 0", timeline.returncode == 0, timeline.stderr)
        if timeline.returncode == 0:
            doc = json.loads(timeline.stdout)
            before = [c for c in doc["changes"] if c["entry"]["time"] < "2024-07-19T09:00:00"]
            check("timeline reads changes from before --from (the lead-up)", len(before) == 2,
                  [c["entry"]["text"] for c in doc["changes"]])
            shown = [e for e in doc["entries"] if e.get("lead_up") and e.get("change", {}).get("system") == "git"]
            check("a lead-up change is a timeline line", len(shown) >= 1, [e["text"] for e in doc["entries"]])

        # A clone owned by another user (as root here; CI checkouts): libgit2 refuses it unless told not to.
        if os.geteuid() == 0:
            owned = root / "owned"
            subprocess.run(["cp", "-r", str(repo), str(owned)], check=True)
            subprocess.run(["chown", "-R", "65534:65534", str(owned)], check=True)
            result = run("events", str(owned))
            check("a repository owned by another user is read", result.returncode == 0 and
                  len(result.stdout.splitlines()) == len(history), result.stderr)

        broken = root / "broken"
        broken.mkdir()
        (broken / ".git").write_text("nonsense\n")
        result = run("events", str(broken))
        check("unopenable repository exits 2", result.returncode == 2, result.returncode)
        check("the error names it", f"{broken}: cannot open the git repository".encode() in result.stderr,
              result.stderr)
        result = run("events", "--git-ref", "nope", str(repo))
        check("unknown ref exits 2", result.returncode == 2 and b"--git-ref nope" in result.stderr, result.stderr)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
