"""Faults around a real Celery worker (issue 15): a lost reply to the recording UPDATE, a killed
pool process and a killed worker, a hung broker, and 50 concurrent clicks.

Run by tests/tools/run_service_suites.py on PostgreSQL and on MariaDB (AC_TEST_DATABASE), with
Redis (AC_TEST_REDIS_DB). Each test starts its own worker on its own queue.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.db import connections as db_connections
from django.test import Client

from author_certificates import api
from author_certificates.models import IssuedCertificate
from author_certificates.settings.common import beat_schedule
from tests.celery_settings import celery_settings
from tests.host.celery_app import app as celery_app
from tests.learner_side import certificate_api_url
from tests.services.faults import DropReplyProxy, SilentServer, WorkerProcess, wait_for
from tests.tools.suites import reachable

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REDIS_URL = f"redis://127.0.0.1:6379/{os.environ.get('AC_TEST_REDIS_DB', '13')}"
GENERATION_TIMEOUT = 60
# The sweep in these tests: every second, for generations stalled two seconds.
SWEEP_SETTINGS = {"AUTHOR_CERTIFICATES_REQUEUE_STALLED_AFTER_SECONDS": 2,
                  "AUTHOR_CERTIFICATES_REQUEUE_SWEEP_INTERVAL_SECONDS": 1}
PUBLISH_TIMEOUT = 1


class Lab:
    """One test's queue, storage folder and workers, against the test database and Redis."""

    def __init__(self, tmp_path: Path, settings):
        self.queue = f"ac-faults-{uuid.uuid4().hex[:8]}"
        self.var_dir = tmp_path / "var"
        self.certificates = self.var_dir / "certificates"
        self.workers: list[WorkerProcess] = []
        settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = self.queue
        settings.AUTHOR_CERTIFICATES_PUBLISH_TIMEOUT_SECONDS = PUBLISH_TIMEOUT
        settings.STORAGES = {**settings.STORAGES, "author_certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(self.certificates)}}}

    def worker(self, *, hanging_storage: bool = False, **options) -> WorkerProcess:
        settings = {"AUTHOR_CERTIFICATES_RENDER_PROCESSES": 1, "AUTHOR_CERTIFICATES_CELERY_QUEUE": self.queue,
                    **options.pop("settings", {})}
        if hanging_storage:
            settings["STORAGES"] = {
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
                "author_certificates": {"BACKEND": "tests.services.faults.HangingStorage",
                                        "OPTIONS": {"location": str(self.certificates)}}}
        worker = WorkerProcess(var_dir=self.var_dir, queue=self.queue, broker_url=REDIS_URL,
                               database_name=connection.settings_dict["NAME"],
                               vendor="postgresql" if connection.vendor == "postgresql" else "mysql",
                               settings=settings, name=f"worker{len(self.workers) + 1}", **options)
        self.workers.append(worker)
        return worker

    def stored_files(self) -> list[str]:
        return sorted(path.relative_to(self.certificates).as_posix() for path in self.certificates.rglob("*.pdf"))

    def logs(self) -> str:
        return "\n".join(f"--- {worker.name}\n{worker.text()}" for worker in self.workers)

    def settled(self, pk: int):
        row = IssuedCertificate.objects.get(pk=pk)
        return row if row.state != "generating" else None

    def generated(self, pk: int, timeout: float = GENERATION_TIMEOUT) -> IssuedCertificate:
        try:
            row = wait_for(lambda: self.settled(pk), timeout, "the certificate to be generated")
        except AssertionError:
            pytest.fail(f"not generated within {timeout}s:\n{self.logs()}")
        assert row.state == "generated", f"{row.failure_code}: {row.error}\n{self.logs()}"
        assert (self.certificates / row.file).is_file(), f"generated without its file {row.file}"
        return row


@pytest.fixture
def lab(settings, tmp_path):
    if connection.vendor == "sqlite" or not reachable(6379):
        pytest.skip("needs PostgreSQL or MariaDB (AC_TEST_DATABASE) and Redis on 127.0.0.1:6379")
    lab = Lab(tmp_path, settings)
    with celery_settings(celery_app, task_always_eager=False, broker_url=REDIS_URL):
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        try:
            yield lab
        finally:
            celery_app._pool = None
            celery_app.amqp._producer_pool = None
            for worker in lab.workers:
                worker.stop()


@pytest.fixture
def completed_learner(course, author_version, staff, learner, now):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    return learner


# --- a lost reply to the recording UPDATE ----------------------------------------------------------

@pytest.mark.parametrize("when", ["commit", "update"])
def test_a_lost_reply_to_the_recording_never_leaves_generated_without_its_file(
        lab, completed_learner, course, when):
    """commit: the UPDATE committed but its reply was lost: the worker reads the row again on a new
    connection, finds its file recorded and keeps it. update: the connection broke before the
    COMMIT: nothing was recorded, the worker removes its file and the retry generates it."""
    database_port = int(connection.settings_dict["PORT"])
    proxy = DropReplyProxy(database_port, when=when)
    try:
        worker = lab.worker(database_port=proxy.port)
        issued = api.request_certificate(user=completed_learner, training=course)

        row = lab.generated(issued.pk)
        assert proxy.fired.is_set(), "the proxy never saw the recording UPDATE"
        wait_for(lambda: "generate_certificate[" in worker.text() and "succeeded in" in worker.text(),
                 GENERATION_TIMEOUT, "the task to end")
    finally:
        proxy.close()
    assert lab.stored_files() == [row.file], "one file, the recorded one"
    if when == "commit":
        assert "the reply to its recording was lost" in lab.logs()
        assert row.attempts == 1
    else:
        assert "Retry in" in lab.logs()  # the transient failure was retried by Celery


# --- killed pool process, killed worker: recovered without a click --------------------------------

def _generation_hangs(lab) -> Path:
    lab.var_dir.mkdir(parents=True, exist_ok=True)
    marker = lab.var_dir / "hang"
    marker.write_text("")
    return marker


def test_a_killed_pool_process_s_generation_is_delivered_again(lab, completed_learner, course):
    marker = _generation_hangs(lab)
    worker = lab.worker(hanging_storage=True)
    issued = api.request_certificate(user=completed_learner, training=course)
    pid = int(wait_for(lambda: (lab.var_dir / "saving.pid").exists() and (lab.var_dir / "saving.pid").read_text(),
                       GENERATION_TIMEOUT, "the generation to reach the storage"))
    assert pid != worker.process.pid

    os.kill(pid, signal.SIGKILL)  # the pool process dies mid-task, as under the OOM killer
    marker.unlink()
    killed_at = time.monotonic()

    row = lab.generated(issued.pk, timeout=30)
    assert time.monotonic() - killed_at < 30
    assert "WorkerLostError" in worker.text()
    assert lab.stored_files() == [row.file]


def test_a_killed_worker_s_generation_is_queued_again_by_the_sweep(lab, completed_learner, course):
    marker = _generation_hangs(lab)
    first = lab.worker(hanging_storage=True)
    issued = api.request_certificate(user=completed_learner, training=course)
    wait_for(lambda: (lab.var_dir / "saving.pid").exists(), GENERATION_TIMEOUT, "the generation to reach the storage")

    first.kill_everything()  # the message stays unacknowledged in Redis (visibility_timeout: 1 hour)
    marker.unlink()
    assert IssuedCertificate.objects.get(pk=issued.pk).state == "generating"

    # A new worker with Celery beat and the plugin's beat entry (every second, stalled after 2 s).
    second = lab.worker(beat=True, settings={
        **SWEEP_SETTINGS, "CELERY_BEAT_SCHEDULE": beat_schedule(1, lab.queue)})
    started_at = time.monotonic()

    row = lab.generated(issued.pk, timeout=30)
    assert time.monotonic() - started_at < 30
    assert "author_certificates.requeue_stalled_certificates" in second.text()
    assert lab.stored_files() == [row.file]
    _forget_unacknowledged()


def _forget_unacknowledged() -> None:
    """Remove the killed worker's unacknowledged message from this checkout's Redis database."""
    import redis

    redis.Redis.from_url(REDIS_URL).delete("unacked", "unacked_index")


def test_the_management_command_queues_a_stalled_generation(lab, completed_learner, course, settings):
    settings.AUTHOR_CERTIFICATES_REQUEUE_STALLED_AFTER_SECONDS = 2
    from django.core.management import call_command

    # A generation whose message was lost: the row says generating, no task exists.
    issued = api.request_certificate(user=completed_learner, training=course)  # no worker listens yet
    _purge(lab.queue)
    IssuedCertificate.objects.filter(pk=issued.pk).update(
        requested_at=IssuedCertificate.objects.get(pk=issued.pk).requested_at - _seconds(5))
    lab.worker()

    call_command("requeue_stalled_certificates")

    lab.generated(issued.pk, timeout=30)


def _seconds(count: int):
    import datetime

    return datetime.timedelta(seconds=count)


def _purge(queue: str) -> None:
    with celery_app.connection_for_write() as broker:
        broker.default_channel.queue_purge(queue)


# --- a hung broker ----------------------------------------------------------------------------------

def test_a_hung_broker_fails_the_request_in_time_and_the_learner_can_try_again(lab, completed_learner, course):
    silent = SilentServer()
    client = Client()
    client.force_login(completed_learner)
    url = certificate_api_url(course.key)
    try:
        with celery_settings(celery_app, broker_url=f"redis://127.0.0.1:{silent.port}/0"):
            started = time.monotonic()
            response = client.post(url)
            elapsed = time.monotonic() - started
    finally:
        silent.close()

    assert elapsed < PUBLISH_TIMEOUT + 2, f"the request took {elapsed:.1f}s"
    body = response.json()
    assert response.status_code == 202, body
    assert body["certificate"]["state"] == "failed" and body["can_generate"] is True
    assert body["certificate"]["error"] == "The certificate service is busy or unreachable. Try again in a few minutes."
    row = IssuedCertificate.objects.get(user=completed_learner, training=course)
    assert row.failure_code == "queue" and "Could not queue the generation" in row.error

    # The broker is back: "Try again" queues it and a worker generates it.
    lab.worker()
    again = client.post(url)
    assert again.status_code == 202, again.json()
    lab.generated(row.pk)


# --- 50 concurrent clicks ---------------------------------------------------------------------------

def test_fifty_concurrent_clicks_get_exactly_one_202(lab, completed_learner, course):
    lab.worker()
    clients = []
    for _ in range(50):
        client = Client()
        client.force_login(completed_learner)
        clients.append(client)
    url = certificate_api_url(course.key)
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []

    def click(client: Client) -> None:
        try:
            barrier.wait()
            statuses.append(client.post(url).status_code)
        finally:
            db_connections.close_all()

    threads = [threading.Thread(target=click, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(statuses) == [200] * 49 + [202]
    assert IssuedCertificate.objects.filter(user=completed_learner, training=course).count() == 1
    row = lab.generated(IssuedCertificate.objects.get(user=completed_learner, training=course).pk)
    assert lab.stored_files() == [row.file]
