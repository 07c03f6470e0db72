"""Test files built in memory: images with and without transparency, fonts in every flavour."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def image_bytes(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def photo(width: int, height: int) -> Image.Image:
    """Noisy, photo-like pixels: compress badly as PNG, like a real photograph."""
    noise = Image.effect_noise((width, height), 60)
    gradient = Image.linear_gradient("L").resize((width, height))
    return Image.merge("RGB", [noise, gradient, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)])


def transparent_logo(width: int = 400, height: int = 300) -> Image.Image:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((20, 20, width - 20, height - 20), fill=(200, 30, 30, 255))
    return image


def png(width: int = 10, height: int = 10) -> bytes:
    return image_bytes(Image.new("RGB", (width, height), (10, 120, 200)), "PNG")


def jpeg(width: int = 10, height: int = 10) -> bytes:
    return image_bytes(Image.new("RGB", (width, height), (10, 120, 200)), "JPEG")


def svg() -> bytes:
    return b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'


@cache
def ttf() -> bytes:
    return DEJAVU_SANS.read_bytes()


def _flavoured(flavor: str) -> bytes:
    font = TTFont(io.BytesIO(ttf()))
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def woff() -> bytes:
    return _flavoured("woff")


@cache
def woff2() -> bytes:
    return _flavoured("woff2")


@cache
def otf() -> bytes:
    """A minimal CFF-flavoured OpenType font (one box glyph)."""
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = T2CharStringPen(600, None)
    pen.moveTo((50, 0))
    pen.lineTo((550, 0))
    pen.lineTo((550, 700))
    pen.lineTo((50, 700))
    pen.closePath()
    box = pen.getCharString()
    builder.setupCFF("TestBox", {"FullName": "Test Box"}, {".notdef": box, "A": box}, {})
    builder.setupHorizontalMetrics({".notdef": (600, 50), "A": (600, 50)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test Box", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()
