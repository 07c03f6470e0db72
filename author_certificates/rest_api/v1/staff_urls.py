"""REST API v1, staff endpoints: author certificates, classic certificates, a training's certificate
and report (Studio's pages and the authoring MFE; the LMS's training pages use the same use cases)."""

from django.urls import path

from . import previews, report, staff
from .converters import register_training_key_converter

register_training_key_converter()

urlpatterns = [
    path("author-certificates/", staff.AuthorCertificatesView.as_view(), name="api_author_certificates"),
    path(
        "author-certificates/<uuid:uuid>/versions/",
        staff.AuthorCertificateVersionsView.as_view(),
        name="api_author_certificate_versions",
    ),
    path("classic-certificates/", staff.ClassicCertificatesView.as_view(), name="api_classic_certificates"),
    path(
        "trainings/<training_key:training_key>/certificate/",
        staff.TrainingCertificateView.as_view(),
        name="api_training_certificate",
    ),
    path(
        "trainings/<training_key:training_key>/certificate/previews/version/<uuid:uuid>.pdf",
        previews.TrainingOptionPreviewView.as_view(kind="version"),
        name="api_training_version_preview",
    ),
    path(
        "trainings/<training_key:training_key>/certificate/previews/classic/<uuid:uuid>.pdf",
        previews.TrainingOptionPreviewView.as_view(kind="classic"),
        name="api_training_classic_preview",
    ),
    path(
        "trainings/<training_key:training_key>/report/",
        report.TrainingReportView.as_view(),
        name="api_training_report",
    ),
    path(
        "trainings/<training_key:training_key>/bulk-generations/",
        report.BulkGenerationsView.as_view(),
        name="api_bulk_generations",
    ),
    path(
        "trainings/<training_key:training_key>/bulk-generations/<uuid:uuid>/",
        report.BulkGenerationView.as_view(),
        name="api_bulk_generation",
    ),
    path(
        "trainings/<training_key:training_key>/bulk-generations/<uuid:uuid>/cancel/",
        report.BulkGenerationCancelView.as_view(),
        name="api_bulk_generation_cancel",
    ),
    path(
        "trainings/<training_key:training_key>/certificates.zip",
        report.CertificateArchiveView.as_view(),
        name="api_certificate_archive",
    ),
]

# Invalidation and reissue (docs/decisions/0120-invalidation-and-reissue.md).
from . import invalidation  # noqa: E402

urlpatterns += [
    path(
        "trainings/<training_key:training_key>/certificates/<uuid:uuid>/invalidate/",
        invalidation.InvalidateCertificateView.as_view(),
        name="api_certificate_invalidate",
    ),
    path(
        "trainings/<training_key:training_key>/certificates/<uuid:uuid>/reissue/",
        invalidation.ReissueCertificateView.as_view(),
        name="api_certificate_reissue",
    ),
    path(
        "trainings/<training_key:training_key>/certificate-events/",
        invalidation.CertificateEventsView.as_view(),
        name="api_certificate_events",
    ),
]
