"""Studio and staff pages: the Author tool and a training's pages (its certificate, its report).

Kept as one module for hosts that mount everything (author_certificates/urls.py); Open edX mounts
authoring_urls.py in Studio and training_urls.py in both services (lms_urls.py, cms_urls.py).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("author_certificates.views.authoring_urls")),
    path("", include("author_certificates.views.training_urls")),
]
