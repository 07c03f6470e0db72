"""Nothing outside the design is ever fetched or embedded: file:, http(s): (loopback, cloud
metadata), relative paths, @import, @font-face, attachments. Validation names the URL, a
render raises, and the PDF never contains the target's content."""

import socket
import threading

import pytest

from author_certificates.exceptions import InvalidDesign
from author_certificates.rendering import Design, render_pdf, validate_design
from author_certificates.rendering.engine import PDF_VARIANT, RENDER_LOCK, layout, prepare
from author_certificates.rendering.fetcher import DesignFetcher, RefusedURL, asset_url, recording_refusals

from .pdfcheck import make_context, pdf_text, reader

DEJAVU = "file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SVG_WITH_FILE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
    '<image href="file:///etc/passwd" width="20" height="20"/></svg>'
)

# (id, html, css, what the validation message must name)
CASES = [
    ("img-file", '<img src="file:///etc/passwd">', "", "file:///etc/passwd"),
    ("img-loopback", '<img src="http://127.0.0.1:9/">', "", "http://127.0.0.1:9/"),
    (
        "img-metadata",
        '<img src="http://169.254.169.254/latest/meta-data/">',
        "",
        "http://169.254.169.254/latest/meta-data/",
    ),
    ("img-https", '<img src="https://example.com/logo.png">', "", "https://example.com/logo.png"),
    ("img-relative", '<img src="../../../../etc/passwd">', "", "../../../../etc/passwd"),
    ("base-href", '<base href="file:///etc/"><img src="passwd">', "", "file:///etc/passwd"),
    ("inline-svg-image", SVG_WITH_FILE, "", "file:///etc/passwd"),
    ("object", '<object data="file:///etc/passwd"></object>', "", "file:///etc/passwd"),
    ("embed", '<embed src="file:///etc/passwd">', "", "file:///etc/passwd"),
    ("css-background", "<p>x</p>", "p { background: url(file:///etc/passwd) }", "file:///etc/passwd"),
    ("css-metadata", "<p>x</p>", "p { background: url(http://169.254.169.254/) }", "http://169.254.169.254/"),
    ("style-attr", '<p style="background: url(http://127.0.0.1:9/x)">x</p>', "", "http://127.0.0.1:9/x"),
    (
        "font-face-file",
        "<p>x</p>",
        f"@font-face {{ font-family: X; src: url({DEJAVU}) }} p {{ font-family: X }}",
        DEJAVU,
    ),
    (
        "font-face-local",
        "<p>x</p>",
        '@font-face { font-family: X; src: local("DejaVu Sans") } p { font-family: X }',
        "local()",
    ),
    ("import-file", "<p>x</p>", "@import url(file:///etc/passwd);", "file:///etc/passwd"),
    ("import-http", "<p>x</p>", '@import "http://127.0.0.1:9/x.css";', "http://127.0.0.1:9/x.css"),
    ("style-import", "<style>@import url(file:///etc/passwd);</style><p>x</p>", "", "file:///etc/passwd"),
    ("link-stylesheet", '<link rel="stylesheet" href="file:///etc/passwd"><p>x</p>', "", "file:///etc/passwd"),
    ("link-attachment", '<link rel="attachment" href="file:///etc/passwd"><p>x</p>', "", "file:///etc/passwd"),
    ("a-attachment", '<a rel="attachment" href="file:///etc/passwd">x</a>', "", "file:///etc/passwd"),
    ("unknown-asset-url", '<img src="asset:missing.png">', "", "missing.png"),
]


@pytest.mark.parametrize(("html", "css", "named"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_validation_names_the_refused_url(html, css, named):
    with pytest.raises(InvalidDesign) as raised:
        validate_design(Design(html=html, css=css))
    assert any(named in problem.message for problem in raised.value.problems), raised.value.problems


@pytest.mark.parametrize(("html", "css", "named"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_render_raises_instead_of_fetching(html, css, named):
    with pytest.raises(InvalidDesign):
        render_pdf(Design(html=html, css=css), make_context())


@pytest.mark.parametrize(("html", "css"), [case[1:3] for case in CASES], ids=[case[0] for case in CASES])
def test_pdf_never_contains_the_target(html, css):
    """Even if the refusal were ignored, the PDF WeasyPrint writes holds no byte of the file."""
    design = Design(html=html, css=css)
    with RENDER_LOCK, recording_refusals():
        prepared = prepare(design, trial=True)
        document, _ = layout(prepared, design, make_context())
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=True)
    assert b"root:x:0:0" not in pdf
    assert "root:" not in pdf_text(pdf)
    assert not reader(pdf).attachments
    assert b"/EmbeddedFile" not in pdf


def test_no_connection_is_ever_made():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    connections = []

    def accept():
        try:
            connections.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    design = Design(
        html=f'<img src="{base}/a.png"><link rel="attachment" href="{base}/b">',
        css=f"@import url({base}/c.css); p {{ background: url({base}/d) }}",
    )
    with pytest.raises(InvalidDesign):
        validate_design(design)
    with pytest.raises(InvalidDesign):
        render_pdf(design, make_context())
    thread.join()
    server.close()
    assert connections == []


def test_refused_url_is_refused_again_on_a_cached_design():
    """WeasyPrint caches a failed image as None: a second render must not skip it silently."""
    design = Design(html='<img src="{{ verification_url }}">', css="", cache_key="test:refused-twice")
    for _ in range(2):
        with pytest.raises(InvalidDesign):
            render_pdf(design, make_context(verification_url="file:///etc/passwd"))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/",
        "https://169.254.169.254/",
        "ftp://example.com/x",
        "etc/passwd",
        "/etc/passwd",
        "asset:other.png",
        "javascript:alert(1)",
    ],
)
def test_fetcher_refuses_and_records(url):
    fetcher = DesignFetcher(())
    with recording_refusals() as refusals:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert [refusal.url for refusal in refusals] == [url]


def test_fetcher_serves_data_uris_and_own_assets():
    from author_certificates.rendering import Asset

    fetcher = DesignFetcher([Asset("my logo.png", "image/png", b"PNGDATA")])
    response = fetcher.fetch(asset_url("my logo.png"))
    assert response.read() == b"PNGDATA"
    assert response.content_type == "image/png"
    assert fetcher.fetch("data:text/plain;base64,aGVsbG8=").read() == b"hello"
    assert fetcher.fetch("data:,hi%20there").read() == b"hi there"
