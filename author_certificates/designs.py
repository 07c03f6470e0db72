"""Turn stored designs (versions, classic certificates) into the rendering layer's `Design`.

This is the seam between models and the pure rendering package: rendering never sees a model.
A version never changes, so its Design (with its decoded assets) is cached for the life of the
process, keyed by the version's uuid: unlike a primary key, a uuid is never reused (a test
database rolled back, or restored from a backup, hands out primary keys again).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from . import conf
from .models import AuthorCertificateVersion, ClassicCertificate, ClassicCertificateVersion, VersionAsset
from .rendering import Asset, Design, RenderLimits, classic_design

# Bounded: a design holds its assets' bytes (at most MAX_ASSET_BYTES each).
MAX_CACHED_VERSIONS = 64


@lru_cache(maxsize=MAX_CACHED_VERSIONS)
def _version_design(version_uuid: str) -> Design:
    version = AuthorCertificateVersion.objects.get(uuid=version_uuid)
    assets = tuple(
        Asset(name=row.name, content_type=row.asset.content_type, data=bytes(row.asset.data))
        for row in VersionAsset.objects.filter(version_id=version.pk).select_related("asset")
    )
    return Design(
        html=version.html,
        css=version.css,
        page_size=version.page_size,
        orientation=version.orientation,
        assets=assets,
        language=version.language,
        title=version.title,
        cache_key=f"version:{version.uuid}",
    )


def version_design(version: AuthorCertificateVersion) -> Design:
    """The Design of a saved version (cached: versions are immutable).

    Raises AuthorCertificateVersion.DoesNotExist if the version is not in the database.
    """
    return _version_design(str(version.uuid))


def _stored_design(row, *, title: str, cache_key: str) -> Design:
    """The Design of a row holding a design's fields (a classic certificate or one of its versions)."""
    return Design(html=row.html, css=row.css, page_size=row.page_size, orientation=row.orientation,
                  language=row.language, title=title, cache_key=cache_key)


def classic_certificate_design(classic: ClassicCertificate) -> Design:
    """The Design of a classic certificate: the packaged default, or the tenant's own HTML/CSS.

    Tenant classics can be edited in the admin, so their cache key includes their content hash.
    """
    if classic.builtin_language:
        return classic_design(classic.builtin_language)
    content = f"{classic.html}\0{classic.css}\0{classic.page_size}\0{classic.orientation}\0{classic.language}"
    digest = hashlib.sha256(content.encode()).hexdigest()
    return _stored_design(classic, title=classic.name, cache_key=f"classic:{classic.uuid}:{digest[:16]}")


def classic_version_design(version: ClassicCertificateVersion) -> Design:
    """The Design of a tenant classic's version: what certificates pinned to it were rendered from.

    Versions never change, so its cache key is its uuid.
    """
    return _stored_design(version, title=version.name, cache_key=f"classic-version:{version.uuid}")


def render_limits() -> RenderLimits | None:
    """The limits of every render, from settings (None: render in this process, unbounded)."""
    processes = conf.get("RENDER_PROCESSES")
    if not processes:
        return None
    return RenderLimits(
        processes=processes,
        cpu_seconds=conf.get("RENDER_CPU_SECONDS"),
        memory_bytes=conf.get("RENDER_MEMORY_MB") * 1024 * 1024,
        wall_seconds=conf.get("RENDER_WALL_SECONDS"),
        max_renders=conf.get("RENDER_PROCESS_MAX_RENDERS"),
    )
