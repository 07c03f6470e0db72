"""Stand-in for edx-platform's ``common.djangoapps.student.roles``: the role classes compat asks.

Mirrors the real module's reading side (docs/decisions/0091-roles-through-the-platform.md):

* ``GlobalStaff().has_user(user)`` is ``bool(user and user.is_staff)``; a superuser without
  ``is_staff`` is not global staff.
* ``RoleBase.has_user(user, check_user_activation=True)``: False for anonymous or inactive
  users; else whether the user's ``RoleCache`` holds the role (or a role inheriting from it, e.g.
  ``limited_staff`` -> ``staff``) for this course key and org. The cache holds the legacy
  ``CourseAccessRole`` rows AND the user's openedx-authz course assignments (translated to legacy
  role names): edx-platform reads both whatever the authz course-authoring flag says.
* Org roles are rows without a course (``OrgStaffRole(org)``); course roles carry the course's
  org (``CourseRole(role, course_key)``).

``AUTHZ_COURSE_ASSIGNMENTS`` stands in for openedx-authz: (username, legacy role, course key).
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.host.hostapp.models import CourseAccessRole

# role -> roles that inherit its permissions (edx-platform's register_access_role BASE_ROLE).
ACCESS_ROLES_INHERITANCE = {"staff": {"limited_staff"}}
UNGROUPED = "ungrouped"

AUTHZ_COURSE_ASSIGNMENTS: set[tuple[str, str, str]] = set()


def _cache_key(course_key) -> str:
    return str(course_key) if course_key else UNGROUPED


@dataclass(frozen=True)
class HeldRole:
    """What edx-platform's RoleCache holds: a CourseAccessRole row (or its openedx-authz stand-in)."""

    role: str
    course_id: str | None
    org: str


class RoleCache:
    """The (role, org) pairs a user holds, grouped by course key (as edx-platform's RoleCache)."""

    def __init__(self, user):
        self._roles_by_course_id: dict[str, set[tuple[str, str]]] = {}
        for username, role, course_key in AUTHZ_COURSE_ASSIGNMENTS:
            if username == user.username:
                org = course_key.split(":", 1)[1].split("+", 1)[0]
                self._roles_by_course_id.setdefault(course_key, set()).add((role, org))
        for row in CourseAccessRole.objects.filter(user=user):
            self._roles_by_course_id.setdefault(_cache_key(row.course_id), set()).add((row.role, row.org))

    @property
    def all_roles_set(self) -> set:
        """Every role held, ungrouped: objects with ``role``, ``course_id`` (None for org roles) and ``org``."""
        return {HeldRole(role, None if course_id == UNGROUPED else course_id, org)
                for course_id, held in self._roles_by_course_id.items() for role, org in held}

    @staticmethod
    def get_roles(role: str) -> set[str]:
        return ACCESS_ROLES_INHERITANCE.get(role, set()) | {role}

    def has_role(self, role, course_id, org) -> bool:
        return any(held in self.get_roles(role) and held_org == org
                   for held, held_org in self._roles_by_course_id.get(_cache_key(course_id), ()))


class AccessRole:
    def has_user(self, user) -> bool:  # pragma: no cover - abstract
        return False


class GlobalStaff(AccessRole):
    def has_user(self, user) -> bool:
        return bool(user and user.is_staff)


class RoleBase(AccessRole):
    def __init__(self, role_name, org="", course_key=None):
        self.org = org
        self.course_key = course_key
        self._role_name = role_name

    def has_user(self, user, check_user_activation=True) -> bool:
        if check_user_activation and not (user.is_authenticated and user.is_active):
            return False
        if not hasattr(user, "_roles"):
            user._roles = RoleCache(user)
        return user._roles.has_role(self._role_name, self.course_key, self.org)


class CourseRole(RoleBase):
    def __init__(self, role, course_key):
        super().__init__(role, course_key.org, course_key)


class OrgRole(RoleBase):
    pass


class CourseStaffRole(CourseRole):
    ROLE = "staff"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


class CourseLimitedStaffRole(CourseStaffRole):
    ROLE = "limited_staff"
    BASE_ROLE = CourseStaffRole.ROLE


class CourseInstructorRole(CourseRole):
    ROLE = "instructor"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


class CourseDataResearcherRole(CourseRole):
    ROLE = "data_researcher"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


class OrgStaffRole(OrgRole):
    def __init__(self, *args, **kwargs):
        super().__init__("staff", *args, **kwargs)


class OrgInstructorRole(OrgRole):
    def __init__(self, *args, **kwargs):
        super().__init__("instructor", *args, **kwargs)


class OrgDataResearcherRole(OrgRole):
    ROLE = "data_researcher"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)
