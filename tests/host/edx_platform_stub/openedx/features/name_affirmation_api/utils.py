"""Stand-in for edx-platform's ``openedx.features.name_affirmation_api.utils``.

edx-platform: ``get_name_affirmation_service()`` returns edx-name-affirmation's service when that
app is installed, else None (a default Tutor install has none). The service answers
``should_use_verified_name_for_certs(user)`` and ``get_verified_name(user, is_verified=True)``
(an object with ``verified_name``, or None). Tests install ``FakeNameAffirmationService``.
"""

from __future__ import annotations

from dataclasses import dataclass

SERVICE = None


@dataclass
class VerifiedName:
    verified_name: str


class FakeNameAffirmationService:
    """Verified names by user id; ``chosen_for_certificates`` holds who chose theirs for certificates."""

    def __init__(self):
        self.verified_names: dict[int, str] = {}
        self.chosen_for_certificates: set[int] = set()

    def should_use_verified_name_for_certs(self, user) -> bool:
        return user.id in self.chosen_for_certificates

    def get_verified_name(self, user, is_verified=False):
        name = self.verified_names.get(user.id)
        return VerifiedName(name) if name else None


def get_name_affirmation_service():
    return SERVICE
