"""A loaded machine: busy processes beside the measurement, bounded and stopped after it.

Each busy process runs in a session of its own, as any other program on the machine would:
Linux shares CPU time between sessions first (autogroup), so busy processes inside the bench's
session would only slow the bench itself down.
"""

from __future__ import annotations

import subprocess
import sys

MAX_SECONDS = 600  # each busy process stops on its own after this, even if the bench dies
SPIN = (
    "import time\n"
    "deadline = time.monotonic() + {seconds}\n"
    "value = 0\n"
    "while time.monotonic() < deadline:\n"
    "    for number in range(20_000):\n"  # pure Python arithmetic: one CPU, next to no memory traffic
    "        value = (value + number * number) % 1_000_003\n"
)


class CpuLoad:
    """``processes`` busy processes for the duration of a ``with`` block (at most MAX_SECONDS)."""

    def __init__(self, processes: int = 2):
        self.processes = processes
        self.running: list[subprocess.Popen] = []

    def __enter__(self) -> CpuLoad:
        for _ in range(self.processes):
            self.running.append(subprocess.Popen([sys.executable, "-c", SPIN.format(seconds=MAX_SECONDS)],
                                                 start_new_session=True))
        return self

    def __exit__(self, *exc) -> None:
        for process in self.running:
            process.terminate()
        for process in self.running:
            process.wait(10)
