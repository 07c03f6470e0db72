"""Mounted after every other REST v1 URL module: any other path under /api/author-certificates/v1/
(a malformed uuid, say) answers the API's JSON 404 rather than the host's HTML page."""

from django.urls import re_path

from .errors import UnknownEndpointView

urlpatterns = [
    re_path(r"^.*$", UnknownEndpointView.as_view(), name="api_unknown"),
]
