"""REST: a PDF preview of any option of a training's "Select certificate" (docs/decisions/0113).

``GET trainings/<key>/certificate/previews/version/<uuid>.pdf`` and
``GET trainings/<key>/certificate/previews/classic/<uuid>.pdf`` answer ``application/pdf``,
rendered with sample data, to admins, trainers and inspectors of the training
(``api.preview_training_option`` checks); anyone else, another tenant's training or option, 404.

``add_preview_urls`` gives each classic certificate and version of the training certificate
endpoint's body its ``preview_url`` (absolute: the MFEs run on another origin and open it in a
new tab, where the LMS's or Studio's cookies sign the request in).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.request import Request

from ... import api
from .schema import errors, operation, path_training_key
from .staff import StaffAPIView


def preview_url(request: Request, training_key: str, *, kind: str, uuid: str) -> str:
    """The absolute address of the preview of one option (kind "version" or "classic")."""
    name = "author_certificates:api_training_version_preview" if kind == "version" else \
        "author_certificates:api_training_classic_preview"
    return request.build_absolute_uri(reverse(name, kwargs={"training_key": training_key, "uuid": uuid}))


def add_preview_urls(request: Request, training_key: str, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` (the training certificate endpoint's), its classics and versions given ``preview_url``."""
    for classic in body.get("classic", []):
        classic["preview_url"] = preview_url(request, training_key, kind="classic", uuid=classic["uuid"])
    for certificate in body.get("author", []):
        for version in [*certificate.get("versions", []), certificate.get("selected_version")]:
            if version:
                version["preview_url"] = preview_url(request, training_key, kind="version", uuid=version["uuid"])
    return body


class TrainingOptionPreviewView(StaffAPIView):
    """GET: one classic certificate or version rendered with sample data, as a PDF."""

    kind = "version"

    @operation(parameters=[path_training_key()],
               responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, "The preview, a PDF."),
                          **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str, uuid) -> HttpResponse:
        pdf = api.preview_training_option(
            viewer=request.user, training=training_key, tenant=api.tenant_of_request(request=request),
            **{self.kind: uuid},
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="preview-{self.kind}-{uuid}.pdf"'
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
