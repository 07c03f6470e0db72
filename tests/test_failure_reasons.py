"""A failed generation records a failure code and the error's text: learners read the code's
translated sentence and "Try again", never the text (it can name server paths); staff read both
in the progress report (page, CSV, REST) and the admin (issue 15, docs/decisions/0106)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from author_certificates import api, generation
from author_certificates.exceptions import InvalidDesign, RenderingFailed
from author_certificates.models import FailureCode, IssuedCertificate
from author_certificates.rendering.limits import RenderLimitExceeded, RenderLimits
from tests.learner_side import assign_classic, certificate_api_url, complete, generate_now, records_url, signed_in

SECRET_PATH = "/var/lib/lms/certificates-private/author_certificates/default/ab12.pdf"
STORAGE_SENTENCE = "The certificate could not be saved. Try again in a few minutes."


@pytest.fixture
def storage_refuses(monkeypatch):
    def refuse(*, name, data):
        raise PermissionError(13, "Permission denied", SECRET_PATH)

    monkeypatch.setattr("author_certificates.storage.save_pdf", refuse)


@pytest.fixture
def failed(course, classic_en, staff, learner, now, storage_refuses, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)
    assert (issued.state, issued.failure_code) == ("failed", "storage")
    assert SECRET_PATH in issued.error
    return issued


@pytest.mark.django_db
def test_a_learner_reads_the_sentence_never_the_path(failed, learner, course):
    client = signed_in(learner)
    page = client.get(records_url()).content.decode()
    assert STORAGE_SENTENCE in page and ">Try again</button>" in page
    assert "/var/lib" not in page and "PermissionError" not in page and "Permission denied" not in page

    body = client.get(certificate_api_url(course.key)).json()
    assert body["certificate"]["error"] == STORAGE_SENTENCE
    assert body["messages"]["action"] == "Try again"
    assert "/var/lib" not in str(body) and "PermissionError" not in str(body)


@pytest.mark.django_db
def test_the_xblock_says_the_sentence_never_the_path(failed, learner):
    from tests.test_xblock_author_certificate import call, make_block

    status = call(make_block(learner), "status")[1]
    assert "/var/lib" not in str(status) and "PermissionError" not in str(status)
    assert status["button"] == "Try again" and status["reason"] == STORAGE_SENTENCE


@pytest.mark.django_db
def test_the_sentence_is_translated(failed):
    with translation.override("es"):
        words = api.certificate_words(state="failed", failure_code="storage")
    assert words.reason == "No se pudo guardar el certificado. Vuelve a intentarlo en unos minutos."


@pytest.mark.django_db
def test_staff_read_the_detail_in_the_report_page_csv_and_rest(failed, staff, course, client):
    client.force_login(staff)
    url = reverse("author_certificates:progress-report", kwargs={"training_key": course.key})
    page = client.get(url).content.decode()
    assert STORAGE_SENTENCE in page and SECRET_PATH in page and 'data-failure-code="storage"' in page

    response = client.get(url, {"format": "csv"})
    csv_text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert ",storage," in csv_text and SECRET_PATH in csv_text

    rest = client.get(reverse("author_certificates:api_training_report", kwargs={"training_key": course.key}))
    [row] = rest.json()["results"]
    assert row["failure_code"] == "storage" and SECRET_PATH in row["failure_detail"]


@pytest.mark.django_db
def test_staff_read_the_detail_in_the_admin(failed, make_user, client):
    admin = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get(reverse("admin:author_certificates_issuedcertificate_changelist"))
    assert "The file could not be stored" in listing.content.decode()
    detail = client.get(reverse("admin:author_certificates_issuedcertificate_change", args=[failed.pk]))
    assert SECRET_PATH in detail.content.decode()


@pytest.mark.django_db
def test_a_retry_clears_the_code_and_the_detail(failed, learner, course, now, monkeypatch):
    monkeypatch.setattr("author_certificates.tasks.enqueue_generation", lambda issued_id: None)
    asked = api.request_certificate_generation(user=learner, training=course, now=now)
    assert asked.started is True
    row = IssuedCertificate.objects.get(pk=failed.pk)
    assert (row.state, row.failure_code, row.error) == ("generating", "", "")


@pytest.mark.parametrize("error, code", [
    (RenderLimitExceeded("memory", RenderLimits()), "render_limit"),
    (InvalidDesign("html line 3: unknown placeholder"), "design"),
    (RenderingFailed("rendering the certificate failed"), "design"),
    (KeyError("learner"), "unexpected"),
])
def test_a_render_failure_is_coded_by_its_error(error, code):
    assert generation.render_failure_code(error) == code


def test_every_code_has_a_sentence_of_its_own():
    sentences = {code: api.failure_reason(code=code) for code in FailureCode.values}
    assert len(set(sentences.values())) == len(FailureCode.values)
    assert all(sentence.endswith(".") for sentence in sentences.values())
    assert api.failure_reason(code="") == sentences["stalled"]
    assert api.failure_reason(code="no-such-code") == sentences["unexpected"]
