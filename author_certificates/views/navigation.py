"""The header's links: the pages of the plugin the signed-in user may use (docs/decisions/0110).

Trainings (admins, trainers, inspectors), the Author tool (authors, Studio only), Learning
Records (every signed-in user, LMS only). Which of them a user may use costs a few queries, so
it is worked out when the user signs in (Django's ``user_logged_in``) and kept in the session
for a few minutes: pages pay nothing for their header, and a role granted or removed shows in
the header within NAVIGATION_SECONDS (the pages themselves always check).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from .. import api

log = logging.getLogger(__name__)

SESSION_KEY = "author_certificates_navigation"
NAVIGATION_SECONDS = 300


def _tenant(request: Any) -> str:
    meta = getattr(request, "META", {})
    if "HTTP_HOST" not in meta and "SERVER_NAME" not in meta:
        return api.tenant_of_request(request=None)  # a request built by hand (test clients' logins)
    return api.tenant_of_request(request=request)


def _pages(user: Any, tenant: str) -> list[str]:
    checks = (
        ("trainings", lambda: api.may_manage_trainings(user=user, tenant=tenant)),
        ("author_tool", lambda: api.can_author(user, tenant)),
    )
    pages = []
    for page, allowed in checks:
        try:
            if allowed():
                pages.append(page)
        except Exception:  # noqa: BLE001 -- a header must never break signing in or a page
            log.exception("The header's %s link could not be worked out for user %s", page, getattr(user, "pk", None))
    pages.append("learning_records")
    return pages


def remember_navigation(sender: Any = None, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """Receiver of ``user_logged_in``: work out the header's pages once, at sign-in."""
    session = getattr(request, "session", None)
    if session is None or user is None:
        return
    tenant = _tenant(request)
    session[SESSION_KEY] = {"tenant": tenant, "at": time.time(), "pages": _pages(user, tenant)}


def _allowed_pages(request: Any) -> list[str]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    tenant = _tenant(request)
    kept = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not kept or kept.get("tenant") != tenant or time.time() - kept.get("at", 0) > NAVIGATION_SECONDS:
        kept = {"tenant": tenant, "at": time.time(), "pages": _pages(user, tenant)}
        if hasattr(request, "session"):
            request.session[SESSION_KEY] = kept
    return list(kept["pages"])


_LINKS = (
    ("trainings", "author_certificates:trainings"),
    ("author_tool", "author_certificates:studio-list"),
    ("learning_records", "author_certificates:learning_records"),
)


def header_links(request: Any) -> list[dict[str, Any]]:
    """[{"label", "url", "current"}] for the header: the pages this service mounts and the user may use."""
    if request is None:
        return []
    labels = {"trainings": _("Trainings"), "author_tool": _("Author tool"), "learning_records": _("Learning Records")}
    allowed = set(_allowed_pages(request))
    links = []
    for page, name in _LINKS:
        if page not in allowed:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:  # not mounted in this service (the Author tool is Studio's, ...)
            continue
        links.append({"label": labels[page], "url": url, "current": request.path.startswith(url)})
    return links
