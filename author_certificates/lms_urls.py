"""What the LMS mounts (``plugin_app`` url_config for ``lms.djangoapp``).

Learner pages and the learner REST API; the staff pages of a training (select its certificate,
its progress report) and the staff REST API, where operators and instructors manage trainings
from the LMS. Not the Author tool: designing certificates is Studio's (cms_urls.py).
"""

from django.urls import include, path

app_name = "author_certificates"

urlpatterns = [
    path("", include("author_certificates.views.learner_urls")),
    path("", include("author_certificates.views.training_urls")),
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.learner_urls")),
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.staff_urls")),
    # Last: any other path under the API answers its JSON 404.
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.fallback_urls")),
]
