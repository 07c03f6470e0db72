"""Sample data for previews and trial renders, in the design's language.

Fixed dates and values, so that a preview is reproducible and a trial render exercises a
realistic name length with non-ASCII letters.
"""

from __future__ import annotations

import datetime

from .design import CertificateContext
from .placeholders import base_language

SAMPLE_DATE = datetime.date(2026, 3, 14)
_TITLES = {
    "en": "Introduction to Data Analysis",
    "es": "Introducción al análisis de datos",
    "fr": "Introduction à l’analyse de données",
    "de": "Einführung in die Datenanalyse",
    "pt": "Introdução à análise de dados",
}


def sample_context(language: str = "en", *, platform_name: str = "Open edX") -> CertificateContext:
    """A plausible certificate for previews: not a real learner, not a real code (the platform's
    name is the site's, given by the caller)."""
    return CertificateContext(
        learner_full_name="Ana María Müller-Šťastná",
        learner_username="ana.muller",
        training_title=_TITLES.get(base_language(language), _TITLES["en"]),
        training_kind="course",
        completion_date=SAMPLE_DATE,
        generation_date=SAMPLE_DATE,
        certificate_code="SAMPLE-7F3A-92C1",
        verification_url="https://lms.example.com/certificates/verify/00000000-0000-0000-0000-000000000000",
        platform_name=platform_name,
    )
