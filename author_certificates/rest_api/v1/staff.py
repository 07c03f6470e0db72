"""The staff REST endpoints: author certificates and versions, classic certificates, a training's
certificate (read and assign) and its progress report. Documented in the README (REST API reference).

Who may call what (the same rules as the Studio pages):

* author certificates, versions, classic list: users who may author for the site's tenant
  (``permissions.can_author``), else 403;
* a training's certificate and report: admins, trainers and inspectors of the training read them;
  anyone else, and anyone asking from another tenant's site, gets 404; assigning (PUT) takes an
  admin or trainer, so an inspector gets 403.

Objects of another tenant answer 404, so their existence is not revealed.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api, uploads
from ...exceptions import InvalidInput, PermissionDenied
from ...presentation import iso_datetime
from .errors import ErrorMappingAPIView
from .permissions import AUTHENTICATION_CLASSES, IsActiveUser

_DESIGN_FIELDS = ("title", "html", "css", "page_size", "orientation", "language")


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"username": user.get_username(), "name": user.get_full_name() or user.get_username()}


def version_data(version) -> dict:
    """A version as the API shows it: number, edit date and editor (R6)."""
    return {
        "uuid": str(version.uuid),
        "number": version.number,
        "title": version.title,
        "created_at": iso_datetime(version.created_at),
        "created_by": _person(version.created_by),
        "page_size": version.page_size,
        "orientation": version.orientation,
        "language": version.language,
    }


def author_certificate_data(certificate) -> dict:
    """An author certificate in a list: title, creator and the number of its latest version (R3)."""
    return {
        "uuid": str(certificate.uuid),
        "title": certificate.title,
        "creator": _person(certificate.created_by),
        "created_at": iso_datetime(certificate.created_at),
        "latest_version": certificate.latest_version_number,
    }


def classic_data(classic) -> dict:
    return {"uuid": str(classic.uuid), "name": classic.name, "language": classic.language,
            "tenant_only": bool(classic.tenant)}


def assignment_data(assignment) -> dict | None:
    """The current assignment: a classic certificate, or one version of an author certificate."""
    if assignment is None:
        return None
    body: dict[str, Any] = {
        "assigned_at": iso_datetime(assignment.assigned_at),
        "assigned_by": _person(assignment.assigned_by) if assignment.assigned_by_id else None,
    }
    if assignment.version_id:
        body.update(kind="author", certificate=author_certificate_data(assignment.version.certificate),
                    version=version_data(assignment.version))
    else:
        body.update(kind="classic", classic=classic_data(assignment.classic))
    return body


class StaffAPIView(ErrorMappingAPIView):
    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = [IsActiveUser]
    parser_classes = [JSONParser, FormParser, MultiPartParser]


class AuthoringAPIView(StaffAPIView):
    """Endpoints of the Author tool: only users who may author for the request's tenant."""

    def initial(self, request: Request, *args, **kwargs) -> None:
        # Before authentication: DRF's CSRF check reads (and parses) the body.
        if request.method in ("POST", "PUT", "PATCH"):
            uploads.check_design_upload(request._request)
        super().initial(request, *args, **kwargs)

    def author_tenant(self, request: Request) -> str:
        tenant = api.tenant_of_request(request=request)
        if not api.can_author(request.user, tenant):
            raise PermissionDenied("Only authors of this site can use its author certificates.")
        return tenant


def _design_arguments(request: Request, *, required: bool) -> dict[str, Any]:
    """Design fields of the request body; ``required``: title and html must be present."""
    arguments = {name: request.data.get(name) for name in _DESIGN_FIELDS if request.data.get(name) is not None}
    if required:
        missing = [name for name in ("title", "html") if name not in arguments]
        if missing:
            raise InvalidInput(f"Missing field(s): {', '.join(missing)}.")
    return arguments


