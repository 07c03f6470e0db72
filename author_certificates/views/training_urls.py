"""Staff pages of one training: its certificate ("Select certificate") and its progress report.

Training keys contain ":" and "+" but never "/", so they travel as one path segment.
"""

from django.urls import path

from . import assignment, report

urlpatterns = [
    path(
        "author-certificates/trainings/<str:training_key>/certificate/",
        assignment.training_certificate,
        name="training-certificate",
    ),
    path("author-certificates/trainings/<str:training_key>/report/", report.progress_report, name="progress-report"),
]
