"""R8: generated once, on the first request, pinned; every later open returns the same PDF byte for byte."""

import pytest

from author_certificates import api
from author_certificates.generation import read_certificate
from author_certificates.models import IssuedCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r8_first_request_pins_and_later_assignments_change_nothing(
    course, author_version, classic_en, staff, learner, now, django_capture_on_commit_callbacks
):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = api.request_certificate(user=learner, training=course, now=now)
    assert len(callbacks) == 1, "exactly one generation is queued"
    first.refresh_from_db()
    assert first.state == "generated" and first.version == author_version
    pdf = read_certificate(first)

    v2 = api.save_new_version(
        certificate=author_version.certificate, html=SIMPLE_HTML + "<p>v2</p>", edited_by=staff, now=now
    )
    api.assign_certificate(training=course, version=v2, assigned_by=staff, now=now)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = api.request_certificate(user=learner, training=course, now=now)
    assert callbacks == [], "a later request queues nothing"
    assert again.pk == first.pk and again.version == author_version
    assert read_certificate(again) == pdf
    assert IssuedCertificate.objects.count() == 1


def test_r8_the_pdf_names_the_learner_and_the_training(
    course, author_version, staff, learner, now, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=now)
    issued.refresh_from_db()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(read_certificate(issued))).pages)
    assert "Ada Lovelace" in text and "Computing 101" in text
