"""REST API v1, learner endpoints: Learning Records, a record's certificate, public verification."""

from django.urls import path

from . import learner
from .converters import register_training_key_converter

register_training_key_converter()

urlpatterns = [
    path("records/", learner.LearningRecordsView.as_view(), name="api_records"),
    path("records/<training_key:training_key>/certificate/", learner.RecordCertificateView.as_view(),
         name="api_record_certificate"),
    path("verify/<uuid:uuid>/", learner.VerifyCertificateView.as_view(), name="api_verify"),
]
