"""The placeholders a design may use, and their values for one certificate.

This is the whole vocabulary of a design: the sandbox exposes these names and `asset()`, and
validation refuses any other name. Dates are formatted here, in the design's language, so that
authors never need filters or locale logic in their templates.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from types import MappingProxyType

import segno
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup

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
_DARK_RUN = re.compile(rb"\x01+")


def qr_code_svg(url: str) -> Markup:
    """Inline SVG without width/height, so that CSS sizes it; Markup because we built it.

    The same SVG, byte for byte, as segno's ``svg_inline(omitsize=True, border=2,
    svgclass="qr-code", lineclass=None)``: one stroked path, each run of dark modules of a row a
    horizontal line. Built here from the module matrix with a regex over each row, which takes
    a third of the time of segno's module-by-module writer.
    """
    qr = segno.make_qr(url or " ", error=QR_ERROR, mask=QR_MASK)
    size = qr.symbol_size(border=QR_BORDER)[0]
    moves = []
    x, last_row = 0, None  # where the previous line ended: the path moves relative to it
    for row_y, row in enumerate(qr.matrix, start=QR_BORDER):
        runs = [run.span() for run in _DARK_RUN.finditer(row)]
        if not runs:
            continue
        # A stroke of width 1 along the middle of the row: the first one starts half a module down.
        dy = f"{row_y + 0.5:g}" if last_row is None else row_y - last_row
        start, end = runs[0]
        moves.append(f"m{start + QR_BORDER - x} {dy}h{end - start}")
        for start, next_end in runs[1:]:
            moves.append(f"m{start - end} 0h{next_end - start}")
            end = next_end
        x, last_row = end + QR_BORDER, row_y
    path = "M" + "".join(moves)[1:]
    svg = f'<svg viewBox="0 0 {size} {size}" class="qr-code"><path stroke="#000" d="{path}"/></svg>'
    return Markup(svg)  # noqa: S704 -- numbers only, no user text: the URL is encoded as modules


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
