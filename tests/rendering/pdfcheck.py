"""Small helpers to look inside rendered PDFs (pdftotext, pypdf, qpdf)."""

from __future__ import annotations

import datetime
import io
import subprocess
import tempfile

from pypdf import PdfReader

from author_certificates.rendering import CertificateContext

FIXED_DATE = datetime.date(2026, 3, 14)
GENERATED = datetime.date(2026, 3, 20)


def make_context(**overrides) -> CertificateContext:
    values = {
        "learner_full_name": "Grace Hopper",
        "learner_username": "ghopper",
        "training_title": "Compilers for Everyone",
        "training_kind": "course",
        "completion_date": FIXED_DATE,
        "generation_date": GENERATED,
        "certificate_code": "CODE-1234-ABCD",
        "verification_url": "https://lms.example.com/verify/1234abcd",
        "platform_name": "Example Academy",
    }
    values.update(overrides)
    return CertificateContext(**values)


def pdf_text(pdf: bytes) -> str:
    """The text of the PDF as poppler extracts it (what a reader would copy)."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def flat_text(pdf: bytes) -> str:
    """pdftotext output with runs of whitespace collapsed, for phrases that may wrap."""
    return " ".join(pdf_text(pdf).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:  # qpdf does not read stdin
        handle.write(pdf)
        handle.flush()
        return subprocess.run(["qpdf", "--check", handle.name], capture_output=True)
