"""Worker memory over many generations across many designs (every per-design cache filled).

``designs`` author certificates, each with its own background (a different JPEG), each
assigned to its own training; learner i completed training i mod ``designs``, so the worker
(one prefork process) meets every design in turn. Its resident memory is read after each
``checkpoint`` generations, with the time per certificate of that stretch (a design evicted
from a cache before it comes round again is prepared again).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import seed
from .queueing import request_together, wait_generated
from .worker import CeleryWorker


@dataclass(frozen=True)
class MemoryProfile:
    rss: dict[int, int]  # generations done -> pool RSS (bytes)
    seconds_per_certificate: dict[int, float]  # for the stretch ending there


def build(designs: int, generations: int) -> list[tuple[object, object]]:
    """The trainings (one design each) and, in the order they ask, (learner, training) pairs."""
    trainings = [seed.training_with_design(f"course-v1:BenchMem+D{index:03d}+2026", variant=index + 1)[0]
                 for index in range(designs)]
    users = seed.bulk_learners("bench-mem", generations)
    from author_certificates.models import Completion

    pairs = [(user, trainings[index % designs]) for index, user in enumerate(users)]
    Completion.objects.bulk_create(Completion(user=user, training=training, completed_at=seed.certificate.COMPLETED_ON,
                                              source="bench") for user, training in pairs)
    return pairs


def measure(pairs, *, checkpoint: int, environment: dict[str, str], queue: str, log_dir: Path) -> MemoryProfile:
    rss, seconds = {}, {}
    with CeleryWorker(environment=environment, queue=queue, concurrency=1, log_dir=log_dir) as worker:
        for start in range(0, len(pairs), checkpoint):
            stretch = pairs[start:start + checkpoint]
            ids, committing = request_together(stretch)
            done = wait_generated(ids)
            end = start + len(stretch)
            rss[end] = worker.pool_rss()
            seconds[end] = (done - committing) / len(stretch)
    return MemoryProfile(rss, seconds)
