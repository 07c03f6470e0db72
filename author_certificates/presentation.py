"""What the HTML pages and the REST API present alike, so that neither imports the other.

* ``http_answer``: the HTTP status and code of each exception of the public API (one table);
  the REST API shapes it as DRF's ``{"detail", "code"}`` body, the pages as their own answers.
  An object of another tenant (WrongTenant, a NotFound) is "not found" (404) everywhere, so its
  existence is not revealed; pages answer every NotFound with Django's 404.
* ``iso_datetime``: the one form of dates in JSON.
* ``MAX_VERIFICATION_UPLOAD_BYTES``: the size limit of a PDF uploaded for verification.
"""

from __future__ import annotations

import datetime

from django.http import StreamingHttpResponse

from .exceptions import (
    AuthorCertificatesError,
    CertificateConflict,
    CertificateInUse,
    InvalidDesign,
    InvalidInput,
    NotCompleted,
    NotFound,
    NothingAssigned,
    PermissionDenied,
    UploadTooLarge,
    VersionConflict,
    WrongTenant,
)

# A certificate is a few hundred kilobytes; anything much larger cannot be one of ours.
MAX_VERIFICATION_UPLOAD_BYTES = 20 * 1024 * 1024

# Most specific first: NotCompleted is a PermissionDenied, MalformedTrainingKey an InvalidInput.
_ANSWERS: tuple[tuple[type[AuthorCertificatesError], int, str], ...] = (
    (NotCompleted, 403, "not_completed"),
    (PermissionDenied, 403, "permission_denied"),
    (NotFound, 404, "not_found"),  # WrongTenant too: another tenant's object is not revealed
    (InvalidDesign, 400, "invalid_design"),
    (UploadTooLarge, 413, "too_large"),
    (InvalidInput, 400, "invalid"),
    (NothingAssigned, 409, "nothing_assigned"),
    (VersionConflict, 409, "version_conflict"),
    (CertificateInUse, 409, "in_use"),
    (CertificateConflict, 409, "certificate_conflict"),
)


def http_answer(error: BaseException) -> tuple[int, str] | None:
    """The HTTP status and code answering ``error``, or None when it has no specific answer.

    Errors without one (rendering or generation failures: bugs or infrastructure) are left to
    surface as 500s and be logged.
    """
    if not isinstance(error, AuthorCertificatesError):
        return None
    for error_type, status, code in _ANSWERS:
        if isinstance(error, error_type):
            return status, code
    return None


def public_message(error: AuthorCertificatesError) -> str:
    """The message shown for ``error``: its own, except for another tenant's object (not revealed)."""
    return "Not found." if isinstance(error, WrongTenant) else str(error)


def iso_datetime(moment: datetime.datetime | datetime.date | None) -> str | None:
    """``moment`` in ISO 8601 (with its offset), or None."""
    return moment.isoformat() if moment else None


def certificate_archive_response(slug: str, chunks) -> StreamingHttpResponse:
    """The streamed ZIP download of a training's certificates, ``certificates-<slug>.zip`` (the
    page and the REST API send the same)."""
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="certificates-{slug}.zip"'
    response["Cache-Control"] = "no-store"
    return response
