"""normalise_assets re-encodes what would be slow to print, keeps what must stay, and keeps names."""

import io

from PIL import Image

from author_certificates.rendering import Asset, Design, normalise_assets, render_pdf, sniff_asset
from author_certificates.rendering.normalise import MAX_LONG_SIDE, MAX_SHORT_SIDE, PNG_KEEP_BYTES

from . import samples
from .pdfcheck import make_context, page_count


def opened(asset: Asset) -> Image.Image:
    image = Image.open(io.BytesIO(asset.data))
    image.load()
    return image


def test_large_opaque_png_becomes_jpeg_with_the_same_name():
    data = samples.image_bytes(samples.photo(1500, 1060), "PNG")
    assert len(data) > PNG_KEEP_BYTES
    (result,) = normalise_assets([sniff_asset("background.png", data)])
    assert result.name == "background.png"
    assert result.content_type == "image/jpeg"
    assert opened(result).format == "JPEG"
    assert opened(result).size == (1500, 1060)


def test_png_with_an_unused_alpha_channel_is_opaque():
    data = samples.image_bytes(samples.photo(1200, 800).convert("RGBA"), "PNG")
    (result,) = normalise_assets([sniff_asset("bg.png", data)])
    assert result.content_type == "image/jpeg"


def test_transparent_png_stays_png_untouched():
    asset = sniff_asset("logo.png", samples.image_bytes(samples.transparent_logo(), "PNG"))
    (result,) = normalise_assets([asset])
    assert result == asset


def test_oversized_transparent_png_is_scaled_but_stays_transparent_png():
    asset = sniff_asset("seal.png", samples.image_bytes(samples.transparent_logo(5000, 2000), "PNG"))
    (result,) = normalise_assets([asset])
    image = opened(result)
    assert result.content_type == "image/png"
    assert image.format == "PNG"
    assert image.size == (MAX_LONG_SIDE, round(2000 * MAX_LONG_SIDE / 5000))
    assert image.getchannel("A").getextrema()[0] == 0


def test_small_opaque_png_is_kept_lossless():
    asset = sniff_asset("icon.png", samples.png(64, 64))
    assert normalise_assets([asset]) == (asset,)


def test_jpeg_larger_than_print_resolution_is_scaled_down():
    asset = sniff_asset("photo.jpg", samples.image_bytes(samples.photo(5000, 3000), "JPEG", quality=80))
    (result,) = normalise_assets([asset])
    width, height = opened(result).size
    assert result.content_type == "image/jpeg"
    assert max(width, height) <= MAX_LONG_SIDE
    assert min(width, height) <= MAX_SHORT_SIDE
    assert abs(width / height - 5000 / 3000) < 0.01


def test_jpeg_within_print_resolution_is_kept_byte_for_byte():
    asset = sniff_asset("photo.jpg", samples.image_bytes(samples.photo(1200, 800), "JPEG"))
    assert normalise_assets([asset]) == (asset,)


def test_opaque_webp_becomes_jpeg():
    asset = sniff_asset("bg.webp", samples.image_bytes(samples.photo(1200, 800), "WEBP", lossless=True))
    (result,) = normalise_assets([asset])
    assert (result.name, result.content_type) == ("bg.webp", "image/jpeg")


def test_fonts_svg_and_gif_are_untouched():
    assets = [
        sniff_asset("f.ttf", samples.ttf()),
        sniff_asset("f.woff2", samples.woff2()),
        sniff_asset("s.svg", samples.svg()),
        sniff_asset("a.gif", samples.image_bytes(samples.photo(600, 400).convert("P"), "GIF")),
    ]
    assert normalise_assets(assets) == tuple(assets)


def test_normalising_twice_changes_nothing():
    assets = [
        sniff_asset("bg.png", samples.image_bytes(samples.photo(1500, 1060), "PNG")),
        sniff_asset("seal.png", samples.image_bytes(samples.transparent_logo(5000, 2000), "PNG")),
    ]
    once = normalise_assets(assets)
    assert normalise_assets(once) == once


def test_normalised_background_renders():
    (background,) = normalise_assets(
        [sniff_asset("background.png", samples.image_bytes(samples.photo(1500, 1060), "PNG"))]
    )
    design = Design(
        html="<p>{{ learner_full_name }}</p>",
        css="body { background: url(asset:background.png) no-repeat center / cover }",
        assets=(background,),
    )
    pdf = render_pdf(design, make_context())
    assert page_count(pdf) == 1
    assert b"/DCTDecode" in pdf  # embedded as JPEG, not re-compressed
