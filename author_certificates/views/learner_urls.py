"""Learner-facing pages: Learning Records, Open certificate, public verification."""

from django.urls import path

from . import certificate_file, learning_records, verification

urlpatterns = [
    path("author-certificates/learning-records/", learning_records.learning_records_page, name="learning_records"),
    path(
        "author-certificates/learning-records/certificate/",
        learning_records.request_certificate_form,
        name="learning_records_request",
    ),
    path("author-certificates/certificates/<uuid:uuid>/", certificate_file.open_certificate, name="open_certificate"),
    path("author-certificates/verify/<uuid:uuid>/", verification.verify_page, name="verify"),
]
