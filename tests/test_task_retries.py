"""The Celery task: retried with backoff on transient storage errors, `failed` once retries are
exhausted, queued on the configured queue; and the in-process runner of the embedded mode,
which follows the same policy without Celery's eager call."""

import pytest
from kombu.exceptions import OperationalError as BrokerUnreachable

from author_certificates import api, storage, tasks
from author_certificates.models import IssuedCertificate
from author_certificates.tasks import enqueue_generation, generate_certificate_task

from .celery_settings import celery_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def requested(course, classic_en, staff, learner, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    return api.request_certificate(user=learner, training=course, now=now)


@pytest.fixture
def with_broker():
    """Celery configured with a broker (production): tasks are queued, not run in-process."""
    with celery_settings(generate_certificate_task.app, task_always_eager=False):
        yield


@pytest.fixture
def flaky_storage(monkeypatch):
    """save_pdf fails with a network error the first `failures` times, then stores normally."""
    real_save = storage.save_pdf
    calls = []

    def install(failures):
        def save(**kwargs):
            calls.append(kwargs["name"])
            if len(calls) <= failures:
                raise ConnectionResetError("connection reset by the object store")
            return real_save(**kwargs)

        monkeypatch.setattr(storage, "save_pdf", save)
        return calls

    return install


def test_the_task_is_acknowledged_late_and_retried_five_times():
    assert generate_certificate_task.acks_late is True
    assert generate_certificate_task.max_retries == 5
    assert generate_certificate_task.name == "author_certificates.generate_certificate"


def test_a_transient_storage_error_is_retried_then_succeeds(requested, flaky_storage, certificate_files):
    calls = flaky_storage(failures=1)

    assert generate_certificate_task.apply(args=[requested.pk]).get() == "generated"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert len(calls) == 2 and row.state == "generated"
    assert certificate_files() == [row.file]


def test_exhausted_retries_leave_the_certificate_failed_not_generating(
        requested, flaky_storage, certificate_files, monkeypatch, learner, course):
    calls = flaky_storage(failures=100)
    backoffs = []
    real_backoff = tasks.get_exponential_backoff_interval
    monkeypatch.setattr(tasks, "get_exponential_backoff_interval",
                        lambda **kwargs: backoffs.append(kwargs) or real_backoff(**kwargs))

    assert generate_certificate_task.apply(args=[requested.pk]).get() == "failed"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert len(calls) == 6, "the first attempt and five retries"
    assert [backoff["retries"] for backoff in backoffs] == [0, 1, 2, 3, 4]
    assert all(backoff["factor"] == 5 and backoff["maximum"] == 300 for backoff in backoffs)
    assert row.state == "failed" and "Gave up after 6 attempts" in row.error
    assert "connection reset by the object store" in row.error
    assert certificate_files() == []
    assert api.get_certificate_status(user=learner, training=course).can_generate


def test_a_task_for_a_deleted_certificate_ends_quietly():
    assert generate_certificate_task.apply(args=[987654]).get() == "missing"


@pytest.mark.parametrize("queue, expected", [("certificates", {"queue": "certificates"}), (None, {})])
def test_the_task_goes_to_the_configured_queue(settings, monkeypatch, with_broker, queue, expected):
    settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = queue
    sent = []
    monkeypatch.setattr(generate_certificate_task, "apply_async", lambda **kwargs: sent.append(kwargs))

    enqueue_generation(42)

    # Published on a connection of its own (with the publish timeouts), without publish retries.
    [options] = sent
    assert options.pop("connection") is not None and options.pop("retry") is False
    assert options == {"args": [42], **expected}


def test_an_unreachable_broker_marks_the_certificate_failed(requested, monkeypatch, with_broker):
    def broker_down(**kwargs):
        raise BrokerUnreachable("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(generate_certificate_task, "apply_async", broker_down)
    enqueue_generation(requested.pk)

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert row.state == "failed" and "Could not queue the generation" in row.error
    assert row.failure_code == "queue"


# --- the embedded mode: CELERY_TASK_ALWAYS_EAGER, no broker --------------------------------------

def test_in_process_the_generation_runs_after_commit_without_queueing_a_task(
        course, classic_en, staff, learner, now, monkeypatch, django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    monkeypatch.setattr(generate_certificate_task, "apply_async",
                        lambda **kwargs: pytest.fail("nothing is queued when tasks run in-process"))

    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=now)
        assert IssuedCertificate.objects.get(pk=issued.pk).state == "generating", "not before commit"

    assert tasks.runs_in_process()
    assert IssuedCertificate.objects.get(pk=issued.pk).state == "generated"


def test_in_process_a_transient_storage_error_is_retried_at_once(requested, flaky_storage, certificate_files):
    calls = flaky_storage(failures=2)

    assert tasks.generate_in_process(requested.pk) == "generated"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert len(calls) == 3 and row.state == "generated"
    assert certificate_files() == [row.file]


def test_in_process_exhausted_retries_leave_the_certificate_failed(requested, flaky_storage, certificate_files):
    calls = flaky_storage(failures=100)

    assert tasks.generate_in_process(requested.pk) == "failed"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert len(calls) == 6, "the first attempt and five retries, as the task"
    assert row.state == "failed" and "Gave up after 6 attempts" in row.error
    assert "connection reset by the object store" in row.error
    assert certificate_files() == []


def test_in_process_an_unexpected_error_is_recorded_not_raised(requested, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("the cache server is on fire")

    monkeypatch.setattr(tasks, "generate_certificate", broken)

    assert tasks.generate_in_process(requested.pk) == "failed"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert row.state == "failed" and row.error == "RuntimeError: the cache server is on fire"
    assert "failed unexpectedly" in caplog.text


def test_in_process_a_deleted_certificate_ends_quietly():
    assert tasks.generate_in_process(987654) == "missing"


def test_a_soft_time_limit_during_the_render_is_recorded_as_failed(requested, monkeypatch, certificate_files):
    from billiard.exceptions import SoftTimeLimitExceeded

    from author_certificates import generation

    def too_slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(generation, "render_pdf", too_slow)

    assert generate_certificate_task.apply(args=[requested.pk]).get() == "failed"

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert row.state == "failed" and "SoftTimeLimitExceeded" in row.error
    assert certificate_files() == []
