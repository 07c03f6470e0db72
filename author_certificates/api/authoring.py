"""Authoring: author certificates and their immutable versions (R1, R3, R6)."""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from .. import (
    conf,
    rendering,  # its heavy parts (WeasyPrint, Pillow) load on first use, not at start-up
)
from ..exceptions import InvalidInput, NothingChanged, UnknownCertificate, VersionConflict, WrongTenant
from ..models import (
    AuthorCertificate,
    AuthorCertificateVersion,
    DesignAsset,
    Orientation,
    PageSize,
    VersionAsset,
)
from ..rendering import Design
from ._common import now_or, require_title

CertificateRef = AuthorCertificate | uuid.UUID | str


def _design_fields(html: Any, css: Any, page_size: Any, orientation: Any, language: Any) -> dict[str, str]:
    if not isinstance(html, str) or not html.strip():
        raise InvalidInput("The design's HTML must not be empty.")
    if css is not None and not isinstance(css, str):
        raise InvalidInput("The design's CSS must be text.")
    if page_size not in PageSize.values:
        raise InvalidInput(f"Unknown page size '{page_size}'; expected one of {', '.join(PageSize.values)}.")
    if orientation not in Orientation.values:
        raise InvalidInput(f"Unknown orientation '{orientation}'; expected one of {', '.join(Orientation.values)}.")
    if not isinstance(language, str) or not language.strip():
        raise InvalidInput("The design's language must not be empty.")
    return {
        "html": html,
        "css": css or "",
        "page_size": page_size,
        "orientation": orientation,
        "language": language.strip(),
    }


def _checked_design(fields: Mapping[str, str], title: str, assets: Mapping[str, bytes]) -> Design:
    """Sniff, validate and normalise a design in a bounded render process; raise InvalidDesign
    listing every problem (a trial render past a render limit included)."""
    from ..designs import render_limits

    # Plain str and bytes: they cross to a render process, which knows nothing of Django's types.
    return rendering.check_design(title=str(title), assets={str(name): bytes(data) for name, data in assets.items()},
                        max_asset_bytes=conf.get("MAX_ASSET_BYTES"), limits=render_limits(),
                        **{name: str(value) for name, value in fields.items()})


def _store_version(
    *, certificate: AuthorCertificate, number: int, design: Design, user: Any, moment: datetime.datetime
) -> AuthorCertificateVersion:
    version = AuthorCertificateVersion.objects.create(
        certificate=certificate,
        number=number,
        title=design.title,
        html=design.html,
        css=design.css,
        page_size=design.page_size,
        orientation=design.orientation,
        language=design.language,
        created_at=moment,
        created_by=user,
    )
    for asset in design.assets:
        digest = hashlib.sha256(asset.data).hexdigest()
        stored = DesignAsset.objects.filter(sha256=digest).first()
        if stored is None:
            try:
                with transaction.atomic():
                    stored = DesignAsset.objects.create(
                        sha256=digest, content_type=asset.content_type, data=asset.data, size=len(asset.data)
                    )
            except IntegrityError:  # another save stored the same bytes meanwhile
                stored = DesignAsset.objects.get(sha256=digest)
        VersionAsset.objects.create(version=version, name=asset.name, asset=stored)
    return version


def create_author_certificate(
    *,
    tenant: str,
    title: str,
    html: str,
    css: str = "",
    page_size: str = PageSize.A4,
    orientation: str = Orientation.LANDSCAPE,
    language: str = "en",
    assets: Mapping[str, bytes] | None = None,
    created_by: Any,
    now: datetime.datetime | None = None,
) -> AuthorCertificateVersion:
    """Create an author certificate of ``tenant`` and its version 1; return the version.

    The design is validated first (syntax, placeholders, assets, a trial render): a design that
    fails raises InvalidDesign and nothing is saved. Raises InvalidInput for an empty title or
    tenant, an unknown page size or orientation.
    """
    if not isinstance(tenant, str) or not tenant.strip():
        raise InvalidInput("The tenant must not be empty.")
    title = require_title(title)
    fields = _design_fields(html, css, page_size, orientation, language)
    design = _checked_design(fields, title, assets or {})
    moment = now_or(now)
    with transaction.atomic():
        certificate = AuthorCertificate.objects.create(
            tenant=tenant.strip(), title=title, created_by=created_by, created_at=moment, latest_version_number=1
        )
        return _store_version(certificate=certificate, number=1, design=design, user=created_by, moment=moment)


