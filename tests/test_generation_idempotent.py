"""Generation is idempotent: a repeated task does nothing, and two racing attempts record one file."""

import hashlib

import pytest

from author_certificates import api, generation, storage
from author_certificates.models import IssuedCertificate
from author_certificates.tasks import generate_certificate_task
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


@pytest.fixture
def requested(course, author_version, staff, learner, now):
    """A certificate requested (state `generating`) whose task has not run yet."""
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    return api.request_certificate(user=learner, training=course, now=now)


def _no_render(*args, **kwargs):
    raise AssertionError("a generated or failed certificate must not be rendered again")


def test_a_second_task_run_on_a_generated_row_does_nothing(requested, now, monkeypatch, certificate_files,
                                                            django_assert_num_queries):
    first = generation.generate_certificate(issued_certificate_id=requested.pk, now=now)
    files_before = certificate_files()
    monkeypatch.setattr(generation, "render_pdf", _no_render)

    with django_assert_num_queries(1):  # reads the row, sees it generated, stops
        outcome = generate_certificate_task.apply(args=[requested.pk]).get()

    after = IssuedCertificate.objects.get(pk=requested.pk)
    assert outcome == "generated"
    assert (after.file, after.sha256, after.generated_at, after.attempts) == (
        first.file, first.sha256, first.generated_at, 1)
    assert certificate_files() == files_before == [first.file]


def test_a_task_for_a_failed_row_waits_for_the_learner_to_ask_again(requested, monkeypatch, certificate_files):
    IssuedCertificate.objects.filter(pk=requested.pk).update(state="failed", error="earlier failure")
    monkeypatch.setattr(generation, "render_pdf", _no_render)

    assert generate_certificate_task.apply(args=[requested.pk]).get() == "failed"
    assert IssuedCertificate.objects.get(pk=requested.pk).error == "earlier failure"
    assert certificate_files() == []


def test_two_racing_generations_of_one_row_record_one_file(requested, now, monkeypatch, certificate_files):
    """Worker A renders; while it stores, worker B generates the same row from start to end.
    A must find the row generated, keep B's file and remove its own."""
    real_save = storage.save_pdf
    inner_results = []

    def save_while_another_worker_finishes(**kwargs):
        if not inner_results:
            inner_results.append(None)  # worker B itself stores normally
            inner_results[0] = generation.generate_certificate(issued_certificate_id=requested.pk, now=now)
        return real_save(**kwargs)

    monkeypatch.setattr(storage, "save_pdf", save_while_another_worker_finishes)
    outer = generation.generate_certificate(issued_certificate_id=requested.pk, now=now)

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert row.state == "generated" and row.attempts == 1
    assert outer.file == inner_results[0].file == row.file
    assert certificate_files() == [row.file], "the losing attempt removed its own file and nothing else"
    assert hashlib.sha256(generation.read_certificate(row)).hexdigest() == row.sha256


def test_an_attempt_overtaken_by_a_retry_on_a_new_assignment_records_nothing(
        requested, author_version, course, staff, learner, now, monkeypatch, certificate_files):
    """A slow attempt renders version 1; meanwhile it is marked failed and the learner's retry
    pins version 2. The slow attempt must not record version 1 onto the re-pinned row."""
    v2 = api.save_new_version(certificate=author_version.certificate, html=SIMPLE_HTML + "<p>v2</p>",
                              edited_by=staff, now=now)
    real_save = storage.save_pdf

    def save_after_a_retry_re_pinned_the_row(**kwargs):
        IssuedCertificate.objects.filter(pk=requested.pk).update(state="failed", error="lost worker")
        api.assign_certificate(training=course, version=v2, assigned_by=staff, now=now)
        api.request_certificate(user=learner, training=course, now=now.replace(minute=45))
        return real_save(**kwargs)

    monkeypatch.setattr(storage, "save_pdf", save_after_a_retry_re_pinned_the_row)
    generation.generate_certificate(issued_certificate_id=requested.pk, now=now)

    row = IssuedCertificate.objects.get(pk=requested.pk)
    assert row.state == "generating" and row.version == v2 and row.file == ""
    assert certificate_files() == []
