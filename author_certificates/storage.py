"""Where issued PDFs are kept: the ``STORAGES`` alias named by AUTHOR_CERTIFICATES_STORAGE_ALIAS
(``"author_certificates"`` by default) when the host defines it, else the default storage.
Production hosts point that alias at S3 through django-storages; the demo keeps local files.

Every generation attempt writes a file under a name of its own and never overwrites or
deletes a file it did not write: two workers racing on one certificate, or a retry after a
lost worker, can then never destroy the file that is recorded as the certificate (see
docs/decisions/0021-one-file-name-per-attempt.md).
"""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages

from . import conf

# Errors of django-storages' backends (botocore, google-cloud, azure) that are worth retrying,
# matched by class name so that none of those packages is imported here.
_TRANSIENT_ERROR_NAMES = frozenset({
    "EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError", "ConnectionClosedError",
    "ProxyConnectionError", "ServiceUnavailable", "TooManyRequests", "InternalServerError",
    "GatewayTimeout", "ServiceRequestError", "ServiceResponseError",
})
# S3-style error codes (botocore ClientError.response["Error"]["Code"]) worth retrying.
_TRANSIENT_ERROR_CODES = frozenset({
    "SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "RequestTimeTooSkewed",
    "InternalError", "ServiceUnavailable", "503", "500",
})
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def certificate_storage() -> Storage:
    """The storage for issued certificates (looked up on each call, so tests can swap settings)."""
    alias = conf.get("STORAGE_ALIAS")
    if alias and alias in getattr(settings, "STORAGES", {}):
        return storages[alias]
    return default_storage


def certificate_file_name(*, tenant: str, uuid: str) -> str:
    """A fresh storage name for one attempt at an issued certificate.

    One folder per tenant; the verification uuid starts the name (so an operator finds every
    file of a certificate), followed by a random token unique to this attempt.
    """
    folder = _UNSAFE_IN_NAME.sub("_", tenant).strip("._") or "_"
    return f"author_certificates/{folder}/{uuid}-{secrets.token_hex(6)}.pdf"


def save_pdf(*, name: str, data: bytes) -> str:
    """Store ``data`` under ``name`` (or the free name the storage picks); return the stored name.

    Never replaces an existing file. Raises whatever the storage raises; see is_transient_error.
    """
    return certificate_storage().save(name, ContentFile(data))


def read_pdf(name: str) -> bytes:
    """The bytes of a stored certificate; FileNotFoundError when the file is gone."""
    storage = certificate_storage()
    if not name or not storage.exists(name):
        raise FileNotFoundError(f"The certificate file '{name}' is missing from storage.")
    with storage.open(name, "rb") as handle:
        return handle.read()


def open_pdf(name: str):
    """A binary file object of a stored certificate, to read in pieces; FileNotFoundError when it is gone."""
    storage = certificate_storage()
    if not name or not storage.exists(name):
        raise FileNotFoundError(f"The certificate file '{name}' is missing from storage.")
    return storage.open(name, "rb")


def delete_pdf(name: str) -> None:
    """Remove a file this process stored itself (after a lost race or a failed record)."""
    storage = certificate_storage()
    if name and storage.exists(name):
        storage.delete(name)


def is_transient_error(error: BaseException) -> bool:
    """True when a storage error is worth retrying: network, timeouts, throttling, 5xx.

    OSError covers local and network file systems and the socket errors of any client; cloud
    backends raise their own classes, recognised by name or S3-style error code.
    """
    if isinstance(error, (FileExistsError, IsADirectoryError, NotADirectoryError, PermissionError)):
        return False  # a misconfiguration: retrying will not help
    if isinstance(error, (OSError, TimeoutError)):
        return True
    if any(klass.__name__ in _TRANSIENT_ERROR_NAMES for klass in type(error).__mro__):
        return True
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = str(response.get("Error", {}).get("Code", ""))
        return code in _TRANSIENT_ERROR_CODES
    return False
