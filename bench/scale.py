"""The progress report, its CSV, the ZIP export and Learning Records at scale (issue 13 items 1-4)."""

from __future__ import annotations

from .figures import Figure, not_measurable, section


def measure(counts, env_vars, work, progress) -> list[Figure]:
    why = "not yet in main"
    return [
        section(f"progress report: {counts.report_learners} completed learners, 30% generated"),
        not_measurable("first page", "<= 150 ms", why),
    ]
