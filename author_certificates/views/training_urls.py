"""Staff pages: the Trainings list, and of one training its certificate ("Select certificate") and its
progress report.

Training keys contain ":" and "+" but never "/", so they travel as one path segment.
"""

from django.urls import path

from . import assignment, bulk, previews, report, trainings

urlpatterns = [
    path("author-certificates/trainings/", trainings.trainings_page, name="trainings"),
    path(
        "author-certificates/trainings/<str:training_key>/certificate/",
        assignment.training_certificate,
        name="training-certificate",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/certificate/previews/version/<uuid:uuid>.pdf",
        previews.training_option_preview,
        {"kind": "version"},
        name="training-version-preview",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/certificate/previews/classic/<uuid:uuid>.pdf",
        previews.training_option_preview,
        {"kind": "classic"},
        name="training-classic-preview",
    ),
    path("author-certificates/trainings/<str:training_key>/report/", report.progress_report, name="progress-report"),
    path(
        "author-certificates/trainings/<str:training_key>/report/bulk-generation/",
        bulk.start_bulk_generation,
        name="bulk-generation-start",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/report/bulk-generation/<uuid:uuid>/cancel/",
        bulk.cancel_bulk_generation,
        name="bulk-generation-cancel",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/report/certificates.zip",
        bulk.certificate_archive,
        name="certificate-archive",
    ),
]

# Invalidation and reissue from the progress report (docs/decisions/0120-invalidation-and-reissue.md).
from . import invalidation  # noqa: E402

urlpatterns += [
    path(
        "author-certificates/trainings/<str:training_key>/report/certificates/<uuid:uuid>/invalidate/",
        invalidation.invalidate_certificate,
        name="certificate-invalidate",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/report/certificates/<uuid:uuid>/reissue/",
        invalidation.reissue_certificate,
        name="certificate-reissue",
    ),
]
