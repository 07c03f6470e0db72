"""Studio's Author tool: the tenant's diplomas, the editor, version history and previews."""

from django.urls import path

from . import archiving, authoring

urlpatterns = [
    path("author-certificates/studio/", authoring.certificate_list, name="studio-list"),
    path("author-certificates/studio/archived/", archiving.archived_list, name="studio-archived"),
    path("author-certificates/studio/<uuid:uuid>/archive/", archiving.archive_certificate, name="studio-archive"),
    path("author-certificates/studio/<uuid:uuid>/restore/", archiving.restore_certificate, name="studio-restore"),
    path("author-certificates/studio/new/", authoring.certificate_editor, name="studio-new"),
    path("author-certificates/studio/<uuid:uuid>/", authoring.certificate_editor, name="studio-edit"),
    path("author-certificates/studio/<uuid:uuid>/versions/", authoring.version_history, name="studio-history"),
    path(
        "author-certificates/studio/versions/<uuid:uuid>/preview.pdf",
        authoring.version_preview,
        name="studio-version-preview",
    ),
]
