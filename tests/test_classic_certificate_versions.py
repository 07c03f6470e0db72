"""Tenant classic certificates are versioned and validated like author certificates (docs/decisions/0121):
an edit makes a new immutable version, issued certificates pin the version they were rendered from
(so each re-renders byte for byte), the admin validates the design before saving, and the
platform's built-in classics stay as they are."""

import datetime
import hashlib
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from author_certificates import api, generation
from author_certificates.models import ClassicCertificate, ClassicCertificateVersion, IssuedCertificate

pytestmark = pytest.mark.django_db

HTML_V1 = "<h1>Certificate of {{ training_title }}</h1><p>{{ learner_full_name }}</p>"
HTML_V2 = "<h1>Diploma: {{ training_title }}</h1><p>Awarded to {{ learner_full_name }}</p>"
LATER = datetime.timedelta(days=1)


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def own(db):
    return ClassicCertificate.objects.create(tenant="default", name="Ours", html=HTML_V1)


def _generate(user, training, now, capture):
    with capture(execute=False):
        issued = api.request_certificate(user=user, training=training, now=now)
    return generation.generate_certificate(issued_certificate_id=issued.pk, now=now)


def test_the_current_version_is_made_once_and_an_edit_makes_the_next(own, staff, now):
    first = api.current_classic_version(classic=own, created_by=staff, now=now)
    assert (first.number, first.html, first.name, first.created_by) == (1, HTML_V1, "Ours", staff)
    assert api.current_classic_version(classic=own) == first, "no change, no new version"

    own.html = HTML_V2
    own.save()
    second = api.current_classic_version(classic=own, created_by=staff, now=now + LATER)

    assert second.number == 2 and second.html == HTML_V2
    assert ClassicCertificateVersion.objects.get(pk=first.pk).html == HTML_V1, "the old version is untouched"
    assert ClassicCertificate.objects.get(pk=own.pk).latest_version_number == 2
    assert list(api.list_classic_versions(classic=own)) == [second, first]


def test_versions_are_immutable(own):
    version = api.current_classic_version(classic=own)
    version.html = "<p>changed</p>"
    with pytest.raises(TypeError, match="immutable"):
        version.save()
    with pytest.raises(TypeError, match="immutable"):
        ClassicCertificateVersion.objects.filter(pk=version.pk).update(html="<p>changed</p>")


def test_built_in_classics_have_no_versions(classic_en):
    assert api.current_classic_version(classic=classic_en) is None
    assert not api.list_classic_versions(classic=classic_en).exists()


