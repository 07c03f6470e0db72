"""Issued PDFs go to STORAGES["author_certificates"] when the host defines it, else to a private folder.

Never to MEDIA_ROOT by default: Tutor serves MEDIA_ROOT publicly at /media.
"""

import pytest

from author_certificates import api, generation, storage

pytestmark = pytest.mark.django_db

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"


@pytest.fixture
def generate(course, classic_en, staff, learner, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)

    def run():
        issued = api.request_certificate(user=learner, training=course, now=now)
        return generation.generate_certificate(issued_certificate_id=issued.pk, now=now)

    return run


def _files(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.pdf"))


def test_the_author_certificates_alias_is_used_when_present(settings, tmp_path, generate):
    settings.STORAGES = {
        "default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "default")}},
        "author_certificates": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "certificates")}},
    }
    issued = generate()
    assert _files(tmp_path / "certificates") == [issued.file]
    assert _files(tmp_path / "default") == []
    assert issued.file.startswith(f"author_certificates/default/{issued.uuid}-")


def test_with_default_settings_a_generated_pdf_is_private_and_not_under_media_root(settings, tmp_path, generate):
    # MEDIA_ROOT is what the default storage (and Tutor's /media) serves.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {"default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": settings.MEDIA_ROOT}}}
    del settings.AUTHOR_CERTIFICATES_PRIVATE_ROOT  # the plugin's default, whatever the test host says

    issued = generate()

    assert _files(tmp_path / "media") == []
    assert _files(tmp_path / "media-private" / "author-certificates") == [issued.file]
    assert storage.private_root() == f"{tmp_path}/media-private/author-certificates"
    assert generation.read_certificate(issued).startswith(b"%PDF-")


def test_the_private_folder_is_a_setting(settings, tmp_path, generate):
    settings.STORAGES = {"default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "default")}}}
    settings.AUTHOR_CERTIFICATES_PRIVATE_ROOT = str(tmp_path / "vault")

    issued = generate()

    assert _files(tmp_path / "vault") == [issued.file]
    assert _files(tmp_path / "default") == []


def test_the_alias_name_is_a_setting(settings, tmp_path, generate):
    settings.AUTHOR_CERTIFICATES_STORAGE_ALIAS = "diplomas"
    settings.STORAGES = {
        "default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "default")}},
        "author_certificates": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "unused")}},
        "diplomas": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "diplomas")}},
    }
    issued = generate()
    assert _files(tmp_path / "diplomas") == [issued.file]
    assert _files(tmp_path / "unused") == [] and _files(tmp_path / "default") == []


def test_each_attempt_gets_a_file_name_of_its_own_inside_a_safe_tenant_folder():
    first = storage.certificate_file_name(tenant="acme", uuid="0b7c")
    second = storage.certificate_file_name(tenant="acme", uuid="0b7c")
    assert first != second and first.startswith("author_certificates/acme/0b7c-") and first.endswith(".pdf")
    assert storage.certificate_file_name(tenant="../../etc", uuid="u").startswith("author_certificates/etc/u-")
