"""The only module that imports the host platform (edx-platform or a stand-in).

Everything here degrades to "the host has nothing to say" when the host modules are absent,
so the plugin also runs in a plain Django project (the embedded demo, the tests).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

# Host course roles and the plugin role each one grants.
HOST_ROLE_MAP = {"staff": "trainer", "instructor": "trainer", "data_researcher": "inspector"}


def _course_access_role_model():
    try:
        from common.djangoapps.student.models import CourseAccessRole  # edx-platform
    except ImportError:
        return None
    return CourseAccessRole


def host_course_roles(user: Any, course_key: str) -> set[str]:
    """Plugin roles ("trainer", "inspector") that the host's CourseAccessRole grants on a course."""
    model = _course_access_role_model()
    if model is None or not getattr(user, "is_authenticated", False):
        return set()
    roles = model.objects.filter(user=user, course_id=course_key).values_list("role", flat=True)
    return {HOST_ROLE_MAP[role] for role in roles if role in HOST_ROLE_MAP}


def is_global_staff(user: Any) -> bool:
    """Global staff in Open edX terms: ``is_staff`` (superusers are staff too)."""
    return bool(getattr(user, "is_active", False) and (user.is_staff or user.is_superuser))


def learner_full_name(user: Any) -> str:
    """The name to print on a certificate: the host profile's name, else Django's full name, else username."""
    try:
        from common.djangoapps.student.models import UserProfile  # edx-platform
    except ImportError:
        UserProfile = None
    if UserProfile is not None:
        name = UserProfile.objects.filter(user=user).values_list("name", flat=True).first()
        if name:
            return name
    return user.get_full_name() or user.get_username()
