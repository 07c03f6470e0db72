"""The learner's pages and API follow the learner's language; the Spanish catalogue is compiled and shipped."""

from pathlib import Path

import pytest

import author_certificates
from author_certificates.models import IssuedCertificate
from author_certificates.tasks import generate_certificate_task
from tests.learner_side import assign_classic, certificate_api_url, complete, records_url, signed_in

pytestmark = pytest.mark.django_db

LOCALE = Path(author_certificates.__file__).parent / "locale" / "es" / "LC_MESSAGES"


@pytest.fixture
def learner_client(course, classic_en, staff, learner, now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return signed_in(learner)


def test_the_spanish_catalogue_is_complete_compiled_and_shipped():
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    with open(LOCALE / "django.po", "rb") as po_file, open(LOCALE / "django.mo", "rb") as mo_file:
        source, compiled = read_po(po_file), read_mo(mo_file)
    untranslated = [message.id for message in source if message.id and not all(
        message.string if isinstance(message.string, tuple) else [message.string])]
    assert untranslated == []
    stale = [message.id for message in source if message.id and compiled.get(message.id) is None]
    assert stale == [], "the .mo lacks messages of the .po: run compilemessages"


def test_learning_records_in_spanish_by_accept_language(learner_client):
    page = learner_client.get(records_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="es"' in page
    for spanish in ("Registros de aprendizaje", "Cursos", "Itinerarios", "Programas formativos",
                    "Generar certificado", "Completado el"):
        assert spanish in page
    assert "Generate certificate" not in page


def test_lang_in_the_address_wins_and_is_remembered(learner_client):
    answer = learner_client.get(records_url(lang="es"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Generar certificado" in answer.content.decode()
    assert answer.cookies["django_language"].value == "es"
    assert "Generar certificado" in learner_client.get(records_url()).content.decode()


def test_an_unknown_lang_is_ignored(learner_client):
    assert "Generate certificate" in learner_client.get(records_url(lang="xx")).content.decode()


def test_api_messages_are_translated(learner_client, course, django_capture_on_commit_callbacks):
    body = learner_client.get(certificate_api_url(course.key), HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["messages"]["action"] == "Generar certificado"
    assert body["training"]["kind_label"] == "Curso"
    with django_capture_on_commit_callbacks(execute=False):
        body = learner_client.post(certificate_api_url(course.key), HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["messages"]["status"] == "El certificado se está generando"
    generate_certificate_task(IssuedCertificate.objects.get().pk)  # the worker runs
    body = learner_client.get(certificate_api_url(course.key), HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["messages"] == {"status": "El certificado se ha generado", "action": "Abrir certificado"}
