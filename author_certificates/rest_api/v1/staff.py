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

from drf_spectacular.utils import OpenApiResponse
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api, uploads
from ...exceptions import PermissionDenied
from .errors import ErrorMappingAPIView
from .permissions import AUTHENTICATION_CLASSES, IsActiveUser
from .schema import errors, operation, path_training_key
from .serializers import (
    AssignInputSerializer,
    AuthorCertificateListSerializer,
    AuthorCertificateSerializer,
    ClassicCertificateListSerializer,
    ClassicCertificateSerializer,
    CreatedAuthorCertificateSerializer,
    DesignInputSerializer,
    NewVersionInputSerializer,
    PageQuerySerializer,
    TrainingCertificateSerializer,
    VersionListSerializer,
    VersionSerializer,
)


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


def _design_body(view: ErrorMappingAPIView, serializer_class) -> tuple[dict, dict, list[str]]:
    """The design fields, the assets to add and the asset names to remove, from a JSON or multipart body."""
    request = view.request
    request.data  # noqa: B018 -- parsed now, so that the files dropped for their size are known
    uploads.raise_refused_assets(request._request)
    serializer = view.valid_body(serializer_class)
    assets = dict(serializer.validated_data.get("assets") or {})
    for upload in request.FILES.getlist("assets"):
        assets[upload.name] = upload.read()
    removed = serializer.validated_data.get("remove_assets") or []
    return serializer.design(), assets, list(removed)


class AuthorCertificatesView(AuthoringAPIView):
    """GET: the tenant's author certificates (R3). POST: a new one with its version 1 (201)."""

    @operation(operation_id="author_certificates_list", parameters=[PageQuerySerializer],
               responses={200: AuthorCertificateListSerializer, **errors(400, 401, 403)})
    def get(self, request: Request) -> Response:
        page = self.valid_query(PageQuerySerializer)
        certificates = api.list_author_certificates(tenant=self.author_tenant(request))
        return self.paginated(certificates, AuthorCertificateSerializer, page)

    @operation(operation_id="author_certificates_create",
               request={"application/json": DesignInputSerializer, "multipart/form-data": DesignInputSerializer},
               responses={201: CreatedAuthorCertificateSerializer, **errors(400, 401, 403, 413, 415)})
    def post(self, request: Request) -> Response:
        tenant = self.author_tenant(request)
        design, assets, _removed = _design_body(self, DesignInputSerializer)
        version = api.create_author_certificate(tenant=tenant, created_by=request.user, assets=assets, **design)
        body = AuthorCertificateSerializer(version.certificate).data
        body["version"] = VersionSerializer(version).data
        return Response(body, status=status.HTTP_201_CREATED)


class AuthorCertificateVersionsView(AuthoringAPIView):
    """GET: the certificate's versions, newest first (R6). POST: save an edit as version N+1 (R1)."""

    @operation(operation_id="author_certificate_versions_list", parameters=[PageQuerySerializer],
               responses={200: VersionListSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, uuid) -> Response:
        page = self.valid_query(PageQuerySerializer)
        versions = api.list_versions(certificate=uuid, tenant=self.author_tenant(request))
        return self.paginated(versions, VersionSerializer, page)

    @operation(operation_id="author_certificate_versions_create",
               request={"application/json": NewVersionInputSerializer,
                        "multipart/form-data": NewVersionInputSerializer},
               responses={201: VersionSerializer, **errors(400, 401, 403, 404, 409, 413, 415)})
    def post(self, request: Request, uuid) -> Response:
        tenant = self.author_tenant(request)
        design, assets, removed = _design_body(self, NewVersionInputSerializer)
        version = api.save_new_version(certificate=uuid, tenant=tenant, edited_by=request.user,
                                       add_assets=assets, remove_assets=removed, **design)
        return Response(VersionSerializer(version).data, status=status.HTTP_201_CREATED)


class ClassicCertificatesView(AuthoringAPIView):
    """GET: the platform's classic certificates and the tenant's own (R5)."""

    @operation(operation_id="classic_certificates_list", parameters=[PageQuerySerializer],
               responses={200: ClassicCertificateListSerializer, **errors(400, 401, 403)})
    def get(self, request: Request) -> Response:
        page = self.valid_query(PageQuerySerializer)
        classics = api.list_classic_certificates(tenant=self.author_tenant(request))
        return self.paginated(classics, ClassicCertificateSerializer, page)


class TrainingStaffView(StaffAPIView):
    """Base of the per-training staff endpoints: the training, if the caller may see its staff side."""

    def training(self, request: Request, training_key: str):
        # MalformedTrainingKey -> 400; unknown, another tenant's, or not the caller's to see -> 404.
        return api.get_staff_training(
            viewer=request.user, training=training_key, tenant=api.tenant_of_request(request=request)
        )


def _text(value) -> str | None:
    return str(value) if value else None


class TrainingCertificateView(TrainingStaffView):
    """GET: the current assignment and what "Select certificate" offers. PUT: assign (R2-R6)."""

    def _body(self, request: Request, training) -> dict:
        choices = api.certificate_choices(training=training)
        # Every version of every author certificate, for the version selector (R6): trainers and
        # inspectors may not call the authors' versions endpoint, and one query serves them all.
        versions = api.list_tenant_versions(tenant=training.tenant) if choices.author else {}
        context = {"versions": versions, "can_assign": api.can_assign_certificate(request.user, training)}
        return TrainingCertificateSerializer(choices, context=context).data

    @operation(operation_id="training_certificate_read", parameters=[path_training_key()],
               responses={200: TrainingCertificateSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str) -> Response:
        from .previews import add_preview_urls  # preview_url of each option (previews.py)

        training = self.training(request, training_key)
        return Response(add_preview_urls(request, training.key, self._body(request, training)))

    @operation(operation_id="training_certificate_assign", parameters=[path_training_key()],
               request=AssignInputSerializer,
               responses={200: OpenApiResponse(TrainingCertificateSerializer, "Assigned: the new state."),
                          **errors(400, 401, 403, 404, 415)})
    def put(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        if not api.can_assign_certificate(request.user, training):
            raise PermissionDenied("Only administrators and trainers of this training can change its certificate.")
        choice = self.valid_body(AssignInputSerializer).validated_data
        api.assign_certificate(training=training, assigned_by=request.user,
                               classic=_text(choice.get("classic")), version=_text(choice.get("version")))
        from .previews import add_preview_urls

        return Response(add_preview_urls(request, training.key, self._body(request, training)))
