"""sniff_asset decides from the bytes, never from the name, and accepts only images and fonts."""

import pytest
from PIL import Image

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import sniff_asset

from . import samples


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (samples.png(), "image/png"),
        (samples.jpeg(), "image/jpeg"),
        (samples.image_bytes(Image.new("P", (4, 4)), "GIF"), "image/gif"),
        (samples.image_bytes(Image.new("RGB", (4, 4)), "WEBP"), "image/webp"),
        (samples.svg(), "image/svg+xml"),
        (b'<?xml version="1.0"?>\n' + samples.svg(), "image/svg+xml"),
        (samples.ttf(), "font/ttf"),
        (samples.otf(), "font/otf"),
        (samples.woff(), "font/woff"),
        (samples.woff2(), "font/woff2"),
    ],
    ids=["png", "jpeg", "gif", "webp", "svg", "svg-xml-decl", "ttf", "otf", "woff", "woff2"],
)
def test_accepted_types_come_from_the_bytes(data, content_type):
    asset = sniff_asset("misleading-name.txt", data)
    assert asset.content_type == content_type
    assert asset.name == "misleading-name.txt"
    assert asset.data == data


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, I am a text file",
        b"\x89PNG\r\n\x1a\n" + b"not really a png" * 10,
        b"GIF89a" + b"\x00" * 20,
        b"\xff\xd8\xff\xe0" + b"garbage" * 10,
        samples.png()[:40],
        samples.image_bytes(Image.new("RGB", (4, 4)), "BMP"),
        samples.image_bytes(Image.new("RGB", (4, 4)), "TIFF"),
        b"<html><body>not an svg</body></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed></svg>",
        b"OTTO" + b"\x00" * 100,
        b"\x00\x01\x00\x00" + b"\x00" * 100,
        b"wOF2" + b"\x00" * 100,
        b"%PDF-1.7\n",
    ],
    ids=[
        "empty",
        "text",
        "fake-png",
        "fake-gif",
        "fake-jpeg",
        "truncated-png",
        "bmp",
        "tiff",
        "html",
        "broken-svg",
        "fake-otf",
        "fake-ttf",
        "fake-woff2",
        "pdf",
    ],
)
def test_other_bytes_are_refused_naming_the_file(data):
    with pytest.raises(InvalidDesign) as raised:
        sniff_asset("background.png", data)
    (problem,) = raised.value.problems
    assert problem.field == "assets"
    assert "'background.png'" in problem.message


def test_svg_with_entities_is_refused():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    with pytest.raises(InvalidDesign, match="entities"):
        sniff_asset("evil.svg", xxe)


def test_decompression_bomb_is_refused():
    bomb = samples.image_bytes(Image.new("1", (9000, 9000)), "PNG")  # 81 Mpx in a few KB
    with pytest.raises(InvalidDesign, match="too large"):
        sniff_asset("bomb.png", bomb)


def test_nameless_asset_is_refused():
    with pytest.raises(InvalidDesign, match="no file name"):
        sniff_asset("  ", samples.png())
