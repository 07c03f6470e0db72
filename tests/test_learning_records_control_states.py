"""Each state of the certificate control, on the page and in the API: not completed, unavailable
(no button), available, generating, generated, failed with "Try again" (R7, R11, R13)."""

import re

import pytest

from author_certificates import api
from author_certificates.models import IssuedCertificate
from tests.learner_side import assign_classic, certificate_api_url, complete, generate_now, records_url, signed_in

pytestmark = pytest.mark.django_db


def _control(page: str, training) -> str:
    match = re.search(rf'<li class="ac-record" id="training-{training.pk}">.*?</li>', page, re.S)
    assert match, "the training is not on the page"
    return match.group(0)


def test_not_completed_has_no_record_and_the_api_says_so(course, classic_en, staff, learner, now):
    assign_classic(course, classic_en, staff, now)
    client = signed_in(learner)
    assert f'id="training-{course.pk}"' not in client.get(records_url()).content.decode()
    body = client.get(certificate_api_url(course.key)).json()
    assert body["certificate"]["state"] == "not_completed" and body["can_generate"] is False
    assert body["completed_at"] is None
    assert body["messages"]["action"] == ""


def test_unavailable_shows_no_button(course, learner, now):
    complete(learner, course, now)
    control = _control(signed_in(learner).get(records_url()).content.decode(), course)
    assert 'data-state="unavailable"' in control
    assert "<button" not in control and "btn" not in control
    assert "No certificate is available for this training" in control


def test_available_shows_generate_certificate(course, classic_en, staff, learner, now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    control = _control(signed_in(learner).get(records_url()).content.decode(), course)
    assert 'data-state="available"' in control
    assert re.search(r'<button type="submit" class="btn btn-primary">Generate certificate</button>', control)
    assert 'name="csrfmiddlewaretoken"' in control, "the plain form carries its CSRF token"


def test_generating_shows_the_message_and_no_action(
        course, classic_en, staff, learner, now, django_capture_on_commit_callbacks, pages_read_fixed_now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    with django_capture_on_commit_callbacks(execute=False):
        api.request_certificate(user=learner, training=course, now=now)
    control = _control(signed_in(learner).get(records_url()).content.decode(), course)
    assert 'data-state="generating"' in control
    assert "The certificate is being generated" in control
    assert "data-ac-generate hidden" in control, "the form is kept for the script but hidden"
    assert "Open certificate" not in control


def test_generated_shows_open_certificate(course, classic_en, staff, learner, now, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)
    control = _control(signed_in(learner).get(records_url()).content.decode(), course)
    assert "The certificate has been generated" in control
    assert f'href="/author-certificates/certificates/{issued.uuid}/" data-ac-open>Open certificate</a>' in control
    assert f'href="/author-certificates/certificates/{issued.uuid}/?download=1"' in control
    assert "<form" not in control


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


@pytest.fixture
def failing_renderer(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("the design's background image is unreadable")

    monkeypatch.setattr("author_certificates.generation.render_pdf", explode)


def test_failed_shows_what_happened_and_try_again(
        course, classic_en, staff, learner, now, failing_renderer, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)
    assert issued.state == "failed"
    client = signed_in(learner)
    control = _control(client.get(records_url()).content.decode(), course)
    assert "The certificate could not be generated" in control
    # The learner reads the failure's sentence, never the exception text (staff see that in the report).
    assert "Something went wrong while generating the certificate. Try again." in control
    assert "background image is unreadable" not in control
    assert '<button type="submit" class="btn btn-primary">Try again</button>' in control
    body = client.get(certificate_api_url(course.key)).json()
    assert body["certificate"]["state"] == "failed" and body["can_generate"] is True
    assert body["certificate"]["error"] == "Something went wrong while generating the certificate. Try again."
    assert body["messages"] == {"status": "The certificate could not be generated", "action": "Try again"}


def test_try_again_after_a_failure_generates_it(
        course, classic_en, staff, learner, now, monkeypatch, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    from author_certificates import generation

    real_render = generation.render_pdf
    monkeypatch.setattr(generation, "render_pdf", _boom)
    assert generate_now(learner, course, now, django_capture_on_commit_callbacks).state == "failed"
    monkeypatch.setattr(generation, "render_pdf", real_render)

    client = signed_in(learner)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(certificate_api_url(course.key))
    assert answer.status_code == 202 and answer.json()["certificate"]["state"] == "generating"
    assert client.get(certificate_api_url(course.key)).json()["certificate"]["state"] == "generated"
    assert IssuedCertificate.objects.count() == 1


def test_plain_form_refusal_is_shown_after_the_redirect(course, learner):
    client = signed_in(learner)
    answer = client.post("/author-certificates/learning-records/certificate/",
                         {"training_key": course.key, "tab": "course"}, follow=True)
    assert answer.redirect_chain == [(records_url(tab="course"), 302)]
    page = answer.content.decode()
    assert "The certificate could not be requested" in page and "has not been completed yet" in page
    assert IssuedCertificate.objects.count() == 0


def test_plain_form_needs_a_signed_in_learner(course, client):
    answer = client.post("/author-certificates/learning-records/certificate/", {"training_key": course.key})
    assert answer.status_code == 302 and answer["Location"].startswith("/login/")
    assert IssuedCertificate.objects.count() == 0
