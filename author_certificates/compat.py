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

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

log = logging.getLogger(__name__)

# edx-platform modules compat asks (docs/decisions/0091-roles-through-the-platform.md,
# 0092-completion-sources.md, 0093-names-and-retirement.md).
HOST_STUDENT_MODELS = "common.djangoapps.student.models"
HOST_ROLES = "common.djangoapps.student.roles"
HOST_COURSE_OVERVIEWS = "openedx.core.djangoapps.content.course_overviews.api"
HOST_NAME_AFFIRMATION = "openedx.features.name_affirmation_api.utils"
HOST_RETIREMENT_SIGNALS = "openedx.core.djangoapps.user_api.accounts.signals"
HOST_SITE_CONFIGURATION = "openedx.core.djangoapps.site_configuration.helpers"

# Plugin role -> the platform's role classes that grant it on a course (course-wide first, then
# org-wide). ``has_user`` of each reads the legacy CourseAccessRole rows and, where the platform
# has openedx-authz, the user's authz course assignments too.
HOST_ROLE_CLASSES = {
    "trainer": (("CourseStaffRole", "CourseInstructorRole"), ("OrgStaffRole", "OrgInstructorRole")),
    "inspector": (("CourseDataResearcherRole",), ("OrgDataResearcherRole",)),
}


def _host_module(path: str) -> Any | None:
    """An edx-platform module, or None when the host has no such module."""
    try:
        return importlib.import_module(path)
    except (ImportError, RuntimeError):
        # RuntimeError: a module whose models the current service does not install (an LMS-only
        # app imported in Studio).
        return None


def _student_model(name: str) -> Any | None:
    """A model of edx-platform's student app, or None when the host has no such module."""
    module = _host_module(HOST_STUDENT_MODELS)
    return getattr(module, name, None) if module is not None else None


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
    """Plugin roles ("trainer", "inspector") the platform's roles API grants ``user`` on a course.

    Asks edx-platform's ``common.djangoapps.student.roles`` classes (``CourseStaffRole(key).has_user``
    and so on), so a role held in openedx-authz counts as one in ``CourseAccessRole`` does, and
    inactive or anonymous users hold none. Org-wide roles count for every course of the org.
    Unknown/malformed keys, and hosts without that module, grant nothing.
    """
    roles = _host_module(HOST_ROLES)
    if roles is None or not getattr(user, "is_authenticated", False):
        return set()
    try:
        parsed = CourseKey.from_string(str(course_key))
    except InvalidKeyError:
        return set()
    granted = set()
    for plugin_role, (course_classes, org_classes) in HOST_ROLE_CLASSES.items():
        if any(getattr(roles, name)(parsed).has_user(user) for name in course_classes) or any(
            getattr(roles, name)(parsed.org).has_user(user) for name in org_classes
        ):
            granted.add(plugin_role)
    return granted


def host_role_scopes(user: Any) -> tuple[set[str], set[str]]:
    """(course keys, orgs) on which the platform grants ``user`` a trainer or inspector role.

    The Trainings page lists many trainings at once, so instead of asking each course's role
    classes (host_course_roles) it reads the user's ``RoleCache`` once (one query; in
    edx-platform it holds the ``CourseAccessRole`` rows and the user's openedx-authz course
    assignments alike, common/djangoapps/student/roles.py) and keeps the roles that
    HOST_ROLE_CLASSES count, with the roles that inherit them (``limited_staff``). Org-wide
    roles come back as orgs. Anonymous or inactive users, and hosts without roles, hold none.
    """
    roles = _host_module(HOST_ROLES)
    if roles is None or not (getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)):
        return set(), set()
    # Org roles carry the names of their course roles ("staff", "instructor", "data_researcher").
    names = set()
    for course_classes, _org_classes in HOST_ROLE_CLASSES.values():
        for name in course_classes:
            names |= roles.RoleCache.get_roles(getattr(roles, name).ROLE)
    if not hasattr(user, "_roles"):
        user._roles = roles.RoleCache(user)  # as RoleBase.has_user caches it
    courses: set[str] = set()
    orgs: set[str] = set()
    for held in user._roles.all_roles_set:
        if held.role not in names:
            continue
        if held.course_id:
            courses.add(str(held.course_id))
        elif held.org:
            orgs.add(held.org)
    return courses, orgs


