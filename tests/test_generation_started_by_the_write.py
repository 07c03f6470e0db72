"""The request that started a generation is the one whose write did (issue 15, docs/decisions/0105):
the first request's INSERT, a retry's conditional UPDATE of a failed or stalled row. Concurrent
clicks on PostgreSQL and MariaDB: tests/services/test_worker_faults.py."""

from __future__ import annotations

import datetime

import pytest

from author_certificates import api
from author_certificates.models import IssuedCertificate
from tests.learner_side import assign_classic, certificate_api_url, complete, signed_in


@pytest.fixture
def ready(course, classic_en, staff, learner, now, monkeypatch):
    monkeypatch.setattr("author_certificates.tasks.enqueue_generation", lambda issued_id: None)
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return learner


@pytest.mark.django_db
def test_only_the_first_request_and_a_retry_after_a_failure_start_it(ready, course, now):
    first = api.request_certificate_generation(user=ready, training=course, now=now)
    again = api.request_certificate_generation(user=ready, training=course, now=now)
    assert (first.started, again.started) == (True, False)
    assert again.issued.pk == first.issued.pk

    IssuedCertificate.objects.filter(pk=first.issued.pk).update(state="failed", failure_code="storage", error="x")
    retry = api.request_certificate_generation(user=ready, training=course, now=now)
    after = api.request_certificate_generation(user=ready, training=course, now=now)
    assert (retry.started, after.started) == (True, False)
    assert retry.issued.state == "generating" and retry.issued.failure_code == ""


@pytest.mark.django_db
def test_a_stalled_generation_is_restarted_once(ready, course, now):
    first = api.request_certificate_generation(user=ready, training=course, now=now)
    later = now + datetime.timedelta(seconds=901)
    restarted = api.request_certificate_generation(user=ready, training=course, now=later)
    assert restarted.started is True and restarted.issued.requested_at == later
    assert api.request_certificate_generation(user=ready, training=course, now=later).started is False
    assert IssuedCertificate.objects.get(pk=first.issued.pk).requested_at == later


@pytest.mark.django_db
def test_the_rest_post_answers_202_from_the_write(ready, course):
    client = signed_in(ready)
    url = certificate_api_url(course.key)
    assert [client.post(url).status_code for _ in range(3)] == [202, 200, 200]
