"""Make uploaded images cheap to print, once, when a version is saved.

WeasyPrint embeds a JPEG as it is (DCT pass-through) but decodes and re-compresses a PNG on
every render: a 1500x1060 PNG background costs ~450 ms a certificate against ~40 ms for the
same page with a JPEG. A version never changes, so we pay the conversion once at save time.
See docs/decisions/0012-normalise-assets-at-save.md.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace

from PIL import Image, ImageOps

from .design import Asset

# Print resolution of the largest page we support (A4 is 3508x2480 px at 300 dpi, Letter is
# 3300x2550): more pixels than that are never seen on paper.
MAX_LONG_SIDE = 3508
MAX_SHORT_SIDE = 2550
# Below this an opaque PNG (a logo, a seal) stays PNG: lossless edges, and cheap to embed.
PNG_KEEP_BYTES = 200 * 1024
JPEG_QUALITY = 90
_CONVERTIBLE = frozenset({"image/png", "image/webp"})


def normalise_assets(assets: Sequence[Asset]) -> tuple[Asset, ...]:
    """Re-encode opaque or oversized raster images; keep names, fonts, SVG and GIF unchanged.

    - An opaque PNG/WebP over 200 KB, or larger than print resolution, becomes a JPEG
      (quality 90, at most 300 dpi for the page); its `content_type` says so, its name is kept
      because templates reference it.
    - A PNG/WebP that really uses transparency stays PNG (WebP becomes PNG), scaled down to
      print resolution when larger.
    - A JPEG larger than print resolution is scaled down, a CMYK JPEG becomes RGB (PDF/A);
      otherwise it is kept byte for byte.
    Running it twice changes nothing the second time.
    """
    return tuple(_normalise(asset) for asset in assets)


def _normalise(asset: Asset) -> Asset:
    if asset.content_type not in _CONVERTIBLE and asset.content_type != "image/jpeg":
        return asset
    try:
        with Image.open(io.BytesIO(asset.data)) as image:
            image.load()
            return _normalise_image(asset, image)
    except (OSError, ValueError, Image.DecompressionBombError):
        # sniff_asset accepted it; if Pillow now disagrees, WeasyPrint will report it.
        return asset


def _normalise_image(asset: Asset, image: Image.Image) -> Asset:
    oversized = _target_size(image.size) != image.size
    # A CMYK profile would mislabel the RGB pixels we write.
    icc_profile = image.info.get("icc_profile") if image.mode not in ("CMYK", "I;16", "I") else None
    if asset.content_type == "image/jpeg":
        # A CMYK JPEG would be printed as DeviceCMYK under the sRGB output intent, which PDF/A
        # forbids (ISO 19005-2, 6.2.4.3): it becomes an RGB JPEG.
        if not oversized and image.mode != "CMYK":
            return asset
        image = ImageOps.exif_transpose(image)
        return _as_jpeg(asset, _fit(image).convert("RGB"), icc_profile)
    if _uses_transparency(image):
        if not oversized and asset.content_type == "image/png":
            return asset
        return _as_png(asset, _fit(image.convert("RGBA")), icc_profile)
    if not oversized and len(asset.data) <= PNG_KEEP_BYTES and asset.content_type == "image/png":
        return asset
    return _as_jpeg(asset, _fit(_opaque_rgb(image)), icc_profile)


def _uses_transparency(image: Image.Image) -> bool:
    """True when some pixel is not fully opaque (many PNGs carry an alpha channel they never use)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return False


def _opaque_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale: scale to 8 bits before JPEG, which has no 16-bit mode.
        image = image.point(lambda value: value / 256).convert("L")
    return image.convert("RGB") if image.mode != "L" else image


def _target_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    long_side, short_side = max(width, height), min(width, height)
    scale = min(1.0, MAX_LONG_SIDE / long_side, MAX_SHORT_SIDE / short_side)
    if scale >= 1.0:
        return size
    return max(1, round(width * scale)), max(1, round(height * scale))


def _fit(image: Image.Image) -> Image.Image:
    target = _target_size(image.size)
    return image if target == image.size else image.resize(target, Image.Resampling.LANCZOS)


def _as_jpeg(asset: Asset, image: Image.Image, icc_profile: bytes | None) -> Asset:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, icc_profile=icc_profile)
    return replace(asset, content_type="image/jpeg", data=out.getvalue())


def _as_png(asset: Asset, image: Image.Image, icc_profile: bytes | None) -> Asset:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, icc_profile=icc_profile)
    return replace(asset, content_type="image/png", data=out.getvalue())
