"""Previews print the site's platform name (as edx-platform reads it: the site configuration's
PLATFORM_NAME, else settings.PLATFORM_NAME), not "Open edX"; the setting of the plugin wins."""

from __future__ import annotations

import io

import pytest
from openedx.core.djangoapps.site_configuration import helpers as site_configuration
from pypdf import PdfReader

from author_certificates import api, compat, conf

pytestmark = pytest.mark.django_db

DESIGN = "<main><p>Issued by {{ platform_name }}</p></main>"


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def site_values():
    yield site_configuration.SITE_VALUES
    site_configuration.SITE_VALUES.clear()


def test_the_preview_of_a_design_prints_the_platform_name_of_the_settings(settings):
    settings.PLATFORM_NAME = "Demo Academy"
    assert "Issued by Demo Academy" in _text(api.preview_design(title="Diploma", html=DESIGN))


def test_a_site_configuration_renames_the_platform_on_saved_versions_previews(settings, site_values, author, now):
    settings.PLATFORM_NAME = "Demo Academy"
    site_values["PLATFORM_NAME"] = "Acme Learning"
    version = api.create_author_certificate(tenant="default", title="Diploma", html=DESIGN, created_by=author, now=now)
    assert compat.site_platform_name() == "Acme Learning"
    assert "Issued by Acme Learning" in _text(api.preview_version(version=version.uuid))


def test_the_plugins_own_setting_wins(settings, site_values):
    settings.PLATFORM_NAME = "Demo Academy"
    site_values["PLATFORM_NAME"] = "Acme Learning"
    settings.AUTHOR_CERTIFICATES_PLATFORM_NAME = "Certificates Inc."
    assert conf.platform_name() == "Certificates Inc."
