"""render_pdf puts the learner, the training and the dates, in the design's language, into the PDF text."""

import pytest

from author_certificates.rendering import Design, render_pdf

from .pdfcheck import flat_text, make_context, page_count, pdf_text

ALL_PLACEHOLDERS = """
<p>Name: {{ learner_full_name }}</p>
<p>User: {{ learner_username }}</p>
<p>Training: {{ training_title }} ({{ training_kind }})</p>
<p>Completed: {{ completion_date }}</p>
<p>Generated: {{ generation_date }}</p>
<p>Code: {{ certificate_code }}</p>
<p>Verify: {{ verification_url }}</p>
<p>Platform: {{ platform_name }}</p>
<div style="width: 30mm">{{ qr_code }}</div>
"""

EXPECTED = {
    "en": ("March 14, 2026", "March 20, 2026", "learning program"),
    "es": ("14 de marzo de 2026", "20 de marzo de 2026", "programa formativo"),
    "fr": ("14 mars 2026", "20 mars 2026", "programme de formation"),
    "de": ("14. März 2026", "20. März 2026", "Lernprogramm"),
    "pt": ("14 de março de 2026", "20 de março de 2026", "programa de aprendizagem"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_every_placeholder_is_rendered_in_the_design_language(language):
    completed, generated, kind = EXPECTED[language]
    design = Design(
        html=ALL_PLACEHOLDERS, css="body { font-family: 'DejaVu Sans'; font-size: 10pt }", language=language
    )
    pdf = render_pdf(design, make_context(training_kind="program"))

    text = flat_text(pdf)
    assert "Name: Grace Hopper" in text
    assert "User: ghopper" in text
    assert f"Training: Compilers for Everyone ({kind})" in text
    assert f"Completed: {completed}" in text
    assert f"Generated: {generated}" in text
    assert "Code: CODE-1234-ABCD" in text
    assert "Verify: https://lms.example.com/verify/1234abcd" in text
    assert "Platform: Example Academy" in text
    assert page_count(pdf) == 1


def test_untrusted_name_is_literal_text_not_markup():
    name = '<script>alert(1)</script> & "Ünïcødé"'
    design = Design(html="<p class='n'>{{ learner_full_name }}</p><p>after</p>", css="p { font-family: 'DejaVu Sans' }")
    pdf = render_pdf(design, make_context(learner_full_name=name))

    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    assert lines[0] == name
    assert lines[1] == "after"


def test_name_with_html_that_would_fetch_or_style_is_inert():
    name = '<img src="file:///etc/passwd"><style>p{display:none}</style>{{ 7*7 }}'
    design = Design(html="<p>{{ learner_full_name }}</p>", css="")
    pdf = render_pdf(design, make_context(learner_full_name=name))  # no refusal: nothing is fetched

    assert flat_text(pdf) == name  # shown, not hidden by the <style>, not evaluated ({{ 7*7 }} stays)


def test_empty_full_name_falls_back_to_username():
    design = Design(html="<p>{{ learner_full_name }}</p>", css="")
    pdf = render_pdf(design, make_context(learner_full_name=""))
    assert flat_text(pdf) == "ghopper"


def test_full_html_document_is_used_as_written():
    html = (
        "<!DOCTYPE html><html lang='fr'><head><style>p { color: red }</style></head>"
        "<body><p>{{ training_title }}</p></body></html>"
    )
    pdf = render_pdf(Design(html=html, css="", language="fr"), make_context())
    assert flat_text(pdf) == "Compilers for Everyone"


def test_assets_and_data_uris_are_served():
    png = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/"
        "WcLeWQAAAABJRU5ErkJggg=="
    )
    design = Design(html=f'<img src="{png}" style="width: 1cm"><p>ok</p>', css="")
    pdf = render_pdf(design, make_context())
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf
    assert flat_text(pdf) == "ok"
