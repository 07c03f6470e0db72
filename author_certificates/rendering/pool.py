"""A small pool of render processes, each render bounded in CPU time, memory and wall time.

An author's design is semi-trusted: whatever the sandbox does not bound (WeasyPrint's layout
of 20,000 paragraphs, an image that decodes to gigabytes) must not take a web or worker
process down or hold others up. So every render runs in a child process (child.py) with hard
limits, and a render past its wall time is killed. There is no lock around rendering: each
caller takes an idle process of the pool (up to `processes` side by side), so a slow render
only occupies its own process. Processes are started on first use, kept warm between jobs
(their caches are what makes a render take tens of milliseconds), replaced when one is killed
or has done `max_renders` renders (native memory that WeasyPrint keeps per prepared design is
returned only when its process ends),
and ended when this process exits (or, if it dies, when they see their pipe close).

A render process is a fresh interpreter (`python -m author_certificates.rendering.child`,
the "spawn" way), talking over a socket pair with multiprocessing's Connection: it inherits no
thread, socket or database connection of this process (a fork from a threaded web server or a
Celery pool child would), it does not re-run this process's `__main__` (multiprocessing's spawn
and forkserver do), and it can be started from a daemonic pool process (multiprocessing refuses).
See docs/decisions/0061-render-pool.md.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from multiprocessing.connection import Connection

from ..exceptions import RenderingFailed
from . import child
from .child import DesignRef
from .limits import RenderLimitExceeded, RenderLimits

# Longest a render process may take to start (import WeasyPrint, set its limits).
STARTUP_SECONDS = 120


@dataclass(eq=False)  # compared and hashed by identity: each is one process
class _Process:
    """One render process, as its parent sees it: used by one caller at a time."""

    process: subprocess.Popen
    connection: Connection
    sent_designs: OrderedDict  # cache keys this process was sent (it keeps as many)
    jobs: int = 0

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def exit_code(self) -> int | None:
        try:
            return self.process.wait(5)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.is_alive():
            self.process.kill()
        self.exit_code()
        self.connection.close()


class RenderPool:
    """Runs rendering operations (child.OPERATIONS) in bounded render processes."""

    def __init__(self, limits: RenderLimits):
        if limits.processes < 1:
            raise ValueError("a render pool needs at least one process")
        self.limits = limits
        self._idle: list[_Process] = []
        self._all: set[_Process] = set()
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(limits.processes)
        self._closed = False

    def run(self, operation: str, *args, **kwargs):
        """Run ``operation`` in a render process and return its result, or raise its error.

        Raises RenderLimitExceeded when the render exceeded a limit (the process is replaced),
        RenderingFailed when the process died otherwise, and whatever the operation raised
        (InvalidDesign, RenderingFailed). Waits for a free process when all are busy.
        """
        with self._slots:
            worker = self._take()
            outcome, value = self._ask_or_discard(worker, operation, args, kwargs)
            if outcome == "memory" and worker.jobs > 0:
                # A warm process carries its caches: give the job one fresh process before
                # blaming the design for the memory it needed.
                self._discard(worker)
                worker = self._take()
                outcome, value = self._ask_or_discard(worker, operation, args, kwargs)
            if outcome in ("ok", "error"):
                worker.jobs += 1
                if self.limits.max_renders and worker.jobs >= self.limits.max_renders:
                    self._discard(worker)  # recycled: the next caller starts a fresh one
                else:
                    self._give_back(worker)
            else:
                self._discard(worker)
        if outcome == "ok":
            return value
        raise value  # the operation's own error, or the RenderLimitExceeded / RenderingFailed of _ask

    def _ask_or_discard(self, worker: _Process, operation: str, args: tuple, kwargs: dict):
        try:
            return self._ask(worker, operation, args, kwargs)
        except BaseException:
            self._discard(worker)
            raise

    def _ask(self, worker: _Process, operation: str, args: tuple, kwargs: dict):
        """Send one job, resending in full a saved design the process turns out not to have."""
        started = time.monotonic()
        message = (operation, tuple(self._by_reference(worker, arg) for arg in args), kwargs)
        outcome, value = self._exchange(worker, message, started)
        if outcome == "missing":
            worker.sent_designs.clear()
            outcome, value = self._exchange(worker, (operation, args, kwargs), started)
            self._remember(worker, args)
        elif outcome in ("ok", "error"):
            self._remember(worker, args)
        return outcome, value

    def _exchange(self, worker: _Process, message, started: float):
        try:
            worker.connection.send(message)
        except (OSError, EOFError):
            return "died", self._death(worker)
        remaining = self.limits.wall_seconds - (time.monotonic() - started)
        if not worker.connection.poll(max(remaining, 0)):
            worker.process.kill()
            worker.exit_code()
            return "killed", RenderLimitExceeded("wall time", self.limits)
        try:
            outcome, value = worker.connection.recv()
        except (OSError, EOFError):
            return "died", self._death(worker)
        if outcome == "memory":
            return outcome, RenderLimitExceeded("memory", self.limits)
        return outcome, value

    def _death(self, worker: _Process) -> RenderingFailed:
        code = worker.exit_code()
        if code == -signal.SIGXCPU:
            return RenderLimitExceeded("CPU time", self.limits)
        if code == -signal.SIGKILL:
            # The kernel's OOM killer, or someone else: the memory limit is the likely cause.
            return RenderLimitExceeded("memory", self.limits)
        return RenderingFailed(f"the render process ended unexpectedly (exit code {code})")

    @staticmethod
    def _by_reference(worker: _Process, arg):
        key = getattr(arg, "cache_key", None)
        if isinstance(key, str) and key in worker.sent_designs:
            worker.sent_designs.move_to_end(key)
            return DesignRef(key)
        return arg

    @staticmethod
    def _remember(worker: _Process, args: tuple) -> None:
        for arg in args:
            key = getattr(arg, "cache_key", None)
            if isinstance(key, str):
                worker.sent_designs[key] = True
                worker.sent_designs.move_to_end(key)
                while len(worker.sent_designs) > child.MAX_KEPT_DESIGNS:
                    worker.sent_designs.popitem(last=False)

    def _take(self) -> _Process:
        with self._lock:
            if self._closed:
                raise RenderingFailed("the render pool is shut down")
            while self._idle:
                worker = self._idle.pop()
                if worker.is_alive():
                    return worker
                self._all.discard(worker)
        return self._start()

    def _start(self) -> _Process:
        ours, theirs = socket.socketpair()
        # The same modules as ours, wherever they were found (an installed package or a checkout).
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", child.__name__, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=environment)
        finally:
            theirs.close()
        worker = _Process(process=process, connection=Connection(ours.detach()), sent_designs=OrderedDict())
        # Start-up (importing WeasyPrint, seconds on a busy machine) is not a render's wall time.
        try:
            worker.connection.send(self.limits)
            ready = worker.connection.poll(STARTUP_SECONDS) and worker.connection.recv() == "ready"
        except (OSError, EOFError):
            ready = False
        if not ready:
            worker.stop()
            raise RenderingFailed(f"a render process did not start (exit code {worker.process.returncode})")
        with self._lock:
            self._all.add(worker)
        return worker

    def _give_back(self, worker: _Process) -> None:
        with self._lock:
            if self._closed:
                self._all.discard(worker)
                worker.stop()
            else:
                self._idle.append(worker)

    def _discard(self, worker: _Process) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def process_ids(self) -> list[int]:
        """The ids of the render processes alive now (for tests and operators)."""
        with self._lock:
            return [worker.process.pid for worker in self._all if worker.is_alive()]

    def shutdown(self) -> None:
        """End every idle process now; busy ones end when their job is done."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            for worker in idle:
                self._all.discard(worker)
        for worker in idle:
            worker.stop()


_pools: dict[RenderLimits, RenderPool] = {}
_pools_lock = threading.Lock()


MAX_POOLS = 2


def pool_for(limits: RenderLimits) -> RenderPool:
    """The pool of this process for these limits (one per set of limits; settings rarely change,
    so past MAX_POOLS the oldest pool is shut down: its processes end after their job)."""
    with _pools_lock:
        pool = _pools.get(limits)
        if pool is None:
            pool = _pools[limits] = RenderPool(limits)
            while len(_pools) > MAX_POOLS:
                _pools.pop(next(iter(_pools))).shutdown()
        return pool


@atexit.register
def shutdown_pools() -> None:
    """End every render process this process started (also run at exit)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown()
