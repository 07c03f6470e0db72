"""The QR code placeholder: segno's modules, one PNG pixel each, inside an inline SVG that CSS sizes.

docs/decisions/0075: a PNG instead of vector paths, because WeasyPrint parses SVG paths in Python.
"""

from __future__ import annotations

import base64
import io
import random
import re
import string

import pytest
import segno
from PIL import Image

from author_certificates.rendering.placeholders import QR_BORDER, QR_ERROR, QR_MASK, qr_code_png, qr_code_svg


def _url(seed: int) -> str:
    rng = random.Random(seed)
    host = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(3, 60)))
    code = "".join(rng.choice("0123456789abcdef-") for _ in range(36))
    return f"https://{host}.example/certificates/verify/{code}/"


def expected_pixels(url: str) -> list[list[int]]:
    """segno's matrix with a light border of QR_BORDER modules: 1 = dark."""
    matrix = segno.make_qr(url, error=QR_ERROR, mask=QR_MASK).matrix
    size = len(matrix) + 2 * QR_BORDER
    rows = [[0] * size for _ in range(QR_BORDER)]
    rows += [[0] * QR_BORDER + list(row) + [0] * QR_BORDER for row in matrix]
    return rows + [[0] * size for _ in range(QR_BORDER)]


def dark_pixels(png: bytes) -> list[list[int]]:
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    data = image.tobytes()
    return [[1 if data[y * width + x] < 128 else 0 for x in range(width)] for y in range(height)]


@pytest.mark.parametrize("url", [_url(seed) for seed in range(150)] + ["x", "https://a.b/" + "é" * 120])
def test_the_png_holds_segno_modules_one_pixel_each_with_a_light_border(url):
    png = qr_code_png(url)

    assert Image.open(io.BytesIO(png)).mode == "1"
    assert dark_pixels(png) == expected_pixels(url)


def test_the_svg_wraps_that_png_sized_by_its_viewbox_only():
    url = _url(1)
    svg = str(qr_code_svg(url))
    size = len(expected_pixels(url))

    match = re.fullmatch(rf'<svg viewBox="0 0 {size} {size}" class="qr-code"><image width="{size}" '
                         rf'height="{size}" href="data:image/png;base64,([A-Za-z0-9+/=]+)"/></svg>', svg)
    assert match, svg
    assert base64.b64decode(match.group(1)) == qr_code_png(url)


def test_the_pdf_draws_the_modules_as_one_image_without_smoothing():
    from pypdf import PdfReader

    from author_certificates.rendering import Design, render_pdf

    from .pdfcheck import make_context

    url = _url(7)
    pdf = render_pdf(Design(html="<div style='width: 3cm'>{{ qr_code }}</div>", css=""),
                     make_context(verification_url=url))

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    [image] = page.images
    assert dark_pixels(image.data if image.name.endswith(".png") else _as_png(image.image)) == expected_pixels(url)
    drawn = list(_images(page["/Resources"]))
    assert len(drawn) == 1 and drawn[0]["/Interpolate"].value is False


def _images(resources):
    """Image XObjects of these resources and of the form XObjects among them (an SVG is one)."""
    for reference in resources.get("/XObject", {}).values():
        xobject = reference.get_object()
        if xobject["/Subtype"] == "/Image":
            yield xobject
        else:
            yield from _images(xobject.get("/Resources", {}))


def _as_png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
