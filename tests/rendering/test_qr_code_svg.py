"""The QR code's inline SVG is byte for byte the one segno itself writes (we only write it faster)."""

from __future__ import annotations

import random
import string

import pytest
import segno

from author_certificates.rendering.placeholders import QR_BORDER, QR_ERROR, QR_MASK, qr_code_svg


def _url(seed: int) -> str:
    rng = random.Random(seed)
    host = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(3, 60)))
    code = "".join(rng.choice("0123456789abcdef-") for _ in range(36))
    return f"https://{host}.example/certificates/verify/{code}/"


@pytest.mark.parametrize("url", [_url(seed) for seed in range(150)] + ["x", "https://a.b/" + "é" * 120])
def test_the_svg_is_the_one_segno_writes(url):
    expected = segno.make_qr(url, error=QR_ERROR, mask=QR_MASK).svg_inline(
        omitsize=True, border=QR_BORDER, svgclass="qr-code", lineclass=None)

    assert str(qr_code_svg(url)) == expected
