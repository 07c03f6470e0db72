"""OEP-58: the source catalogue and config.yaml are where openedx-translations and atlas look for them."""

from __future__ import annotations

from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parent.parent / "author_certificates"
LOCALE = PACKAGE / "conf" / "locale"


def test_config_yaml_declares_english_as_the_source_language():
    config = yaml.safe_load((LOCALE / "config.yaml").read_text())

    assert config["locales"][0] == "en"
    assert "es_419" in config["locales"]


def test_the_english_source_catalogue_holds_the_products_strings():
    catalogue = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text()

    for msgid in ('msgid "Generate certificate"', 'msgid "Open certificate"', 'msgid "Select certificate"'):
        assert msgid in catalogue


def test_the_spanish_catalogue_stays_where_django_finds_it():
    assert (PACKAGE / "locale" / "es" / "LC_MESSAGES" / "django.mo").is_file()
    assert not (PACKAGE / "locale" / "en").exists()
