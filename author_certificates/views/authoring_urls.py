"""Studio's Author tool: the tenant's diplomas, the editor, version history and previews."""

from django.urls import path

from . import authoring

urlpatterns = [
    path("author-certificates/studio/", authoring.certificate_list, name="studio-list"),
    path("author-certificates/studio/new/", authoring.certificate_editor, name="studio-new"),
    path("author-certificates/studio/<uuid:uuid>/", authoring.certificate_editor, name="studio-edit"),
    path("author-certificates/studio/<uuid:uuid>/versions/", authoring.version_history, name="studio-history"),
    path(
        "author-certificates/studio/versions/<uuid:uuid>/preview.pdf",
        authoring.version_preview,
        name="studio-version-preview",
    ),
]
