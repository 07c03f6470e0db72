"""The PDF is PDF/A-3b, carries title/author/subject/language, is structurally sound, embeds its fonts."""

import pytest

from author_certificates.rendering import Design, render_pdf

from .pdfcheck import make_context, qpdf_check, reader

DESIGN = Design(
    html=(
        "<h1>{{ learner_full_name }}</h1><p>{{ training_title }}</p><p style='font-family: \"DejaVu Sans Mono\"'>x</p>"
    ),
    css="h1 { font-family: 'Liberation Serif' } p { font-family: 'DejaVu Sans' }",
    language="es",
    title="Certificado de finalización",
)


@pytest.fixture(scope="module")
def pdf():
    return render_pdf(DESIGN, make_context(), author="Academia Ejemplo")


def test_xmp_declares_pdfa_3b(pdf):
    xmp = reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
    assert 'pdfaid:conformance="B"' in xmp or "<pdfaid:conformance>B</pdfaid:conformance>" in xmp


def test_pdfa_output_intent_is_present(pdf):
    intents = reader(pdf).trailer["/Root"]["/OutputIntents"]
    assert intents[0].get_object()["/S"] == "/GTS_PDFA1"


def test_info_metadata(pdf):
    info = reader(pdf).metadata
    assert info.title == "Certificado de finalización"
    assert info.author == "Academia Ejemplo"
    assert info.subject == "Compilers for Everyone – Grace Hopper"


def test_catalog_language(pdf):
    assert reader(pdf).trailer["/Root"]["/Lang"] == "es"


def test_title_falls_back_to_training_title_and_author_to_platform():
    info = reader(render_pdf(Design(html="<p>x</p>", css=""), make_context())).metadata
    assert info.title == "Compilers for Everyone"
    assert info.author == "Example Academy"


def test_qpdf_check_passes(pdf):
    result = qpdf_check(pdf)
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"No syntax or stream encoding errors" in result.stdout


def test_every_font_is_embedded(pdf):
    fonts = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            fonts[str(font["/BaseFont"])] = described["/FontDescriptor"].get_object()
    assert len(fonts) >= 3
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
