"""A loaded machine: busy processes beside the measurement, bounded and stopped after it."""

from __future__ import annotations

import multiprocessing
import time

MAX_SECONDS = 600  # each busy process stops on its own after this, even if the bench dies


def _spin(stop, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    value = 0
    while not stop.is_set() and time.monotonic() < deadline:
        for number in range(20_000):  # pure Python arithmetic: one CPU, no memory traffic to speak of
            value = (value + number * number) % 1_000_003


class CpuLoad:
    """``processes`` busy processes for the duration of a ``with`` block (at most MAX_SECONDS)."""

    def __init__(self, processes: int = 2):
        self.processes = processes
        self.context = multiprocessing.get_context("spawn")
        self.stop = self.context.Event()
        self.workers: list = []

    def __enter__(self) -> CpuLoad:
        for _ in range(self.processes):
            worker = self.context.Process(target=_spin, args=(self.stop, MAX_SECONDS), daemon=True)
            worker.start()
            self.workers.append(worker)
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for worker in self.workers:
            worker.join(10)
            if worker.is_alive():
                worker.terminate()
                worker.join(5)
