"""`make test`: every check and suite in order, then a summary of what ran and what was skipped.

Order: quality checks; the SQLite suite with the newest pins (.venv, includes the packaging tests);
the SQLite suite with Open edX Verawood's pins (tox -e py312-verawood); the MFE widgets and the
Tutor plugin (their Make targets); the database suites on PostgreSQL and MariaDB and the Celery
worker suite; the browser suite. A failing step does not stop
the later ones, so the summary shows everything; the exit status is 1 if any step failed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.run_browser_suite import browser_suite  # noqa: E402
from tests.tools.run_service_suites import service_suites  # noqa: E402
from tests.tools.suites import pytest, run, summarise  # noqa: E402

BIN = Path(sys.executable).parent
MANAGE = [sys.executable, "tests/host/manage.py"]


def main() -> int:
    outcomes = [
        run("quality: ruff", [str(BIN / "ruff"), "check", "author_certificates", "tests", "bench"]),
        run("quality: import-linter", [str(BIN / "lint-imports")]),
        run("quality: migrations up to date",
            [*MANAGE, "makemigrations", "--check", "--dry-run", "author_certificates"]),
        run("quality: system checks", [*MANAGE, "check", "--fail-level", "WARNING"]),
        pytest("SQLite suite, newest pins (py312)",
               ["-q", "-n", "2", "-m", "not browser and not services", "tests"]),
        run("SQLite suite, Verawood pins (tox)", [str(BIN / "tox"), "-q", "-e", "py312-verawood"]),
        run("MFE widgets (jest; dist/ is the build)", ["make", "--no-print-directory", "test-frontend"]),
        run("Tutor plugin", ["make", "--no-print-directory", "test-tutor"]),
        *service_suites(),
        browser_suite(),
    ]
    return summarise(outcomes)


if __name__ == "__main__":
    sys.exit(main())
