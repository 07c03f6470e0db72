"""In CI, a test that needs a browser, a server or a second Python must run: its skip is a failure.

On a laptop those tests skip with the reason (no Chromium, no PostgreSQL, ...); with ``CI=true``
(set by .ci/run) the same skip is reported as a failure, so a green CI run means they ran.
tests/conftest.py installs this hook; tests/test_ci_fails_skipped_suites.py runs it.
"""

from __future__ import annotations

import os

import pytest

MUST_RUN_IN_CI = ("browser", "services", "packaging")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    needs = [marker for marker in MUST_RUN_IN_CI if marker in item.keywords]
    if needs:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"{'/'.join(needs)} test skipped in CI (CI=true), where it must run: {reason}"
