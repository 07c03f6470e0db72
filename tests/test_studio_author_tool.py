"""The Author tool in Studio: the tenant's list, the editor (save = new version), validation
shown next to the field with its line, assets, "Preview PDF" that never saves, tenants and permissions."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from author_certificates import api
from author_certificates.models import AuthorCertificate, AuthorCertificateVersion
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

LIST_URL = reverse("author_certificates:studio-list")
NEW_URL = reverse("author_certificates:studio-new")
ACME = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}


def edit_url(certificate):
    return reverse("author_certificates:studio-edit", kwargs={"uuid": certificate.uuid})


def design_post(**overrides):
    data = {"title": "Diploma", "html": SIMPLE_HTML, "css": "h1 { color: #123; }", "page_size": "A4",
            "orientation": "landscape", "language": "en", "action": "save"}
    data.update(overrides)
    return data


def png_upload(name="logo.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def acme_tenant(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME


def test_list_shows_every_diploma_of_the_tenant_with_creator_latest_version_and_date(
        client, author, staff, author_version, now, acme_tenant, ):
    api.save_new_version(certificate=author_version.certificate, edited_by=staff, html=SIMPLE_HTML + "<p>2</p>",
                         now=now)
    api.create_author_certificate(tenant="acme", title="Acme diploma", html=SIMPLE_HTML, created_by=author, now=now)
    client.force_login(staff)
    response = client.get(LIST_URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Diploma" in body and "Author Tester" in body and "Version 2" in body and "March 14, 2026" in body
    assert "New certificate" in body
    assert "Acme diploma" not in body, "another tenant's diploma is never listed"


def test_list_query_count_does_not_grow_with_the_number_of_diplomas(client, author, now, django_assert_num_queries):
    client.force_login(author)
    for number in range(2):
        api.create_author_certificate(tenant="default", title=f"D{number}", html=SIMPLE_HTML, created_by=author,
                                      now=now)
    with django_assert_num_queries(4):  # session, user, certificates, latest versions
        client.get(LIST_URL)
    for number in range(2, 6):
        api.create_author_certificate(tenant="default", title=f"D{number}", html=SIMPLE_HTML, created_by=author,
                                      now=now)
    with django_assert_num_queries(4):
        assert client.get(LIST_URL).content.decode().count("Version 1") == 6


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_learners_may_not_author(client, learner):
    client.force_login(learner)
    assert client.get(LIST_URL).status_code == 403
    assert client.post(NEW_URL, design_post()).status_code == 403
    assert AuthorCertificate.objects.count() == 0


def test_saving_the_new_form_creates_version_1_in_the_requests_tenant(client, staff, acme_tenant):
    client.force_login(staff)
    response = client.post(NEW_URL, design_post(title="Acme diploma"), HTTP_HOST="studio.acme.test")
    certificate = AuthorCertificate.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(certificate)
    assert certificate.tenant == "acme" and certificate.created_by == staff
    assert list(certificate.versions.values_list("number", flat=True)) == [1]


def test_each_save_of_the_editor_makes_a_new_version(client, staff, author_version):
    client.force_login(staff)
    url = edit_url(author_version.certificate)
    page = client.get(url).content.decode()
    assert "Preview PDF" in page and "learner_full_name" in page, "the placeholder reference is on the page"
    client.post(url, design_post(title="Diploma 2026", html=SIMPLE_HTML + "<p>v2</p>"))
    client.post(url, design_post(title="Diploma 2026", html=SIMPLE_HTML + "<p>v3</p>"))
    versions = list(author_version.certificate.versions.order_by("number"))
    assert [version.number for version in versions] == [1, 2, 3]
    assert versions[2].created_by == staff and versions[2].html.endswith("<p>v3</p>")
    assert versions[0].html == SIMPLE_HTML, "version 1 is unchanged"


def test_a_broken_design_is_not_saved_and_the_problem_is_shown_next_to_its_field_with_its_line(
        client, staff, author_version):
    client.force_login(staff)
    broken = "<main>\n<h1>{{ training_title }}</h1>\n<p>{{ favourite_colour }}</p>\n</main>"
    response = client.post(edit_url(author_version.certificate), design_post(html=broken))
    assert response.status_code == 400
    body = response.content.decode()
    html_errors = body.split('id="id_html-errors"')[1].split("</ul>")[0]
    assert "Line 3" in html_errors and "favourite_colour" in html_errors
    assert 'aria-invalid="true"' in body
    assert author_version.certificate.versions.count() == 1


def test_assets_are_uploaded_with_the_design_and_can_be_removed_later(client, staff):
    client.force_login(staff)
    html = '<main><img src="{{ asset(\'logo.png\') }}" alt=""><p>{{ learner_full_name }}</p></main>'
    client.post(NEW_URL, {**design_post(html=html), "assets": [png_upload()]})
    certificate = AuthorCertificate.objects.get()
    assert [asset.name for asset in certificate.versions.get().assets.all()] == ["logo.png"]
    page = client.get(edit_url(certificate)).content.decode()
    assert 'name="remove_assets"' in page and "logo.png" in page
    # Removing an asset the HTML still uses is refused, with the problem shown.
    refused = client.post(edit_url(certificate), {**design_post(html=html), "remove_assets": ["logo.png"]})
    assert refused.status_code == 400 and "logo.png" in refused.content.decode()
    client.post(edit_url(certificate), {**design_post(), "remove_assets": ["logo.png"]})
    latest = certificate.versions.order_by("-number").first()
    assert latest.number == 2 and latest.assets.count() == 0


def test_preview_renders_the_unsaved_form_as_a_pdf_and_saves_nothing(client, staff, author_version):
    client.force_login(staff)
    draft = design_post(action="preview", html=SIMPLE_HTML + "<p>draft</p>")
    response = client.post(edit_url(author_version.certificate), draft)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response["Cache-Control"] == "no-store"
    assert AuthorCertificateVersion.objects.count() == 1
    new = client.post(NEW_URL, design_post(action="preview"))
    assert new.content.startswith(b"%PDF") and AuthorCertificate.objects.count() == 1


def test_preview_of_a_broken_design_answers_its_problems_as_json_for_the_script(client, staff):
    client.force_login(staff)
    response = client.post(NEW_URL, design_post(action="preview", html="<p>\n{{ nope }}</p>"),
                           HTTP_ACCEPT="application/pdf, application/json")
    assert response.status_code == 400
    sentence = "Line 2 of the HTML: 'nope' is not a placeholder: use one of those listed beside the editor."
    assert response.json()["problems"] == [{"field": "html", "message": sentence}]
    assert response.json()["marks"] == [{"field": "html", "line": 2, "message": sentence}]


def test_another_tenants_diploma_is_a_404(client, staff, author, now, acme_tenant):
    acme = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author, now=now)
    client.force_login(staff)
    assert client.get(edit_url(acme.certificate)).status_code == 404
    assert client.post(edit_url(acme.certificate), design_post()).status_code == 404
    assert client.get(edit_url(acme.certificate), HTTP_HOST="studio.acme.test").status_code == 200
    assert acme.certificate.versions.count() == 1
