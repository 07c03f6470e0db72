"""REST API v1 (DRF) under /api/author-certificates/v1/.

A plain ``urlpatterns`` list: each audience's routes are appended below the learner's.
Training keys in URLs keep their ``:`` and ``+`` (``course-v1:Org+Num+Run``); the
``training_key`` converter accepts any non-empty path segment and the API answers 400 with the
expected forms for a malformed one (rather than a bare 404 from the URL resolver).
"""

from django.urls import path, register_converter

from . import learner


class TrainingKeyConverter:
    """One path segment holding a training key, passed on verbatim (validated by the API)."""

    regex = r"[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


register_converter(TrainingKeyConverter, "training_key")

urlpatterns = [
    path("records/", learner.LearningRecordsView.as_view(), name="api_records"),
    path(
        "records/<training_key:training_key>/certificate/",
        learner.RecordCertificateView.as_view(),
        name="api_record_certificate",
    ),
    path("verify/<uuid:uuid>/", learner.VerifyCertificateView.as_view(), name="api_verify"),
]

# Staff endpoints (Studio and LMS admin pages use the same use cases).
from . import report, staff  # noqa: E402

urlpatterns += [
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
