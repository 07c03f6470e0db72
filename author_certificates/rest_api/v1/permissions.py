"""Who may call the REST API: authentication classes and permissions, in one place.

Session authentication (with DRF's CSRF check for cookie-authenticated writes) always; JWT
authentication from edx-drf-extensions when the host has it (every Open edX LMS does), so an
MFE can call the API with its JWT cookie or header. edx-drf-extensions is not a dependency of
this package: it is imported here, guarded, and nowhere else.
"""

from __future__ import annotations

from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated


def _jwt_authentication() -> list[type[BaseAuthentication]]:
    try:
        from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
    except ImportError:  # not an Open edX host: sessions only
        return []
    return [JwtAuthentication]


# JWT first: with a JWT-capable host an anonymous caller gets 401 with a WWW-Authenticate
# header; with sessions only DRF answers 403 (SessionAuthentication has no challenge).
AUTHENTICATION_CLASSES: list[type[BaseAuthentication]] = [*_jwt_authentication(), SessionAuthentication]


class IsActiveUser(IsAuthenticated):
    """A signed-in, active user (an inactive one may still hold a session on some hosts)."""

    def has_permission(self, request, view) -> bool:
        return super().has_permission(request, view) and bool(getattr(request.user, "is_active", False))


LEARNER_PERMISSIONS = [IsActiveUser]
PUBLIC_PERMISSIONS = [AllowAny]
