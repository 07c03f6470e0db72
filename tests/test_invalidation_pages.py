"""Invalidation and reissue on the pages (docs/decisions/0120): the report's per-row forms (POST,
CSRF, no JavaScript needed), the training's certificate page history, the verification page, the
learner's control on Learning Records and in the XBlock, and the admin's actions."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from author_certificates import api
from author_certificates.models import CertificateEvent, IssuedCertificate, SupersededCertificate
from tests.learner_side import assign_classic, complete, generate_now, records_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(course, classic_en, staff, learner, now, certificate_files, django_capture_on_commit_callbacks,
              pages_read_fixed_now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return generate_now(learner, course, now, django_capture_on_commit_callbacks)


def report_url(training, query=""):
    return reverse("author_certificates:progress-report", kwargs={"training_key": training.key}) + query


def action_url(issued, action):
    return reverse(f"author_certificates:certificate-{action}",
                   kwargs={"training_key": issued.training.key, "uuid": issued.uuid})


def _row(page: str) -> str:
    rows = page.split('class="ac-progress-row"')[1:]
    assert len(rows) == 1
    return rows[0].split("</tr>")[0]


def test_a_trainer_invalidates_from_the_report_and_then_reissues(generated, trainer,
                                                                 django_capture_on_commit_callbacks):
    client = signed_in(trainer)
    row = _row(client.get(report_url(generated.training)).content.decode())
    assert f'action="{action_url(generated, "invalidate")}"' in row and 'name="reason"' in row
    assert "csrfmiddlewaretoken" in row and "required" in row

    answer = client.post(action_url(generated, "invalidate"), {"reason": "Wrong name", "back": "?sort=learner"},
                         follow=True)

    assert answer.redirect_chain == [(report_url(generated.training, "?sort=learner"), 302)]
    page = answer.content.decode()
    assert "The certificate of Ada Lovelace has been invalidated." in page
    row = _row(page)
    assert 'data-state="invalidated"' in row and "The certificate has been invalidated" in row
    assert f'action="{action_url(generated, "reissue")}"' in row and "Reissue" in row

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(action_url(generated, "reissue"), {"reason": ""}, follow=True)

    assert "A new certificate is being generated for learner." in answer.content.decode()
    row = _row(client.get(report_url(generated.training)).content.decode())
    assert 'data-state="generated"' in row and generated.uuid.hex not in row
    assert [event.kind for event in CertificateEvent.objects.order_by("id")] == ["invalidated", "reissued"]


def test_the_report_filters_invalidated_certificates(generated, staff):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Filter me")
    client = signed_in(staff)
    page = client.get(report_url(generated.training, "?state=invalidated")).content.decode()
    assert 'id="report-state-invalidated"' in page and "1 learner" in page
    assert "0 learners" in client.get(report_url(generated.training, "?state=generated")).content.decode()


def test_refusals_come_back_as_messages_on_the_report(generated, staff):
    client = signed_in(staff)
    empty = client.post(action_url(generated, "invalidate"), {"reason": "  "}, follow=True).content.decode()
    assert "The certificate could not be invalidated: Say why" in empty
    early = client.post(action_url(generated, "reissue"), {}, follow=True).content.decode()
    assert "could not be reissued: Only an invalidated certificate can be reissued" in early
    assert not CertificateEvent.objects.exists()


def test_an_inspector_sees_no_actions_and_is_refused(generated, inspector):
    client = signed_in(inspector)
    row = _row(client.get(report_url(generated.training)).content.decode())
    assert "Invalidate" not in row and "<form" not in row
    assert client.post(action_url(generated, "invalidate"), {"reason": "No"}).status_code == 403
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_a_learner_and_another_tenant_get_404(generated, learner, staff, settings):
    assert signed_in(learner).post(action_url(generated, "invalidate"), {"reason": "Mine"}).status_code == 404
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test"]}}
    assert signed_in(staff).post(action_url(generated, "invalidate"), {"reason": "No"},
                                 HTTP_HOST="lms.acme.test").status_code == 404
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_the_forms_need_their_csrf_token_and_a_post(generated, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(action_url(generated, "invalidate"), {"reason": "No"}).status_code == 403
    assert signed_in(staff).get(action_url(generated, "invalidate")).status_code == 405


def test_an_open_redirect_is_not_followed(generated, staff):
    answer = signed_in(staff).post(action_url(generated, "invalidate"),
                                   {"reason": "Typo", "back": "//evil.example/"})
    assert answer["Location"] == report_url(generated.training)


def test_the_training_s_certificate_page_shows_who_when_why(generated, staff, trainer, now,
                                                            django_capture_on_commit_callbacks):
    api.invalidate_certificate(user=trainer, certificate=generated.uuid, reason="Misspelt name", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        api.reissue_certificate(user=staff, certificate=generated.uuid, reason="Name fixed", now=now)

    page = signed_in(trainer).get(reverse("author_certificates:training-certificate",
                                          kwargs={"training_key": generated.training.key})).content.decode()

    section = page.split('id="certificate-events-heading"')[1].split("</section>")[0]
    rows = re.findall(r'<tr class="ac-certificate-event" data-kind="(\w+)">(.*?)</tr>', section, re.S)
    assert [kind for kind, _row in rows] == ["reissued", "invalidated"]
    assert "Name fixed" in rows[0][1] and "Staff Tester" in rows[0][1] and "Ada Lovelace" in rows[0][1]
    assert "Misspelt name" in rows[1][1] and "Trainer Tester" in rows[1][1]


def test_the_verification_page_says_invalidated_with_the_date_never_the_reason(
    generated, staff, now, django_capture_on_commit_callbacks
):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Secret reason", now=now)
    page_url = reverse("author_certificates:verify", kwargs={"uuid": generated.uuid})
    invalidated = Client().get(page_url).content.decode()
    assert 'data-ac-validity="invalidated"' in invalidated and "March 14, 2026" in invalidated
    assert "Secret reason" not in invalidated

    with django_capture_on_commit_callbacks(execute=True):
        new = api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    old_page = Client().get(page_url).content.decode()
    assert 'data-ac-validity="invalidated"' in old_page and str(generated.uuid) in old_page
    new_page = Client().get(reverse("author_certificates:verify", kwargs={"uuid": new.uuid})).content.decode()
    assert 'data-ac-validity="valid"' in new_page


def test_learning_records_say_invalidated_then_offer_the_new_certificate(
    generated, staff, learner, now, django_capture_on_commit_callbacks
):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Fraud", now=now)
    page = signed_in(learner).get(records_url()).content.decode()
    control = page.split('data-ac-control')[1].split("</div>")[0]
    assert 'data-state="invalidated"' in page and "The certificate has been invalidated" in control
    assert "Fraud" not in page and "<form" not in control and "data-ac-open" not in page

    with django_capture_on_commit_callbacks(execute=True):
        new = api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    page = signed_in(learner).get(records_url()).content.decode()
    assert f'href="/author-certificates/certificates/{new.uuid}/" data-ac-open>Open certificate</a>' in page
    opened = signed_in(learner).get(f"/author-certificates/certificates/{new.uuid}/")
    assert opened.status_code == 200 and b"".join(opened.streaming_content if opened.streaming else
                                                   [opened.content]).startswith(b"%PDF")


def test_the_xblock_says_invalidated_and_offers_nothing(generated, staff, learner, now):
    from tests.test_xblock_author_certificate import call, make_block

    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Fraud", now=now)

    assert call(make_block(learner), "status") == (200, {
        "state": "invalidated", "message": "The certificate has been invalidated", "button": None, "open_url": None,
        "reason": None})


def test_the_pages_speak_spanish(generated, staff, learner, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Fraude", now=now)
    page = signed_in(learner).get(records_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "El certificado se ha invalidado" in page


# --- the Django admin ----------------------------------------------------------------------------------


@pytest.fixture
def admin_client(make_user):
    client = Client()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_the_admin_invalidates_with_a_reason_asked_on_a_second_page(generated, admin_client):
    url = reverse("admin:author_certificates_issuedcertificate_changelist")
    selection = {"action": "invalidate_certificates", "_selected_action": [generated.pk]}

    asked = admin_client.post(url, selection)
    assert asked.status_code == 200 and 'name="reason"' in asked.content.decode()
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None

    refused = admin_client.post(url, {**selection, "apply": "Invalidate", "reason": ""})
    assert refused.status_code == 200 and IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None

    done = admin_client.post(url, {**selection, "apply": "Invalidate", "reason": "Duplicate"}, follow=True)
    assert "1 certificate(s) invalidated." in done.content.decode()
    row = IssuedCertificate.objects.get(pk=generated.pk)
    assert row.invalidated_reason == "Duplicate" and row.invalidated_by.get_username() == "root"


def test_the_admin_reissues_and_reports_what_it_could_not(generated, admin_client, staff, now,
                                                          django_capture_on_commit_callbacks):
    url = reverse("admin:author_certificates_issuedcertificate_changelist")
    selection = {"action": "reissue_certificates", "_selected_action": [generated.pk]}
    refused = admin_client.post(url, selection, follow=True).content.decode()
    assert "Learner: Only an invalidated certificate can be reissued" in refused  # the admin capitalises

    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Old", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        done = admin_client.post(url, selection, follow=True).content.decode()
    assert "1 certificate(s) reissued." in done
    assert SupersededCertificate.objects.filter(uuid=generated.uuid).exists()
