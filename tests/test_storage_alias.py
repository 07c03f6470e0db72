"""Issued PDFs go to STORAGES["author_certificates"] when the host defines it, else to the default storage."""

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


def test_the_default_storage_is_used_when_the_alias_is_absent(settings, tmp_path, generate):
    settings.STORAGES = {"default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "default")}}}
    issued = generate()
    assert _files(tmp_path / "default") == [issued.file]
    assert generation.read_certificate(issued).startswith(b"%PDF-")


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
