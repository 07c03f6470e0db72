"""REST v1 staff endpoints: author certificates and versions, classic list, a training's
certificate (GET/PUT) and report; permissions, CSRF and another tenant's objects."""

import base64
import datetime
import io

import pytest
from django.urls import reverse
from PIL import Image
from rest_framework.test import APIClient

from author_certificates import api
from author_certificates.models import AuthorCertificate, CertificateAssignment, ClassicCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

ACME = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}
CERTIFICATES_URL = reverse("author_certificates:api_author_certificates")
CLASSIC_URL = reverse("author_certificates:api_classic_certificates")


def versions_url(certificate):
    return reverse("author_certificates:api_author_certificate_versions", kwargs={"uuid": certificate.uuid})


def training_url(training, what="certificate"):
    key = getattr(training, "key", training)
    return reverse(f"author_certificates:api_training_{what}", kwargs={"training_key": key})


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def acme(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME


def test_list_of_the_tenants_author_certificates(client, staff, author, author_version, now, acme):
    api.save_new_version(certificate=author_version.certificate, edited_by=staff, html=SIMPLE_HTML + "<p>2</p>",
                         now=now)
    api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author, now=now)
    client.force_authenticate(staff)
    body = client.get(CERTIFICATES_URL).json()
    assert body["count"] == 1
    assert body["results"][0] == {
        "uuid": str(author_version.certificate.uuid), "title": "Diploma",
        "creator": {"username": "author", "name": "Author Tester"}, "created_at": now.isoformat(), "latest_version": 2,
    }
    acme_rows = client.get(CERTIFICATES_URL, HTTP_HOST="studio.acme.test").json()["results"]
    assert [row["title"] for row in acme_rows] == ["Acme"]


def test_create_answers_201_with_version_1_and_400_with_problems_and_lines(client, staff):
    client.force_authenticate(staff)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    html = "<main><img src=\"{{ asset('logo.png') }}\" alt=''>{{ learner_full_name }}</main>"
    created = client.post(CERTIFICATES_URL, {"title": "API diploma", "html": html,
                                             "assets": {"logo.png": base64.b64encode(buffer.getvalue()).decode()}},
                          format="json")
    assert created.status_code == 201
    assert created.json()["version"]["number"] == 1 and created.json()["title"] == "API diploma"
    assert AuthorCertificate.objects.get().versions.get().assets.get().name == "logo.png"
    broken = client.post(CERTIFICATES_URL, {"title": "Broken", "html": "<p>\n\n{{ oops }}</p>"}, format="json")
    assert broken.status_code == 400
    assert broken.json()["problems"] == [{"message": "unknown placeholder 'oops'", "line": 3, "field": "html"}]
    assert client.post(CERTIFICATES_URL, {"html": SIMPLE_HTML}, format="json").status_code == 400
    assert AuthorCertificate.objects.count() == 1


def test_versions_newest_first_and_a_post_makes_the_next_version(client, staff, author_version, now):
    client.force_authenticate(staff)
    created = client.post(versions_url(author_version.certificate), {"html": SIMPLE_HTML + "<p>2</p>"}, format="json")
    assert created.status_code == 201 and created.json()["number"] == 2
    assert created.json()["created_by"]["username"] == "staff"
    listed = client.get(versions_url(author_version.certificate)).json()["results"]
    assert [row["number"] for row in listed] == [2, 1]
    assert listed[1]["created_at"] == now.isoformat() and listed[1]["created_by"]["name"] == "Author Tester"


def test_authoring_endpoints_refuse_non_authors_and_hide_other_tenants(client, learner, staff, author, now, acme):
    client.force_authenticate(learner)
    assert client.get(CERTIFICATES_URL).status_code == 403
    assert client.post(CERTIFICATES_URL, {"title": "x", "html": SIMPLE_HTML}, format="json").status_code == 403
    assert client.get(CLASSIC_URL).status_code == 403
    acme_version = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author,
                                                 now=now)
    client.force_authenticate(staff)
    assert client.get(versions_url(acme_version.certificate)).status_code == 404
    assert client.post(versions_url(acme_version.certificate), {"html": SIMPLE_HTML}, format="json").status_code == 404
    assert acme_version.certificate.versions.count() == 1
    client.force_authenticate(None)
    assert client.get(CERTIFICATES_URL).status_code in (401, 403)


