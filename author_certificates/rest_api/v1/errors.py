"""The REST API's answer to every error, shared by every endpoint: one DRF exception handler.

The statuses come from ``presentation.http_answer`` (the table the pages use too): NotFound and
WrongTenant -> 404, InvalidInput -> 400 (UploadTooLarge -> 413), PermissionDenied / NotCompleted -> 403, NothingAssigned
and VersionConflict -> 409. Bodies have DRF's shape, ``{"detail": ..., "code": ...}``, plus
``problems`` for an invalid design and ``fields`` for a request that its serializer refused, so
that a client handles our errors and DRF's own (authentication, throttling, parsing) the same way.

Requests Django itself refuses while reading them (5000 query parameters: TooManyFieldsSent; a
body over DATA_UPLOAD_MAX_MEMORY_SIZE: RequestDataTooBig) are answered 400 / 413 here too, in
JSON, rather than reaching the host's HTML error pages. JSON nested deeper than Python's recursion
limit is refused by ``BoundedJSONParser`` with 400.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.utils.translation import gettext as _
from rest_framework import exceptions as drf_exceptions
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from ...exceptions import AuthorCertificatesError, InvalidDesign
from ...presentation import http_answer, public_message
from .pagination import CursorLinkPagination
from .schema import APISchema


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


def _messages(detail: Any, prefix: str = "") -> list[str]:
    """Every message of a serializer's error tree, each prefixed by the field it is about."""
    if isinstance(detail, dict):
        return [message for name, value in detail.items()
                for message in _messages(value, f"{prefix}{name}." if name != "non_field_errors" else prefix)]
    if isinstance(detail, list):
        return [message for value in detail for message in _messages(value, prefix)]
    return [f"{prefix.rstrip('.')}: {detail}" if prefix else str(detail)]


def _validation_body(error: drf_exceptions.ValidationError) -> dict:
    detail = error.detail
    body: dict[str, Any] = {"detail": " ".join(_messages(detail)) or _("Invalid input."), "code": "invalid"}
    if isinstance(detail, dict):
        body["fields"] = {name: [str(message) for message in _messages(value)] for name, value in detail.items()}
    return body


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Answer ``exc`` with ``{"detail", "code", ...}``; None (a logged 500) for a bug or an outage."""
    if http_answer(exc) is not None:
        http_status, body = status_and_body(exc)  # type: ignore[arg-type]
        return Response(body, status=http_status)
    if isinstance(exc, drf_exceptions.ValidationError):
        return Response(_validation_body(exc), status=400)
    if isinstance(exc, RequestDataTooBig):
        return Response({"detail": _("The request body is too large."), "code": "too_large"}, status=413)
    if isinstance(exc, SuspiciousOperation):  # TooManyFieldsSent, TooManyFilesSent, a bad multipart...
        return Response({"detail": _("The request could not be read: %(reason)s") % {"reason": exc},
                         "code": "bad_request"}, status=400)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data["code"] = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return response


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser, answering 400 (not 500) to JSON nested deeper than Python can parse."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise drf_exceptions.ParseError(_("JSON parse error - the document is nested too deeply.")) from None


class ErrorMappingAPIView(APIView):
    """Base of every endpoint: errors answered by ``exception_handler``, JSON parsed within bounds."""

    schema = APISchema()
    pagination_class = CursorLinkPagination

    def get_exception_handler(self):  # DRF hook: the host's EXCEPTION_HANDLER is not ours to set
        return exception_handler

    def get_parsers(self):
        return [BoundedJSONParser() if type(parser) is JSONParser else parser for parser in super().get_parsers()]

    def valid_query(self, serializer_class: type[serializers.Serializer]) -> dict:
        """The request's query parameters, validated by ``serializer_class`` (else 400)."""
        params = self.request.query_params
        data = {name: params.getlist(name) if isinstance(serializer_class().fields.get(name), serializers.ListField)
                else params.get(name) for name in params}
        serializer = serializer_class(data=data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def paginated(self, items, serializer_class: type[serializers.Serializer], page: dict,
                  context: dict | None = None) -> Response:
        """A page of ``items`` (``page``: the validated ``cursor`` and ``page_size``), each item
        shown by ``serializer_class``."""
        return self.pagination_class().paginate(
            self.request, items, page=page,
            serialize=lambda chunk: serializer_class(chunk, many=True, context=context or {}).data)

    def valid_body(self, serializer_class: type[serializers.Serializer]) -> serializers.Serializer:
        """The request's body, validated by ``serializer_class`` (else 400); a body that is not an
        object (a JSON list, string, number or null) is refused with the field-less message."""
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer


class UnknownEndpointView(ErrorMappingAPIView):
    """Any other path under the API's prefix (a malformed uuid, say): 404 in the API's JSON, not
    the host's HTML page. Mounted last; not an operation of the schema."""

    authentication_classes: list = []
    permission_classes: list = []
    schema = None

    def initial(self, request, *args, **kwargs):
        raise drf_exceptions.NotFound(_("No such endpoint: check the path and its identifiers."))
