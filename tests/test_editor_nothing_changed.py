"""Saving an edit equal to the newest version saves nothing and says so (issue 12): the API raises
NothingChanged, the editor answers "Nothing changed: no new version was saved."."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from author_certificates import api
from author_certificates.exceptions import InvalidInput, NothingChanged
from author_certificates.models import AuthorCertificateVersion
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_edit_equal_to_the_newest_version_raises_and_saves_nothing(author_version, author, now):
    certificate = author_version.certificate
    with pytest.raises(NothingChanged, match="Nothing changed: version 1 of 'Diploma'"):
        api.save_new_version(certificate=certificate, edited_by=author, title="Diploma", html=SIMPLE_HTML,
                             css="h1 { color: #123; }", page_size=author_version.page_size,
                             orientation=author_version.orientation, language="en", now=now)
    with pytest.raises(NothingChanged):
        api.save_new_version(certificate=certificate, edited_by=author, now=now)  # every field kept
    assert AuthorCertificateVersion.objects.filter(certificate=certificate).count() == 1
    certificate.refresh_from_db()
    assert certificate.latest_version_number == 1
    assert issubclass(NothingChanged, InvalidInput), "REST answers it as a 400 with its message"


@pytest.mark.parametrize("change", [
    {"title": "Diploma 2"}, {"html": SIMPLE_HTML + "<p>more</p>"}, {"css": "h1 { color: #124; }"},
    {"orientation": "portrait"}, {"language": "es"},
])
def test_any_changed_field_makes_a_new_version(author_version, author, now, change):
    version = api.save_new_version(certificate=author_version.certificate, edited_by=author, now=now, **change)
    assert version.number == 2


def test_assets_count_as_a_change_unless_they_are_the_same_bytes(author_version, author, now):
    certificate = author_version.certificate
    with_logo = api.save_new_version(certificate=certificate, edited_by=author, add_assets={"logo.png": _png()},
                                     now=now)
    assert with_logo.number == 2
    stored = bytes(with_logo.assets.get().asset.data)
    with pytest.raises(NothingChanged):
        api.save_new_version(certificate=certificate, edited_by=author, add_assets={"logo.png": stored}, now=now)
    removed = api.save_new_version(certificate=certificate, edited_by=author, remove_assets=["logo.png"], now=now)
    assert removed.number == 3 and not removed.assets.exists()


def _unchanged_post(version):
    return {"title": "Diploma", "html": SIMPLE_HTML, "css": "h1 { color: #123; }", "page_size": version.page_size,
            "orientation": version.orientation, "language": "en", "action": "save"}


def test_the_editor_says_nothing_changed_and_keeps_the_version(client, author_version, author):
    client.force_login(author)
    url = reverse("author_certificates:studio-edit", kwargs={"uuid": author_version.certificate.uuid})
    data = _unchanged_post(author_version)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Nothing changed: no new version was saved." in response.content.decode()
    assert "Saved as version" not in response.content.decode()
    assert AuthorCertificateVersion.objects.filter(certificate=author_version.certificate).count() == 1


def test_nothing_changed_in_spanish(client, author_version, author):
    client.force_login(author)
    url = reverse("author_certificates:studio-edit", kwargs={"uuid": author_version.certificate.uuid})
    data = _unchanged_post(author_version)
    response = client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE="es")
    assert "No ha cambiado nada: no se ha guardado ninguna versión nueva." in response.content.decode()


def test_the_rest_endpoint_answers_400_and_saves_nothing(author_version, author):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(author)
    url = reverse("author_certificates:api_author_certificate_versions",
                  kwargs={"uuid": author_version.certificate.uuid})
    response = client.post(url, {"html": SIMPLE_HTML}, format="json")
    assert response.status_code == 400
    assert "Nothing changed" in str(response.json())
    assert AuthorCertificateVersion.objects.filter(certificate=author_version.certificate).count() == 1
