"""The learner's REST endpoints: learning records, their certificate, and public verification.

Every endpoint checks who is asking: records belong to the signed-in learner and to the tenant
of the site they are called on; verification is public but tells only what the certificate
itself prints.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api
from ...exceptions import InvalidInput, UploadTooLarge
from ...uploads import limit_verification_upload, verification_too_large_message, verification_upload_too_large
from .errors import ErrorMappingAPIView
from .permissions import AUTHENTICATION_CLASSES, LEARNER_PERMISSIONS, PUBLIC_PERMISSIONS
from .schema import errors, operation, path_training_key
from .serializers import (
    LearningRecordListSerializer,
    LearningRecordSerializer,
    RecordsQuerySerializer,
    VerificationMatchSerializer,
    VerificationSerializer,
    VerifyUploadSerializer,
)


class LearnerAPIView(ErrorMappingAPIView):
    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = LEARNER_PERMISSIONS
    parser_classes = [JSONParser, FormParser]


class LearningRecordsView(LearnerAPIView):
    """GET records/?kind=course|pathway|program: the learner's completed trainings and certificates."""

    @operation(operation_id="records_list", parameters=[RecordsQuerySerializer],
               responses={200: LearningRecordListSerializer, **errors(400, 401, 403)})
    def get(self, request: Request) -> Response:
        query = self.valid_query(RecordsQuerySerializer)
        records = api.list_learning_records(
            user=request.user, kind=query.get("kind") or None, tenant=api.tenant_of_request(request=request)
        )
        return self.paginated(records, LearningRecordSerializer, query, context={"request": request})


class _PendingRecord:
    """A record before completion: the certificate's state, no completion date."""

    completion = None

    def __init__(self, status: api.CertificateStatus):
        self.status = status
        self.training = status.training


class RecordCertificateView(LearnerAPIView):
    """GET / POST records/<training_key>/certificate/: the certificate of one training.

    POST asks for it: 202 with state "generating" when this request started the generation,
    200 with the current state when it was already asked for (a second click creates nothing).
    """

    def _record(self, request: Request, training_key: str) -> dict:
        record = api.get_learning_record(
            user=request.user, training=training_key, tenant=api.tenant_of_request(request=request)
        )
        if record is None:
            record = _PendingRecord(api.get_certificate_status(user=request.user, training=training_key))
        return LearningRecordSerializer(record, context={"request": request}).data

    @operation(operation_id="record_certificate_read", parameters=[path_training_key()],
               responses={200: LearningRecordSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str) -> Response:
        return Response(self._record(request, training_key))

    @operation(operation_id="record_certificate_request", parameters=[path_training_key()], request=None,
               responses={202: OpenApiResponse(LearningRecordSerializer, "This request started the generation."),
                          200: OpenApiResponse(LearningRecordSerializer, "Already asked for: the current state."),
                          **errors(400, 401, 403, 404, 409)})
    def post(self, request: Request, training_key: str) -> Response:
        tenant = api.tenant_of_request(request=request)
        asked = api.request_certificate_generation(user=request.user, training=training_key, tenant=tenant)
        body = self._record(request, training_key)
        # 202 when this request's own write (re)started the generation; 200 when it was already
        # under way or done. With tasks in-process the state may already read "generated" (or "failed").
        return Response(body, status=status.HTTP_202_ACCEPTED if asked.started else status.HTTP_200_OK)


class VerifyCertificateView(ErrorMappingAPIView):
    """GET verify/<uuid>/: what the certificate states and whether it is valid.

    POST verify/<uuid>/ with a multipart ``file``: whether that file is the issued PDF, byte for byte.
    The body's size is checked before it is read: by its Content-Length at once, and as it streams
    (``uploads.UploadSizeLimit``): 413 past ``presentation.MAX_VERIFICATION_UPLOAD_BYTES``.
    """

    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = PUBLIC_PERMISSIONS
    parser_classes = [MultiPartParser]

    def initial(self, request: Request, *args, **kwargs) -> None:
        # Before authentication: DRF's CSRF check reads (and parses) the body.
        if request.method == "POST":
            if verification_upload_too_large(request._request):
                raise UploadTooLarge(verification_too_large_message())
            limit_verification_upload(request._request)
        super().initial(request, *args, **kwargs)

    @operation(operation_id="verify_read", responses={200: VerificationSerializer, **errors(404)})
    def get(self, request: Request, uuid) -> Response:
        issued = api.verify_certificate(uuid_=uuid)
        return Response(VerificationSerializer(issued, context={"request": request}).data)

    @operation(operation_id="verify_upload", request={"multipart/form-data": VerifyUploadSerializer},
               responses={200: VerificationMatchSerializer, **errors(400, 403, 404, 413, 415)})
    def post(self, request: Request, uuid) -> Response:
        issued = api.verify_certificate(uuid_=uuid)
        files = request.FILES
        if verification_upload_too_large(request._request):
            raise UploadTooLarge(verification_too_large_message())
        if "file" not in files:
            raise InvalidInput("Upload the PDF to check as the multipart field 'file'.")
        upload = self.valid_body(VerifyUploadSerializer).validated_data["file"]
        body = VerificationSerializer(issued, context={"request": request}).data
        body["file_matches"] = api.matches_issued_pdf(issued=issued, chunks=upload.chunks())
        return Response(body)
