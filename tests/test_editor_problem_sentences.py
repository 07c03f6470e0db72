"""Every problem the editor shows is one whole sentence in the page's language (issue 12): the
rendering layer's English messages and Jinja's own syntax errors are rewritten, never mixed
("Línea 2: syntax error" is the bug); CSS that calls asset() is refused with the right syntax."""

import pytest
from django.urls import reverse
from django.utils import translation

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design
from author_certificates.rendering.validation import validate_design
from author_certificates.views.design_problems import located_sentence, problem_sentence

pytestmark = pytest.mark.django_db

NEW_URL = reverse("author_certificates:studio-new")


@pytest.mark.parametrize(("source", "english", "spanish"), [
    ("{% if learner_full_name %}x", "the {% if %} block is never closed: add {% endif %} where it ends.",
     "el bloque {% if %} no se cierra nunca: añade {% endif %} donde termina."),
    ("{{ learner_full_name", "a {{ placeholder }} is not closed: add }} after it.",
     "un {{ marcador }} no está cerrado: añade }} después."),
    ("{{ learner_full_name }", "'}' is not expected here.", "«}» no se esperaba aquí."),
    ("{{ a b }}", "a {{ placeholder }} has 'b' where }} should close it.",
     "un {{ marcador }} tiene «b» donde debería cerrarse con }}."),
    ("{% foo %}", "{% foo %} is not a tag designs can use (or a block it closes was never opened).",
     "{% foo %} no es una etiqueta que un diseño pueda usar (o cierra un bloque que nunca se abrió)."),
    ("{{ learner_full_name|nofilter }}", "there is no filter named 'nofilter'.",
     "no hay ningún filtro llamado «nofilter»."),
    ("{{ }}", "a {{ placeholder }} is empty or its expression is unfinished.",
     "un {{ marcador }} está vacío o su expresión está incompleta."),
    ("{% if x %}{% endfor %}", "{% endfor %} does not close the open {% if %} block: close it with {% endif %}.",
     "{% endfor %} no cierra el bloque {% if %} abierto: ciérralo con {% endif %}."),
])
def test_jinja_syntax_errors_become_sentences(source, english, spanish):
    from author_certificates.rendering.sandbox import template_problems

    [problem] = template_problems(source, [])
    assert problem_sentence(problem.message) == f"the template has a syntax error: {english}"
    with translation.override("es"):
        assert problem_sentence(problem.message) == f"la plantilla tiene un error de sintaxis: {spanish}"


def test_an_unknown_jinja_message_is_quoted_inside_a_translated_sentence():
    with translation.override("es"):
        sentence = located_sentence("syntax error: something new", line=4, field="html")
    assert sentence == ("Línea 4 del HTML: la plantilla tiene un error de sintaxis "
                        "(el motor de plantillas dice: “something new”).")


def test_the_editor_page_in_spanish_mixes_no_english(client, author):
    client.force_login(author)
    response = client.post(NEW_URL, {"title": "D", "html": "<p>\n{{ nope }}\n{% if x %}</p>", "css": "",
                                     "page_size": "A4", "orientation": "landscape", "language": "en",
                                     "action": "save"}, HTTP_ACCEPT_LANGUAGE="es")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Línea 3 del HTML: la plantilla tiene un error de sintaxis: el bloque {% if %} no se cierra nunca" in body
    assert "syntax error" not in body and "Line" not in body


def test_asset_calls_in_the_css_are_refused_naming_url_asset():
    css = 'h1 { color: red; }\nbody { background: url({{ asset("bg.png") }}); }'
    design = Design(title="D", html="<p>x</p>", css=css, page_size="A4", orientation="landscape", language="en",
                    assets=())
    with pytest.raises(InvalidDesign) as raised:
        validate_design(design)
    [problem] = [problem for problem in raised.value.problems if "asset" in problem.message]
    assert (problem.field, problem.line) == ("css", 2)
    assert located_sentence(problem.message, line=problem.line, field=problem.field) == (
        'Line 2 of the CSS: asset("bg.png") does not work in the CSS: write url("asset:bg.png") instead.')


def test_url_asset_in_the_css_is_accepted(client, author):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buffer, format="PNG")
    client.force_login(author)
    response = client.post(NEW_URL, {"title": "D", "html": "<p>{{ learner_full_name }}</p>",
                                     "css": 'body { background: url("asset:bg.png"); }', "page_size": "A4",
                                     "orientation": "landscape", "language": "en", "action": "save",
                                     "assets": SimpleUploadedFile("bg.png", buffer.getvalue(), "image/png")})
    assert response.status_code == 302


def test_the_editor_hint_names_the_css_syntax(client, author):
    client.force_login(author)
    body = client.get(NEW_URL).content.decode()
    assert 'url(&quot;asset:name.png&quot;)' in body or 'url("asset:name.png")' in body
    assert "CSS url(...)" not in body


@pytest.mark.parametrize(("source", "line"), [
    ("<p>{{ learner_full_name }}</p>\n{% if learner_full_name %}\n<p>x</p>\n", 2),
    ("{% for a in [1] %}\n{% if a %}{% endif %}\n<p>x</p>", 1),
    ("{% if learner_full_name %}\n{% for b in [1] %}\n{% endfor %}\n\n", 1),
])
def test_a_block_never_closed_is_reported_where_it_opens(source, line):
    from author_certificates.rendering.sandbox import template_problems

    [problem] = template_problems(source, [])
    assert problem.line == line


def test_a_rendering_failure_is_a_sentence_in_the_pages_language(client, author, monkeypatch):
    from author_certificates import api
    from author_certificates.exceptions import RenderingFailed

    def failing(**kwargs):
        raise RenderingFailed("the render pool is shut down")

    monkeypatch.setattr(api, "create_author_certificate", failing)
    client.force_login(author)
    response = client.post(NEW_URL, {"title": "D", "html": "<p>{{ learner_full_name }}</p>", "css": "",
                                     "page_size": "A4", "orientation": "landscape", "language": "en",
                                     "action": "save"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert ("No se pudo usar el diseño (el generador de PDF dice: “the render pool is shut down”)."
            in response.content.decode())
