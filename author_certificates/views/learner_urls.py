"""Learner-facing pages: Learning Records, Open certificate, public verification."""

from django.urls import path

from . import verification

urlpatterns = [
    path("author-certificates/verify/<uuid:uuid>/", verification.verify_page, name="verify"),
]
