"""REST endpoints to invalidate and reissue a learner's certificate, and the training's record of them.

    POST trainings/<training_key>/certificates/<uuid>/invalidate/   {"reason": "..."}   -> 200
    POST trainings/<training_key>/certificates/<uuid>/reissue/      {"reason": ""}      -> 201
    GET  trainings/<training_key>/certificate-events/                                   -> 200

Admins and trainers of the training invalidate and reissue; admins, trainers and inspectors read
the events (an inspector's POST answers 403); anyone else, and any training or certificate of
another tenant, answers 404. A certificate that cannot be invalidated (already invalidated, not
generated) or reissued (not invalidated, already reissued) answers 409 with code
``certificate_conflict``. Documented in the README (REST API reference) and
docs/decisions/0120-invalidation-and-reissue.md.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api
from ...presentation import iso_datetime
from .errors import ErrorMappingAPIView
from .permissions import AUTHENTICATION_CLASSES, IsActiveUser
from .schema import errors, operation, path_training_key
from .serializers import PageQuerySerializer, list_serializer

MAX_REASON_LENGTH = 255


class InvalidateSerializer(serializers.Serializer):
    """The body of an invalidation: why (required; shown to staff only, never on the verify page)."""

    reason = serializers.CharField(max_length=MAX_REASON_LENGTH, allow_blank=False, trim_whitespace=True)


class ReissueSerializer(serializers.Serializer):
    """The body of a reissue: why, optionally."""

    reason = serializers.CharField(max_length=MAX_REASON_LENGTH, allow_blank=True, required=False, default="",
                                   trim_whitespace=True)


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"username": user.get_username(), "name": user.get_full_name() or user.get_username()}


class IssuedCertificateSerializer(serializers.Serializer):
    """A learner's certificate as staff see it after an invalidation or a reissue."""

    uuid = serializers.UUIDField(read_only=True)
    state = serializers.SerializerMethodField()
    learner = serializers.SerializerMethodField()
    requested_at = serializers.SerializerMethodField()
    generated_at = serializers.SerializerMethodField()
    invalidated_at = serializers.SerializerMethodField()
    invalidated_reason = serializers.CharField(read_only=True)
    verify_url = serializers.SerializerMethodField()

    def get_state(self, issued) -> str:
        return api.INVALIDATED if issued.invalidated_at else issued.state

    def get_learner(self, issued) -> dict | None:
        return _person(issued.user)

    def get_requested_at(self, issued) -> str | None:
        return iso_datetime(issued.requested_at)

    def get_generated_at(self, issued) -> str | None:
        return iso_datetime(issued.generated_at)

    def get_invalidated_at(self, issued) -> str | None:
        return iso_datetime(issued.invalidated_at)

    def get_verify_url(self, issued) -> str:
        from django.urls import reverse

        request = self.context["request"]
        return request.build_absolute_uri(reverse("author_certificates:verify", kwargs={"uuid": issued.uuid}))


class CertificateEventSerializer(serializers.Serializer):
    """One invalidation or reissue: what, whose, by whom, when, why."""

    kind = serializers.CharField(read_only=True)
    certificate_uuid = serializers.UUIDField(read_only=True)
    new_certificate_uuid = serializers.UUIDField(read_only=True, allow_null=True)
    learner = serializers.SerializerMethodField()
    done_by = serializers.SerializerMethodField()
    done_at = serializers.SerializerMethodField()
    reason = serializers.CharField(read_only=True)

    def get_learner(self, event) -> dict | None:
        return _person(event.issued.user)

    def get_done_by(self, event) -> dict | None:
        return _person(event.done_by)

    def get_done_at(self, event) -> str | None:
        return iso_datetime(event.done_at)


ReissuedCertificateSerializer = type("ReissuedCertificate", (IssuedCertificateSerializer,), {
    "replaces": serializers.UUIDField(read_only=True, help_text="The invalidated certificate this one replaces."),
})
CertificateEventListSerializer = list_serializer("CertificateEventList", CertificateEventSerializer)


def _path_uuid() -> OpenApiParameter:
    return OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH,
                            description="The learner's issued certificate (its verification identifier).")


class _TrainingCertificatesView(ErrorMappingAPIView):
    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = [IsActiveUser]
    parser_classes = [JSONParser, FormParser]

    def training(self, request: Request, training_key: str):
        # MalformedTrainingKey -> 400; unknown, another tenant's, or not the caller's to see -> 404.
        return api.get_staff_training(viewer=request.user, training=training_key,
                                      tenant=api.tenant_of_request(request=request))

    def act(self, request: Request, training_key: str, uuid, serializer_class, use_case):
        """The use case (invalidate or reissue) on certificate ``uuid`` of the URL's training, with the
        body's reason; the use case checks roles, tenant, training and state."""
        training = self.training(request, training_key)
        data = self.valid_body(serializer_class).validated_data
        return use_case(user=request.user, certificate=uuid, reason=data["reason"], tenant=training.tenant,
                        training=training)


class InvalidateCertificateView(_TrainingCertificatesView):
    """POST: invalidate the learner's generated certificate ``uuid`` of the training, with a reason."""

    @operation(operation_id="certificate_invalidate", parameters=[path_training_key(), _path_uuid()],
               request=InvalidateSerializer,
               responses={200: IssuedCertificateSerializer, **errors(400, 401, 403, 404, 409, 415)})
    def post(self, request: Request, training_key: str, uuid) -> Response:
        issued = self.act(request, training_key, uuid, InvalidateSerializer, api.invalidate_certificate)
        return Response(IssuedCertificateSerializer(issued, context={"request": request}).data)


class ReissueCertificateView(_TrainingCertificatesView):
    """POST: issue a new certificate in place of the invalidated ``uuid``; 201 with the new one."""

    @operation(operation_id="certificate_reissue", parameters=[path_training_key(), _path_uuid()],
               request=ReissueSerializer,
               responses={201: ReissuedCertificateSerializer, **errors(400, 401, 403, 404, 409, 415)})
    def post(self, request: Request, training_key: str, uuid) -> Response:
        issued = self.act(request, training_key, uuid, ReissueSerializer, api.reissue_certificate)
        body = {**IssuedCertificateSerializer(issued, context={"request": request}).data, "replaces": str(uuid)}
        return Response(body, status=status.HTTP_201_CREATED)


class CertificateEventsView(_TrainingCertificatesView):
    """GET: the training's invalidations and reissues, newest first (at most 100)."""

    @operation(operation_id="certificate_events_list", parameters=[path_training_key(), PageQuerySerializer],
               responses={200: CertificateEventListSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str) -> Response:
        page = self.valid_query(PageQuerySerializer)
        training = self.training(request, training_key)
        events = api.list_certificate_events(viewer=request.user, training=training)
        return self.paginated(events, CertificateEventSerializer, page)
