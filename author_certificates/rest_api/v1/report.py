"""The staff REST endpoints of a training's progress report (R10) and its bulk actions.

* ``GET trainings/<key>/report/``: a page of the report, filtered and sorted as the HTML page
  (``q``, ``state``, ``completed_from``, ``completed_to``, ``sort``, ``page_size``), with a
  ``next`` link; admins, trainers and inspectors of the training.
* ``GET|POST trainings/<key>/bulk-generations/``, ``GET .../<uuid>/``, ``POST .../<uuid>/cancel/``:
  generate every learner's certificate (admins and trainers start and stop; inspectors read).
* ``GET trainings/<key>/certificates.zip``: every generated certificate and a manifest, streamed.

Anyone else, and anyone asking from another tenant's site, gets 404 (see staff.TrainingStaffView).
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api
from ...presentation import certificate_archive_response
from .schema import errors, operation, path_training_key
from .serializers import (
    BulkGenerationListSerializer,
    BulkGenerationSerializer,
    PageQuerySerializer,
    ReportPageSerializer,
    ReportQuerySerializer,
    ReportRowSerializer,
)
from .staff import TrainingStaffView


class TrainingReportView(TrainingStaffView):
    """GET: a page of the progress report (R10), each learner with the date of first generation."""

    @operation(operation_id="training_report", parameters=[path_training_key(), ReportQuerySerializer],
               responses={200: ReportPageSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        self.valid_query(ReportQuerySerializer)  # types only: parse_report_query checks every value
        page = api.read_progress_report(viewer=request.user, training=training,
                                        query=api.parse_report_query(params=request.query_params))
        return self.pagination_class().response(
            request, results=ReportRowSerializer(page.rows, many=True).data, count=page.count,
            next_cursor=page.next_cursor, extra={"training": training.key},
        )


class BulkGenerationsView(TrainingStaffView):
    """GET: the training's newest bulk generations. POST: start one (202), or get the running one (200)."""

    @operation(operation_id="bulk_generations_list", parameters=[path_training_key(), PageQuerySerializer],
               responses={200: BulkGenerationListSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str) -> Response:
        page = self.valid_query(PageQuerySerializer)
        training = self.training(request, training_key)
        runs = api.list_bulk_generations(viewer=request.user, training=training)
        return self.paginated(runs, BulkGenerationSerializer, page)

    @operation(operation_id="bulk_generations_start", parameters=[path_training_key()], request=None,
               responses={202: OpenApiResponse(BulkGenerationSerializer, "This request started it."),
                          200: OpenApiResponse(BulkGenerationSerializer, "One was already running: that one."),
                          **errors(400, 401, 403, 404, 409)})
    def post(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        run, started = api.start_bulk_generation(user=request.user, training=training)
        if started:
            run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=run.uuid)
        body = BulkGenerationSerializer(run).data
        return Response(body, status=status.HTTP_202_ACCEPTED if started else status.HTTP_200_OK)


class BulkGenerationView(TrainingStaffView):
    """GET: one bulk generation's progress."""

    @operation(operation_id="bulk_generation_read", parameters=[path_training_key()],
               responses={200: BulkGenerationSerializer, **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str, uuid) -> Response:
        training = self.training(request, training_key)
        run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=uuid)
        return Response(BulkGenerationSerializer(run).data)


class BulkGenerationCancelView(TrainingStaffView):
    """POST: stop a bulk generation before its next chunk."""

    @operation(operation_id="bulk_generation_cancel", parameters=[path_training_key()], request=None,
               responses={200: BulkGenerationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request: Request, training_key: str, uuid) -> Response:
        training = self.training(request, training_key)
        api.cancel_bulk_generation(user=request.user, training=training, bulk_generation=uuid)
        run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=uuid)
        return Response(BulkGenerationSerializer(run).data)


class CertificateArchiveView(TrainingStaffView):
    """GET: the training's generated certificates as a streamed ZIP with ``manifest.csv``."""

    @operation(operation_id="certificate_archive", parameters=[path_training_key()],
               responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, "The ZIP, streamed."),
                          **errors(400, 401, 403, 404)})
    def get(self, request: Request, training_key: str):
        training = self.training(request, training_key)
        training, chunks = api.export_certificate_archive(viewer=request.user, training=training)
        return certificate_archive_response(api.file_slug(training.key), chunks)
