"""The only module that imports the host platform (edx-platform or a stand-in).

Everything here degrades to "the host has nothing to say" when the host modules are absent,
so the plugin also runs in a plain Django project (the embedded demo, a bare host). The tests'
fake host provides the same import path (tests/host/edx_platform_stub, docs/decisions/0054).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

from django.db.models import Q
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

log = logging.getLogger(__name__)

# Host course roles and the plugin role each one grants.
HOST_ROLE_MAP = {"staff": "trainer", "instructor": "trainer", "data_researcher": "inspector"}

HOST_STUDENT_MODELS = "common.djangoapps.student.models"


def _student_model(name: str) -> Any | None:
    """A model of edx-platform's student app, or None when the host has no such module."""
    try:
        module = importlib.import_module(HOST_STUDENT_MODELS)
    except ImportError:
        return None
    return getattr(module, name, None)


def has_host_student_models() -> bool:
    """True when the host provides edx-platform's student models (CourseAccessRole, UserProfile)."""
    return _student_model("CourseAccessRole") is not None


def is_open_edx_host() -> bool:
    """True in an edx-platform process (its ``lms.envs`` or ``cms.envs`` is importable)."""
    for package in ("lms", "cms"):
        try:
            if importlib.util.find_spec(package) and importlib.util.find_spec(f"{package}.envs"):
                return True
        except (ImportError, ValueError):
            continue
    return False


def host_course_roles(user: Any, course_key: str) -> set[str]:
    """Plugin roles ("trainer", "inspector") that the host's CourseAccessRole grants on a course.

    A role on the course, or on the course's whole organisation (a row without a course, as
    edx-platform stores org-wide roles), counts. Unknown/malformed keys grant nothing.
    """
    model = _student_model("CourseAccessRole")
    if model is None or not getattr(user, "is_authenticated", False):
        return set()
    try:
        parsed = CourseKey.from_string(str(course_key))
    except InvalidKeyError:
        return set()
    empty_course = getattr(model._meta.get_field("course_id"), "Empty", "")
    roles = model.objects.filter(
        Q(course_id=parsed) | Q(org__iexact=parsed.org, course_id=empty_course), user=user
    ).values_list("role", flat=True)
    return {HOST_ROLE_MAP[role] for role in roles if role in HOST_ROLE_MAP}


def is_global_staff(user: Any) -> bool:
    """Global staff in Open edX terms: an active ``is_staff`` user (superusers count too)."""
    return bool(getattr(user, "is_active", False) and (user.is_staff or user.is_superuser))


def learner_full_name(user: Any) -> str:
    """The name to print on a certificate: the host profile's name, else Django's full name, else username."""
    profile_model = _student_model("UserProfile")
    name = None
    if profile_model is not None and getattr(user, "pk", None):
        name = profile_model.objects.filter(user=user).values_list("name", flat=True).first()
    return printed_learner_name(user, profile_name=name)


def printed_learner_name(user: Any, *, profile_name: str | None) -> str:
    """learner_full_name() from a profile name already read (hot_path joins the profile table)."""
    if profile_name and profile_name.strip():
        return profile_name.strip()
    return user.get_full_name() or user.get_username()


def learner_profile_table() -> tuple[str, str, str] | None:
    """The host profile's (table, user column, name column), for a read that joins it; None without one."""
    profile_model = _student_model("UserProfile")
    if profile_model is None:
        return None
    meta = profile_model._meta
    return meta.db_table, meta.get_field("user").column, meta.get_field("name").column
