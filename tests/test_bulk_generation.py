"""Bulk generation: "Generate for every completed learner" asks for each learner's certificate as
their own click would, in chunks; it is idempotent (a second start, a chunk run twice, a learner
who already generated: nothing is generated twice), interruptible (cancel stops before the next
chunk; a new run carries on), permission-checked and recorded (who, when)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from author_certificates import api, jobs, tasks
from author_certificates.exceptions import NothingAssigned, PermissionDenied
from author_certificates.generation import generate_certificate
from author_certificates.models import BulkGeneration, IssuedCertificate
from tests.report_data import add_learners

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(course, classic_en, staff, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    return course


@pytest.fixture
def on_a_worker(monkeypatch):
    """Tasks go to a broker (not run in-process): record the chunks and generations queued instead."""
    queued = {"chunks": [], "generations": []}
    monkeypatch.setattr(tasks, "runs_in_process", lambda: False)
    monkeypatch.setattr(tasks, "enqueue_bulk_chunk", queued["chunks"].append)
    monkeypatch.setattr(tasks, "enqueue_generation", queued["generations"].append)
    return queued


def test_every_completed_learner_gets_one_certificate(assigned, staff, now, classic_en,
                                                      django_capture_on_commit_callbacks):
    users = add_learners(assigned, count=5, completed_at=now)
    early = api.request_certificate(user=users[0], training=assigned, now=now)
    early = generate_certificate(issued_certificate_id=early.pk, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        run, started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    assert started
    run.refresh_from_db()
    assert (run.state, run.total, run.processed, run.started, run.skipped, run.refused) == (
        "finished", 5, 5, 4, 1, 0)
    assert run.requested_by == staff and run.requested_at == now and run.finished_at is not None
    issued = {row.user_id: row for row in IssuedCertificate.objects.filter(training=assigned)}
    assert len(issued) == 5 and {row.state for row in issued.values()} == {"generated"}
    assert (issued[users[0].pk].generated_at, issued[users[0].pk].sha256) == (early.generated_at, early.sha256)


def test_starting_again_while_running_returns_the_same_run(assigned, staff, now, on_a_worker,
                                                            django_capture_on_commit_callbacks):
    add_learners(assigned, count=3, completed_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        first, started = api.start_bulk_generation(user=staff, training=assigned, now=now)
        again, started_again = api.start_bulk_generation(user=staff, training=assigned, now=now)
    assert started and not started_again and again.pk == first.pk
    assert on_a_worker["chunks"] == [first.pk] and BulkGeneration.objects.count() == 1


def test_a_chunk_delivered_twice_generates_nothing_twice(assigned, staff, now, on_a_worker,
                                                         django_capture_on_commit_callbacks):
    users = add_learners(assigned, count=3, completed_at=now)
    run, _started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        assert api.run_bulk_generation_chunk(bulk_generation_id=run.pk, now=now, chunk_size=10) is False
    requested = dict(IssuedCertificate.objects.values_list("user_id", "requested_at"))
    assert set(requested) == {user.pk for user in users}
    BulkGeneration.objects.filter(pk=run.pk).update(state="running", last_completion_id=0)  # a redelivery
    later = now + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        api.run_bulk_generation_chunk(bulk_generation_id=run.pk, now=later, chunk_size=10)
    assert dict(IssuedCertificate.objects.values_list("user_id", "requested_at")) == requested
    run.refresh_from_db()
    assert (run.started, run.skipped) == (3, 3) and len(on_a_worker["generations"]) == 3


def test_cancel_stops_before_the_next_chunk_and_a_new_run_carries_on(assigned, staff, make_user, now, on_a_worker,
                                                                     django_capture_on_commit_callbacks):
    users = add_learners(assigned, count=5, completed_at=now)
    run, _started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        assert api.run_bulk_generation_chunk(bulk_generation_id=run.pk, now=now, chunk_size=2) is True
    assert on_a_worker["chunks"] == [run.pk]  # the next chunk queued itself
    stopped = api.cancel_bulk_generation(user=staff, training=assigned, bulk_generation=run.uuid, now=now)
    assert (stopped.state, stopped.cancelled_by, stopped.cancelled_at) == ("cancelled", staff, now)
    assert api.run_bulk_generation_chunk(bulk_generation_id=run.pk, now=now, chunk_size=2) is False
    assert set(IssuedCertificate.objects.values_list("user_id", flat=True)) == {users[0].pk, users[1].pk}
    again, started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    assert started and again.pk != run.pk
    while api.run_bulk_generation_chunk(bulk_generation_id=again.pk, now=now, chunk_size=2):
        pass
    again.refresh_from_db()
    assert (again.state, again.processed, again.started, again.skipped) == ("finished", 5, 3, 2)
    assert IssuedCertificate.objects.count() == 5


def test_learners_who_cannot_get_one_are_counted_not_fatal(assigned, staff, now, on_a_worker):
    users = add_learners(assigned, count=3, completed_at=now)
    users[1].is_active = False
    users[1].save()
    run, _started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    api.run_bulk_generation_chunk(bulk_generation_id=run.pk, now=now)
    run.refresh_from_db()
    assert (run.state, run.started, run.refused) == ("finished", 2, 1)


def test_only_admins_and_trainers_start_and_stop(assigned, staff, trainer, inspector, now, on_a_worker):
    with pytest.raises(PermissionDenied):
        api.start_bulk_generation(user=inspector, training=assigned, now=now)
    run, _started = api.start_bulk_generation(user=trainer, training=assigned, now=now)
    with pytest.raises(PermissionDenied):
        api.cancel_bulk_generation(user=inspector, training=assigned, bulk_generation=run.uuid, now=now)
    assert api.get_bulk_generation(viewer=inspector, training=assigned, bulk_generation=run.uuid) == run


def test_nothing_assigned_is_refused(course, staff, now):
    with pytest.raises(NothingAssigned):
        api.start_bulk_generation(user=staff, training=course, now=now)
    assert not BulkGeneration.objects.exists()


def test_the_chunk_task_is_sent_by_name_and_runs_the_chunk(assigned, staff, now, monkeypatch, settings):
    settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = "certificates"
    sent = []
    monkeypatch.setattr(tasks.generate_certificate_task.app, "send_task",
                        lambda name, args, **options: sent.append((name, args, options)))
    tasks.enqueue_bulk_chunk(42)
    [(name, args, options)] = sent
    assert options.pop("connection") is not None and options.pop("retry") is False
    assert (name, args, options) == ("author_certificates.bulk_generation_chunk", [42], {"queue": "certificates"})
    assert jobs.bulk_generation_chunk.name == tasks.BULK_CHUNK_TASK
    add_learners(assigned, count=2, completed_at=now)
    monkeypatch.setattr(tasks, "runs_in_process", lambda: False)
    monkeypatch.setattr(tasks, "enqueue_generation", lambda issued_id: None)
    run, _started = api.start_bulk_generation(user=staff, training=assigned, now=now)
    assert jobs.bulk_generation_chunk.apply(args=[run.pk]).get() is False
    run.refresh_from_db()
    assert (run.state, run.started) == ("finished", 2)


def bulk_url(name, course, **kwargs):
    return reverse(f"author_certificates:{name}", kwargs={"training_key": course.key, **kwargs})


def test_page_starts_shows_progress_and_stops(client, assigned, trainer, now, on_a_worker):
    add_learners(assigned, count=3, completed_at=now)
    client.force_login(trainer)
    response = client.post(bulk_url("bulk-generation-start", assigned))
    report = bulk_url("progress-report", assigned)
    assert response.status_code == 302 and response["Location"] == f"{report}#bulk-actions"
    run = BulkGeneration.objects.get()
    body = client.get(report).content.decode()
    assert "0 of 3 learners processed" in body and "Stop generating" in body
    assert "Generate for every completed learner" not in body  # one run at a time
    client.post(bulk_url("bulk-generation-cancel", assigned, uuid=run.uuid))
    run.refresh_from_db()
    assert run.state == "cancelled" and run.cancelled_by == trainer
    body = client.get(report).content.decode()
    assert "Cancelled" in body and "stopped by trainer" in body and "Generate for every completed learner" in body


def test_page_refuses_inspectors_and_hides_it_from_others(client, assigned, inspector, learner, now):
    client.force_login(inspector)
    body = client.get(bulk_url("progress-report", assigned)).content.decode()
    assert "Generate for every completed learner" not in body and "Download all certificates (ZIP)" in body
    assert client.post(bulk_url("bulk-generation-start", assigned)).status_code == 403
    client.force_login(learner)
    assert client.post(bulk_url("bulk-generation-start", assigned)).status_code == 404


def test_rest_start_list_progress_and_cancel(client, assigned, staff, inspector, now, on_a_worker):
    add_learners(assigned, count=2, completed_at=now)
    client.force_login(staff)
    url = bulk_url("api_bulk_generations", assigned)
    created = client.post(url)
    assert created.status_code == 202
    body = created.json()
    assert (body["state"], body["total"], body["processed"], body["requested_by"]) == ("running", 2, 0, "staff")
    assert client.post(url).status_code == 200  # the same run
    assert [run["uuid"] for run in client.get(url).json()["results"]] == [body["uuid"]]
    one = bulk_url("api_bulk_generation", assigned, uuid=body["uuid"])
    client.force_login(inspector)
    assert client.get(one).json()["uuid"] == body["uuid"]
    assert client.post(bulk_url("api_bulk_generation_cancel", assigned, uuid=body["uuid"])).status_code == 403
    client.force_login(staff)
    cancelled = client.post(bulk_url("api_bulk_generation_cancel", assigned, uuid=body["uuid"])).json()
    assert cancelled["state"] == "cancelled" and cancelled["cancelled_by"] == "staff"


def test_rest_nothing_assigned_is_409(client, course, staff):
    client.force_login(staff)
    response = client.post(bulk_url("api_bulk_generations", course))
    assert response.status_code == 409 and response.json()["code"] == "nothing_assigned"
