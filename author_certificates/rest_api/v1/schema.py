"""The OpenAPI 3 schema of REST API v1 (drf-spectacular), served at ``schema/`` and committed as
``docs/openapi.yaml`` (``make openapi`` writes it; tests/test_rest_openapi_schema.py compares).

The schema is public, as Open edX's own API schemas are (docs/decisions/0100): it describes
endpoints that are documented in the README anyway, and tells nothing about any object.
It covers the whole API, learner and staff endpoints, with their paths under
``/api/author-certificates/v1/`` whichever service serves it (the LMS mounts both, Studio the staff
endpoints only; the ``servers`` of a client pick the service).
"""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from .serializers import ErrorSerializer

PREFIX = "api/author-certificates/v1/"

SETTINGS = {
    "TITLE": "author-certificates REST API",
    "DESCRIPTION": (
        "Learning records and their certificates (LMS), public verification, and the staff side: "
        "author certificates and their versions, classic certificates, a training's certificate, "
        "progress report, bulk generations and certificate archive. Errors answer "
        '`{"detail", "code"}`. Lists answer `{"count", "next", "first", "results"}`: follow `next`.'
    ),
    "VERSION": "1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/" + PREFIX.rstrip("/"),
    "ENUM_NAME_OVERRIDES": {
        "TrainingKindEnum": ["course", "pathway", "program"],
        "AssignmentKindEnum": ["author", "classic"],
    },
}

_ERROR_REASONS = {
    400: "Invalid input: what was wrong, and for a refused body `fields` names each field's problems.",
    401: "Not signed in (hosts with JWT authentication).",
    403: "Not signed in (sessions only), CSRF check failed, or not allowed.",
    404: "No such object, or another tenant's (not revealed).",
    409: "Nothing assigned to the training, or a conflicting edit.",
    413: "The upload is too large.",
    415: "A body in a media type the endpoint does not read (or a multipart body it cannot parse).",
}


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    """The error responses of an operation (every one has the body of ``ErrorSerializer``)."""
    return {status: OpenApiResponse(ErrorSerializer, description=_ERROR_REASONS[status]) for status in statuses}


def path_training_key() -> OpenApiParameter:
    return OpenApiParameter(
        "training_key", str, OpenApiParameter.PATH,
        description="A training key: course-v1:Org+Number+Run, pathway-v1:Org+slug or program-v1:Org+slug "
                    "(':' and '+' as they are, or percent-encoded).",
    )


class APISchema(AutoSchema):
    """The schema of every endpoint (set on the base view, whatever the host's DEFAULT_SCHEMA_CLASS)."""

    def get_tags(self) -> list[str]:
        return ["author-certificates"]


class JwtAuthenticationScheme(OpenApiAuthenticationExtension):
    """edx-drf-extensions' JWT authentication (when the host has it): ``Authorization: JWT <token>``
    or the JWT cookie of the MFEs."""

    target_class = "edx_rest_framework_extensions.auth.jwt.authentication.JwtAuthentication"
    name = "jwtAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "'JWT <token>' (the MFEs send the JWT cookie instead)."}


def operation(**kwargs):
    """``extend_schema`` for a method of our views, based on ``APISchema`` whatever the host's
    DEFAULT_SCHEMA_CLASS (which the method decorator would otherwise extend)."""

    def decorate(method):
        method.schema = APISchema
        return extend_schema(**kwargs)(method)

    return decorate


def _patterns():
    return [path(PREFIX, include("author_certificates.rest_api.v1.urls"))]


class SchemaGeneratorV1(SchemaGenerator):
    """The generator over the whole of REST API v1 (not the host's other APIs)."""

    def __init__(self, *args, **kwargs):
        kwargs["patterns"] = _patterns()
        kwargs["urlconf"] = None
        super().__init__(*args, **kwargs)


class SchemaView(SpectacularAPIView):
    """GET schema/: the OpenAPI 3 schema (YAML; ``?format=json`` or Accept for JSON). Public."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    generator_class = SchemaGeneratorV1
    renderer_classes = [OpenApiYamlRenderer, OpenApiJsonRenderer]
    custom_settings = SETTINGS
    serve_public = True
    schema = None  # not an operation of the API it describes


def generate() -> dict:
    """The schema as a dict (what the view serves, without a request), in English."""
    from django.utils import translation
    from drf_spectacular.settings import patched_settings

    with patched_settings(SETTINGS), translation.override("en"):
        return SchemaGeneratorV1().get_schema(request=None, public=True)


def generate_yaml() -> str:
    """The schema as the YAML committed at docs/openapi.yaml."""
    from drf_spectacular.renderers import OpenApiYamlRenderer as Renderer

    return Renderer().render(generate(), renderer_context={}).decode()
