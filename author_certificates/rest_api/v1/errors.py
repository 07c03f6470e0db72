"""One mapping from the public API's exceptions to HTTP answers, shared by every endpoint.

NotFound -> 404, InvalidInput -> 400 (UploadTooLarge -> 413), PermissionDenied / NotCompleted -> 403, WrongTenant -> 404
by default (403 where a view says so), NothingAssigned and VersionConflict -> 409. Bodies have
DRF's shape, ``{"detail": ..., "code": ...}``, plus ``problems`` for an invalid design, so that a
client handles our errors and DRF's own (authentication, throttling) the same way.
"""

from __future__ import annotations

from django.http import JsonResponse
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from ...exceptions import (
    AuthorCertificatesError,
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

# Most specific first: NotCompleted is a PermissionDenied, MalformedTrainingKey an InvalidInput.
_STATUS_AND_CODE: tuple[tuple[type[AuthorCertificatesError], int, str], ...] = (
    (NotCompleted, status.HTTP_403_FORBIDDEN, "not_completed"),
    (PermissionDenied, status.HTTP_403_FORBIDDEN, "permission_denied"),
    (NotFound, status.HTTP_404_NOT_FOUND, "not_found"),
    (InvalidDesign, status.HTTP_400_BAD_REQUEST, "invalid_design"),
    (UploadTooLarge, status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "too_large"),
    (InvalidInput, status.HTTP_400_BAD_REQUEST, "invalid"),
    (NothingAssigned, status.HTTP_409_CONFLICT, "nothing_assigned"),
    (VersionConflict, status.HTTP_409_CONFLICT, "version_conflict"),
)


def status_and_body(
    error: AuthorCertificatesError, *, wrong_tenant_status: int = status.HTTP_404_NOT_FOUND
) -> tuple[int, dict]:
    """The HTTP status and JSON body for ``error``; 500 with a neutral body for an unmapped error.

    A WrongTenant answers ``wrong_tenant_status``: 404 by default so that another tenant's
    objects stay invisible; staff pages that already showed the object may choose 403.
    """
    if isinstance(error, WrongTenant):
        if wrong_tenant_status == status.HTTP_404_NOT_FOUND:
            return wrong_tenant_status, {"detail": "Not found.", "code": "not_found"}
        return wrong_tenant_status, {"detail": str(error), "code": "wrong_tenant"}
    for error_type, http_status, code in _STATUS_AND_CODE:
        if isinstance(error, error_type):
            body: dict = {"detail": str(error), "code": code}
            if isinstance(error, InvalidDesign):
                body["problems"] = [
                    {"message": problem.message, "line": problem.line, "field": problem.field}
                    for problem in error.problems
                ]
            return http_status, body
    return status.HTTP_500_INTERNAL_SERVER_ERROR, {"detail": "Unexpected error.", "code": "error"}


def error_response(error: AuthorCertificatesError, **options) -> Response:
    """A DRF Response for ``error`` (see status_and_body for the options)."""
    http_status, body = status_and_body(error, **options)
    return Response(body, status=http_status)


def json_error_response(error: AuthorCertificatesError, **options) -> JsonResponse:
    """A plain Django JsonResponse for ``error``, for views that are not DRF views."""
    http_status, body = status_and_body(error, **options)
    return JsonResponse(body, status=http_status)


class MapErrorsMixin:
    """A DRF view mixin that answers the package's exceptions with status_and_body.

    Errors without a specific answer (rendering or generation failures: bugs or infrastructure)
    are left to DRF, so they surface as 500s and are logged. Set ``wrong_tenant_status = 403``
    on a view that should say "forbidden" rather than "not found".
    """

    wrong_tenant_status = status.HTTP_404_NOT_FOUND

    def handle_exception(self, exc: Exception) -> Response:  # DRF hook
        if is_mapped(exc):
            return error_response(exc, wrong_tenant_status=self.wrong_tenant_status)
        return super().handle_exception(exc)  # type: ignore[misc]


class ErrorMappingAPIView(MapErrorsMixin, APIView):
    """An APIView with the package's error mapping."""


def is_mapped(error: Exception) -> bool:
    """True when ``error`` is one of the package's errors with a specific HTTP answer (not a 500)."""
    return isinstance(error, AuthorCertificatesError) and status_and_body(error)[0] != 500
