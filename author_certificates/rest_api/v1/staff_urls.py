"""REST API v1, staff endpoints: author certificates, classic certificates, a training's certificate
and report (Studio's pages and the authoring MFE; the LMS's training pages use the same use cases)."""

from django.urls import path

from . import staff
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
        "trainings/<training_key:training_key>/report/",
        staff.TrainingReportView.as_view(),
        name="api_training_report",
    ),
]