def test_session_writes_need_the_csrf_token(staff):
    csrf_client = APIClient(enforce_csrf_checks=True)
    csrf_client.force_login(staff)
    response = csrf_client.post(CERTIFICATES_URL, {"title": "x", "html": SIMPLE_HTML}, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


def test_classic_list_has_platform_defaults_and_the_tenants_own_only(client, staff):
    ClassicCertificate.objects.create(tenant="default", name="Ours", language="es", html="<p>x</p>")
    ClassicCertificate.objects.create(tenant="acme", name="Theirs", html="<p>x</p>")
    client.force_authenticate(staff)
    results = client.get(CLASSIC_URL).json()["results"]
    names = {row["name"] for row in results}
    assert "Ours" in names and "Theirs" not in names
    assert {row["language"] for row in results if not row["tenant_only"]} >= {"en", "es", "fr", "de", "pt"}


def test_training_certificate_offers_choices_and_put_assigns(client, trainer, course, author_version, classic_en):
    client.force_authenticate(trainer)
    empty = client.get(training_url(course)).json()
    assert empty["current"] is None and empty["offers_author_certificates"] is True and empty["can_assign"] is True
    assert empty["author"][0]["title"] == "Diploma" and empty["author"][0]["selected_version"] is None
    put = client.put(training_url(course), {"version": str(author_version.uuid)}, format="json")
    assert put.status_code == 200
    assert put.json()["current"]["kind"] == "author" and put.json()["current"]["version"]["number"] == 1
    assert put.json()["author"][0]["selected_version"]["uuid"] == str(author_version.uuid)
    client.put(training_url(course), {"classic": str(classic_en.uuid)}, format="json")
    assert api.get_current_assignment(training=course).classic == classic_en
    assert CertificateAssignment.objects.filter(training=course).count() == 2, "history is kept"


def test_r4_no_author_certificates_means_no_author_choice(client, trainer, course):
    client.force_authenticate(trainer)
    body = client.get(training_url(course)).json()
    assert body["offers_author_certificates"] is False and body["author"] == [] and len(body["classic"]) >= 5


def test_put_answers_400_for_both_or_neither_403_for_inspectors_404_for_unknowns(
        client, trainer, inspector, learner, course, author_version, classic_en, author, now, acme):
    client.force_authenticate(trainer)
    assert client.put(training_url(course), {}, format="json").status_code == 400
    both = {"classic": str(classic_en.uuid), "version": str(author_version.uuid)}
    assert client.put(training_url(course), both, format="json").status_code == 400
    assert client.put(training_url("course-v1:No+Such+Course"), {"classic": str(classic_en.uuid)},
                      format="json").status_code == 404
    bad_key = client.put(training_url("program-v1:bad"), {"classic": str(classic_en.uuid)}, format="json")
    assert bad_key.status_code == 400 and "program-v1:Org+slug" in bad_key.json()["detail"]
    acme_version = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author,
                                                 now=now)
    assert client.put(training_url(course), {"version": str(acme_version.uuid)}, format="json").status_code == 404
    assert client.put(training_url(course), {"version": "00000000-0000-0000-0000-000000000000"},
                      format="json").status_code == 404
    client.force_authenticate(inspector)
    assert client.get(training_url(course)).json()["can_assign"] is False
    assert client.put(training_url(course), {"classic": str(classic_en.uuid)}, format="json").status_code == 403
    client.force_authenticate(learner)
    assert client.get(training_url(course)).status_code == 404
    assert client.put(training_url(course), {"classic": str(classic_en.uuid)}, format="json").status_code == 404
    assert CertificateAssignment.objects.count() == 0


def test_another_tenants_site_cannot_see_this_tenants_training(client, staff, course, acme):
    client.force_authenticate(staff)
    assert client.get(training_url(course)).status_code == 200
    assert client.get(training_url(course), HTTP_HOST="lms.acme.test").status_code == 404
    assert client.get(training_url(course, "report"), HTTP_HOST="lms.acme.test").status_code == 404


def test_report_rows_and_who_may_read_them(client, trainer, learner, course, classic_en, now,
                                           django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=trainer, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    issued = api.request_certificate(user=learner, training=course, now=now)
    from author_certificates.generation import generate_certificate

    generated_at = now + datetime.timedelta(hours=2)
    generate_certificate(issued_certificate_id=issued.pk, now=generated_at)
    client.force_authenticate(trainer)
    body = client.get(training_url(course, "report")).json()
    assert body["count"] == 1
    assert body["results"][0] == {
        "username": "learner", "learner_name": "Ada Lovelace", "completed_at": now.isoformat(),
        "certificate_state": "generated", "generated_at": generated_at.isoformat(),
        "certificate_uuid": str(issued.uuid), "failure_code": None, "failure_detail": None,
    }
    client.force_authenticate(learner)
    assert client.get(training_url(course, "report")).status_code == 404
