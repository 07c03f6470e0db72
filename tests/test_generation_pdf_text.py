"""The generated PDF, read back with pypdf, names the learner, the training and both dates."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from author_certificates import api, generation

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '<script>alert(1)</script> & "Ünïcødé"'


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _generate(learner, course, now, *, completed_at, generated_at):
    api.record_completion(user=learner, training=course, completed_at=completed_at)
    issued = api.request_certificate(user=learner, training=course, now=now)
    issued = generation.generate_certificate(issued_certificate_id=issued.pk, now=generated_at)
    return generation.read_certificate(issued)


@pytest.mark.parametrize("design", ["classic", "author"])
def test_the_pdf_names_the_learner_the_training_and_the_dates(
        design, course, classic_en, author_version, staff, learner, now, certificate_files):
    if design == "classic":
        api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    else:
        api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    pdf = _generate(learner, course, now, completed_at=now - datetime.timedelta(days=10),
                    generated_at=now + datetime.timedelta(days=2))

    text = _text(pdf)
    assert "Ada Lovelace" in text
    assert "Computing 101" in text
    assert "March 4, 2026" in text, "completion date"
    assert "March 16, 2026" in text, "generation date"
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_a_hostile_learner_name_is_printed_as_text(course, classic_en, staff, make_user, now, certificate_files):
    learner = make_user("mallory", first_name=HOSTILE_NAME, last_name="")
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    pdf = _generate(learner, course, now, completed_at=now, generated_at=now)

    assert HOSTILE_NAME in _text(pdf)
    issued = api.get_certificate_status(user=learner, training=course).issued
    assert issued.learner_name == HOSTILE_NAME, "the printed name is recorded with the certificate"


def test_the_name_printed_is_the_one_at_first_generation(course, classic_en, staff, learner, now, certificate_files):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    pdf = _generate(learner, course, now, completed_at=now, generated_at=now)
    learner.first_name, learner.last_name = "Augusta Ada", "King"
    learner.save()

    issued = api.get_certificate_status(user=learner, training=course).issued
    assert issued.learner_name == "Ada Lovelace"
    assert generation.read_certificate(issued) == pdf
