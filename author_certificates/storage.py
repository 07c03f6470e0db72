"""Where issued PDFs are kept: the ``STORAGES`` alias named by AUTHOR_CERTIFICATES_STORAGE_ALIAS
(``"author_certificates"`` by default) when the host defines it, else the default storage.
Production hosts point that alias at S3 through django-storages; the demo keeps local files.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages

from . import conf


def certificate_storage() -> Storage:
    """The storage for issued certificates (looked up on each call, so tests can swap settings)."""
    alias = conf.get("STORAGE_ALIAS")
    if alias and alias in getattr(settings, "STORAGES", {}):
        return storages[alias]
    return default_storage


def certificate_file_name(*, tenant: str, uuid: str) -> str:
    """The storage name of an issued certificate: one folder per tenant, the verification uuid as name."""
    return f"author_certificates/{tenant}/{uuid}.pdf"


def save_pdf(*, name: str, data: bytes) -> str:
    """Store ``data`` under ``name`` (replacing a leftover of a failed attempt); return the stored name."""
    storage = certificate_storage()
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(data))


def read_pdf(name: str) -> bytes:
    """The bytes of a stored certificate; FileNotFoundError when the file is gone."""
    storage = certificate_storage()
    if not name or not storage.exists(name):
        raise FileNotFoundError(f"The certificate file '{name}' is missing from storage.")
    with storage.open(name, "rb") as handle:
        return handle.read()


def delete_pdf(name: str) -> None:
    """Remove a stored file if it exists (cleanup after a lost race or a failed record)."""
    storage = certificate_storage()
    if name and storage.exists(name):
        storage.delete(name)
