"""What the tests of the real binary share: running retro in a fixed environment, and counting checks."""
import os
import subprocess


def retro_runner(**env):
    """A run(*args, stdin=b"", cwd=None) calling $RETRO_BIN with C.UTF-8 and the given environment."""
    retro = os.environ["RETRO_BIN"]
    fixed = dict(os.environ, LC_ALL="C.UTF-8", **env)

    def run(*args, stdin=b"", cwd=None):
        return subprocess.run([retro, *args], input=stdin, capture_output=True, cwd=cwd, env=fixed, timeout=120)

    return run


class Checks:
    """check(name, condition, detail): counts passes, prints each failure; summary() gives the exit code."""

    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failures = []

    def __call__(self, name, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failures.append(name)
            print(f"FAIL {name} {str(detail)[:400]}")

    def summary(self):
        print(f"{self.suite}: {self.passed} passed, {len(self.failures)} failed")
        return 1 if self.failures else 0
