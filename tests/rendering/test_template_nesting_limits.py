"""Deeply nested templates are a problem with its line (a 400 when saved), never a
RecursionError or a Python SyntaxError; nesting a certificate really uses still works."""

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design, render_pdf, validate_design
from author_certificates.rendering.nesting import MAX_BLOCK_NESTING, MAX_BRACKET_NESTING

from .pdfcheck import flat_text, make_context

HEAD = "<p>{{ learner_full_name }}</p>\n"  # the payload starts on line 2
NESTED = {
    "2000 ifs": ("{% if true %}" * 2000 + "x" + "{% endif %}" * 2000,
                 f"blocks are nested more than {MAX_BLOCK_NESTING} deep"),
    "21 fors": ("{% for a in 'ab' %}" * 21 + "x" + "{% endfor %}" * 21,
                f"blocks are nested more than {MAX_BLOCK_NESTING} deep"),
    "macros and calls": ("{% macro m() %}{{ caller() }}{% endmacro %}" + "{% call m() %}" * 30 + "x"
                         + "{% endcall %}" * 30, "blocks are nested more than"),
    "100 parentheses": ("{{ " + "(" * 100 + "1" + ")" * 100 + " }}",
                        f"parentheses or brackets are nested more than {MAX_BRACKET_NESTING} deep"),
    "nested lists": ("{{ " + "[" * 500 + "]" * 500 + " }}", "parentheses or brackets are nested"),
    "1000 nots": ("{{ " + "not " * 1000 + "true }}", "operators in a row"),
    "1000 minus signs": ("{{ " + "- " * 1000 + "1 }}", "operators in a row"),
    "300 additions": ("{{ 1" + " + 1" * 300 + " }}", "too deeply nested"),
    "300 filters": ("{{ 'a'" + "|upper" * 300 + " }}", "too deeply nested"),
    "300 attributes": ("{{ learner_full_name" + ".upper()" * 300 + " }}", "too deeply nested"),
}


@pytest.mark.parametrize("payload, message", NESTED.values(), ids=NESTED.keys())
def test_nesting_past_the_limits_is_a_problem_naming_the_line(payload, message):
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html=HEAD + payload, css=""))

    [problem] = raised.value.problems
    assert message in problem.message
    assert problem.line == 2


def test_a_payload_on_a_later_line_is_reported_on_that_line():
    html = HEAD + "<p>fine</p>\n<p>fine</p>\n" + "{% if true %}" * 40 + "{% endif %}" * 40

    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html=html, css=""))

    assert raised.value.problems[0].line == 4


def test_rendering_a_deeply_nested_design_fails_as_a_broken_design():
    with pytest.raises(InvalidDesign, match="nested"):
        render_pdf(Design(html="{{ " + "(" * 100 + "1" + ")" * 100 + " }}", css=""), make_context())


def test_nesting_up_to_the_limits_renders():
    depth = MAX_BLOCK_NESTING // 3
    blocks = (
        "{% macro box() %}<b>{{ caller() }}</b>{% endmacro %}"
        + "{% for a in 'a' %}{% if true %}{% call box() %}" * depth
        + "{{ " + "(" * MAX_BRACKET_NESTING + "learner_username" + ")" * MAX_BRACKET_NESTING + "|upper }}"
        + "{% endcall %}{% endif %}{% endfor %}" * depth
    )
    html = blocks + "<p>{% set s %}set block{% endset %}{{ s }} {{ - - - 3 }} {{ not not true }}</p>"

    text = flat_text(render_pdf(Design(html=html, css=""), make_context()))

    assert "GHOPPER" in text
    assert "set block -3 True" in text
