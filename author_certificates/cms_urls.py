"""What Studio mounts (``plugin_app`` url_config for ``cms.djangoapp``).

The Author tool, the staff pages of a training (select its certificate, its progress report) and
the staff REST API. No learner page and no learner API: learners use the LMS, and a certificate is
only ever requested, generated and opened there (its task goes to the LMS workers' queue).
"""

from django.urls import include, path

app_name = "author_certificates"

urlpatterns = [
    path("", include("author_certificates.views.authoring_urls")),
    path("", include("author_certificates.views.training_urls")),
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.staff_urls")),
    # Last: any other path under the API answers its JSON 404.
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.fallback_urls")),
]
