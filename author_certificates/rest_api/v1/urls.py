"""REST API v1 (DRF) under /api/author-certificates/v1/: every endpoint, for hosts that mount all.

Open edX mounts learner_urls.py in the LMS and staff_urls.py in both services (lms_urls.py,
cms_urls.py). Training keys in URLs keep their ``:`` and ``+`` (converters.py).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("author_certificates.rest_api.v1.learner_urls")),
    path("", include("author_certificates.rest_api.v1.staff_urls")),
]
