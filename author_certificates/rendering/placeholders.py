"""The placeholders a design may use, and their values for one certificate.

This is the whole vocabulary of a design: the sandbox exposes these names and `asset()`, and
validation refuses any other name. Dates are formatted here, in the design's language, so that
authors never need filters or locale logic in their templates.
"""

from __future__ import annotations

import base64
import datetime
import io
from collections.abc import Mapping
from types import MappingProxyType

import segno
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup
from PIL import Image, ImageOps

from .design import CertificateContext


def gettext_noop(message: str) -> str:
    """Mark a string for the translation catalogues without translating it here.

    Django's makemessages finds calls by this name; rendering stays free of Django, and the web
    layer translates the string when it shows it (the Studio editor's list of placeholders).
    """
    return message


PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "learner_full_name": gettext_noop("The learner's full name, as registered (falls back to the username)."),
        "learner_username": gettext_noop("The learner's username on the platform."),
        "training_title": gettext_noop("The title of the course, pathway or learning program."),
        "training_kind": gettext_noop(
            'The kind of training in the design\'s language, e.g. "course" or "learning program".'),
        "completion_date": gettext_noop(
            "The date the learner completed the training, long format in the design's language."),
        "generation_date": gettext_noop(
            "The date the certificate was first generated, long format in the design's language."),
        "certificate_code": gettext_noop("The certificate's unique code, to quote when verifying it."),
        "verification_url": gettext_noop("The public web address where anyone can verify the certificate."),
        "qr_code": gettext_noop("A QR code (inline SVG, sized with CSS) that encodes the verification URL."),
        "platform_name": gettext_noop("The name of the learning platform that issues the certificate."),
    }
)

# The label of a training kind, lower case so that it reads well inside a sentence. Kept here
# (not in gettext catalogs) because rendering is pure and must not depend on Django's
# translation machinery; the languages are those of the classic certificates.
KIND_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {"course": "course", "pathway": "pathway", "program": "learning program"},
        "es": {"course": "curso", "pathway": "itinerario", "program": "programa formativo"},
        "fr": {"course": "cours", "pathway": "parcours", "program": "programme de formation"},
        "de": {"course": "Kurs", "pathway": "Lernpfad", "program": "Lernprogramm"},
        "pt": {"course": "curso", "pathway": "percurso", "program": "programa de aprendizagem"},
    }
)


def base_language(language: str) -> str:
    """ "pt-BR" -> "pt": the key of our own per-language tables."""
    return (language or "en").replace("_", "-").split("-", 1)[0].lower()


def babel_locale(language: str) -> Locale:
    """The Babel locale for a BCP 47-ish code, English when Babel does not know it."""
    try:
        return Locale.parse((language or "en").replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def format_long_date(value: datetime.date, language: str) -> str:
    return format_date(value, format="long", locale=babel_locale(language))


def kind_label(kind: str, language: str) -> str:
    labels = KIND_LABELS.get(base_language(language), KIND_LABELS["en"])
    return labels.get(kind, kind)


# A regular QR code (never a Micro QR code, which many phone cameras cannot read), medium error
# correction, and a fixed mask: any of the eight masks scans, and letting segno score all eight
# to pick the "best" one costs ~10 ms per certificate, more than all the rest of what we add
# to WeasyPrint's own render (see docs/decisions/0025-generation-overhead.md).
QR_ERROR = "m"
QR_MASK = 4
QR_BORDER = 2
_DARK_TO_BLACK = bytes.maketrans(b"\x00\x01", b"\xff\x00")  # segno: 1 = dark module; PNG: 0 = black


def qr_code_png(url: str) -> bytes:
    """The QR code as a 1-bit PNG, one pixel per module, with a light border of QR_BORDER modules."""
    qr = segno.make_qr(url or " ", error=QR_ERROR, mask=QR_MASK)
    modules = len(qr.matrix)
    pixels = b"".join(bytes(row).translate(_DARK_TO_BLACK) for row in qr.matrix)
    image = ImageOps.expand(Image.frombytes("L", (modules, modules), pixels), border=QR_BORDER, fill=255)
    out = io.BytesIO()
    image.convert("1").save(out, "PNG")
    return out.getvalue()


def qr_code_svg(url: str) -> Markup:
    """Inline SVG without width/height, so that CSS sizes it; Markup because we built it.

    The modules are a PNG image inside the SVG (one pixel per module, drawn without smoothing:
    the PDF/A finisher sets /Interpolate false), not vector paths: WeasyPrint parses an SVG path
    in Python, and the QR code's path cost a fifth of the whole render of a certificate; a PNG
    is decoded by Pillow. See docs/decisions/0075-benchmark-as-operators-run-it.md.
    """
    png = qr_code_png(url)
    size = int.from_bytes(png[16:20], "big")  # the width in the PNG's header (IHDR)
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    svg = (f'<svg viewBox="0 0 {size} {size}" class="qr-code">'
           f'<image width="{size}" height="{size}" href="{uri}"/></svg>')
    return Markup(svg)  # noqa: S704 -- numbers and base64 only, no user text: the URL is encoded as modules


def placeholder_values(context: CertificateContext, language: str) -> dict[str, object]:
    """The values of every placeholder for one certificate. Strings stay plain `str` so that
    autoescaping turns any markup in them (a learner can choose their name) into text."""
    return {
        "learner_full_name": context.learner_full_name or context.learner_username,
        "learner_username": context.learner_username,
        "training_title": context.training_title,
        "training_kind": kind_label(context.training_kind, language),
        "completion_date": format_long_date(context.completion_date, language),
        "generation_date": format_long_date(context.generation_date, language),
        "certificate_code": context.certificate_code,
        "verification_url": context.verification_url,
        "qr_code": qr_code_svg(context.verification_url),
        "platform_name": context.platform_name,
    }
