"""A real Celery worker, started and stopped by the bench: prefork, on Redis, as in production.

The worker runs the host project's Celery app (tests/host/celery_app.py, configured from Django
settings as in Open edX) against the bench database, on a queue of its own.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from .database import ROOT

START_TIMEOUT = 90
_SUCCEEDED = re.compile(r"succeeded in ([0-9.]+)s")
STOP_TIMEOUT = 30


class WorkerFailed(RuntimeError):
    """The worker did not start, or exited early; the message holds the end of its log."""


class CeleryWorker:
    """``celery worker --pool=prefork --concurrency=N`` on ``queue``; a context manager."""

    def __init__(self, *, environment: dict[str, str], queue: str, concurrency: int, log_dir: Path):
        self.environment, self.queue, self.concurrency = environment, queue, concurrency
        self.log_path = log_dir / f"worker-{concurrency}-{uuid.uuid4().hex[:6]}.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> CeleryWorker:
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "tests.host.celery_app:app", "worker", "-Q", self.queue,
                 "--pool=prefork", f"--concurrency={self.concurrency}", "--without-gossip", "--without-mingle",
                 "--without-heartbeat", "--loglevel=INFO", "--hostname", f"{self.queue}-{self.concurrency}@%h"],
                cwd=ROOT, env={**os.environ, **self.environment}, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        # Ready when the pool's processes are up; a task published before the consumer listens
        # waits in Redis, so nothing is lost if it is a moment later.
        while len(self.children()) < self.concurrency:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise WorkerFailed(f"the Celery worker did not start:\n{self.log_tail()}")
            time.sleep(0.2)
        return self

    def children(self) -> list:
        """The pool's processes (psutil.Process objects)."""
        import psutil

        if self.process is None:
            return []
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def pool_rss(self) -> int:
        """Resident memory of the pool's processes together (bytes)."""
        import psutil

        total = 0
        for child in self.children():
            try:
                total += child.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total

    def task_seconds(self) -> list[float]:
        """The run time of each task so far, as the worker logged it ("... succeeded in 0.0412s")."""
        return [float(match) for match in _SUCCEEDED.findall(self.log_path.read_text(errors="replace"))]

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def __exit__(self, *exc) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # warm shutdown: finishes the task at hand
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
