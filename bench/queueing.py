"""Ask for certificates as learners do, and wait until the worker has generated them."""

from __future__ import annotations

import time
from dataclasses import dataclass

POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 120


class GenerationIncomplete(RuntimeError):
    """A certificate failed, or the worker did not generate them all in time."""


@dataclass(frozen=True)
class Batch:
    """Certificates asked for one after the other, each click its own committed request."""

    ids: list[int]
    request_seconds: list[float]  # each request: the click's work, its durable commit, the publish
    first_queued: float  # perf_counter() when the first request had queued its task


def request_each(users, training) -> Batch:
    """One request_certificate per learner, each in its own transaction (as each click is)."""
    from author_certificates import api

    ids, seconds, first_queued = [], [], 0.0
    for user in users:
        started = time.perf_counter()
        issued = api.request_certificate(user=user, training=training)
        ended = time.perf_counter()
        seconds.append(ended - started)
        first_queued = first_queued or ended
        ids.append(issued.pk)
    return Batch(ids, seconds, first_queued)


def request_together(requests) -> tuple[list[int], float]:
    """(learner, training) requests in one transaction: every task is published at its commit, at once.

    For throughput: the worker pool finds a full queue and the bench process stays out of its way.
    Returns the ids and the perf_counter() right before the commit.
    """
    from django.db import transaction

    from author_certificates import api

    with transaction.atomic():
        ids = [api.request_certificate(user=user, training=training).pk for user, training in requests]
        committing = time.perf_counter()
    return ids, committing


def wait_generated(ids: list[int], *, timeout: float = TIMEOUT_SECONDS) -> float:
    """Wait until none of ``ids`` is `generating`; return perf_counter() when that was seen.

    Raises GenerationIncomplete if one failed or the timeout passed.
    """
    from author_certificates.models import IssuedCertificate

    rows = IssuedCertificate.objects.filter(pk__in=ids)
    deadline = time.monotonic() + timeout + len(ids)
    while rows.filter(state="generating").exists():
        if time.monotonic() > deadline:
            raise GenerationIncomplete(f"{rows.filter(state='generating').count()} of {len(ids)} certificates "
                                       f"still generating after {timeout + len(ids):.0f} s")
        time.sleep(POLL_SECONDS)
    done = time.perf_counter()
    failed = list(rows.exclude(state="generated").values_list("error", flat=True)[:3])
    if failed:
        raise GenerationIncomplete(f"certificates failed: {failed}")
    return done
