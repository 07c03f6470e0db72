"""Certificates per second with one and with two Celery worker processes sharing PostgreSQL.

Each run starts a prefork worker with concurrency 1 or 2, warms every pool process up, then
queues ``count`` certificates at once (one transaction, every task published at its commit)
and times them to the last one recorded. One and two alternate ``runs`` times; the scaling is
the median of the pairs' ratios (the machine's speed changes in phases, docs/decisions/0024).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from .queueing import request_together, wait_generated
from .worker import CeleryWorker


@dataclass(frozen=True)
class Throughput:
    one: float  # certificates per second, median of the runs
    two: float
    scaling: float  # median of the pairs' two / one


def certificates_per_second(pool, *, concurrency: int, count: int, environment: dict[str, str], queue: str,
                            log_dir: Path) -> float:
    with CeleryWorker(environment=environment, queue=queue, concurrency=concurrency, log_dir=log_dir):
        # Warm-up: enough certificates that each pool process has prepared the design.
        warm_ids, _ = request_together(pool.requests(3 * concurrency))
        wait_generated(warm_ids)
        ids, committing = request_together(pool.requests(count))
        done = wait_generated(ids)
    return count / (done - committing)


def measure(pool, *, runs: int, count: int, environment: dict[str, str], queue: str, log_dir: Path) -> Throughput:
    pairs = [tuple(certificates_per_second(pool, concurrency=concurrency, count=count, environment=environment,
                                           queue=queue, log_dir=log_dir) for concurrency in (1, 2))
             for _ in range(runs)]
    return Throughput(one=statistics.median(pair[0] for pair in pairs),
                      two=statistics.median(pair[1] for pair in pairs),
                      scaling=statistics.median(pair[1] / pair[0] for pair in pairs))


def learners_needed(*, runs: int, count: int) -> int:
    return runs * (count * 2 + 3 * 3)
