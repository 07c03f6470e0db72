"""URLs of author-certificates, mounted at the site root by the plugin (or by a host's urls.py).

Pages and the REST API are split by audience so each module stays small:
learner pages (Learning Records, open, verify), studio/staff pages (authoring, assignment,
report), and the versioned REST API under /api/author-certificates/v1/.
"""

from django.urls import include, path

app_name = "author_certificates"

urlpatterns = [
    path("", include("author_certificates.views.learner_urls")),
    path("", include("author_certificates.views.studio_urls")),
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.urls")),
    # Last: any other path under the API answers its JSON 404.
    path("api/author-certificates/v1/", include("author_certificates.rest_api.v1.fallback_urls")),
]
