"""Generations lost with a killed worker are queued again by a sweep (a Celery beat entry, or
`manage.py requeue_stalled_certificates` for hosts without beat); past the generation timeout
they are marked failed, so learners can try again (issue 15, docs/decisions/0107)."""

from __future__ import annotations

import datetime
import io
import types

import pytest
from django.core.management import CommandError, call_command

from author_certificates import api, jobs, tasks
from author_certificates.models import IssuedCertificate
from author_certificates.settings import common
from tests.learner_side import assign_classic, complete


@pytest.fixture
def queued(monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(tasks, "enqueue_generation", sent.append)
    return sent


def _requested(user, course, now, *, seconds_ago: int) -> IssuedCertificate:
    issued = api.request_certificate(user=user, training=course, now=now - datetime.timedelta(seconds=seconds_ago))
    return IssuedCertificate.objects.get(pk=issued.pk)


@pytest.fixture
def rows(course, classic_en, staff, make_user, now, queued, django_capture_on_commit_callbacks):
    """Three learners' generations, requested 10 s, 6 min and 20 min before ``now``."""
    assign_classic(course, classic_en, staff, now)
    made = {}
    for name, seconds in (("fresh", 10), ("stalled", 360), ("lost", 1200)):
        user = make_user(name)
        complete(user, course, now - datetime.timedelta(days=1))
        made[name] = _requested(user, course, now, seconds_ago=seconds)
    queued.clear()  # what the requests themselves queued
    return made


@pytest.mark.django_db
def test_the_sweep_queues_stalled_generations_and_fails_those_past_the_timeout(rows, queued, now):
    outcome = api.requeue_stalled_generations(now=now)

    assert outcome.requeued == queued == [rows["stalled"].pk]
    assert outcome.failed == 1
    lost = IssuedCertificate.objects.get(pk=rows["lost"].pk)
    assert (lost.state, lost.failure_code) == ("failed", "stalled")
    assert "900 s" in lost.error
    assert IssuedCertificate.objects.get(pk=rows["fresh"].pk).state == "generating"


@pytest.mark.django_db
def test_the_sweep_follows_its_setting(rows, queued, now, settings):
    settings.AUTHOR_CERTIFICATES_REQUEUE_STALLED_AFTER_SECONDS = 5
    api.requeue_stalled_generations(now=now)
    assert sorted(queued) == sorted([rows["fresh"].pk, rows["stalled"].pk])


@pytest.mark.django_db
def test_the_management_command_runs_the_sweep(rows, queued, now, monkeypatch):
    monkeypatch.setattr("author_certificates.api.issuing.now_or", lambda moment: moment or now)
    out = io.StringIO()
    call_command("requeue_stalled_certificates", stdout=out)
    assert queued == [rows["stalled"].pk]
    assert out.getvalue().strip() == (
        "Queued 1 stalled generation(s) again; marked 1 generation(s) past the timeout as failed.")
    with pytest.raises(CommandError, match="--limit must be at least 1"):
        call_command("requeue_stalled_certificates", "--limit", "0")


@pytest.mark.django_db
def test_the_beat_task_runs_the_sweep(rows, queued, now, monkeypatch):
    monkeypatch.setattr("author_certificates.api.issuing.now_or", lambda moment: moment or now)
    assert jobs.requeue_stalled_certificates.apply().get() == 1
    assert jobs.requeue_stalled_certificates.name == common.REQUEUE_STALLED_TASK


def test_open_edx_gets_the_beat_entry_on_the_generation_queue_and_keeps_its_own():
    host = types.SimpleNamespace(CELERYBEAT_SCHEDULE={"theirs": {"task": "x", "schedule": 5.0}})
    common.plugin_settings(host)
    entry = host.CELERYBEAT_SCHEDULE["author-certificates-requeue-stalled"]
    assert entry == {"task": "author_certificates.requeue_stalled_certificates", "schedule": 60.0,
                     "options": {"queue": "edx.lms.core.default", "expires": 60.0}}
    assert host.CELERYBEAT_SCHEDULE["theirs"] == {"task": "x", "schedule": 5.0}

    overridden = types.SimpleNamespace(CELERYBEAT_SCHEDULE={"author-certificates-requeue-stalled": {"task": "mine"}})
    common.plugin_settings(overridden)
    assert overridden.CELERYBEAT_SCHEDULE["author-certificates-requeue-stalled"] == {"task": "mine"}


def test_the_task_is_rejected_with_requeue_when_its_worker_is_lost():
    task = tasks.generate_certificate_task
    assert task.acks_late is True and task.reject_on_worker_lost is True
