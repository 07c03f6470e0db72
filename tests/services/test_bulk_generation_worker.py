"""A real Celery worker on Redis runs a bulk generation: the chunk task, sent by name from the API,
is registered on the worker (the app config imports author_certificates.jobs), asks for every
completed learner's certificate and finishes the run."""

from __future__ import annotations

import pytest

from author_certificates import api
from author_certificates.models import BulkGeneration, IssuedCertificate
from tests.report_data import add_learners
from tests.services.faults import wait_for
from tests.services.test_celery_worker import GENERATION_TIMEOUT, worker  # noqa: F401

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_worker_runs_a_bulk_generation_to_the_end(worker, course, author_version, staff, now):  # noqa: F811
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    users = add_learners(course, count=3, completed_at=now)
    run, started = api.start_bulk_generation(user=staff, training=course)  # commits, then queues the chunk
    assert started

    def finished():
        row = BulkGeneration.objects.get(pk=run.pk)
        return row if row.state != "running" else None

    row = wait_for(finished, GENERATION_TIMEOUT, "the worker to run the bulk generation")
    assert (row.state, row.processed, row.started, row.skipped) == ("finished", 3, 3, 0)
    # Each learner's certificate was asked for (the generations themselves go to the queue named
    # in the worker's own settings: test_celery_worker.py proves a worker makes them).
    assert set(IssuedCertificate.objects.values_list("user_id", flat=True)) == {user.pk for user in users}
