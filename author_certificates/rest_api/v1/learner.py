"""The learner's REST endpoints: learning records, their certificate, and public verification.

Every endpoint checks who is asking: records belong to the signed-in learner and to the tenant
of the site they are called on; verification is public but tells only what the certificate
itself prints.
"""

from __future__ import annotations

from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api
from ...exceptions import InvalidInput
from ...presentation import MAX_VERIFICATION_UPLOAD_BYTES
from .errors import ErrorMappingAPIView
from .permissions import AUTHENTICATION_CLASSES, LEARNER_PERMISSIONS, PUBLIC_PERMISSIONS
from .serializers import record_data, verification_data


class LearnerAPIView(ErrorMappingAPIView):
    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = LEARNER_PERMISSIONS
    parser_classes = [JSONParser, FormParser]


class LearningRecordsView(LearnerAPIView):
    """GET records/?kind=course|pathway|program: the learner's completed trainings and certificates."""

    def get(self, request: Request) -> Response:
        kind = request.query_params.get("kind") or None
        records = api.list_learning_records(
            user=request.user, kind=kind, tenant=api.tenant_of_request(request=request)
        )
        results = [
            record_data(status=record.status, completed_at=record.completion.completed_at, request=request)
            for record in records
        ]
        return Response({"count": len(results), "results": results})


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
            status_ = api.get_certificate_status(user=request.user, training=training_key)
            return record_data(status=status_, completed_at=None, request=request)
        return record_data(status=record.status, completed_at=record.completion.completed_at, request=request)

    def get(self, request: Request, training_key: str) -> Response:
        return Response(self._record(request, training_key))

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
    """

    authentication_classes = AUTHENTICATION_CLASSES
    permission_classes = PUBLIC_PERMISSIONS
    parser_classes = [MultiPartParser]

    def get(self, request: Request, uuid) -> Response:
        issued = api.verify_certificate(uuid_=uuid)
        return Response(verification_data(issued, request))

    def post(self, request: Request, uuid) -> Response:
        issued = api.verify_certificate(uuid_=uuid)
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInput("Upload the PDF to check as the multipart field 'file'.")
        if upload.size > MAX_VERIFICATION_UPLOAD_BYTES:
            raise InvalidInput(
                f"The file is too large ({upload.size} bytes); a certificate is at most "
                f"{MAX_VERIFICATION_UPLOAD_BYTES} bytes."
            )
        body = verification_data(issued, request)
        body["file_matches"] = api.matches_issued_pdf(issued=issued, chunks=upload.chunks())
        return Response(body)
