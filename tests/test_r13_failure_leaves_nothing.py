"""R13: a generation that fails leaves nothing half-done; the learner can try again, and the
retry uses what is assigned at that moment."""

import hashlib
import io

import pytest
from django.db import DatabaseError, OperationalError, connections
from pypdf import PdfReader

from author_certificates import api, generation, storage
from author_certificates.exceptions import RenderingFailed
from author_certificates.generation import read_certificate
from author_certificates.models import IssuedCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(course, author_version, staff, learner, now):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)


def _fail_when_recording_the_file(monkeypatch, error):
    """The UPDATE that records a stored file raises ``error``; every other statement runs normally."""
    database = connections["default"]  # the wrapper itself: monkeypatch cannot restore through the proxy
    table, file_column = (database.ops.quote_name(name) for name in (IssuedCertificate._meta.db_table, "file"))

    def fail(execute, sql, params, many, context):
        if sql.startswith(f"UPDATE {table}") and f"{file_column} = " in sql:
            raise error
        return execute(sql, params, many, context)

    monkeypatch.setattr(database, "execute_wrappers", [*database.execute_wrappers, fail])


def _request(learner, course, now, capture):
    with capture(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=now)
    issued.refresh_from_db()
    return issued


def test_r13_a_failed_render_is_recorded_leaves_no_file_and_the_retry_uses_the_new_assignment(
        completed, course, author_version, staff, learner, now, monkeypatch, certificate_files,
        django_capture_on_commit_callbacks):
    def crashing_render(*args, **kwargs):
        raise RenderingFailed("the renderer crashed")

    with monkeypatch.context() as patch:
        patch.setattr(generation, "render_pdf", crashing_render)
        failed = _request(learner, course, now, django_capture_on_commit_callbacks)

    assert failed.state == "failed"
    assert "the renderer crashed" in failed.error
    assert (failed.file, failed.sha256, failed.generated_at) == ("", "", None)
    assert certificate_files() == []
    assert api.get_certificate_status(user=learner, training=course).can_generate

    v2 = api.save_new_version(certificate=author_version.certificate, html=SIMPLE_HTML + "<p>Version two</p>",
                              edited_by=staff, now=now)
    api.assign_certificate(training=course, version=v2, assigned_by=staff, now=now)
    retried = _request(learner, course, now, django_capture_on_commit_callbacks)

    assert retried.pk == failed.pk
    assert retried.state == "generated" and retried.version == v2 and retried.error == ""
    assert certificate_files() == [retried.file]
    pdf = read_certificate(retried)
    assert hashlib.sha256(pdf).hexdigest() == retried.sha256
    assert "Version two" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_r13_a_storage_that_refuses_the_file_leaves_the_row_failed(
        completed, course, learner, now, monkeypatch, certificate_files, django_capture_on_commit_callbacks):
    def refusing_save(**kwargs):
        raise ValueError("bucket policy forbids this name")

    monkeypatch.setattr(storage, "save_pdf", refusing_save)
    issued = _request(learner, course, now, django_capture_on_commit_callbacks)

    assert issued.state == "failed" and "bucket policy forbids this name" in issued.error
    assert issued.file == "" and certificate_files() == []


def test_r13_a_database_error_after_storing_removes_the_stored_file(
        completed, course, learner, now, monkeypatch, certificate_files, django_capture_on_commit_callbacks):
    _fail_when_recording_the_file(monkeypatch, DatabaseError("check constraint violated"))
    issued = _request(learner, course, now, django_capture_on_commit_callbacks)

    assert issued.state == "failed" and "check constraint violated" in issued.error
    assert certificate_files() == [], "the file stored before the failed record was removed"


def test_r13_a_lost_database_connection_after_storing_leaves_it_generating_and_no_file(
        completed, course, learner, now, monkeypatch, certificate_files):
    issued = api.request_certificate(user=learner, training=course, now=now)
    _fail_when_recording_the_file(monkeypatch, OperationalError("server closed the connection unexpectedly"))
    with pytest.raises(generation.TransientGenerationError):
        generation.generate_certificate(issued_certificate_id=issued.pk, now=now)

    issued.refresh_from_db()
    assert issued.state == "generating", "left for the task's retry"
    assert certificate_files() == []
