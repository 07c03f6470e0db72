"""Run the database suites on PostgreSQL and MariaDB, and the Celery worker suite on Redis."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.suites import Outcome, missing, pytest, reachable, summarise  # noqa: E402

# Rendering tests touch no database; packaging tests build a wheel: both run once, in the SQLite suite.
DB_SUITE = ["-q", "-n", "2", "-m", "not browser and not services and not packaging", "--ignore=tests/rendering",
            "tests"]
FAULT_SUITE = "tests/services/test_worker_faults.py"


def service_suites() -> list[Outcome]:
    outcomes = []
    for engine, port, name in (
        ("postgresql", 5432, "PostgreSQL on 127.0.0.1:5432"),
        ("mysql", 3306, "MariaDB on 127.0.0.1:3306"),
    ):
        suite = f"database suite on {name.split()[0]}"
        if reachable(port):
            outcomes.append(pytest(suite, DB_SUITE, {"AC_TEST_DATABASE": engine}))
        else:
            outcomes.append(missing(suite, name))
    suite = "Celery worker suite (Redis, PostgreSQL)"
    if reachable(6379) and reachable(5432):
        outcomes.append(pytest(suite, ["-q", "-m", "services", "tests"], {"AC_TEST_DATABASE": "postgresql"}))
    else:
        outcomes.append(missing(suite, "Redis on 127.0.0.1:6379 (with PostgreSQL)"))
    # The worker faults (lost reply, killed workers, hung broker, concurrent clicks) on MariaDB too:
    # what a lost connection or a concurrent INSERT does differs between the two databases.
    suite = "Celery worker fault suite (Redis, MariaDB)"
    if reachable(6379) and reachable(3306):
        outcomes.append(pytest(suite, ["-q", "-m", "services", FAULT_SUITE], {"AC_TEST_DATABASE": "mysql"}))
    else:
        outcomes.append(missing(suite, "Redis on 127.0.0.1:6379 (with MariaDB)"))
    return outcomes


if __name__ == "__main__":
    sys.exit(summarise(service_suites()))
