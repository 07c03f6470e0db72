"""Our generation, per certificate, against the baselines: paired blocks.

A block: ``block_size`` learners click "Generate certificate" one after the other (each request
its own durable commit, its task published to Redis); the worker (one prefork process)
generates them; the time from the first task queued to the last certificate recorded,
divided by the count, is the worker's time per certificate; with the mean request it is what
we spend on a certificate ("ours"). Right after, the same number of bare WeasyPrint renders of
those certificates' final HTML, of competent-script certificates and of overlay certificates,
in a process of their own (baseline_process.py). Ratios are taken within each block and the
median of the blocks' ratios is reported: this machine's speed changes in phases, and each
block is measured within one (docs/decisions/0024).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .baseline_process import BaselineProcess
from .final_html import final_markup
from .queueing import request_each, wait_generated
from .worker import CeleryWorker


@dataclass(frozen=True)
class Block:
    generation: float  # seconds per certificate, in the worker
    tasks: list[float]  # each task's run time, as the worker logged it
    requests: list[float]
    bare: float  # mean seconds of a bare warm render of the block's final HTML
    competent: float
    overlay: float

    @property
    def ours(self) -> float:
        """Everything we spend on a certificate: the click's request and the worker's generation."""
        return statistics.fmean(self.requests) + self.generation


@dataclass(frozen=True)
class GenerationFigures:
    """Medians over blocks (seconds), and medians of the blocks' ratios (request + generation
    against each baseline)."""

    ours: float
    generation: float
    task: float  # median run time of a task inside the worker (Celery's log)
    request: float
    bare: float
    competent: float
    overlay: float
    to_bare: float
    to_competent: float
    to_overlay: float

    @property
    def overhead(self) -> float:
        """What we add to WeasyPrint's render of the same HTML, per certificate."""
        return self.ours - self.bare


def run_block(pool, size: int, worker: CeleryWorker, baselines: BaselineProcess, first_index: int) -> Block:
    logged = len(worker.task_seconds())
    batch = request_each(pool.take(size), pool.training)
    done = wait_generated(batch.ids)
    tasks = worker.task_seconds()[logged:]
    generation = (done - batch.first_queued) / len(batch.ids)
    bare = statistics.fmean(baselines.bare([final_markup(issued_id) for issued_id in batch.ids]))
    indexes = list(range(first_index, first_index + size))
    competent = statistics.fmean(baselines.competent(indexes))
    overlay = statistics.fmean(baselines.overlay(indexes))
    return Block(generation, tasks, batch.request_seconds, bare, competent, overlay)


def measure(pool, *, blocks: int, size: int, worker: CeleryWorker, baselines: BaselineProcess) -> GenerationFigures:
    results = [run_block(pool, size, worker, baselines, index * size) for index in range(blocks)]
    median = statistics.median
    return GenerationFigures(
        ours=median(block.ours for block in results),
        generation=median(block.generation for block in results),
        task=median(seconds for block in results for seconds in block.tasks),
        request=median(seconds for block in results for seconds in block.requests),
        bare=median(block.bare for block in results),
        competent=median(block.competent for block in results),
        overlay=median(block.overlay for block in results),
        to_bare=median(block.ours / block.bare for block in results),
        to_competent=median(block.ours / block.competent for block in results),
        to_overlay=median(block.ours / block.overlay for block in results),
    )
