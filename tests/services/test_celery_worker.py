"""A real Celery worker on Redis generates what a committed request queued (R11), and two
deliveries of one task racing in two worker processes record one file (R8).

Run by tests/tools/run_service_suites.py with AC_TEST_DATABASE=postgresql: the worker is a
separate process, so it must see committed rows of the very database pytest-django created.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection
from pypdf import PdfReader

from author_certificates import api
from author_certificates.models import IssuedCertificate
from author_certificates.tasks import enqueue_generation
from tests.celery_settings import celery_settings
from tests.host.celery_app import app as celery_app
from tests.services.faults import wait_for
from tests.tools.suites import reachable

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
# Two checkouts testing at once each take their own Redis database (AC_TEST_REDIS_DB).
REDIS_URL = f"redis://127.0.0.1:6379/{os.environ.get('AC_TEST_REDIS_DB', '13')}"
WORKER_START_TIMEOUT = 60
GENERATION_TIMEOUT = 60
WORKER_STOP_TIMEOUT = 20


@dataclass(frozen=True)
class Worker:
    certificates: Path  # where the worker stores PDFs
    log: Path

    def tasks_finished(self) -> int:
        lines = self.log.read_text(errors="replace").splitlines()
        return sum("author_certificates.generate_certificate[" in line and "succeeded" in line for line in lines)


@pytest.fixture
def worker(settings, tmp_path, django_db_blocker):
    """A `celery worker` subprocess (prefork, 2 processes) on its own queue, against the test database."""
    if connection.vendor == "sqlite" or not reachable(6379):
        pytest.skip("needs PostgreSQL or MariaDB (AC_TEST_DATABASE) and Redis on 127.0.0.1:6379")
    queue = f"author-certificates-test-{uuid.uuid4().hex[:8]}"
    var_dir = tmp_path / "var"
    settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = queue
    settings.STORAGES = {**settings.STORAGES, "author_certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(var_dir / "certificates")}}}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.host.settings", "AC_CELERY_EAGER": "0",
           "AC_CELERY_BROKER": REDIS_URL, "AC_DATABASE_NAME": connection.settings_dict["NAME"],
           "AC_TEST_DATABASE": connection.vendor if connection.vendor == "postgresql" else "mysql",
           "AC_VAR_DIR": str(var_dir), "PYTHONPATH": str(ROOT)}
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.host.celery_app:app", "worker", "-Q", queue,
             "--pool=prefork", "--concurrency=2", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--loglevel=INFO", "--hostname", f"{queue}@%h"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    # This test process publishes to the same broker (the host settings make it eager by default).
    with celery_settings(celery_app, task_always_eager=False, broker_url=REDIS_URL):
        celery_app._pool = None  # drop a connection pool made for another broker, if any
        celery_app.amqp._producer_pool = None
        try:
            wait_for(lambda: b"ready." in log_path.read_bytes() or process.poll() is not None,
                      WORKER_START_TIMEOUT, "the worker to start")
            assert process.poll() is None, f"the worker exited early:\n{log_path.read_text()}"
            yield Worker(certificates=var_dir / "certificates", log=log_path)
        finally:
            celery_app._pool = None
            celery_app.amqp._producer_pool = None
            process.send_signal(signal.SIGTERM)  # warm shutdown: finishes the task at hand
            try:
                process.wait(WORKER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
            if process.returncode not in (0, -signal.SIGTERM, -signal.SIGKILL):
                sys.stderr.write(f"celery worker exited with {process.returncode}:\n{log_path.read_text()}\n")


@pytest.fixture
def completed_learner(course, author_version, staff, learner, now):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    return learner


def _settled(pk: int):
    row = IssuedCertificate.objects.get(pk=pk)
    return row if row.state != "generating" else None


def test_a_committed_request_is_generated_by_the_worker(worker, completed_learner, course):
    issued = api.request_certificate(user=completed_learner, training=course)  # commits, then queues
    assert issued.state == "generating"

    row = wait_for(lambda: _settled(issued.pk), GENERATION_TIMEOUT, "the worker to generate the certificate")

    assert row.state == "generated", row.error
    stored = worker.certificates / row.file
    assert stored.is_file()
    text = PdfReader(io.BytesIO(stored.read_bytes())).pages[0].extract_text()
    assert "Ada Lovelace" in text and "Computing 101" in text


def test_two_deliveries_racing_in_two_processes_record_one_file(worker, completed_learner, course):
    issued = api.request_certificate(user=completed_learner, training=course)
    enqueue_generation(issued.pk)  # a duplicate delivery, as a redelivered message would be

    row = wait_for(lambda: _settled(issued.pk), GENERATION_TIMEOUT, "the worker to generate the certificate")
    # The second delivery renders too, then finds the row generated and removes its own file.
    wait_for(lambda: worker.tasks_finished() >= 2, GENERATION_TIMEOUT, "both deliveries to finish")

    assert row.state == "generated", row.error
    stored = sorted(path.relative_to(worker.certificates).as_posix() for path in worker.certificates.rglob("*.pdf"))
    assert stored == [row.file]
    assert IssuedCertificate.objects.get(pk=issued.pk).attempts == 1