def test_an_issued_certificate_re_renders_from_its_pinned_version_byte_for_byte(
    own, course, staff, learner, make_user, now, certificate_files, django_capture_on_commit_callbacks
):
    api.assign_certificate(training=course, classic=own, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    first = _generate(learner, course, now, django_capture_on_commit_callbacks)
    original = generation.read_certificate(first)
    assert first.classic_version.number == 1

    # An admin edits the tenant's classic: a new version; the issued certificate keeps its own.
    own.html = HTML_V2
    own.save()
    api.current_classic_version(classic=own, created_by=staff, now=now + LATER)
    from django.core.files.storage import storages

    storages["author_certificates"].delete(first.file)
    again = generation.read_certificate(IssuedCertificate.objects.get(pk=first.pk))

    assert again == original and hashlib.sha256(again).hexdigest() == first.sha256
    assert "Certificate of Computing 101" in _text(again)

    other = make_user("grace", first_name="Grace", last_name="Hopper")
    api.record_completion(user=other, training=course, completed_at=now)
    newer = _generate(other, course, now + LATER, django_capture_on_commit_callbacks)
    assert newer.classic_version.number == 2
    assert "Diploma: Computing 101" in _text(generation.read_certificate(newer))


def test_a_retry_after_a_failure_pins_the_current_version(
    own, course, staff, learner, now, django_capture_on_commit_callbacks
):
    api.assign_certificate(training=course, classic=own, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course, now=now)
    IssuedCertificate.objects.filter(pk=issued.pk).update(state="failed", error="boom")
    own.html = HTML_V2
    own.save()

    with django_capture_on_commit_callbacks(execute=False):
        retried = api.request_certificate(user=learner, training=course, now=now + LATER)

    assert IssuedCertificate.objects.get(pk=retried.pk).classic_version.number == 2


# --- the Django admin -------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, make_user):
    user = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def _form(classic, **changes):
    data = {
        "tenant": classic.tenant, "name": classic.name, "language": classic.language,
        "builtin_language": classic.builtin_language, "html": classic.html, "css": classic.css,
        "page_size": classic.page_size, "orientation": classic.orientation, "is_active": "on",
        "versions-TOTAL_FORMS": "0", "versions-INITIAL_FORMS": "0", "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_editing_a_tenant_classic_in_the_admin_makes_a_new_version(admin_client, own):
    api.current_classic_version(classic=own)
    url = reverse("admin:author_certificates_classiccertificate_change", args=[own.pk])

    answer = admin_client.post(url, _form(own, html=HTML_V2))

    assert answer.status_code == 302, answer.content.decode()[:2000]
    versions = list(api.list_classic_versions(classic=own))
    assert [(version.number, version.html) for version in versions] == [(2, HTML_V2), (1, HTML_V1)]
    assert versions[0].created_by.get_username() == "root"
    page = admin_client.get(url).content.decode()
    assert "Ours v2" in page or ">2<" in page, "the versions are listed on the classic's page"


def test_saving_unchanged_makes_no_version(admin_client, own):
    api.current_classic_version(classic=own)
    url = reverse("admin:author_certificates_classiccertificate_change", args=[own.pk])

    assert admin_client.post(url, _form(own)).status_code == 302
    assert ClassicCertificateVersion.objects.filter(classic=own).count() == 1


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"html": "<p>{{ learner_full_name </p>"}, "html", "Line 1 of the HTML: the template has a syntax error"),
    ({"html": "<p>{{ favourite_colour }}</p>"}, "html", "favourite_colour"),
    ({"html": ""}, "html", ""),
])
def test_the_admin_refuses_an_invalid_design_with_its_problems_in_the_form(admin_client, own, changes, field,
                                                                         words):
    api.current_classic_version(classic=own)
    url = reverse("admin:author_certificates_classiccertificate_change", args=[own.pk])

    answer = admin_client.post(url, _form(own, **changes))

    assert answer.status_code == 200, "the form comes back"
    errors = answer.context["adminform"].form.errors
    assert field in errors and words in " ".join(errors[field])
    assert ClassicCertificate.objects.get(pk=own.pk).html == HTML_V1, "nothing saved"
    assert ClassicCertificateVersion.objects.filter(classic=own).count() == 1


def test_the_admin_says_the_problem_as_a_whole_sentence_in_the_pages_language(admin_client, own):
    """Not the template engine's English ("línea 1: syntax error: ..."): the editor's sentence."""
    api.current_classic_version(classic=own)
    url = reverse("admin:author_certificates_classiccertificate_change", args=[own.pk])

    answer = admin_client.post(url, _form(own, html="<p>{{ learner_full_name </p>"), HTTP_ACCEPT_LANGUAGE="es")

    [error] = answer.context["adminform"].form.errors["html"]
    assert error.startswith("Línea 1 del HTML: la plantilla tiene un error de sintaxis"), error
    assert "syntax error" not in error


def test_adding_a_tenant_classic_in_the_admin_makes_version_1(admin_client):
    url = reverse("admin:author_certificates_classiccertificate_add")
    data = _form(ClassicCertificate(tenant="default", name="New one", html=HTML_V1, css="h1 { color: navy; }"))

    assert admin_client.post(url, data).status_code == 302
    created = ClassicCertificate.objects.get(tenant="default", name="New one")
    assert [version.number for version in api.list_classic_versions(classic=created)] == [1]


def test_a_built_in_classic_is_saved_without_a_version(admin_client, classic_en):
    url = reverse("admin:author_certificates_classiccertificate_change", args=[classic_en.pk])

    assert admin_client.post(url, _form(classic_en, is_active="on")).status_code == 302
    assert not ClassicCertificateVersion.objects.filter(classic=classic_en).exists()
