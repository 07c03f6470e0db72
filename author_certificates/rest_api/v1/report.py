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

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ... import api
from ...views.bulk import archive_response
from .pagination import CursorLinkPagination
from .staff import TrainingStaffView


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def report_row_data(row: api.ProgressRow) -> dict:
    return {
        "username": row.username,
        "learner_name": row.learner_name,
        "completed_at": _iso(row.completed_at),
        "certificate_state": row.certificate_state or None,
        "generated_at": _iso(row.generated_at),
        "certificate_uuid": row.certificate_uuid or None,
        # Staff only (this is the staff report): why the generation failed, code and error text.
        "failure_code": row.failure_code or None,
        "failure_detail": row.failure_detail or None,
    }


def bulk_generation_data(run) -> dict:
    """A bulk generation: its state, who started (and stopped) it and when, and its counters."""
    return {
        "uuid": str(run.uuid),
        "state": run.state,
        "requested_by": run.requested_by.get_username() if run.requested_by_id else None,
        "requested_at": _iso(run.requested_at),
        "cancelled_by": run.cancelled_by.get_username() if run.cancelled_by_id else None,
        "cancelled_at": _iso(run.cancelled_at),
        "finished_at": _iso(run.finished_at),
        "total": run.total,
        "processed": run.processed,
        "started": run.started,
        "skipped": run.skipped,
        "refused": run.refused,
    }


class TrainingReportView(TrainingStaffView):
    """GET: a page of the progress report (R10), each learner with the date of first generation."""

    pagination_class = CursorLinkPagination

    def get(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        page = api.read_progress_report(viewer=request.user, training=training,
                                        query=api.parse_report_query(params=request.query_params))
        return self.pagination_class().response(
            request, results=[report_row_data(row) for row in page.rows], count=page.count,
            next_cursor=page.next_cursor, extra={"training": training.key},
        )


class BulkGenerationsView(TrainingStaffView):
    """GET: the training's newest bulk generations. POST: start one (202), or get the running one (200)."""

    def get(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        runs = api.list_bulk_generations(viewer=request.user, training=training)
        return Response({"count": len(runs), "results": [bulk_generation_data(run) for run in runs]})

    def post(self, request: Request, training_key: str) -> Response:
        training = self.training(request, training_key)
        run, started = api.start_bulk_generation(user=request.user, training=training)
        if started:
            run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=run.uuid)
        return Response(bulk_generation_data(run), status=status.HTTP_202_ACCEPTED if started else status.HTTP_200_OK)


class BulkGenerationView(TrainingStaffView):
    """GET: one bulk generation's progress."""

    def get(self, request: Request, training_key: str, uuid) -> Response:
        training = self.training(request, training_key)
        run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=uuid)
        return Response(bulk_generation_data(run))


class BulkGenerationCancelView(TrainingStaffView):
    """POST: stop a bulk generation before its next chunk."""

    def post(self, request: Request, training_key: str, uuid) -> Response:
        training = self.training(request, training_key)
        api.cancel_bulk_generation(user=request.user, training=training, bulk_generation=uuid)
        run = api.get_bulk_generation(viewer=request.user, training=training, bulk_generation=uuid)
        return Response(bulk_generation_data(run))


class CertificateArchiveView(TrainingStaffView):
    """GET: the training's generated certificates as a streamed ZIP with ``manifest.csv``."""

    def get(self, request: Request, training_key: str):
        training = self.training(request, training_key)
        training, chunks = api.export_certificate_archive(viewer=request.user, training=training)
        return archive_response(training, chunks)
