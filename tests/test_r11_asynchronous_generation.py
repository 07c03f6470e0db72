"""R11: "Generate certificate" -> "The certificate is being generated" -> "The certificate has been
generated", and the button becomes "Open certificate" -- through the JSON API and through the page."""

import pytest

from author_certificates.models import IssuedCertificate
from tests.learner_side import assign_classic, certificate_api_url, complete, records_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(course, classic_en, staff, learner, now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return signed_in(learner)


def test_r11_api_generating_then_generated_and_the_label_changes(
        ready, course, django_capture_on_commit_callbacks):
    before = ready.get(certificate_api_url(course.key)).json()
    assert before["certificate"]["state"] == "available"
    assert before["messages"] == {"status": "", "action": "Generate certificate"}

    # The task is queued on commit; capture it so the "generating" moment can be observed.
    with django_capture_on_commit_callbacks(execute=False) as queued:
        answer = ready.post(certificate_api_url(course.key))
    assert answer.status_code == 202
    assert answer.json()["certificate"]["state"] == "generating"
    assert answer.json()["messages"] == {"status": "The certificate is being generated", "action": ""}
    page = ready.get(records_url()).content.decode()
    assert "The certificate is being generated" in page and "Open certificate" not in page

    for task in queued:  # the worker runs
        task()

    after = ready.get(certificate_api_url(course.key)).json()
    assert after["certificate"]["state"] == "generated"
    assert after["messages"] == {"status": "The certificate has been generated", "action": "Open certificate"}
    issued = IssuedCertificate.objects.get()
    assert after["certificate"]["open_url"].endswith(f"/author-certificates/certificates/{issued.uuid}/")
    page = ready.get(records_url()).content.decode()
    assert "The certificate has been generated" in page and "Open certificate" in page
    assert "Generate certificate" not in page


def test_r11_plain_form_posts_and_redirects_back_to_the_tab(ready, course, django_capture_on_commit_callbacks):
    page = ready.get(records_url()).content.decode()
    assert "Generate certificate" in page
    with django_capture_on_commit_callbacks(execute=False):
        answer = ready.post(
            "/author-certificates/learning-records/certificate/", {"training_key": course.key, "tab": "course"}
        )
    assert answer.status_code == 302
    assert answer["Location"] == f"{records_url(tab='course')}#training-{course.pk}"
    page = ready.get(answer["Location"]).content.decode()
    assert "The certificate is being generated" in page
    assert IssuedCertificate.objects.get().state == "generating"