def _uploaded_assets(request: Request) -> dict[str, bytes]:
    """Assets from multipart files named "assets", or a JSON object {name: base64 bytes}."""
    assets: dict[str, bytes] = {}
    request.data  # noqa: B018 -- parsed now, so that the files dropped for their size are known
    uploads.raise_refused_assets(request._request)
    if hasattr(request.data, "getlist") and request.FILES:
        for upload in request.FILES.getlist("assets"):
            assets[upload.name] = upload.read()
        return assets
    encoded = request.data.get("assets") or {}
    if not isinstance(encoded, dict):
        raise InvalidInput('"assets" must be an object mapping file names to base64-encoded bytes.')
    for name, data in encoded.items():
        try:
            assets[str(name)] = base64.b64decode(str(data), validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput(f"The asset '{name}' is not valid base64.") from None
    return assets


def _removed_assets(request: Request) -> list[str]:
    if hasattr(request.data, "getlist"):
        return [str(name) for name in request.data.getlist("remove_assets")]
    removed = request.data.get("remove_assets") or []
    if not isinstance(removed, list):
        raise InvalidInput('"remove_assets" must be a list of asset names.')
    return [str(name) for name in removed]


class AuthorCertificatesView(AuthoringAPIView):
    """GET: the tenant's author certificates (R3). POST: a new one with its version 1 (201)."""

    def get(self, request: Request) -> Response:
        tenant = self.author_tenant(request)
        results = [author_certificate_data(certificate) for certificate in api.list_author_certificates(tenant=tenant)]
        return Response({"count": len(results), "results": results})

    def post(self, request: Request) -> Response:
        tenant = self.author_tenant(request)
        version = api.create_author_certificate(
            tenant=tenant, created_by=request.user, assets=_uploaded_assets(request),
            **_design_arguments(request, required=True),
        )
        body = author_certificate_data(version.certificate)
        body["version"] = version_data(version)
        return Response(body, status=status.HTTP_201_CREATED)


class AuthorCertificateVersionsView(AuthoringAPIView):
    """GET: the certificate's versions, newest first (R6). POST: save an edit as version N+1 (R1)."""

    def get(self, request: Request, uuid) -> Response:
        tenant = self.author_tenant(request)
        results = [version_data(version) for version in api.list_versions(certificate=uuid, tenant=tenant)]
        return Response({"count": len(results), "results": results})

    def post(self, request: Request, uuid) -> Response:
        tenant = self.author_tenant(request)
        version = api.save_new_version(
            certificate=uuid, tenant=tenant, edited_by=request.user,
            add_assets=_uploaded_assets(request), remove_assets=_removed_assets(request),
            **_design_arguments(request, required=False),
        )
        return Response(version_data(version), status=status.HTTP_201_CREATED)


class ClassicCertificatesView(AuthoringAPIView):
    """GET: the platform's classic certificates and the tenant's own (R5)."""

    def get(self, request: Request) -> Response:
        tenant = self.author_tenant(request)
        results = [classic_data(classic) for classic in api.list_classic_certificates(tenant=tenant)]
        return Response({"count": len(results), "results": results})


class TrainingStaffView(StaffAPIView):
    """Base of the per-training staff endpoints: the training, if the caller may see its staff side."""

    def training(self, request: Request, training_key: str):
        # MalformedTrainingKey -> 400; unknown, another tenant's, or not the caller's to see -> 404.
        return api.get_staff_training(
            viewer=request.user, training=training_key, tenant=api.tenant_of_request(request=request)
        )


class TrainingCertificateView(TrainingStaffView):
    """GET: the current assignment and what "Select certificate" offers. PUT: assign (R2-R6)."""

    def _body(self, request: Request, training) -> dict:
        choices = api.certificate_choices(training=training)
        # Every version of every author certificate, for the version selector (R6): trainers and
        # inspectors may not call the authors' versions endpoint, and one query serves them all.
        versions = api.list_tenant_versions(tenant=training.tenant) if choices.author else {}
        return {
            "training": {"key": training.key, "title": training.title, "kind": training.kind},
            "current": assignment_data(choices.current),
            "can_assign": api.can_assign_certificate(request.user, training),
            "offers_author_certificates": choices.offers_author_certificates,
            "classic": [classic_data(classic) for classic in choices.classic],
            "author": [
                {**author_certificate_data(choice.certificate),
                 "selected_version": version_data(choice.selected_version) if choice.selected_version else None,
                 "versions": [version_data(version) for version in versions.get(choice.certificate.pk, [])]}
                for choice in choices.author
            ],
        }

    def get(self, request: Request, training_key: str) -> Response:
        from .previews import add_preview_urls  # preview_url of each option (previews.py)

        training = self.training(request, training_key)
        return Response(add_preview_urls(request, training.key, self._body(request, training)))

    def put(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        if not api.can_assign_certificate(request.user, training):
            raise PermissionDenied("Only administrators and trainers of this training can change its certificate.")
        classic, version = request.data.get("classic"), request.data.get("version")
        if bool(classic) == bool(version):
            raise InvalidInput('Send exactly one of "classic" (a classic certificate uuid) or "version" '
                               "(an author certificate version uuid).")
        api.assign_certificate(training=training, assigned_by=request.user, classic=classic or None,
                               version=version or None)
        from .previews import add_preview_urls

        return Response(add_preview_urls(request, training.key, self._body(request, training)))
