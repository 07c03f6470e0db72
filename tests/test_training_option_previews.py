"""Choosing with eyes open (issue 12 item 3): admins, trainers and inspectors of a training preview
every option of its "Select certificate" as a PDF with sample data; the API function, the side
window's links and pages, and the REST endpoint with ``preview_url``. Nobody else does."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from author_certificates import api, designs
from author_certificates.exceptions import InvalidInput, UnknownCertificate, UnknownTraining, WrongTenant
from author_certificates.models import ClassicCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

ACME = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def acme(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME


@pytest.fixture
def second_version(author_version, author, now):
    return api.save_new_version(certificate=author_version.certificate, edited_by=author, now=now,
                                html=SIMPLE_HTML + "<p>Second design</p>")


def page_url(training, kind, uuid):
    return reverse(f"author_certificates:training-{kind}-preview",
                   kwargs={"training_key": getattr(training, "key", training), "uuid": uuid})


def rest_url(training, kind, uuid):
    return reverse(f"author_certificates:api_training_{kind}_preview",
                   kwargs={"training_key": getattr(training, "key", training), "uuid": uuid})


# --- the API function ---------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["trainer", "inspector", "staff"])
def test_staff_of_the_training_preview_a_version_with_sample_data(request, role, course, second_version):
    viewer = request.getfixturevalue(role)
    pdf = api.preview_training_option(viewer=viewer, training=course.key, tenant="default", version=second_version.uuid)
    text = text_of(pdf)
    assert "Second design" in text
    assert "Ana María Müller-Šťastná" in text  # the sample learner, never a real one


def test_a_classic_certificate_is_previewed_with_sample_data(trainer, course, classic_en):
    text = text_of(api.preview_training_option(viewer=trainer, training=course, tenant="default",
                                               classic=classic_en.uuid))
    assert "Ana María Müller-Šťastná" in text and "Introduction to Data Analysis" in text


def test_a_tenant_classic_is_previewed_from_its_own_design(trainer, course):
    own = ClassicCertificate.objects.create(tenant="default", name="House diploma", language="en",
                                            html="<p>House of {{ learner_full_name }}</p>")
    text = text_of(api.preview_training_option(viewer=trainer, training=course, tenant="default", classic=own.uuid))
    assert "House of Ana María Müller-Šťastná" in text


def test_an_archived_version_stays_previewable_for_the_training_that_has_it(
        trainer, author, course, author_version):
    api.assign_certificate(training=course, version=author_version, assigned_by=author)
    api.archive_author_certificate(certificate=author_version.certificate, tenant="default", archived_by=author,
                                   confirm_in_use=True)
    pdf = api.preview_training_option(viewer=trainer, training=course, tenant="default", version=author_version)
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("who", ["learner", "anonymous", "inactive trainer"])
def test_nobody_else_previews_and_the_training_is_not_revealed(who, learner, trainer, course, author_version):
    from django.contrib.auth.models import AnonymousUser

    viewer = {"learner": learner, "anonymous": AnonymousUser(), "inactive trainer": trainer}[who]
    if who == "inactive trainer":
        trainer.is_active = False
        trainer.save()
    api.record_completion(user=learner, training=course)
    with pytest.raises(UnknownTraining):
        api.preview_training_option(viewer=viewer, training=course, tenant="default", version=author_version)


def test_another_tenants_training_and_options_are_refused(acme, trainer, author, course, author_version, now):
    with pytest.raises(WrongTenant):  # the training, asked from another tenant's site
        api.preview_training_option(viewer=trainer, training=course, tenant="acme", version=author_version)
    acme_version = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author,
                                                 now=now)
    acme_classic = ClassicCertificate.objects.create(tenant="acme", name="Acme classic", html="<p>x</p>")
    with pytest.raises(WrongTenant):
        api.preview_training_option(viewer=trainer, training=course, tenant="default", version=acme_version)
    with pytest.raises(WrongTenant):
        api.preview_training_option(viewer=trainer, training=course, tenant="default", classic=acme_classic)


def test_exactly_one_option_and_a_known_one(trainer, course, author_version, classic_en):
    with pytest.raises(InvalidInput):
        api.preview_training_option(viewer=trainer, training=course, tenant="default")
    with pytest.raises(InvalidInput):
        api.preview_training_option(viewer=trainer, training=course, tenant="default", version=author_version,
                                    classic=classic_en)
    with pytest.raises(UnknownCertificate):
        api.preview_training_option(viewer=trainer, training=course, tenant="default", version="not-a-uuid")


def test_a_preview_reads_the_training_the_role_and_the_version_in_a_few_queries(
        trainer, course, author_version, django_assert_num_queries):
    designs._version_design.cache_clear()
    # training, the trainer's roles (the plugin's, the host's course roles), the version, then its
    # design and assets; afterwards the design is cached (a version never changes) and so are the
    # user's host roles
    with django_assert_num_queries(6):
        api.preview_training_option(viewer=trainer, training=course.key, tenant="default", version=author_version.uuid)
    with django_assert_num_queries(3):
        api.preview_training_option(viewer=trainer, training=course.key, tenant="default", version=author_version.uuid)


# --- the side window's page and its preview links -------------------------------------------------

def test_the_side_window_links_a_preview_of_every_version_and_classic(client, trainer, course, second_version):
    client.force_login(trainer)
    page = client.get(reverse("author_certificates:training-certificate",
                              kwargs={"training_key": course.key})).content.decode()
    for version in second_version.certificate.versions.all():
        assert page_url(course, "version", version.uuid) in page
        assert f"Preview version {version.number} (PDF)" in page
    for classic in api.list_classic_certificates(tenant="default"):
        assert page_url(course, "classic", classic.uuid) in page


@pytest.mark.parametrize("role", ["trainer", "inspector"])
def test_the_preview_page_answers_a_pdf_to_staff_of_the_training(request, client, role, course, author_version,
                                                               classic_en):
    client.force_login(request.getfixturevalue(role))
    for kind, uuid in (("version", author_version.uuid), ("classic", classic_en.uuid)):
        response = client.get(page_url(course, kind, uuid))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "no-store"
        assert "Ana María Müller-Šťastná" in text_of(response.content)


def test_the_preview_page_is_a_404_for_a_learner_and_a_redirect_for_anonymous(client, learner, course,
                                                                             author_version):
    url = page_url(course, "version", author_version.uuid)
    assert client.get(url).status_code == 302
    client.force_login(learner)
    assert client.get(url).status_code == 404
    assert client.get(page_url(course, "version", "00000000-0000-0000-0000-000000000000")).status_code == 404


# --- REST ---------------------------------------------------------------------------------------

def test_rest_options_carry_a_preview_url_that_answers_the_pdf(trainer, course, second_version, classic_en):
    client = APIClient()
    client.force_authenticate(trainer)
    body = client.get(reverse("author_certificates:api_training_certificate",
                              kwargs={"training_key": course.key})).json()
    classic = next(item for item in body["classic"] if item["uuid"] == str(classic_en.uuid))
    assert classic["preview_url"] == "http://testserver" + rest_url(course, "classic", classic_en.uuid)
    versions = body["author"][0]["versions"]
    assert [version["preview_url"] for version in versions] == [
        "http://testserver" + rest_url(course, "version", uuid) for uuid in
        (second_version.uuid, second_version.certificate.versions.get(number=1).uuid)]
    answer = client.get(versions[0]["preview_url"])
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert "Second design" in text_of(answer.content)


def test_rest_preview_refusals(acme, make_user, learner, inspector, course, author_version):
    client = APIClient()
    url = rest_url(course, "version", author_version.uuid)
    assert client.get(url).status_code in (401, 403)  # anonymous
    client.force_authenticate(learner)
    assert client.get(url).json()["code"] == "not_found"
    client.force_authenticate(inspector)
    assert client.get(url).status_code == 200
    assert client.get(url, HTTP_HOST="lms.acme.test").status_code == 404  # another tenant's site
    assert client.get(rest_url("course-v1:Nope+X+Y", "version", author_version.uuid)).status_code == 404
    assert client.get(rest_url("not a key", "version", author_version.uuid)).status_code == 400


def test_the_side_window_previews_in_spanish_and_read_only_for_inspectors(client, inspector, course, author_version):
    client.force_login(inspector)
    page = client.get(reverse("author_certificates:training-certificate", kwargs={"training_key": course.key}),
                      HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Vista previa de la versión 1 (PDF)" in page and "Ver los certificados" in page
    assert "Seleccionar certificado" not in page and "<form" not in page.split('id="ac-side-window"')[1]
