"""`make bench` runs: its smoke mode (tiny counts) prints every figure with its target.

A smoke run measures nothing worth reading; it proves that the bench's code (database set-up,
the Celery worker it starts, the baselines, the load generator, the report measurements) still
works with the code it measures. It needs PostgreSQL and Redis, like the worker suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools.suites import reachable

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
SMOKE_TIMEOUT = 300
FIGURES = [
    "request: click -> row committed, task queued",
    "overhead per certificate (ours - bare)",
    "ours / bare warm WeasyPrint",
    "ours / competent WeasyPrint script",
    "ours / overlay",
    "[generation, loaded machine",
    "2 workers / 1 worker",
    "RSS growth",
    "first page",
    "deep page",
    "CSV",
    "ZIP",
    "Learning Records",
]


@pytest.fixture
def bench_database():
    """A bench database of this checkout's own (dropped after), and its own Redis database."""
    if not (reachable(5432) and reachable(6379)):
        pytest.skip("needs PostgreSQL and Redis on 127.0.0.1")
    name = f"{os.environ.get('AC_TEST_DATABASE_NAME', 'test_author_certificates')}_bench"
    yield {"AC_BENCH_DATABASE_NAME": name, "AC_BENCH_REDIS_DB": os.environ.get("AC_TEST_REDIS_DB", "13")}
    import psycopg

    with psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True) as connection:
        connection.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            psycopg.sql.Identifier(name)))


def test_the_smoke_run_prints_every_figure_with_its_target(bench_database):
    result = subprocess.run([sys.executable, "bench/run.py", "--smoke"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, **bench_database}, timeout=SMOKE_TIMEOUT)

    assert result.returncode == 0, result.stdout + result.stderr
    missing = [figure for figure in FIGURES if figure not in result.stdout]
    assert not missing, result.stdout
    assert "<= 1.10x" in result.stdout and "<= 150 ms" in result.stdout
