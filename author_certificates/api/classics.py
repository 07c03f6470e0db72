"""Tenant classic certificates: immutable versions, validated like author certificates.

A tenant's classic certificate (``ClassicCertificate`` with its own HTML/CSS) is edited in the
Django admin. Its row holds the design being edited; every design it has had is a
``ClassicCertificateVersion``, never changed once made. Issuing pins the current version
(``current_classic_version``), so every issued PDF can be rendered again from exactly the design it
was rendered from. The platform's built-in classics (``builtin_language``) have no versions: their
design ships with the package. See docs/decisions/0121-classic-certificate-versions.md.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from ..exceptions import InvalidInput, UnknownCertificate
from ..models import ClassicCertificate, ClassicCertificateVersion
from ._common import now_or

# The fields of a classic certificate that make its design (and so a new version when changed).
DESIGN_FIELDS = ("name", "html", "css", "page_size", "orientation", "language")


def _same_design(version: ClassicCertificateVersion, classic: ClassicCertificate) -> bool:
    return all(getattr(version, name) == getattr(classic, name) for name in DESIGN_FIELDS)


def validate_classic_design(
    *, html: str, css: str, page_size: str, orientation: str, language: str, name: str = ""
) -> None:
    """Validate a tenant classic's design exactly as the Author tool validates a version (syntax,
    placeholders, page settings, a trial render); raise InvalidDesign listing every problem, or
    InvalidInput for an empty HTML, an unknown page size or orientation."""
    from .authoring import _checked_design, _design_fields

    fields = _design_fields(html, css, page_size, orientation, language)
    _checked_design(fields, name or "Classic certificate", {})


def current_classic_version(
    *, classic: ClassicCertificate, created_by: Any = None, now: datetime.datetime | None = None
) -> ClassicCertificateVersion | None:
    """The version of ``classic`` that a certificate issued now is rendered from (None for a
    platform built-in classic: its design is the package's).

    When the classic's design differs from its newest version (edited since, or never versioned),
    a new version is made first, numbered after the newest under a lock of the classic's row, so
    two concurrent callers make one version. Older versions are never touched.
    """
    if classic.builtin_language:
        return None
    latest = ClassicCertificateVersion.objects.filter(classic_id=classic.pk).order_by("-number").first()
    if latest is not None and _same_design(latest, classic):
        return latest
    with transaction.atomic():
        locked = ClassicCertificate.objects.select_for_update().get(pk=classic.pk)
        latest = ClassicCertificateVersion.objects.filter(classic_id=locked.pk).order_by("-number").first()
        if latest is not None and _same_design(latest, locked):
            return latest
        if not locked.html.strip():
            raise InvalidInput(f"The classic certificate '{locked.name}' has no design.")
        number = (latest.number if latest else 0) + 1
        version = ClassicCertificateVersion.objects.create(
            classic=locked, number=number, created_at=now_or(now), created_by=created_by,
            **{name: getattr(locked, name) for name in DESIGN_FIELDS},
        )
        ClassicCertificate.objects.filter(pk=locked.pk).update(latest_version_number=number)
        classic.latest_version_number = number
        return version


def list_classic_versions(*, classic: ClassicCertificate) -> QuerySet[ClassicCertificateVersion]:
    """Every version of a tenant classic, newest first (empty for a built-in one)."""
    return ClassicCertificateVersion.objects.filter(classic_id=classic.pk).select_related("created_by").order_by(
        "-number"
    )


def get_classic_version(*, version: ClassicCertificateVersion | uuid.UUID | str) -> ClassicCertificateVersion:
    """A classic certificate version by instance or uuid; raises UnknownCertificate."""
    if isinstance(version, ClassicCertificateVersion):
        return version
    try:
        return ClassicCertificateVersion.objects.select_related("classic").get(uuid=uuid.UUID(str(version)))
    except (ValueError, ClassicCertificateVersion.DoesNotExist):
        raise UnknownCertificate(f"No classic certificate version '{version}'.") from None
