"""One table of words for the certificate states (R11, R13): api.certificate_words gives each state's
message, action and reason, translated, and Learning Records, the REST API, the XBlock and the
progress report show exactly those words."""

import pytest
from django.urls import reverse
from django.utils import translation

from author_certificates import api

BRIEF = {
    "unavailable": ("No certificate is available for this training", ""),
    "not_completed": ("Complete this training to get its certificate", ""),
    "available": ("", "Generate certificate"),
    "generating": ("The certificate is being generated", ""),
    "generated": ("The certificate has been generated", "Open certificate"),
    "failed": ("The certificate could not be generated", "Try again"),
    # Invalidated by staff (docs/decisions/0120): said, and nothing offered.
    "invalidated": ("The certificate has been invalidated", ""),
}


@pytest.mark.parametrize("state", sorted(BRIEF))
def test_each_state_has_the_brief_s_message_and_action(state):
    words = api.certificate_words(state=state)
    assert (words.status, words.action) == BRIEF[state]
    assert words.reason == ("The generation did not finish in time." if state == "failed" else "")


def test_every_state_of_the_control_has_words():
    assert set(BRIEF) == set(api.words.STATES)


def test_a_failure_s_reason_is_its_code_s_sentence_and_other_states_have_none():
    assert api.certificate_words(state="failed", failure_code="storage").reason == (
        "The certificate could not be saved. Try again in a few minutes.")
    assert api.certificate_words(state="failed", failure_code="no-such-code").reason == (
        "Something went wrong while generating the certificate. Try again.")
    assert api.certificate_words(state="generated", failure_code="storage").reason == ""


def test_an_unknown_state_is_refused_with_the_expected_ones():
    with pytest.raises(ValueError, match="expected one of unavailable, not_completed"):
        api.certificate_words(state="printing")


def test_the_words_follow_the_active_language():
    with translation.override("es"):
        words = api.certificate_words(state="generated")
    assert (words.status, words.action) == ("El certificado se ha generado", "Abrir certificado")
    assert api.certificate_words(state="generated").action == "Open certificate"


def test_training_kinds_have_translated_labels():
    assert api.training_kind_label(kind="program") == "Learning program"
    with pytest.raises(ValueError):
        api.training_kind_label(kind="webinar")


@pytest.mark.django_db
def test_page_api_xblock_and_report_show_the_same_words_for_a_failure(
        course, classic_en, staff, learner, now, client):
    from author_certificates.models import IssuedCertificate
    from tests.learner_side import certificate_api_url, complete, records_url, signed_in
    from tests.test_xblock_author_certificate import call, make_block

    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    complete(learner, course, now)
    issued = api.request_certificate(user=learner, training=course, now=now)
    IssuedCertificate.objects.filter(pk=issued.pk).update(
        state="failed", failure_code="render_limit", error="RenderingFailed: out of memory")
    words = api.certificate_words(state="failed", failure_code="render_limit")
    assert words.reason.startswith("Printing the certificate took longer")

    body = signed_in(learner).get(certificate_api_url(course.key)).json()
    assert body["messages"] == {"status": words.status, "action": words.action}
    assert body["certificate"]["error"] == words.reason
    page = signed_in(learner).get(records_url()).content.decode()
    assert words.status in page and f">{words.action}</button>" in page and words.reason in page
    assert "out of memory" not in page and "out of memory" not in str(body)
    xblock = call(make_block(learner), "status")[1]
    assert (xblock["message"], xblock["button"]) == (words.status, words.action)
    client.force_login(staff)
    report = client.get(reverse("author_certificates:progress-report", kwargs={"training_key": course.key}))
    assert words.status in report.content.decode()
