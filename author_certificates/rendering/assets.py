"""Decide what an uploaded file really is, from its bytes.

The browser's content type and the file name are the uploader's claims; WeasyPrint (Pillow,
fontconfig, its SVG parser) will parse the bytes, so we parse them first and accept only the
image and font formats a certificate needs.
"""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ElementTree

from fontTools.ttLib import TTFont
from PIL import Image, UnidentifiedImageError

from ..exceptions import DesignProblem, InvalidDesign
from .design import Asset

RASTER_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
SVG_TYPE = "image/svg+xml"
FONT_MAGIC = {
    b"\x00\x01\x00\x00": "font/ttf",
    b"true": "font/ttf",
    b"OTTO": "font/otf",
    b"wOFF": "font/woff",
    b"wOF2": "font/woff2",
}
IMAGE_TYPES = frozenset(RASTER_TYPES.values()) | {SVG_TYPE}
FONT_TYPES = frozenset(FONT_MAGIC.values())
# Well past any sensible print background (a 300 dpi A4 page is 8.7 Mpx), well below the
# sizes that would make decoding a denial of service.
MAX_PIXELS = 40_000_000
_SVG_ROOT = re.compile(r"^\{http://www\.w3\.org/2000/svg\}svg$|^svg$")


def sniff_asset(name: str, data: bytes) -> Asset:
    """Return the Asset with its content type found from the bytes.

    Raises InvalidDesign (field "assets", naming the file) unless the bytes are a PNG, JPEG,
    GIF, WebP or SVG image, or a TrueType, OpenType, WOFF or WOFF2 font.
    """
    if not name or not name.strip():
        raise InvalidDesign(DesignProblem("an asset has no file name", field="assets"))
    content_type = _font_type(data) or _raster_type(name, data) or _svg_type(name, data)
    if content_type is None:
        raise InvalidDesign(
            DesignProblem(
                f"'{name}' is not an image (PNG, JPEG, GIF, WebP, SVG) or a font (TTF, OTF, WOFF, WOFF2)",
                field="assets",
            )
        )
    return Asset(name=name, content_type=content_type, data=bytes(data))


def _font_type(data: bytes) -> str | None:
    content_type = FONT_MAGIC.get(data[:4])
    if content_type is None:
        return None
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        # Reading these tables proves the file is more than a magic number.
        font["cmap"].getBestCmap()
        font["name"].getDebugName(1)
    except Exception:  # noqa: BLE001 -- fontTools raises anything from TTLibError to struct.error on bad bytes
        return None
    return content_type


def _raster_type(name: str, data: bytes) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                if kind not in RASTER_TYPES:
                    return None
                if image.width * image.height > MAX_PIXELS:
                    raise InvalidDesign(
                        DesignProblem(
                            f"'{name}' is {image.width}x{image.height} pixels, too large to print "
                            f"(at most {MAX_PIXELS // 1_000_000} million pixels)",
                            field="assets",
                        )
                    )
                # verify() walks the whole file (chunk CRCs for PNG); load() proves it decodes.
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except InvalidDesign:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        return None
    return RASTER_TYPES[kind]


def _svg_type(name: str, data: bytes) -> str | None:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    if b"<!ENTITY" in data or b"<!entity" in data:
        # Entities are how XML bombs and external-entity reads start; SVGs do not need them.
        raise InvalidDesign(
            DesignProblem(f"'{name}' is an SVG with XML entities, which are not allowed", field="assets")
        )
    try:
        # Safe: DTDs with entities were refused above, and expat never fetches external ones.
        root = ElementTree.fromstring(data)  # noqa: S314
    except ElementTree.ParseError:
        return None
    return SVG_TYPE if _SVG_ROOT.match(root.tag) else None
