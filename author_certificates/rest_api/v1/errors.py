"""The REST API's answer to the public API's exceptions, shared by every endpoint.

The statuses come from ``presentation.http_answer`` (the table the pages use too): NotFound and
WrongTenant -> 404, InvalidInput -> 400 (UploadTooLarge -> 413), PermissionDenied / NotCompleted -> 403, NothingAssigned
and VersionConflict -> 409. Bodies have DRF's shape, ``{"detail": ..., "code": ...}``, plus
``problems`` for an invalid design, so that a client handles our errors and DRF's own
(authentication, throttling, serializer validation) the same way.
"""

from __future__ import annotations

from rest_framework.response import Response
from rest_framework.views import APIView

from ...exceptions import AuthorCertificatesError, InvalidDesign
from ...presentation import http_answer, public_message


def status_and_body(error: AuthorCertificatesError) -> tuple[int, dict]:
    """The HTTP status and JSON body for ``error``; 500 with a neutral body for an unmapped error."""
    answer = http_answer(error)
    if answer is None:
        return 500, {"detail": "Unexpected error.", "code": "error"}
    http_status, code = answer
    body: dict = {"detail": public_message(error), "code": code}
    if isinstance(error, InvalidDesign):
        body["problems"] = [
            {"message": problem.message, "line": problem.line, "field": problem.field} for problem in error.problems
        ]
    return http_status, body


class ErrorMappingAPIView(APIView):
    """An APIView that answers the package's exceptions with ``status_and_body``.

    Errors without a specific answer (rendering or generation failures: bugs or infrastructure)
    are left to DRF, so they surface as 500s and are logged.
    """

    def handle_exception(self, exc: Exception) -> Response:  # DRF hook
        if http_answer(exc) is not None:
            http_status, body = status_and_body(exc)
            return Response(body, status=http_status)
        return super().handle_exception(exc)
