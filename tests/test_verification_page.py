"""Public verification: anyone sees the learner's printed name, the training, the generation date
and whether the certificate is valid, and can check that a PDF is the issued one byte for byte."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from author_certificates import api
from author_certificates.generation import read_certificate
from author_certificates.models import IssuedCertificate
from tests.learner_side import assign_classic, complete, generate_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(course, classic_en, staff, learner, now, django_capture_on_commit_callbacks):
    learner.email = "ada@example.test"
    learner.save()
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)
    # The task stamps the wall clock; pin the generation date so the page's date is predictable.
    IssuedCertificate.objects.filter(pk=issued.pk).update(generated_at=now)
    issued.refresh_from_db()
    return issued


def _page(issued) -> str:
    return f"/author-certificates/verify/{issued.uuid}/"


def _api(issued) -> str:
    return f"/api/author-certificates/v1/verify/{issued.uuid}/"


def test_the_page_shows_what_the_certificate_prints_and_that_it_is_valid(issued, client):
    answer = client.get(_page(issued))
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Ada Lovelace" in page and "Computing 101" in page and "Course" in page
    assert '<time datetime="2026-03-14T09:30:00+00:00">March 14, 2026</time>' in page
    assert 'data-ac-validity="valid"' in page
    assert "learner" not in page.replace("data-ac-learner", ""), "the username is not revealed"
    assert "ada@example.test" not in page
    assert answer["X-Robots-Tag"] == "noindex"
    # Not "no-referrer": browsers would post the upload form with "Origin: null" (a CSRF 403).
    assert answer["Referrer-Policy"] == "same-origin"


def test_an_invalidated_certificate_says_so(issued, client):
    IssuedCertificate.objects.filter(pk=issued.pk).update(
        invalidated_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC), invalidated_reason="fraud")
    page = client.get(_page(issued)).content.decode()
    assert 'data-ac-validity="invalidated"' in page and "invalidated on April 1, 2026" in page
    assert "fraud" not in page
    assert client.get(_api(issued)).json()["valid"] is False


def test_uploading_the_issued_pdf_matches(issued, client):
    pdf = read_certificate(issued)
    answer = client.post(_page(issued), {"file": SimpleUploadedFile("mine.pdf", pdf, "application/pdf")})
    assert answer.status_code == 200 and 'data-ac-match="yes"' in answer.content.decode()


def test_uploading_a_changed_pdf_does_not_match(issued, client):
    changed = read_certificate(issued).replace(b"%PDF", b"%PDF ", 1)
    answer = client.post(_page(issued), {"file": SimpleUploadedFile("mine.pdf", changed, "application/pdf")})
    assert 'data-ac-match="no"' in answer.content.decode()


def test_too_large_an_upload_is_refused(issued, client, monkeypatch):
    monkeypatch.setattr("author_certificates.uploads.MAX_VERIFICATION_UPLOAD_BYTES", 1000)
    answer = client.post(_page(issued), {"file": SimpleUploadedFile("big.pdf", b"x" * 2000, "application/pdf")})
    assert answer.status_code == 413 and "too large" in answer.content.decode()


def test_the_upload_form_needs_its_csrf_token(issued):
    client = Client(enforce_csrf_checks=True)
    answer = client.post(_page(issued), {"file": SimpleUploadedFile("a.pdf", b"%PDF", "application/pdf")})
    assert answer.status_code == 403
    page = client.get(_page(issued)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page and 'enctype="multipart/form-data"' in page


def test_not_generated_and_unknown_are_404(course, classic_en, staff, learner, now, client,
                                           django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    with django_capture_on_commit_callbacks(execute=False):
        generating = api.request_certificate(user=learner, training=course, now=now)
    assert client.get(_page(generating)).status_code == 404
    assert client.get(_api(generating)).status_code == 404
    assert client.get("/author-certificates/verify/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_the_json_twin(issued, client):
    body = client.get(_api(issued)).json()
    assert body == {
        "uuid": str(issued.uuid),
        "learner_name": "Ada Lovelace",
        "training": {"title": "Computing 101", "kind": "course", "kind_label": "Course"},
        "generated_at": "2026-03-14T09:30:00+00:00",
        "valid": True,
        "invalidated_at": None,
        "verify_url": f"http://testserver/author-certificates/verify/{issued.uuid}/",
    }
    pdf = read_certificate(issued)
    checked = client.post(_api(issued), {"file": SimpleUploadedFile("a.pdf", pdf, "application/pdf")})
    assert checked.json()["file_matches"] is True
    checked = client.post(_api(issued), {"file": SimpleUploadedFile("a.pdf", pdf + b"\n", "application/pdf")})
    assert checked.json()["file_matches"] is False


def test_the_qr_code_url_is_this_page(issued):
    from author_certificates.generation import verification_url

    assert verification_url(str(issued.uuid)).endswith(_page(issued))
