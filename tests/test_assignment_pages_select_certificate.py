"""A training's certificate settings page: "Select certificate", its side window (R3-R6),
assigning (R2), the history, who may see and who may change it, and tenants."""

import datetime

import pytest
from django.urls import reverse

from author_certificates import api
from author_certificates.models import CertificateAssignment, ClassicCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

ACME = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}


def page_url(training, window=""):
    url = reverse("author_certificates:training-certificate", kwargs={"training_key": training.key})
    return f"{url}?window={window}" if window else url


def test_r4_without_author_certificates_the_button_opens_the_classic_list_directly(client, trainer, course, classic_en):
    client.force_login(trainer)
    body = client.get(page_url(course)).content.decode()
    assert "Select certificate" in body
    assert 'data-open-window="classic"' in body and "?window=classic" in body
    assert 'data-panel="choose"' not in body and 'data-panel="author"' not in body
    # Without JavaScript, asking for the choice also lands on the classic certificates.
    plain = client.get(page_url(course, "choose")).content.decode()
    assert '<section id="ac-side-window"' in plain and 'data-panel="classic">' in plain


def test_r5_classic_list_has_the_platform_defaults_and_the_tenants_own_with_their_language(
        client, trainer, course):
    ClassicCertificate.objects.create(tenant="default", name="Our own", language="es", html="<p>x</p>")
    ClassicCertificate.objects.create(tenant="acme", name="Acme only", language="en", html="<p>x</p>")
    client.force_login(trainer)
    body = client.get(page_url(course, "classic")).content.decode()
    assert body.count('class="ac-classic"') == ClassicCertificate.objects.exclude(tenant="acme").count()
    assert "Our own" in body and "Spanish" in body and "German" in body
    assert "Acme only" not in body


def test_r3_r6_author_list_shows_title_creator_selected_version_and_a_selector_newest_first(
        client, trainer, staff, author, course, author_version, now):
    v2 = api.save_new_version(certificate=author_version.certificate, edited_by=staff, html=SIMPLE_HTML + "<p>2</p>",
                              now=now + datetime.timedelta(days=1))
    api.create_author_certificate(tenant="default", title="Other diploma", html=SIMPLE_HTML, created_by=staff, now=now)
    api.assign_certificate(training=course, version=author_version, assigned_by=trainer, now=now)
    client.force_login(trainer)
    body = client.get(page_url(course, "author")).content.decode()
    assert 'data-open-window="choose"' in body, "with author certificates the button offers the choice"
    diploma = body.split('class="ac-author"')[1]
    assert "Diploma" in diploma and "Author Tester" in diploma and "Selected version: 1" in diploma
    options = diploma.split("<option")[1:]
    assert f'value="{v2.uuid}"' in options[0] and "Version 2 · March 15, 2026 · Staff Tester" in options[0]
    assert f'value="{author_version.uuid}" selected' in options[1] and "Version 1" in options[1]
    other = body.split('class="ac-author"')[2]
    assert "Other diploma" in other and "Not selected for this training" in other


def test_selecting_a_version_assigns_it_and_the_history_shows_who_and_when(client, trainer, course, author_version,
                                                                            classic_en):
    client.force_login(trainer)
    response = client.post(page_url(course), {"classic": str(classic_en.uuid)})
    assert response.status_code == 302
    client.post(page_url(course), {"version": str(author_version.uuid)})
    current = api.get_current_assignment(training=course)
    assert current.version == author_version and current.assigned_by == trainer
    body = client.get(page_url(course)).content.decode()
    current_text = body.split('id="ac-current-certificate"')[1].split("</p>")[0]
    assert "Diploma" in current_text and "version 1" in current_text
    history = body.split('class="ac-history-entry"')[1:]
    assert len(history) == 2 and "Trainer Tester" in history[0] and "Diploma" in history[0]
    assert classic_en.name in history[1]


def test_both_or_neither_is_a_400_and_nothing_is_assigned(client, trainer, course, author_version, classic_en):
    client.force_login(trainer)
    assert client.post(page_url(course), {}).status_code == 400
    both = client.post(page_url(course), {"classic": str(classic_en.uuid), "version": str(author_version.uuid)})
    assert both.status_code == 400 and "exactly one" in both.content.decode()
    assert CertificateAssignment.objects.count() == 0


def test_inspectors_see_the_page_without_select_forms_and_may_not_assign(client, inspector, course, classic_en,
                                                                         author_version):
    client.force_login(inspector)
    body = client.get(page_url(course, "author")).content.decode()
    assert "Diploma" in body and "<form method=\"post\"" not in body.split('id="ac-side-window"')[1]
    assert client.post(page_url(course), {"classic": str(classic_en.uuid)}).status_code == 403
    assert CertificateAssignment.objects.count() == 0


def test_learners_and_unknown_trainings_are_404_and_a_malformed_key_is_400(client, learner, trainer, course):
    client.force_login(learner)
    assert client.get(page_url(course)).status_code == 404
    client.force_login(trainer)
    assert client.get("/author-certificates/trainings/course-v1:Nope+X+Y/certificate/").status_code == 404
    bad = client.get("/author-certificates/trainings/pathway-v1:oops/certificate/")
    assert bad.status_code == 400 and "pathway-v1:Org+slug" in bad.content.decode()


def test_another_tenants_training_and_certificates_are_404(client, settings, staff, author, course, now):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME
    client.force_login(staff)  # global staff: admin everywhere, but only on the site they ask from
    assert client.get(page_url(course), HTTP_HOST="lms.acme.test").status_code == 404
    acme_version = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author,
                                                 now=now)
    assert client.post(page_url(course), {"version": str(acme_version.uuid)}).status_code == 404
    acme_classic = ClassicCertificate.objects.create(tenant="acme", name="Acme only", html="<p>x</p>")
    assert client.post(page_url(course), {"classic": str(acme_classic.uuid)}).status_code == 404
    assert "Acme" not in client.get(page_url(course, "author")).content.decode()
    assert CertificateAssignment.objects.count() == 0
