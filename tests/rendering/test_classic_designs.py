"""The classic certificates: one A4-landscape page in each language, with its own wording."""

import pytest

from author_certificates.rendering import CLASSIC_LANGUAGES, classic_design, render_pdf

from .pdfcheck import flat_text, make_context, page_count, reader

WORDING = {
    "en": (
        "Certificate of Completion",
        "This is to certify that",
        "has successfully completed",
        "March 14, 2026",
        "course",
        "Verify this certificate at",
    ),
    "es": (
        "Certificado de finalización",
        "Se certifica que",
        "ha completado con éxito la formación",
        "14 de marzo de 2026",
        "curso",
        "Verifique este certificado en",
    ),
    "fr": (
        "Certificat de réussite",
        "Nous certifions que",
        "a suivi avec succès la formation",
        "14 mars 2026",
        "cours",
        "Vérifiez ce certificat sur",
    ),
    "de": (
        "Abschlusszertifikat",
        "Hiermit wird bescheinigt, dass",
        "die folgende Weiterbildung erfolgreich abgeschlossen hat",
        "14. März 2026",
        "Kurs",
        "Dieses Zertifikat überprüfen unter",
    ),
    "pt": (
        "Certificado de conclusão",
        "Certificamos que",
        "concluiu com êxito a formação",
        "14 de março de 2026",
        "curso",
        "Verifique este certificado em",
    ),
}
SIXTY_CHARACTER_NAME = "Maximiliane Alexandrine Wolkenstein-Trostberg de Villardière"
LONG_TITLE = (
    "Advanced Risk Management, Regulatory Compliance and Internal Audit for European Banking Institutions and Insurers"
)


def test_every_classic_language_has_wording():
    assert set(CLASSIC_LANGUAGES) == set(WORDING) == {"en", "es", "fr", "de", "pt"}


@pytest.mark.parametrize("language", CLASSIC_LANGUAGES)
def test_renders_one_a4_landscape_page_with_translated_wording(language):
    design = classic_design(language)
    pdf = render_pdf(design, make_context())
    assert page_count(pdf) == 1
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = flat_text(pdf).casefold()  # titles and labels are upper-cased by CSS
    for phrase in WORDING[language]:
        assert phrase.casefold() in text, phrase
    for value in (
        "Grace Hopper",
        "Compilers for Everyone",
        "CODE-1234-ABCD",
        "https://lms.example.com/verify/1234abcd",
        "Example Academy",
    ):
        assert value.casefold() in text
    assert design.title == WORDING[language][0]
    assert reader(pdf).metadata.title == WORDING[language][0]


@pytest.mark.parametrize("language", CLASSIC_LANGUAGES)
def test_long_name_and_title_stay_on_one_page(language):
    assert len(SIXTY_CHARACTER_NAME) == 60
    pdf = render_pdf(
        classic_design(language), make_context(learner_full_name=SIXTY_CHARACTER_NAME, training_title=LONG_TITLE)
    )
    assert page_count(pdf) == 1
    assert SIXTY_CHARACTER_NAME in flat_text(pdf)


def test_absurdly_long_values_are_clipped_not_paginated():
    pdf = render_pdf(
        classic_design("en"),
        make_context(
            learner_full_name="W" * 300,
            training_title="Title " * 200,
            verification_url="https://x.example/" + "v" * 400,
        ),
    )
    assert page_count(pdf) == 1


def test_words_differ_between_languages():
    htmls = {language: classic_design(language).html for language in CLASSIC_LANGUAGES}
    assert len(set(htmls.values())) == len(CLASSIC_LANGUAGES)


def test_regional_codes_use_their_language_and_others_are_refused():
    assert classic_design("pt-BR").language == "pt"
    assert classic_design("de_AT").title == "Abschlusszertifikat"
    with pytest.raises(ValueError, match="it"):
        classic_design("it")


def test_classic_designs_are_cacheable():
    assert classic_design("en").cache_key == "classic:en"
    assert classic_design("en") is classic_design("en")
