"""Filling a design in has a time limit: nested loops and macros that call themselves fail as a
broken design (refused when saved, `failed` when generated) instead of blocking a worker."""

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design, render_pdf, sandbox, validate_design
from author_certificates.rendering.engine import fill_template, prepare

from .pdfcheck import flat_text, make_context

# Each would run for hours: 10^10 loop iterations, or 2^60 macro calls.
NESTED_LOOPS = """<p>{{ learner_full_name }}</p>
{% for a in "x" * 100000 %}{% for b in "x" * 100000 %}{% endfor %}{% endfor %}"""
RECURSIVE_MACRO = """<p>{{ learner_full_name }}</p>
{% macro twice(n) %}{% if n %}{{ twice(n - 1) }}{{ twice(n - 1) }}{% endif %}{% endmacro %}
<p>{{ twice(60) }}</p>"""


@pytest.fixture(autouse=True)
def short_limit(monkeypatch):
    """A tenth of a second instead of two, so that the tests stay fast."""
    monkeypatch.setattr(sandbox, "FILL_TIME_LIMIT_SECONDS", 0.1)


@pytest.mark.parametrize("html, line", [(NESTED_LOOPS, 2), (RECURSIVE_MACRO, 2)], ids=["loops", "macro"])
def test_a_design_that_fills_in_too_slowly_is_refused_with_its_line(html, line):
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html=html, css=""))

    messages = [str(problem) for problem in raised.value.problems]
    assert messages == [f"html line {line}: filling in the design took more than 0.1 seconds"
                        " (a loop or a macro that runs too long?)"]


def test_rendering_such_a_design_fails_as_a_broken_design():
    with pytest.raises(InvalidDesign, match="took more than 0.1 seconds"):
        render_pdf(Design(html=NESTED_LOOPS, css=""), make_context())


def test_the_limit_is_per_fill_not_per_worker():
    design = Design(html="{% for word in training_title.split() %}[{{ word }}]{% endfor %}", css="")
    template = prepare(design).template

    for _ in range(3):
        assert fill_template(template, design, make_context()) == "[Compilers][for][Everyone]"
    assert sandbox._deadline.get() is None, "no deadline is left behind after a fill"


def test_loops_keep_their_features():
    html = """{% for word in training_title.split() if word != "for" %}
<span>{{ loop.index }}/{{ loop.length }} {{ word }}{% if loop.last %}.{% endif %}</span>
{% else %}<span>no words</span>{% endfor %}
{% for c in "" %}{{ c }}{% else %}<span>empty loop</span>{% endfor %}
{% for a, b in [("A", 1), ("B", 2)] %}<span>{{ a }}{{ b }}</span>{% endfor %}"""
    design = Design(html=html, css="")
    validate_design(design)

    text = flat_text(render_pdf(design, make_context()))

    assert "1/2 Compilers" in text and "2/2 Everyone." in text
    assert "empty loop" in text and "A1" in text and "B2" in text


def test_the_guard_cannot_be_named_by_an_author():
    with pytest.raises(InvalidDesign, match="unknown placeholder '__loop_within_time_limit__'"):
        validate_design(Design(html="{{ __loop_within_time_limit__('abc') | list }}", css=""))
