"""`make bench`: every figure in one run, each beside its target.

    .venv/bin/python bench/run.py            # full run (about 10 minutes on 2 cores)
    BENCH_QUICK=1 .venv/bin/python bench/run.py   # or --quick: fewer samples, every figure
    .venv/bin/python bench/run.py --smoke    # tiny counts: proves the code runs (the test suite)

Needs PostgreSQL and Redis on loopback: the database AC_BENCH_DATABASE_NAME (default bench_ac)
is dropped and created, Redis database AC_BENCH_REDIS_DB (default 7) is the broker. How each
figure is measured: docs/decisions/0075-benchmark-as-operators-run-it.md. Exits 1 when a full
run misses a target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import certificate, generation, memory, scale, seed, throughput  # noqa: E402
from bench.baseline_process import BaselineProcess  # noqa: E402
from bench.config import FULL, Counts, Environment, counts_from_environ  # noqa: E402
from bench.database import django_environment, durability, recreate_database, setup_django  # noqa: E402
from bench.figures import Figure, mib, missed, ms, section, table  # noqa: E402
from bench.final_html import final_markup, version_assets  # noqa: E402
from bench.load import CpuLoad  # noqa: E402
from bench.queueing import request_each, wait_generated  # noqa: E402
from bench.worker import CeleryWorker  # noqa: E402

COMPETENT_TARGET = 1.10
SCALING_TARGET = 1.7
MEMORY_TARGET_MIB = 10


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def generation_rows(label: str, figures: generation.GenerationFigures) -> list[Figure]:
    ratio = figures.to_competent
    return [
        section(f"generation, {label}"),
        Figure("request: click -> row committed, task queued (median)", ms(figures.request)),
        Figure("worker: generation per certificate", ms(figures.generation)),
        Figure("   of which the task itself (Celery's log, median)", ms(figures.task)),
        Figure("ours: request + worker per certificate", ms(figures.ours)),
        Figure("bare warm WeasyPrint, same final HTML", ms(figures.bare)),
        Figure("overhead per certificate (ours - bare)", ms(figures.overhead)),
        Figure("ours / bare warm WeasyPrint", f"{figures.to_bare:.2f}x"),
        Figure("competent WeasyPrint script (PDF/A-3b)", ms(figures.competent)),
        Figure("ours / competent WeasyPrint script", f"{ratio:.2f}x", f"<= {COMPETENT_TARGET:.2f}x",
               ratio <= COMPETENT_TARGET),
        Figure("reportlab + pypdf overlay", ms(figures.overlay)),
        Figure("ours / overlay", f"{figures.to_overlay:.2f}x"),
    ]


def measure_generation(counts: Counts, env_vars: dict[str, str], queue: str, work: Path) -> list[Figure]:
    training, version = seed.training_with_design("course-v1:BenchX+Main+2026")
    per_state = counts.blocks * counts.block_size
    pool = seed.LearnerPool.create(training, "bench", 3 + 2 * per_state + throughput.learners_needed(
        runs=counts.throughput_runs, count=counts.throughput_certificates))
    rows = []
    with (CeleryWorker(environment=env_vars, queue=queue, concurrency=1, log_dir=work) as worker,
          BaselineProcess(work / "baselines", certificate.CSS, version_assets(version)) as baselines):
        progress("warming the worker and the baselines up")
        warm = request_each(pool.take(3), training)
        wait_generated(warm.ids)
        baselines.bare([final_markup(issued_id) for issued_id in warm.ids])
        baselines.competent([0, 1])
        baselines.overlay([0, 1])
        progress(f"generation on a quiet machine: {counts.blocks} blocks of {counts.block_size}")
        quiet = generation.measure(pool, blocks=counts.blocks, size=counts.block_size, worker=worker,
                                   baselines=baselines)
        progress("generation on a loaded machine (2 busy processes beside)")
        with CpuLoad(processes=2):
            loaded = generation.measure(pool, blocks=counts.blocks, size=counts.block_size, worker=worker,
                                        baselines=baselines)
    rows += generation_rows("quiet machine", quiet)
    rows += generation_rows("loaded machine: 2 busy processes beside", loaded)

    progress(f"throughput: 1 and 2 worker processes, {counts.throughput_runs} pair(s) of runs")
    rates = throughput.measure(pool, runs=counts.throughput_runs, count=counts.throughput_certificates,
                               environment=env_vars, queue=queue, log_dir=work)
    rows += [
        section("throughput: prefork workers sharing PostgreSQL"),
        Figure("certificates/s, 1 worker process", f"{rates.one:.1f}"),
        Figure("certificates/s, 2 worker processes", f"{rates.two:.1f}"),
        Figure("2 workers / 1 worker", f"{rates.scaling:.2f}x", f">= {SCALING_TARGET}x",
               rates.scaling >= SCALING_TARGET),
    ]
    return rows


def measure_memory(counts: Counts, env_vars: dict[str, str], queue: str, work: Path) -> list[Figure]:
    progress(f"memory: {counts.memory_designs} designs")
    pairs = memory.build(counts.memory_designs, counts.memory_generations)
    progress(f"memory: {counts.memory_generations} generations")
    profile = memory.measure(pairs, checkpoint=counts.memory_checkpoint, environment=env_vars, queue=queue,
                             log_dir=work)
    checkpoints = sorted(profile.rss)
    half = checkpoints[len(checkpoints) // 2 - 1]
    # Peak against peak: render processes are replaced every RENDER_PROCESS_MAX_RENDERS renders,
    # so the RSS at one checkpoint depends on where the replacement falls; flat means the second
    # half never goes higher than the first did.
    growth = (max(profile.rss[done] for done in checkpoints if done > half)
              - max(profile.rss[done] for done in checkpoints if done <= half))
    return [
        section(f"worker memory: {counts.memory_generations} generations across {counts.memory_designs} designs"),
        *(Figure(f"pool RSS after {done} generations ({ms(profile.seconds_per_certificate[done])}/certificate)",
                 mib(profile.rss[done])) for done in checkpoints),
        Figure(f"RSS growth: highest after {half} generations - highest up to {half}", mib(growth),
               f"<= {MEMORY_TARGET_MIB} MiB (flat)", growth <= MEMORY_TARGET_MIB * 2**20),
    ]


def measure_scale(counts: Counts, env_vars: dict[str, str], queue: str, work: Path) -> list[Figure]:
    return scale.measure(counts, env_vars, work, progress)


SECTIONS = {"generation": measure_generation, "memory": measure_memory, "scale": measure_scale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, every figure (BENCH_QUICK=1)")
    parser.add_argument("--smoke", action="store_true", help="tiny counts: proves the bench runs")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="measure only this part (repeatable)")
    parser.add_argument("--worker-env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for the Celery workers, to measure a variant: e.g. "
                             "PGOPTIONS='-c synchronous_commit=off' (repeatable)")
    args = parser.parse_args(argv)
    counts = counts_from_environ(quick=args.quick, smoke=args.smoke)
    env = Environment.from_environ()
    work = Path(tempfile.mkdtemp(prefix="ac-bench-"))
    try:
        started, load_before = time.perf_counter(), os.getloadavg()[0]
        progress(f"creating database {env.database} and migrating")
        recreate_database(env)
        setup_django(env, work / "var", migrate=True)
        from django.conf import settings

        queue = f"bench-{uuid.uuid4().hex[:8]}"
        settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = queue
        env_vars = {**django_environment(env, work / "var"),
                    **dict(variable.split("=", 1) for variable in args.worker_env)}
        rows = []
        for name, measure in SECTIONS.items():
            if not args.only or name in args.only:
                rows += measure(counts, env_vars, queue, work)
        settings_line = ", ".join(f"{name}={value}" for name, value in durability(env).items())
        print(f"author-certificates benchmark ({'full' if counts is FULL else 'short'} run; {os.cpu_count()} CPUs;"
              f" PostgreSQL {settings_line}; Celery prefork on Redis{'; workers with ' if args.worker_env else ''}"
              f"{' '.join(args.worker_env)})")
        print(table(rows))
        print(f"(whole run {time.perf_counter() - started:.0f} s; load average {load_before:.1f} at the start,"
              f" {os.getloadavg()[0]:.1f} at the end: other work on the machine weighs on every figure)")
        return 1 if missed(rows) and counts is FULL and not args.only else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
