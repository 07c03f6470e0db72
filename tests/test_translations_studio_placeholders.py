"""The Studio editor lists the placeholders with descriptions in the author's language: the
rendering layer marks them for the catalogues, the editor translates them."""

import pytest
from django.urls import reverse

from author_certificates import api

pytestmark = pytest.mark.django_db

NEW_URL = reverse("author_certificates:studio-new")


def test_the_editor_describes_every_placeholder_in_english(client, staff):
    client.force_login(staff)
    page = client.get(NEW_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    for name in api.PLACEHOLDERS:
        assert f"{{{{ {name} }}}}" in page
    assert "The learner&#x27;s full name, as registered (falls back to the username)." in page


def test_the_editor_describes_the_placeholders_in_spanish(client, staff):
    client.force_login(staff)
    page = client.get(NEW_URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Marcadores" in page
    assert "El nombre completo del alumno, tal como está registrado" in page
    assert "Un código QR (SVG en línea" in page
    assert "The learner&#x27;s full name" not in page
