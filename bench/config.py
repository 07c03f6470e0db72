"""How much `make bench` measures (full, quick, smoke) and where (database, broker)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    """Sample sizes of one run."""

    blocks: int  # paired blocks per machine state (quiet, loaded)
    block_size: int  # certificates per block
    throughput_runs: int  # alternating pairs of 1-worker and 2-worker runs
    throughput_certificates: int  # per run
    memory_designs: int
    memory_generations: int
    memory_checkpoint: int  # RSS sampled every this many generations
    report_learners: int  # completed learners of the big training (30% generated)
    zip_certificates: int
    records_trainings: int


FULL = Counts(blocks=6, block_size=20, throughput_runs=3, throughput_certificates=80, memory_designs=100,
              memory_generations=1000, memory_checkpoint=100, report_learners=100_000, zip_certificates=10_000,
              records_trainings=300)
# A short run that still prints every figure (BENCH_QUICK=1).
QUICK = Counts(blocks=2, block_size=10, throughput_runs=1, throughput_certificates=30, memory_designs=20,
               memory_generations=200, memory_checkpoint=50, report_learners=10_000, zip_certificates=500,
               records_trainings=300)
# What the test suite runs to prove the bench code works (tests/services/test_bench_smoke.py).
SMOKE = Counts(blocks=1, block_size=3, throughput_runs=1, throughput_certificates=4, memory_designs=2,
               memory_generations=4, memory_checkpoint=2, report_learners=60, zip_certificates=5,
               records_trainings=6)


@dataclass(frozen=True)
class Environment:
    """The servers the bench uses: its own PostgreSQL database (dropped and created each run)
    and its own Redis database as the Celery broker."""

    database: str
    pg_host: str
    pg_port: str
    redis_url: str

    @classmethod
    def from_environ(cls) -> Environment:
        redis_db = os.environ.get("AC_BENCH_REDIS_DB", "7")
        return cls(
            database=os.environ.get("AC_BENCH_DATABASE_NAME", "bench_ac"),
            pg_host=os.environ.get("AC_BENCH_PG_HOST", "127.0.0.1"),
            pg_port=os.environ.get("AC_BENCH_PG_PORT", "5432"),
            redis_url=os.environ.get("AC_BENCH_REDIS_URL", f"redis://127.0.0.1:6379/{redis_db}"),
        )


def counts_from_environ(*, quick: bool = False, smoke: bool = False) -> Counts:
    if smoke or os.environ.get("BENCH_SMOKE") == "1":
        return SMOKE
    if quick or os.environ.get("BENCH_QUICK") == "1":
        return QUICK
    return FULL