def is_global_staff(user: Any) -> bool:
    """Global staff as the platform means it: ``GlobalStaff().has_user`` (``is_staff``), active users only.

    A superuser without ``is_staff`` is not global staff (edx-platform's GlobalStaff reads only
    ``is_staff``); outside Open edX the same rule is applied to Django's flag.
    """
    if not getattr(user, "is_active", False):
        return False
    roles = _host_module(HOST_ROLES)
    if roles is not None:
        return bool(roles.GlobalStaff().has_user(user))
    return bool(user.is_staff)


def site_platform_name() -> str:
    """The platform's name for the current site, as edx-platform reads it, or '' when unset.

    edx-platform asks ``configuration_helpers.get_value('PLATFORM_NAME', settings.PLATFORM_NAME)``
    (openedx/core/djangoapps/site_configuration/helpers.py): a site's configuration may rename
    the platform. Outside Open edX, ``settings.PLATFORM_NAME``.
    """
    from django.conf import settings

    default = getattr(settings, "PLATFORM_NAME", "") or ""
    helpers = _host_module(HOST_SITE_CONFIGURATION)
    if helpers is None:
        return default
    return str(helpers.get_value("PLATFORM_NAME", default) or "")


def course_title(course_key: Any) -> str:
    """The course's published title (its CourseOverview ``display_name``), or '' when the host has none."""
    overviews = _host_module(HOST_COURSE_OVERVIEWS)
    if overviews is None:
        return ""
    try:
        overview = overviews.get_course_overview_or_none(CourseKey.from_string(str(course_key)))
    except InvalidKeyError:
        return ""
    return ((getattr(overview, "display_name", None) or "") if overview is not None else "").strip()


def learner_full_name(user: Any) -> str:
    """The name to print on a certificate (see printed_learner_name), reading the host profile."""
    profile_model = _student_model("UserProfile")
    name = None
    if profile_model is not None and getattr(user, "pk", None):
        name = profile_model.objects.filter(user=user).values_list("name", flat=True).first()
    return printed_learner_name(user, profile_name=name)


def printed_learner_name(user: Any, *, profile_name: str | None) -> str:
    """The name printed on a certificate: the platform's preferred certificate name.

    edx-platform's ``get_preferred_certificate_name`` (lms/djangoapps/certificates/utils.py) prints
    the learner's verified name when the name-affirmation service exists and the learner chose it
    for certificates, else the profile name. We ask the same service (through
    ``get_name_affirmation_service``) and use the profile name (one query on the
    profile table; nothing more when the service is absent, as in a default install). Outside
    Open edX, or with no profile name: Django's full name, then the username.
    """
    verified = _verified_name_for_certificates(user)
    if verified:
        return verified
    if profile_name and profile_name.strip():
        return profile_name.strip()
    return user.get_full_name() or user.get_username()


def _verified_name_for_certificates(user: Any) -> str:
    module = _host_module(HOST_NAME_AFFIRMATION)
    service = module.get_name_affirmation_service() if module is not None and getattr(user, "pk", None) else None
    if service is None or not service.should_use_verified_name_for_certs(user):
        return ""
    verified = service.get_verified_name(user, is_verified=True)
    return (getattr(verified, "verified_name", "") or "").strip()


def host_retirement_signal() -> Any | None:
    """edx-platform's ``USER_RETIRE_LMS_CRITICAL`` signal, or None outside Open edX.

    The LMS's ``AccountRetirementView`` sends it (``user=``) while it clears the profile's PII,
    before renaming and deactivating the user.
    """
    module = _host_module(HOST_RETIREMENT_SIGNALS)
    return getattr(module, "USER_RETIRE_LMS_CRITICAL", None) if module is not None else None
