"""REST API v1, staff endpoints: author certificates, classic certificates, a training's certificate
and report (Studio's pages and the authoring MFE; the LMS's training pages use the same use cases),
and the API's OpenAPI schema."""

from django.urls import path

from . import previews, report, schema, staff
from .converters import register_training_key_converter

register_training_key_converter()

# Every per-training endpoint: the key keeps its ":" and "+" (converters.py).
TRAINING = "trainings/<training_key:training_key>/"

urlpatterns = [
    # The OpenAPI 3 schema of the whole API (public, docs/decisions/0100); here as the staff
    # endpoints are mounted by both services.
    path("schema/", schema.SchemaView.as_view(), name="api_schema"),
    path("author-certificates/", staff.AuthorCertificatesView.as_view(), name="api_author_certificates"),
    path("author-certificates/<uuid:uuid>/versions/", staff.AuthorCertificateVersionsView.as_view(),
         name="api_author_certificate_versions"),
    path("classic-certificates/", staff.ClassicCertificatesView.as_view(), name="api_classic_certificates"),
    path(TRAINING + "certificate/", staff.TrainingCertificateView.as_view(), name="api_training_certificate"),
    path(TRAINING + "certificate/previews/version/<uuid:uuid>.pdf",
         previews.TrainingOptionPreviewView.as_view(kind="version"), name="api_training_version_preview"),
    path(TRAINING + "certificate/previews/classic/<uuid:uuid>.pdf",
         previews.TrainingOptionPreviewView.as_view(kind="classic"), name="api_training_classic_preview"),
    path(TRAINING + "report/", report.TrainingReportView.as_view(), name="api_training_report"),
    path(TRAINING + "bulk-generations/", report.BulkGenerationsView.as_view(), name="api_bulk_generations"),
    path(TRAINING + "bulk-generations/<uuid:uuid>/", report.BulkGenerationView.as_view(),
         name="api_bulk_generation"),
    path(TRAINING + "bulk-generations/<uuid:uuid>/cancel/", report.BulkGenerationCancelView.as_view(),
         name="api_bulk_generation_cancel"),
    path(TRAINING + "certificates.zip", report.CertificateArchiveView.as_view(), name="api_certificate_archive"),
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
