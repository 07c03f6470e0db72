"""validate_design reports every problem at once, each naming the line, URL, placeholder or asset."""

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Asset, Design, classic_design, sniff_asset, validate_design

from . import samples


def problems_of(design: Design, **options) -> list[str]:
    with pytest.raises(InvalidDesign) as raised:
        validate_design(design, **options)
    return [str(problem) for problem in raised.value.problems]


def test_valid_design_with_assets_passes():
    assets = (
        sniff_asset("bg.jpg", samples.jpeg(200, 100)),
        sniff_asset("Body Font.ttf", samples.ttf()),
        sniff_asset("logo.svg", samples.svg()),
    )
    design = Design(
        html='<img src="{{ asset(\'logo.svg\') }}" style="width:2cm"><p class="n">{{ learner_full_name }}</p>',
        css=(
            "@font-face { font-family: Body; src: url('asset:Body%20Font.ttf') }"
            " body { background: url(asset:bg.jpg); font-family: Body, 'DejaVu Sans' }"
        ),
        assets=assets,
    )
    assert validate_design(design) is None


def test_syntax_error_names_its_line():
    assert problems_of(Design(html="<p>ok</p>\n<p>\n{{ learner_full_name </p>", css="")) == [
        "html line 3: syntax error: unexpected '/'"
    ]


def test_unclosed_block_names_a_line():
    (problem,) = problems_of(Design(html="<p>\n{% if learner_full_name %}\nx</p>", css=""))
    assert problem.startswith("html line ")
    assert "syntax error" in problem


def test_unknown_filter_is_a_syntax_problem_with_line():
    assert problems_of(Design(html="\n\n{{ learner_full_name | shout }}", css="")) == [
        "html line 3: syntax error: No filter named 'shout'."
    ]


def test_unknown_placeholder_names_it_and_its_line():
    assert problems_of(Design(html="<p>{{ learner_full_name }}</p>\n\n<p>{{ learner_nickname }}</p>", css="")) == [
        "html line 3: unknown placeholder 'learner_nickname'"
    ]


def test_missing_asset_in_template_and_css():
    problems = problems_of(
        Design(
            html="<p>x</p>\n<img src=\"{{ asset('seal.png') }}\">",
            css="p { color: red }\nbody { background: url(asset:paper.jpg) }",
        )
    )
    assert "html line 2: unknown asset 'seal.png': upload it or fix the name" in problems
    assert any(problem.startswith("css line 2:") and "paper.jpg" in problem for problem in problems)


def test_too_large_asset_is_refused_with_its_size():
    big = Asset("huge.jpg", "image/jpeg", samples.jpeg(50, 50) + b"\x00" * 2048)
    problems = problems_of(Design(html="<p>x</p>", css="", assets=(big,)), max_asset_bytes=1024)
    assert len(problems) == 1
    assert problems[0].startswith("assets: 'huge.jpg' is ")
    assert "more than the 0.0 MB limit" in problems[0] or "limit" in problems[0]


def test_fake_image_bytes_are_refused():
    fake = Asset("photo.png", "image/png", b"<?php system($_GET['c']); ?>")
    assert problems_of(Design(html="<p>x</p>", css="", assets=(fake,))) == [
        "assets: 'photo.png' is not an image (PNG, JPEG, GIF, WebP, SVG) or a font (TTF, OTF, WOFF, WOFF2)"
    ]


def test_fonts_are_accepted_and_used():
    for name, data in (
        ("a.ttf", samples.ttf()),
        ("a.woff", samples.woff()),
        ("a.woff2", samples.woff2()),
        ("a.otf", samples.otf()),
    ):
        font = sniff_asset(name, data)
        css = f"@font-face {{ font-family: F; src: url(asset:{name}) }} p {{ font-family: F }}"
        design = Design(html="<p>A</p>", css=css, assets=(font,))
        assert validate_design(design) is None


def test_duplicate_asset_names_are_refused():
    asset = sniff_asset("a.png", samples.png())
    problems = problems_of(Design(html="<p>x</p>", css="", assets=(asset, asset)))
    assert problems == ["assets: two assets are named 'a.png'"]


def test_bad_page_setup_is_reported():
    problems = problems_of(Design(html="<p>x</p>", css="", page_size="A3", orientation="sideways"))
    assert problems == [
        "page_size: unknown page size 'A3' (use A4 or Letter)",
        "orientation: unknown orientation 'sideways' (use landscape or portrait)",
    ]


def test_every_problem_is_collected_at_once():
    fake = Asset("fake.png", "image/png", b"nope")
    design = Design(
        html='<p>{{ nickname }}</p>\n<img src="file:///etc/passwd">\n<img src="{{ asset(\'gone.png\') }}">',
        css="@import url(http://127.0.0.1:9/x.css);",
        assets=(fake,),
    )
    with pytest.raises(InvalidDesign) as raised:
        validate_design(design)
    text = str(raised.value)
    for expected in (
        "html line 1: unknown placeholder 'nickname'",
        "file:///etc/passwd",
        "gone.png",
        "http://127.0.0.1:9/x.css",
        "fake.png",
    ):
        assert expected in text
    assert len(raised.value.problems) >= 5
    assert "; " in text  # str() joins them


def test_runtime_error_in_trial_render_names_the_line():
    problems = problems_of(Design(html="<p>x</p>\n<p>{{ learner_full_name + 1 }}</p>", css=""))
    assert len(problems) == 1
    assert problems[0].startswith("html line 2:")
    problems = problems_of(Design(html="<p>x</p>\n\n<p>{{ (learner_full_name | list).append(1) }}</p>", css=""))
    assert len(problems) == 1
    assert problems[0].startswith("html line 3:")


def test_classic_designs_are_valid():
    for language in ("en", "es", "fr", "de", "pt"):
        assert validate_design(classic_design(language)) is None
