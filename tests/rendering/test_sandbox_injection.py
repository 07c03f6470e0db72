"""Template injection cannot reach Python objects, settings or files: refused at validation,
and a render of the same design raises InvalidDesign or prints nothing revealing."""

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design, render_pdf, validate_design
from author_certificates.rendering.sandbox import ENVIRONMENT

from .pdfcheck import flat_text, make_context

PAYLOADS = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ learner_full_name.__class__.__mro__ }}",
    "{{ learner_full_name['__class__'] }}",
    "{{ learner_full_name.upper.__globals__ }}",
    "{{ asset.__globals__ }}",
    "{{ asset.__code__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ joiner() }}",
    "{{ namespace(a=1) }}",
    "{{ dict(a=1) }}",
    "{{ range(10) | list }}",
    "{{ self }}",
    "{{ self._TemplateReference__context }}",
    "{{ config }}",
    "{{ config.items() }}",
    "{{ request.environ }}",
    "{{ settings.SECRET_KEY }}",
    "{{ learner_full_name | safe }}",
    "{{ learner_full_name | attr('__class__') }}",
    "{{ learner_full_name | pprint }}",
    "{% include '/etc/passwd' %}",
    "{% extends 'base.html' %}",
    "{% import 'macros.html' as m %}",
    "{% from 'macros.html' import x %}",
    "{% for c in learner_full_name %}{{ c.__class__ }}{% endfor %}",
    "{% set s = learner_full_name %}{{ s.__class__ }}",
    "{{ (learner_full_name | list).append(1) }}",
    "{{ 'x' * 1000000000 }}",
    "{{ 2 ** 1000000000 }}",
    "{{ ((((((2 ** 64) ** 64) ** 64) ** 64) ** 64) ** 64) }}",
    "{% set a = 2 ** 60 %}{% set b = a * a * a * a * a * a * a * a * a * a * a * a %}{{ b * b * b * b * b * b }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ learner_full_name.format.__self__ }}",
]

# What leaked internals would look like in the PDF's text.
TELLTALES = (
    "<class",
    "<function",
    "<module",
    "<built-in",
    "TemplateReference",
    "Undefined",
    "environ",
    "uid=",
    "root:",
    "<bound",
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_refused_by_validation(payload):
    design = Design(html=f"<p>{payload}</p>", css="")
    with pytest.raises(InvalidDesign) as raised:
        validate_design(design)
    assert raised.value.problems
    assert all(problem.field == "html" for problem in raised.value.problems)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_nothing_dangerous(payload):
    design = Design(html=f"<p>before {payload} after</p>", css="")
    try:
        pdf = render_pdf(design, make_context())
    except InvalidDesign:
        return  # refused at render time too
    text = flat_text(pdf)
    assert not any(telltale in text for telltale in TELLTALES), text


def test_environment_exposes_no_default_globals_and_no_safe_filter():
    assert set(ENVIRONMENT.globals) == set()
    assert "safe" not in ENVIRONMENT.filters
    assert ENVIRONMENT.autoescape is True


def test_unknown_placeholder_message_names_it_and_its_line():
    design = Design(html="<p>ok</p>\n<p>{{ config }}</p>\n<p>{{ ''.__class__ }}</p>", css="")
    with pytest.raises(InvalidDesign) as raised:
        validate_design(design)
    messages = [str(problem) for problem in raised.value.problems]
    assert "html line 2: unknown placeholder 'config'" in messages
    assert "html line 3: attribute '__class__' is not allowed" in messages


def test_learner_name_with_template_syntax_is_not_evaluated():
    design = Design(html="<p>{{ learner_full_name }}</p>", css="")
    pdf = render_pdf(design, make_context(learner_full_name="{{ ''.__class__ }} {% include 'x' %}"))
    assert flat_text(pdf) == "{{ ''.__class__ }} {% include 'x' %}"


def test_harmless_template_features_still_work():
    html = (
        "{% set first = learner_full_name.split()[0] %}"
        "<p>{{ first | upper }} {{ training_title | length }} "
        "{% for word in training_title.split() %}{{ loop.index }}{% endfor %}</p>"
    )
    validate_design(Design(html=html, css=""))
    pdf = render_pdf(Design(html=html, css=""), make_context())
    assert flat_text(pdf) == "GRACE 22 123"
