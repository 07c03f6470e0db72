"""A saved design's image cache stays bounded without ever breaking a render.

WeasyPrint keeps each raster image under its URL and the image's bytes under a second key; the
cache used to drop its oldest entry on every insertion past its limit, which broke the render of
any design with more raster images than that (KeyError on the first render). It is now emptied
between renders, when it holds more than its limit.
"""

from __future__ import annotations

import pytest
from PIL import Image

from author_certificates.rendering import Asset, Design, engine, render_pdf

from .pdfcheck import flat_text, make_context
from .samples import image_bytes


@pytest.fixture(autouse=True)
def empty_cache():
    engine.clear_cache()
    yield
    engine.clear_cache()


def many_images(count: int) -> Design:
    assets = tuple(Asset(name=f"badge-{index}.png", content_type="image/png",
                         data=image_bytes(Image.new("RGB", (8, 8), (index * 6, 90, 160)), "PNG"))
                   for index in range(count))
    images = "".join(f'<img src="{{{{ asset("badge-{index}.png") }}}}" style="width: 4mm">' for index in range(count))
    return Design(html=f"<p>{{{{ learner_full_name }}}}</p>{images}", css="p { font-family: 'DejaVu Serif' }",
                  assets=assets, cache_key="version:many-images")


def test_a_design_with_more_raster_images_than_the_limit_renders_again_and_again():
    design = many_images(engine.MAX_CACHED_IMAGES)

    for name in ("Grace Hopper", "Ada Lovelace", "Alan Turing"):
        assert flat_text(render_pdf(design, make_context(learner_full_name=name))) == name


def test_a_raster_image_per_learner_leaves_the_cache_bounded():
    # The QR code is a PNG data: URI, a new one for every certificate.
    design = Design(html="<p>{{ learner_full_name }}</p><div style='width: 2cm'>{{ qr_code }}</div>",
                    css="p { font-family: 'DejaVu Serif' }", cache_key="version:qr-per-learner")
    for number in range(3 * engine.MAX_CACHED_IMAGES):
        render_pdf(design, make_context(verification_url=f"https://lms.example.com/verify/{number}"))
        cache = engine.prepared_for(design).image_cache
        assert len(cache) <= cache.limit + 2  # one render adds the QR image and its bytes
