"""Every way a template can grow a text or a list is bounded as the value grows, not only when
a call starts: the design is refused with the line, before anything large is allocated."""

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design, render_pdf, validate_design
from author_certificates.rendering.growth import MAX_BUILT_LENGTH

from .pdfcheck import flat_text, make_context

# Each line 2: what it would build, if it were built, is far past MAX_BUILT_LENGTH.
DOUBLING = "{% macro grow(s, n) %}{% if n %}{{ grow(s OP s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}"
GROWING = {
    "center": "{{ learner_full_name.center(1500000000)|length }}",
    "ljust": "{{ learner_full_name.ljust(10 ** 9) }}",
    "rjust": "{{ learner_full_name.rjust(10 ** 9) }}",
    "zfill": "{{ '1'.zfill(10 ** 9) }}",
    "expandtabs": "{{ ('\\t' * 100000).expandtabs(1000) }}",
    "replace-method": "{{ ('a' * 100000).replace('a', 'b' * 1000) }}",
    "replace-empty": "{{ ('a' * 100000).replace('', 'b' * 100) }}",
    "replace-filter": "{{ ('a' * 100000)|replace('a', 'b' * 1000) }}",
    "join-method": "{{ ('a' * 1000).join('b' * 10000) }}",
    "join-filter": "{{ ('b' * 10000)|join('a' * 1000) }}",
    "format-width": "{{ '{:>1000000000}'.format(learner_full_name) }}",
    "format-nested-width": "{{ '{:>{}}'.format(learner_full_name, 10 ** 9) }}",
    "format-precision": "{{ '{:.100000000f}'.format(1.5) }}",
    "format-map": "{{ '{n:^1000000000}'.format_map({'n': 1}) }}",
    "translate": "{{ learner_full_name.translate({97: 'x' * 100000}) }}",
    "repeat": "{{ 'x' * 1000000000 }}",
    "list-repeat": "{{ ([1] * 1000000000)|length }}",
    "concat-doubling": DOUBLING.replace("OP", "~") + "{{ grow(learner_full_name, 64) }}",
    "plus-doubling": DOUBLING.replace("OP", "+") + "{{ grow(learner_full_name, 64) }}",
    "list-doubling": DOUBLING.replace("OP", "+") + "{{ grow([1, 2], 64) }}",
    "join-doubling": DOUBLING.replace("s OP s", "[s, s]|join") + "{{ grow(learner_full_name, 64) }}",
    "escape-growth": "{% macro grow(s, n) %}{% if n %}{{ grow((s ~ s)|e, n - 1) }}{% endif %}{% endmacro %}"
                     "{{ grow('&', 64) }}",
}


@pytest.mark.parametrize("expression", GROWING.values(), ids=GROWING.keys())
def test_growing_a_value_past_the_bound_is_refused_with_its_line(expression):
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html=f"<p>{{{{ learner_full_name }}}}</p>\n<p>{expression}</p>", css=""))

    [problem] = raised.value.problems
    assert problem.line == 2
    assert "not allowed" in problem.message


def test_the_refusal_names_the_size_and_the_bound():
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html="{{ learner_full_name.center(1500000000)|length }}", css=""))

    assert raised.value.problems[0].message == (
        f"building a text of 1,500,000,000 characters is not allowed (at most {MAX_BUILT_LENGTH:,})")


def test_rendering_such_a_design_fails_as_a_broken_design():
    with pytest.raises(InvalidDesign, match="not allowed"):
        render_pdf(Design(html="{{ learner_full_name.zfill(10 ** 9) }}", css=""), make_context())


def test_the_same_operations_within_the_bound_work_as_in_python():
    html = (
        "<p>[{{ 'ab'.center(6, '*') }}] [{{ 'ab'.ljust(4, '.') }}] [{{ 'ab'.rjust(4, '.') }}] [{{ '7'.zfill(3) }}]</p>"
        "<p>{{ '{:>6}|{:.2f}|{n}'.format('ab', 3.14159, n=learner_username) }}</p>"
        "<p>{{ 'a-b-c'.replace('-', '+') }} {{ 'a-b'|replace('-', '=') }} {{ ', '.join(['x', 'y']) }}"
        " {{ ['u', 'v']|join('/') }} {{ learner_username ~ '!' }} {{ 'p' + 'q' }} {{ ([1] + [2])|length }}"
        " {{ ('ab' * 3) }} {{ 'a\tb'.expandtabs(2)|length }}</p>"
    )

    pdf = render_pdf(Design(html=html, css=""), make_context())

    text = flat_text(pdf)
    for expected in ("[**ab**]", "[ab..]", "[..ab]", "[007]", "ab|3.14|", "a+b+c", "a=b", "x, y", "u/v",
                     "pq 2 ababab 3"):
        assert expected in text, expected


def test_a_macro_calling_itself_for_ever_is_a_problem_with_its_line():
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html="<p>x</p>\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", css=""))

    [problem] = raised.value.problems
    assert problem.message == "a macro calls itself too many times"
    assert problem.line == 2


def test_range_is_not_available_to_build_loops():
    with pytest.raises(InvalidDesign, match="unknown placeholder 'range'"):
        validate_design(Design(html="{% for i in range(10 ** 9) %}{% endfor %}", css=""))
