"""Profile ONE generation path in-process: where the time between the task and a bare render goes.

Not part of `make bench`: a developer's tool (docs/decisions/0125-faster-generation.md). It sets
up the bench's PostgreSQL database as bench/database.py does (AC_BENCH_DATABASE_NAME, dropped
and created), one training with the bench design, and learners who completed it; requests are
made through the API with the task's publication left out (nothing consumes the queue), then
``generation.generate_certificate`` runs here, through the render pool as the worker does.

    AC_BENCH_DATABASE_NAME=bench_speed AC_BENCH_REDIS_DB=14 .venv/bin/python -m bench.profile_generation \
        [--count 30] [--cprofile out.prof] [--steps] [--reconnect]
    ... -m bench.profile_generation --compare 60 [--only bare pool]
    ... -m bench.profile_generation --ab keep-connection 60

--steps times each step of one generation with time.perf_counter (a wrapper around each
function the generation calls); --reconnect closes the database connection before each
generation, as Celery's Django fix-up does around every task. --compare alternates a bare warm
WeasyPrint render of the same final HTML, engine.render_pdf in this process, render_pdf through
the render pool and a whole generation, and prints each one's median and its paired difference
from the first. --ab runs whole generations in pairs, one as the code is (A) and one with a
variant (B), in alternating order, and prints the median of the paired differences.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from . import certificate, database, seed
from .config import Environment


def set_up(count: int, var_dir: Path):
    env = Environment.from_environ()
    database.recreate_database(env)
    database.setup_django(env, var_dir, migrate=True)
    training, _version = seed.training_with_design("course-v1:Bench+Profile+Run")
    pool = seed.LearnerPool.create(training, "profile", count)
    return training, pool


def request_all(pool, count: int) -> list[int]:
    from author_certificates import api

    with mock.patch("author_certificates.tasks.enqueue_generation"):
        return [api.request_certificate(user=user, training=pool.training).pk for user in pool.take(count)]


class Steps:
    """Wall time per wrapped function, accumulated over the generations of one run."""

    def __init__(self):
        self.times: dict[str, list[float]] = {}

    def wrap(self, label: str, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.times.setdefault(label, []).append(time.perf_counter() - started)

        return timed

    @contextlib.contextmanager
    def installed(self):
        from author_certificates import compat, generation, storage
        from author_certificates.rendering import pool

        targets = [
            (generation, "_load", "load the row (1 query)"),
            (generation, "_job_for", "build the job (design, context)"),
            (compat, "learner_full_name", "the learner's profile name (1 query)"),
            (generation, "render_pdf", "render_pdf through the pool"),
            (storage, "save_pdf", "storage.save_pdf"),
            (generation.hashlib, "sha256", "sha256"),
            (generation._Attempt, "record", "record: UPDATE + commit"),
            (pool.RenderPool, "_take", "pool: take a process"),
            (pool.RenderPool, "_exchange", "pool: send, wait, receive"),
        ]
        with contextlib.ExitStack() as stack:
            for owner, name, label in targets:
                stack.enter_context(mock.patch.object(owner, name, self.wrap(label, getattr(owner, name))))
            yield

    def report(self, generations: int) -> None:
        for label, values in self.times.items():
            print(f"{label:45s} {1000 * sum(values) / generations:8.2f} ms/certificate "
                  f"(median {1000 * statistics.median(values):.2f} ms, {len(values)} calls)")


def compare(pool, rounds: int, folder: Path, only: list[str]) -> None:
    """Per round, one of each in a rotating order; the median of each over the rounds."""
    from author_certificates import generation
    from author_certificates.designs import render_limits
    from author_certificates.rendering import engine
    from author_certificates.rendering import render_pdf as bounded_render

    from .baselines import BareWarm
    from .final_html import final_markup, version_assets

    ids = request_all(pool, rounds)
    first = generation._load(ids[0]).issued
    assets = folder / "bare"
    assets.mkdir()
    for name, data in version_assets(first.version).items():
        (assets / name).write_bytes(data)
    bare = BareWarm(assets, first.version.css)
    generated = generation.generate_certificate(issued_certificate_id=ids[0])
    markup = final_markup(generated.pk)
    job = generation._reprint_job(generated)
    limits = render_limits()

    def timed(function):
        started = time.perf_counter()
        function()
        return time.perf_counter() - started

    variants = {
        "bare warm WeasyPrint (same final HTML)": lambda _id: bare(markup),
        "engine.render_pdf in this process": lambda _id: timed(
            lambda: engine.render_pdf(job.design, job.context, author=job.author)),
        "render_pdf through the pool": lambda _id: timed(
            lambda: bounded_render(job.design, job.context, author=job.author, limits=limits)),
        "generate_certificate (whole)": lambda issued_id: timed(
            lambda: generation.generate_certificate(issued_certificate_id=issued_id)),
    }
    for _ in range(3):
        bare(markup)
        engine.render_pdf(job.design, job.context, author=job.author)
    names = [name for name in variants if not only or any(word in name for word in only)]
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_, issued_id in enumerate(ids[1:]):
        order = names[round_ % len(names):] + names[:round_ % len(names)]
        for name in order:
            times[name].append(variants[name](issued_id))
    for name in names:
        paired = [mine - first for mine, first in zip(times[name], times[names[0]], strict=True)]
        print(f"{name:45s} median {1000 * statistics.median(times[name]):7.1f} ms  "
              f"(quartiles {1000 * statistics.quantiles(times[name])[0]:.1f}-"
              f"{1000 * statistics.quantiles(times[name])[2]:.1f}, {len(times[name])} rounds); "
              f"minus the first, paired: median {1000 * statistics.median(paired):+.1f} ms")


def _variant(name: str):
    """A context manager that puts variant ``name`` of the generation in place (--ab)."""
    from django.db import connection, transaction

    from author_certificates import compat, generation

    if name == "autocommit-record":  # the record's UPDATE without BEGIN/COMMIT when not nested
        def atomic(*args, **kwargs):
            return transaction.atomic(*args, **kwargs) if connection.in_atomic_block else contextlib.nullcontext()

        return mock.patch.object(generation, "transaction", mock.Mock(atomic=atomic))
    if name == "no-profile-query":  # the upper bound of reading the profile name with the row
        return mock.patch.object(compat, "learner_full_name",
                                 lambda user: compat.printed_learner_name(user, profile_name=None))
    return contextlib.nullcontext()  # "none" (A against A: the noise), "keep-connection"


AB_VARIANTS = ("none", "keep-connection", "autocommit-record", "no-profile-query")


def paired_ab(pool, variant: str, rounds: int) -> None:
    """Whole generations in pairs, A (as is) and B (the variant), the order alternating."""
    from django.db import connection

    from author_certificates.generation import generate_certificate

    ids = request_all(pool, 2 * rounds)
    times: dict[str, list[float]] = {"A": [], "B": []}
    for round_ in range(rounds):
        pair = zip("AB" if round_ % 2 else "BA", ids[2 * round_:2 * round_ + 2], strict=True)
        for side, issued_id in pair:
            if variant == "keep-connection" and side == "A":
                connection.close()  # A as in a Celery worker: a new connection for every task
            with _variant(variant) if side == "B" else contextlib.nullcontext():
                started = time.perf_counter()
                generate_certificate(issued_certificate_id=issued_id)
                times[side].append(time.perf_counter() - started)
    paired = [b - a for a, b in zip(times["A"], times["B"], strict=True)]
    print(f"{variant}: A median {1000 * statistics.median(times['A']):.1f} ms, B median "
          f"{1000 * statistics.median(times['B']):.1f} ms; B - A paired: median "
          f"{1000 * statistics.median(paired):+.1f} ms, mean {1000 * statistics.fmean(paired):+.1f} ms, "
          f"B faster in {sum(d < 0 for d in paired)} of {rounds}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--cprofile")
    parser.add_argument("--steps", action="store_true")
    parser.add_argument("--ab", nargs=2, metavar=("VARIANT", "ROUNDS"), help=f"one of {', '.join(AB_VARIANTS)}")
    parser.add_argument("--only", nargs="*", default=[], help="with --compare: variants whose name has one of these")
    parser.add_argument("--reconnect", action="store_true", help="a new database connection per generation")
    parser.add_argument("--compare", type=int, metavar="ROUNDS",
                        help="alternate a bare warm render, engine.render_pdf here, the pool and a generation")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ac-profile-") as folder:
        ab_rounds = int(arguments.ab[1]) if arguments.ab else 0
        needed = max(arguments.count, arguments.compare or 0, 2 * ab_rounds) + arguments.warm
        _training, pool = set_up(needed, Path(folder))
        from author_certificates.generation import generate_certificate

        for issued_id in request_all(pool, arguments.warm):
            generate_certificate(issued_certificate_id=issued_id)  # render processes started, design sent
        if arguments.compare:
            compare(pool, arguments.compare, Path(folder), arguments.only)
            return
        if arguments.ab:
            paired_ab(pool, arguments.ab[0], ab_rounds)
            return
        ids = request_all(pool, arguments.count)
        steps = Steps()
        profiler = None
        if arguments.cprofile:
            import cProfile

            profiler = cProfile.Profile()
        seconds = []
        with steps.installed() if arguments.steps else contextlib.nullcontext():
            for issued_id in ids:
                if arguments.reconnect:  # as Celery's Django fix-up does after each task (CONN_MAX_AGE=0)
                    from django.db import connection

                    connection.close()
                started = time.perf_counter()
                if profiler:
                    profiler.enable()
                generate_certificate(issued_certificate_id=issued_id)
                if profiler:
                    profiler.disable()
                seconds.append(time.perf_counter() - started)
        print(f"generation: median {1000 * statistics.median(seconds):.1f} ms over {len(seconds)} "
              f"({certificate.TRAINING_TITLE})")
        if arguments.steps:
            steps.report(len(ids))
        if profiler:
            profiler.dump_stats(arguments.cprofile)


if __name__ == "__main__":
    main()
