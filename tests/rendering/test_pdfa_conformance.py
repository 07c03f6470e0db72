"""PDF/A-3b holds for every kind of design: raster images (PNG, JPEG, transparent PNG, as <img>
and CSS background), an SVG containing a PNG, an uploaded font, and transparency.

Checked object by object by tests/rendering/pdfa.py (no independent validator can be installed
from the registries we reach: veraPDF is Java) and by `qpdf --check`. The check is first shown
to catch the violation WeasyPrint really writes (`/Interpolate true`, veraPDF rule 6.2.8-3).
"""

import base64
import subprocess

import pytest
from PIL import Image

from author_certificates.rendering import Design, classic_design, normalise_assets, render_pdf, sniff_asset
from author_certificates.rendering.engine import layout as lay_out
from author_certificates.rendering.engine import prepare

from . import samples
from .pdfa import pdfa_3b_violations, qpdf_objects
from .pdfcheck import make_context, qpdf_check


def assets(**files: bytes):
    return normalise_assets([sniff_asset(name.replace("_", "."), data) for name, data in files.items()])


def svg_with_png() -> bytes:
    encoded = base64.b64encode(samples.png(20, 20)).decode()
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'viewBox="0 0 20 20"><image width="20" height="20" xlink:href="data:image/png;base64,{encoded}"/>'
            f'<image x="5" width="10" height="10" href="asset:logo.png"/></svg>').encode()


NAME = "<h1>{{ learner_full_name }}</h1><p>{{ training_title }}</p>"
DESIGNS = {
    "png": Design(html=NAME + "<img src=\"{{ asset('logo.png') }}\" alt='' style='width: 3cm'>", css="",
                  assets=assets(logo_png=samples.png(60, 40))),
    "jpeg": Design(html=NAME + "<img src=\"{{ asset('photo.jpg') }}\" alt='' style='width: 5cm'>", css="",
                   assets=assets(photo_jpg=samples.image_bytes(samples.photo(300, 200), "JPEG"))),
    "transparent png": Design(html=NAME + "<img src=\"{{ asset('seal.png') }}\" alt='' style='width: 4cm'>", css="",
                              assets=assets(seal_png=samples.image_bytes(samples.transparent_logo(), "PNG"))),
    "css background": Design(html=NAME, css="body { background: url(asset:bg.png) center / cover }",
                             assets=assets(bg_png=samples.image_bytes(samples.photo(400, 280), "PNG"))),
    "svg containing png": Design(html=NAME + "<img src=\"{{ asset('badge.svg') }}\" alt='' style='width: 4cm'>",
                                 css="", assets=assets(badge_svg=svg_with_png(), logo_png=samples.png(30, 30))),
    "uploaded font": Design(html=NAME, css="@font-face { font-family: Upload; src: url(asset:font.ttf) }"
                                          " h1, p { font-family: Upload }", assets=assets(font_ttf=samples.ttf())),
    "transparency": Design(html=NAME + "<p style='opacity: .4'>faded</p><div style='background: rgba(200, 0, 0, .3);"
                                       " width: 5cm; height: 2cm'></div>", css="h1 { color: rgba(0, 0, 80, .7) }"),
    "everything": Design(
        html=NAME + "<img src=\"{{ asset('seal.png') }}\" alt='' style='width: 3cm; opacity: .8'>"
                    "<img src=\"{{ asset('badge.svg') }}\" alt='' style='width: 3cm'>{{ qr_code }}"
                    "<a href='{{ verification_url }}'>verify</a>",
        css="@font-face { font-family: Upload; src: url(asset:font.ttf) } body { font-family: Upload;"
            " background: url(asset:photo.jpg) } .qr-code { width: 2cm }",
        assets=assets(seal_png=samples.image_bytes(samples.transparent_logo(), "PNG"), badge_svg=svg_with_png(),
                      logo_png=samples.png(30, 30), font_ttf=samples.ttf(),
                      photo_jpg=samples.image_bytes(samples.photo(300, 200), "JPEG"))),
    "classic": classic_design("en"),
}


@pytest.mark.parametrize("design", DESIGNS.values(), ids=DESIGNS.keys())
def test_the_certificate_conforms_to_pdfa_3b(design):
    pdf = render_pdf(design, make_context())

    assert pdfa_3b_violations(pdf) == []
    check = qpdf_check(pdf)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("name", ["png", "transparent png", "svg containing png", "everything"])
def test_every_image_and_soft_mask_says_interpolate_false(name):
    objects = qpdf_objects(render_pdf(DESIGNS[name], make_context())).values()
    images = [entry["stream"]["dict"] for entry in objects
              if "stream" in entry and entry["stream"]["dict"].get("/Subtype") == "/Image"]

    assert images  # the design really has raster images (and soft masks for transparent PNGs)
    assert {image.get("/Interpolate") for image in images} == {False}
    if name in ("transparent png", "everything"):
        assert any("/SMask" in image for image in images)


def test_the_check_catches_what_weasyprint_writes_without_our_finisher():
    design = DESIGNS["transparent png"]
    prepared = prepare(design)
    document, _ = lay_out(prepared, design, make_context())
    raw = document.write_pdf(pdf_variant="pdf/a-3b", cache=prepared.image_cache)

    violations = pdfa_3b_violations(raw)

    assert len(violations) == 2  # the image and its soft mask
    assert all(violation.startswith("6.2.8-3: image") for violation in violations)


def test_the_check_catches_fonts_not_embedded_and_encryption(tmp_path):
    from .pdfa import _object_violations

    font = {"/Type": "/Font", "/Subtype": "/TrueType", "/BaseFont": "/X", "/FontDescriptor": {"/FontName": "/X"}}
    assert _object_violations("9 0 R", font, lambda value: value, "/DeviceRGB") == [
        "6.2.11.4.1: font /X (9 0 R) is not embedded"]
    plain, locked = tmp_path / "plain.pdf", tmp_path / "locked.pdf"
    plain.write_bytes(render_pdf(DESIGNS["png"], make_context()))
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", str(plain), str(locked)], check=True)
    assert "6.1.3-2: the file is encrypted" in pdfa_3b_violations(locked.read_bytes())


def test_a_cmyk_jpeg_becomes_rgb_when_saved_so_that_it_conforms():
    cmyk = samples.image_bytes(Image.new("CMYK", (20, 20), (0, 80, 80, 0)), "JPEG")
    [normalised] = assets(cmyk_jpg=cmyk)
    design = Design(html="<img src=\"{{ asset('cmyk.jpg') }}\" alt=''>", css="", assets=(normalised,))

    assert normalised.content_type == "image/jpeg"
    assert pdfa_3b_violations(render_pdf(design, make_context())) == []
    raw = Design(html=design.html, css="", assets=(sniff_asset("cmyk.jpg", cmyk),))
    assert pdfa_3b_violations(render_pdf(raw, make_context())) == [
        "6.2.4.3: image 9 0 R uses /DeviceCMYK with a /DeviceRGB output intent"]
