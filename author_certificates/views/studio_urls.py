"""Studio and staff pages: the Author tool, certificate selection for a training, the progress report.

Training keys contain ":" and "+" but never "/", so they travel as one path segment.
"""

from django.urls import path

from . import assignment, authoring, bulk, report

urlpatterns = [
    path("author-certificates/studio/", authoring.certificate_list, name="studio-list"),
    path("author-certificates/studio/new/", authoring.certificate_editor, name="studio-new"),
    path("author-certificates/studio/<uuid:uuid>/", authoring.certificate_editor, name="studio-edit"),
    path("author-certificates/studio/<uuid:uuid>/versions/", authoring.version_history, name="studio-history"),
    path(
        "author-certificates/studio/versions/<uuid:uuid>/preview.pdf",
        authoring.version_preview,
        name="studio-version-preview",
    ),
    path(
        "author-certificates/trainings/<str:training_key>/certificate/",
        assignment.training_certificate,
        name="training-certificate",
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
