"""Shared by the suite runners: find a server or browser, and decide whether its absence fails.

In CI (``CI=true``) a missing server or browser is a failure; on a developer's laptop the suites
that need it are skipped with a message saying what was skipped and why.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def missing(what: str) -> int:
    """Report a missing dependency: fail in CI, skip elsewhere. Returns the exit status to use."""
    if IN_CI:
        print(f"FAILED: {what} is required in CI but is not available.", file=sys.stderr)
        return 1
    print(f"SKIPPED: {what} is not available on this machine; those suites did not run.")
    return 0


def pytest(args: list[str], env: dict[str, str] | None = None) -> int:
    command = [sys.executable, "-m", "pytest", *args]
    print("+", " ".join(command), " ".join(f"{k}={v}" for k, v in (env or {}).items()), flush=True)
    return subprocess.call(command, cwd=ROOT, env={**os.environ, **(env or {})})