def get_author_certificate(*, certificate: CertificateRef, tenant: str | None = None) -> AuthorCertificate:
    """The author certificate by instance or uuid, checked to belong to ``tenant`` when given.

    Raises UnknownCertificate (also for another tenant's certificate: its existence is not revealed).
    """
    if isinstance(certificate, AuthorCertificate):
        found = certificate
    else:
        try:
            found = AuthorCertificate.objects.get(uuid=uuid.UUID(str(certificate)))
        except (ValueError, AuthorCertificate.DoesNotExist):
            raise UnknownCertificate(f"No author certificate '{certificate}'.") from None
    if tenant is not None and found.tenant != tenant:
        raise UnknownCertificate(f"No author certificate '{found.uuid}' in this tenant.")
    return found


def save_new_version(
    *,
    certificate: CertificateRef,
    edited_by: Any,
    title: str | None = None,
    html: str | None = None,
    css: str | None = None,
    page_size: str | None = None,
    orientation: str | None = None,
    language: str | None = None,
    add_assets: Mapping[str, bytes] | None = None,
    remove_assets: Iterable[str] = (),
    tenant: str | None = None,
    now: datetime.datetime | None = None,
) -> AuthorCertificateVersion:
    """Save an edit of ``certificate`` as version N+1 and return it (R1).

    Fields left as None keep the newest version's value; its assets are carried over, minus
    ``remove_assets``, plus (or replaced by) ``add_assets``. Concurrent saves are serialised on the
    certificate row, so two saves never share a number. Raises InvalidDesign (nothing saved),
    UnknownCertificate, InvalidInput.
    """
    certificate = get_author_certificate(certificate=certificate, tenant=tenant)
    latest = certificate.versions.order_by("-number").first()
    carried = {row.name: bytes(row.asset.data) for row in latest.assets.select_related("asset")}
    current_assets = dict(carried)
    for name in remove_assets:
        if name not in carried:
            raise InvalidInput(f"The design has no asset named '{name}' to remove.")
        del carried[name]
    carried.update(add_assets or {})
    new_title = require_title(title) if title is not None else latest.title
    fields = _design_fields(
        latest.html if html is None else html,
        latest.css if css is None else css,
        page_size or latest.page_size,
        orientation or latest.orientation,
        language or latest.language,
    )
    if _unchanged(latest, new_title, fields, current_assets, carried):
        raise NothingChanged(f"Nothing changed: version {latest.number} of '{latest.title}' is the same; "
                             "no new version was saved.")
    # Validation and the trial render happen outside the transaction: they are slow and read nothing.
    design = _checked_design(fields, new_title, carried)
    moment = now_or(now)
    with transaction.atomic():
        locked = AuthorCertificate.objects.select_for_update().get(pk=certificate.pk)
        number = locked.latest_version_number + 1
        try:
            with transaction.atomic():
                version = _store_version(
                    certificate=locked, number=number, design=design, user=edited_by, moment=moment
                )
        except IntegrityError as error:  # only reachable if a writer bypassed the row lock
            raise VersionConflict(f"Version {number} of '{locked.title}' was saved concurrently; try again.") from error
        locked.latest_version_number = number
        locked.title = new_title
        locked.save(update_fields=["latest_version_number", "title"])
    return version


def _unchanged(latest: AuthorCertificateVersion, title: str, fields: Mapping[str, str],
               current_assets: Mapping[str, bytes], assets: Mapping[str, bytes]) -> bool:
    """True when an edit would save a copy of ``latest``: every field equal, and the same asset
    names with the same bytes (an upload of the very bytes stored counts as no change)."""
    return (
        title == latest.title
        and all(getattr(latest, name) == value for name, value in fields.items())
        and current_assets == dict(assets)
    )


def list_author_certificates(*, tenant: str) -> QuerySet[AuthorCertificate]:
    """Every author certificate of ``tenant``, whoever created it, with its creator (R3).

    Archived ones are left out (api.list_archived_author_certificates lists them).
    """
    return (
        AuthorCertificate.objects.filter(tenant=tenant, archived_at__isnull=True)
        .select_related("created_by").order_by("title", "id")
    )


