"""Shared by the suite runners: run a suite, find a server or browser, and say what ran.

In CI (``CI=true``) a missing server or browser is a failure; on a developer's laptop the suites
that need it are skipped with a message saying what was skipped and why. Every runner ends with a
summary of each suite: passed, failed or skipped, with pytest's counts and the time it took.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# The one place that says where Chromium is: the runner checks it, the browser tests launch it.
CHROMIUM = os.environ.get("AC_CHROMIUM", "/usr/bin/chromium")
_COUNTS = re.compile(r"\b(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)\b")


@dataclass
class Outcome:
    name: str
    status: str  # "passed", "failed" or "skipped"
    detail: str = ""
    seconds: float = 0.0


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def chromium_installed() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def missing(name: str, what: str) -> Outcome:
    """A suite that cannot run here: a failure in CI, a skip (with the reason) elsewhere."""
    if IN_CI:
        print(f"FAILED: {what} is required in CI but is not available.", file=sys.stderr)
        return Outcome(name, "failed", f"{what} is not available (required in CI)")
    print(f"SKIPPED: {what} is not available on this machine; {name} did not run.")
    return Outcome(name, "skipped", f"{what} is not available")


def run(name: str, command: list[str], env: dict[str, str] | None = None) -> Outcome:
    """Run one suite or check, showing its output; its outcome carries pytest's counts if any."""
    print(f"\n=== {name}\n+ {' '.join(command)} {' '.join(f'{k}={v}' for k, v in (env or {}).items())}", flush=True)
    started = time.monotonic()
    counts = ""
    with subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, bufsize=1) as process:
        for line in process.stdout:
            sys.stdout.write(line)
            found = _COUNTS.findall(line)
            if found and " in " in line:  # pytest's closing line, e.g. "812 passed, 2 skipped in 61.2s"
                counts = ", ".join(f"{number} {word}" for number, word in found)
    status = "passed" if process.returncode == 0 else "failed"
    if status == "passed" and re.search(r"\b[1-9]\d* skipped\b", counts):
        counts += " (see the SKIPPED lines above)"
    detail = counts or ("" if status == "passed" else f"exit status {process.returncode}")
    return Outcome(name, status, detail, time.monotonic() - started)


def pytest(name: str, args: list[str], env: dict[str, str] | None = None) -> Outcome:
    return run(name, [sys.executable, "-m", "pytest", "-rs", *args], env)


def summarise(outcomes: list[Outcome]) -> int:
    """Print what ran, what failed and what was skipped; the exit status is 1 if anything failed."""
    print("\n=== Summary")
    for outcome in outcomes:
        print(f"{outcome.status.upper():8} {outcome.name:38} {outcome.seconds:6.0f} s  {outcome.detail}")
    failed = [o.name for o in outcomes if o.status == "failed"]
    skipped = [o.name for o in outcomes if o.status == "skipped"]
    if failed:
        print(f"FAILED: {', '.join(failed)}.")
    elif skipped:
        print(f"Passed, but NOT everything ran: skipped {', '.join(skipped)}.")
    else:
        print("Every suite ran and passed.")
    return 1 if failed else 0
