"""Saved designs (with a cache_key) reuse their preparation; unsaved ones never do; the cache is bounded."""

import pytest

from author_certificates.rendering import Design, engine, preview_pdf, render_pdf

from .pdfcheck import flat_text, make_context, qpdf_check


@pytest.fixture(autouse=True)
def empty_cache():
    engine.clear_cache()
    yield
    engine.clear_cache()


def design(key=None, html="<p>{{ learner_full_name }} – {{ training_title }}</p>"):
    return Design(html=html, css="p { font-family: 'DejaVu Serif' }", cache_key=key)


def test_cached_and_uncached_renders_are_equally_valid():
    cached = render_pdf(design("version:1"), make_context())
    again = render_pdf(design("version:1"), make_context(learner_full_name="Ada Lovelace"))
    uncached = render_pdf(design(None), make_context())
    for pdf in (cached, again, uncached):
        assert qpdf_check(pdf).returncode == 0
    assert flat_text(cached) == flat_text(uncached) == "Grace Hopper – Compilers for Everyone"
    assert flat_text(again) == "Ada Lovelace – Compilers for Everyone"


def test_saved_design_is_prepared_once():
    saved = design("version:2")
    assert engine.prepared_for(saved) is engine.prepared_for(saved)
    assert engine.cache_size() == 1


def test_unsaved_design_is_never_cached():
    render_pdf(design(None), make_context())
    preview_pdf(design("version:3"))  # previews ignore the key
    assert engine.cache_size() == 0
    assert engine.prepared_for(design(None)) is not engine.prepared_for(design(None))


def test_same_key_with_different_content_is_not_confused():
    first = render_pdf(design("version:4", html="<p>first</p>"), make_context())
    second = render_pdf(design("version:4", html="<p>second</p>"), make_context())
    assert (flat_text(first), flat_text(second)) == ("first", "second")


def test_design_cache_is_bounded():
    for number in range(engine.MAX_CACHED_DESIGNS + 6):
        engine.prepared_for(design(f"version:{number}", html=f"<p>{number}</p>"))
    assert engine.cache_size() == engine.MAX_CACHED_DESIGNS
    # Least recently used went first.
    assert design("version:0", html="<p>0</p>") not in engine._cache
    newest = engine.MAX_CACHED_DESIGNS + 5
    assert design(f"version:{newest}", html=f"<p>{newest}</p>") in engine._cache


def test_image_cache_is_emptied_between_renders_past_its_limit():
    cache = engine.BoundedCache(3)
    for key in "abcd":
        cache[key] = key
    assert list(cache) == ["a", "b", "c", "d"]  # never trimmed while a render fills it (see test_image_cache_bound)
    cache.trim()
    assert cache == {}
    cache["e"] = "e"
    cache.trim()
    assert list(cache) == ["e"]


def test_per_learner_data_uris_do_not_grow_the_image_cache():
    saved = Design(
        html='<img style="width:1cm" src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\' '
        "viewBox='0 0 1 1'><title>{{ certificate_code }}</title></svg>\">",
        css="",
        cache_key="version:data-uris",
    )
    for number in range(engine.MAX_CACHED_IMAGES + 10):
        render_pdf(saved, make_context(certificate_code=f"C{number}"))
    assert len(engine.prepared_for(saved).image_cache) <= engine.MAX_CACHED_IMAGES + 1  # + the last render's


def test_preview_uses_sample_data_in_the_design_language():
    pdf = preview_pdf(Design(html="<p>{{ training_title }} · {{ completion_date }}</p>", css="", language="fr"))
    assert flat_text(pdf) == "Introduction à l’analyse de données · 14 mars 2026"


def fonts_of(pdf):
    from .pdfcheck import reader

    names = set()
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_one_designs_font_face_never_changes_another_design():
    from author_certificates.rendering import sniff_asset

    from . import samples

    own_font = Design(
        html="<p>A</p>",
        assets=(sniff_asset("box.otf", samples.otf()),),
        cache_key="version:own-font",
        css="@font-face { font-family: Zed; src: url(asset:box.otf) } p { font-family: Zed }",
    )
    assert fonts_of(render_pdf(own_font, make_context())) == {"Zed"}
    other = Design(html="<p>A</p>", css="p { font-family: Zed, 'DejaVu Serif' }", cache_key="version:other")
    assert fonts_of(render_pdf(other, make_context())) == {"DejaVu-Serif"}


def test_escaped_font_face_in_a_shared_configuration_is_ignored():
    from author_certificates.rendering import sniff_asset

    from . import samples

    sneaky = Design(
        html="<p>A</p>",
        assets=(sniff_asset("box.otf", samples.otf()),),
        cache_key="version:sneaky",
        css=r"@font\-face { font-family: Zed; src: url(asset:box.otf) } "
        r"p { font-family: Zed, 'DejaVu Serif' }",
    )
    assert isinstance(engine.prepared_for(sneaky).font_config, engine.SharedFontConfiguration)
    assert fonts_of(render_pdf(sneaky, make_context())) == {"DejaVu-Serif"}
    other = Design(html="<p>A</p>", css="p { font-family: Zed, 'DejaVu Serif' }", cache_key="version:other")
    assert fonts_of(render_pdf(other, make_context())) == {"DejaVu-Serif"}
