"""What our generation is compared with, each printing the bench certificate to a file.

- BareWarm: WeasyPrint alone on the final HTML our generation rendered (same assets, PDF/A-3b),
  at its best: one FontConfiguration, fetcher, parsed CSS and image cache for every render.
- CompetentScript: what a competent developer writes without our product: the design's HTML as
  a Jinja2 template compiled once, the JPEG background and the one font from files, the
  FontConfiguration, URL fetcher, parsed CSS and image cache reused, segno's QR code as a PNG
  (one pixel a module, drawn without smoothing), one file each.
- ReportlabOverlay: the approach of open-craft/learning-credentials (generators.py): a template
  PDF holding the static page, the variable text drawn by reportlab on an overlay page in a
  registered TrueType font, merged onto the template page with pypdf. learning-credentials
  prints no QR code; this one draws it as a PNG image, as the issue describes the approach.
  Kept cheaper than learning-credentials itself: the font is registered once (it registers it
  for every credential) and the PDF is not encrypted (it encrypts each one with AES-256).
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from . import certificate

PDF_VARIANT = "pdf/a-3b"


def _page_css(css: str) -> str:
    return css.replace("asset:", "") + "@page { size: A4 landscape; margin: 0 } html, body { margin: 0 }"


class BareWarm:
    """WeasyPrint at its best on a final HTML document (its assets are files in ``folder``)."""

    def __init__(self, folder: Path, css: str):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        self.base_url = folder.as_uri() + "/"
        self.fonts = FontConfiguration()
        self.fetcher = URLFetcher()  # the default fetcher builds an SSL context each time it is created
        self.stylesheet = CSS(string=_page_css(css), base_url=self.base_url, font_config=self.fonts,
                              url_fetcher=self.fetcher)
        self.cache: dict = {}

    def __call__(self, markup: str) -> float:
        """Render ``markup`` (asset URLs relative); return the seconds it took."""
        from weasyprint import HTML

        started = time.perf_counter()
        HTML(string=markup.replace("asset:", ""), base_url=self.base_url, url_fetcher=self.fetcher).write_pdf(
            stylesheets=[self.stylesheet], font_config=self.fonts, cache=self.cache, pdf_variant=PDF_VARIANT)
        return time.perf_counter() - started


class CompetentScript:
    """A competent WeasyPrint certificate script (see the module docstring)."""

    def __init__(self, folder: Path, *, pdf_variant: str | None = PDF_VARIANT):
        import jinja2
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in certificate.design_assets().items():
            (folder / name).write_bytes(data)
        self.base_url = folder.as_uri() + "/"
        self.pdf_variant = pdf_variant
        self.template = jinja2.Environment(autoescape=True).from_string(certificate.HTML)
        self.fonts = FontConfiguration()
        self.fetcher = URLFetcher()
        self.stylesheet = CSS(string=_page_css(certificate.CSS), base_url=self.base_url,
                              font_config=self.fonts, url_fetcher=self.fetcher)
        self.cache: dict = {}

    def __call__(self, printed: certificate.Printed, out: Path) -> float:
        import segno
        from markupsafe import Markup
        from weasyprint import HTML

        started = time.perf_counter()
        qr = segno.make_qr(printed.url, error="m", mask=4)
        markup = self.template.render(
            asset=lambda name: name, platform_name=certificate.PLATFORM_NAME, learner_full_name=printed.learner,
            training_kind="course", training_title=printed.training, completion_date=printed.completed_on,
            generation_date=printed.issued_on, certificate_code=printed.code, verification_url=printed.url,
            qr_code=Markup(f'<img src="{qr.png_data_uri(scale=1, border=2)}" alt="" '  # noqa: S704 - segno's PNG
                           'style="width: 100%; height: 100%; image-rendering: pixelated">'))
        document = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>{markup}</body></html>'
        options = {"pdf_variant": self.pdf_variant} if self.pdf_variant else {}
        HTML(string=document, base_url=self.base_url, url_fetcher=self.fetcher).write_pdf(
            out, stylesheets=[self.stylesheet], font_config=self.fonts, cache=self.cache, **options)
        return time.perf_counter() - started


class ReportlabOverlay:
    """The reportlab + pypdf overlay approach (see the module docstring)."""

    FONT = "CertificateSerif"

    def __init__(self, folder: Path):
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfbase.pdfmetrics import registerFont
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas

        folder.mkdir(parents=True, exist_ok=True)
        self.size = landscape(A4)
        # The template PDF an operator uploads: the static page (the background), made once.
        from reportlab import rl_config

        out = io.BytesIO()
        canvas = Canvas(out, pagesize=self.size)
        jpeg = folder / certificate.BACKGROUND_NAME
        jpeg.write_bytes(certificate.background_jpeg())
        binary, rl_config.useA85 = rl_config.useA85, 0  # a designer's PDF holds the JPEG as it is, not in ASCII85
        try:
            canvas.drawImage(str(jpeg), 0, 0, *self.size)
            canvas.save()
        finally:
            rl_config.useA85 = binary
        self.template = out.getvalue()
        registerFont(TTFont(self.FONT, str(certificate.FONT_PATH)))

    def __call__(self, printed: certificate.Printed, out: Path) -> float:
        import segno
        from pypdf import PdfReader, PdfWriter
        from reportlab.lib.units import mm
        from reportlab.lib.utils import ImageReader
        from reportlab.pdfgen.canvas import Canvas

        started = time.perf_counter()
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(self.template)))
        width, height = self.size
        overlay = Canvas(io.BytesIO(), pagesize=self.size)
        overlay.setFillColorRGB(0.11, 0.17, 0.23)
        for text, size, top in ((certificate.PLATFORM_NAME.upper(), 11, 34), ("Certificate of Completion", 34, 52),
                                ("This is to certify that", 13, 66), (printed.learner, 30, 84),
                                ("has successfully completed the course", 13, 96), (printed.training, 20, 108)):
            overlay.setFont(self.FONT, size)
            overlay.drawCentredString(width / 2, height - top * mm, text)
        overlay.setFont(self.FONT, 10)
        for text, bottom in (("COMPLETED ON", 34), (printed.completed_on, 29), ("ISSUED ON", 22),
                             (printed.issued_on, 17)):
            overlay.drawString(30 * mm, bottom * mm, text)
        overlay.drawRightString(width - 30 * mm, 22 * mm, f"CERTIFICATE {printed.code}")
        overlay.setFont(self.FONT, 7)
        overlay.drawRightString(width - 30 * mm, 17 * mm, printed.url)
        png = io.BytesIO()
        segno.make_qr(printed.url, error="m", mask=4).save(png, kind="png", scale=4, border=2)
        png.seek(0)
        overlay.drawImage(ImageReader(png), width - 56 * mm, 27 * mm, 26 * mm, 26 * mm)
        writer.pages[0].merge_page(PdfReader(io.BytesIO(overlay.getpdfdata())).pages[0])
        with open(out, "wb") as file:
            writer.write(file)
        return time.perf_counter() - started