def list_versions(*, certificate: CertificateRef, tenant: str | None = None) -> QuerySet[AuthorCertificateVersion]:
    """The versions of ``certificate``, newest first, with their editors (R6)."""
    certificate = get_author_certificate(certificate=certificate, tenant=tenant)
    return certificate.versions.select_related("created_by").order_by("-number")


def get_version(
    *, version: AuthorCertificateVersion | uuid.UUID | str, tenant: str | None = None
) -> AuthorCertificateVersion:
    """A version by instance or uuid; raises UnknownCertificate, or WrongTenant for another tenant's version."""
    if not isinstance(version, AuthorCertificateVersion):
        try:
            version = AuthorCertificateVersion.objects.select_related("certificate").get(uuid=uuid.UUID(str(version)))
        except (ValueError, AuthorCertificateVersion.DoesNotExist):
            raise UnknownCertificate(f"No author certificate version '{version}'.") from None
    if tenant is not None and version.certificate.tenant != tenant:
        raise WrongTenant("That certificate version belongs to another tenant.")
    return version


# Studio previews: render unsaved designs and saved versions with sample data (docs/decisions/0040).
def preview_design(
    *,
    title: str,
    html: str,
    css: str = "",
    page_size: str = PageSize.A4,
    orientation: str = Orientation.LANDSCAPE,
    language: str = "en",
    certificate: CertificateRef | None = None,
    tenant: str | None = None,
    add_assets: Mapping[str, bytes] | None = None,
    remove_assets: Iterable[str] = (),
) -> bytes:
    """Render an unsaved design with sample data and return the PDF bytes; nothing is saved.

    With ``certificate`` the newest version's assets are carried over (minus ``remove_assets``,
    plus ``add_assets``), as ``save_new_version`` would. The design is validated exactly as a
    save would validate it, so a preview shows the same problems. Raises InvalidDesign,
    InvalidInput, UnknownCertificate (also for a certificate of another tenant than ``tenant``),
    RenderingFailed.
    """
    from ..designs import render_limits
    from ..rendering import preview_pdf

    carried: dict[str, bytes] = {}
    if certificate is not None:
        found = get_author_certificate(certificate=certificate, tenant=tenant)
        latest = found.versions.order_by("-number").first()
        carried = {row.name: bytes(row.asset.data) for row in latest.assets.select_related("asset")}
    for name in remove_assets:
        carried.pop(name, None)
    carried.update(add_assets or {})
    fields = _design_fields(html, css, page_size, orientation, language)
    design = _checked_design(fields, require_title(title), carried)
    return preview_pdf(design, platform_name=conf.platform_name(), limits=render_limits())


def preview_version(*, version: AuthorCertificateVersion | uuid.UUID | str, tenant: str | None = None) -> bytes:
    """Render a saved version with sample data (the version history's preview); PDF bytes.

    Raises UnknownCertificate, WrongTenant (a version of another tenant), RenderingFailed.
    """
    from ..designs import render_limits, version_design
    from ..rendering import preview_pdf

    return preview_pdf(version_design(get_version(version=version, tenant=tenant)),
                       platform_name=conf.platform_name(), limits=render_limits())


def latest_versions(*, certificates: Iterable[AuthorCertificate]) -> dict[int, AuthorCertificateVersion]:
    """The newest version of each certificate, by certificate id, with its editor: one query (R3 list)."""
    from django.db.models import Q

    wanted = Q(pk__in=[])
    for certificate in certificates:
        wanted |= Q(certificate_id=certificate.pk, number=certificate.latest_version_number)
    versions = AuthorCertificateVersion.objects.filter(wanted).select_related("created_by")
    return {version.certificate_id: version for version in versions}


def list_tenant_versions(*, tenant: str) -> dict[int, list[AuthorCertificateVersion]]:
    """Every version of every author certificate of ``tenant`` (archived ones left out), by
    certificate id, newest first, with their editors: one query for the version selectors of a
    whole side window (R6)."""
    versions = (
        AuthorCertificateVersion.objects.filter(certificate__tenant=tenant, certificate__archived_at__isnull=True)
        .defer("html", "css")
        .select_related("created_by")
        .order_by("certificate_id", "-number")
    )
    grouped: dict[int, list[AuthorCertificateVersion]] = {}
    for version in versions:
        grouped.setdefault(version.certificate_id, []).append(version)
    return grouped
