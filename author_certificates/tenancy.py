"""Which tenant a request, an organisation or a training belongs to.

Out of the box there is one tenant (``AUTHOR_CERTIFICATES_DEFAULT_TENANT``). A customer with
its own LMS and Studio domains and course organisations is mapped by
``AUTHOR_CERTIFICATES_TENANTS``; a host with its own notion of tenant (eox-tenant, site
configuration) names a function in ``AUTHOR_CERTIFICATES_TENANT_RESOLVER`` instead. Events and
tasks have no request: they use the tenant stored on the training.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.core.exceptions import DisallowedHost
from django.utils.module_loading import import_string

from . import conf


@lru_cache(maxsize=8)
def _resolver(path: str) -> Callable[..., str | None] | None:
    return import_string(path) if path else None


def _request_host(request: Any) -> str:
    try:
        return request.get_host().split(":", 1)[0].lower()
    except (DisallowedHost, AttributeError):  # a disallowed host, or a request-like object without get_host
        return str(getattr(request, "META", {}).get("HTTP_HOST", "")).split(":", 1)[0].lower()


def resolve_tenant(*, request: Any = None, org: str | None = None) -> str:
    """Return the tenant key for a request (by its domain) or a course organisation.

    Order: the configured resolver, then the ``TENANTS`` mapping (domains, then orgs), then the
    default tenant. Never raises for an unknown domain or org: they belong to the default tenant.
    """
    resolver = _resolver(conf.get("TENANT_RESOLVER"))
    if resolver is not None:
        tenant = resolver(request=request, org=org)
        if tenant:
            return tenant
    mapping: dict[str, dict[str, list[str]]] = conf.get("TENANTS") or {}
    if request is not None:
        host = _request_host(request)
        for tenant, spec in mapping.items():
            if host in {domain.lower() for domain in spec.get("domains", ())}:
                return tenant
    if org:
        for tenant, spec in mapping.items():
            if org.lower() in {name.lower() for name in spec.get("orgs", ())}:
                return tenant
    return conf.get("DEFAULT_TENANT")


def tenant_for_org(org: str | None) -> str:
    """Tenant of a new training, from its organisation (used when a training is first registered)."""
    return resolve_tenant(org=org)

