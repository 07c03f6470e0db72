"""Every setting of author-certificates, with its default, in one place.

Hosts set them as plain Django settings (``AUTHOR_CERTIFICATES_<NAME>``). The plugin's
``settings/common.py`` copies these defaults into an Open edX host; any other host gets them
from here. The README's settings table documents the same names.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

PREFIX = "AUTHOR_CERTIFICATES_"

DEFAULTS: dict[str, Any] = {
    # Tenant used when nothing else maps a site, an organisation or a user to one.
    "DEFAULT_TENANT": "default",
    # {"tenant-key": {"domains": ["lms.acme.test", "studio.acme.test"], "orgs": ["AcmeX"]}}
    "TENANTS": {},
    # Dotted path of a function(request=None, org=None) -> tenant key or None, tried first.
    "TENANT_RESOLVER": "",
    # Dotted path of a function(user, training) -> set of role names, replacing the host roles.
    "ROLE_RESOLVER": "",
    # Alias in settings.STORAGES for issued PDFs. When STORAGES has no such alias, PDFs go to
    # PRIVATE_ROOT on the local disk, a folder no web server serves.
    "STORAGE_ALIAS": "author_certificates",
    # Folder for issued PDFs when no storage alias is configured; empty: "<MEDIA_ROOT>-private/
    # author-certificates" (Tutor: /openedx/media-private/author-certificates, a volume every LMS,
    # Studio and worker container mounts and Caddy does not serve).
    "PRIVATE_ROOT": "",
    # Celery queue for generation tasks (None: Celery's default queue).
    "CELERY_QUEUE": None,
    # Largest uploaded design asset, in bytes.
    "MAX_ASSET_BYTES": 5 * 1024 * 1024,
    # Largest request body a design save or preview may send (its assets together, base64 in
    # JSON included), in bytes: refused from its Content-Length before it is read.
    "MAX_DESIGN_UPLOAD_BYTES": 32 * 1024 * 1024,
    # Absolute base URL of verification links printed on certificates (no trailing slash);
    # empty: built from the request, else from the LMS root URL.
    "VERIFICATION_BASE_URL": "",
    # Name of the platform printed on certificates.
    "PLATFORM_NAME": "",
    # Every render (a save's trial render, previews, generation) runs in one of this many
    # render processes per web or worker process, with the hard limits below; 0 renders in the
    # calling process without any limit (debugging only).
    "RENDER_PROCESSES": 2,
    # CPU seconds one render may use before its process is stopped.
    "RENDER_CPU_SECONDS": 10,
    # Address space of a render process, in MB (WeasyPrint and its caches take about 300).
    "RENDER_MEMORY_MB": 1024,
    # Seconds one render may take, waiting included, before its process is killed.
    "RENDER_WALL_SECONDS": 20,
    # Renders a render process does before it is replaced by a fresh one (0: never): bounds the
    # native memory WeasyPrint keeps for each design it prepares.
    "RENDER_PROCESS_MAX_RENDERS": 500,
    # A certificate still "generating" this many seconds after it was requested is taken as lost
    # (a worker died, the message was dropped): the learner can try again.
    "GENERATION_TIMEOUT_SECONDS": 900,
    # A certificate still "generating" this many seconds after it was requested is queued again
    # by the periodic sweep (its task was lost with a killed worker); more than a generation
    # with its retries takes (about 3 minutes), less than GENERATION_TIMEOUT_SECONDS.
    "REQUEUE_STALLED_AFTER_SECONDS": 300,
    # How often the Celery beat entry the plugin adds to CELERY_BEAT_SCHEDULE runs the sweep.
    "REQUEUE_SWEEP_INTERVAL_SECONDS": 60,
    # Longest wait for the broker when queuing a generation (connect, and each send or read):
    # a broker that does not answer marks the certificate failed and the learner can try again.
    "PUBLISH_TIMEOUT_SECONDS": 3,
}


def get(name: str) -> Any:
    """Return setting ``AUTHOR_CERTIFICATES_<name>`` or its default (KeyError for unknown names)."""
    default = DEFAULTS[name]
    return getattr(settings, PREFIX + name, default)


def platform_name() -> str:
    """The platform name shown on pages, printed on certificates and on previews.

    ``AUTHOR_CERTIFICATES_PLATFORM_NAME``, else the host's (its site configuration's
    ``PLATFORM_NAME``, then ``settings.PLATFORM_NAME``), else "Open edX".
    """
    from . import compat

    return get("PLATFORM_NAME") or compat.site_platform_name() or "Open edX"
