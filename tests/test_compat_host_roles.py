"""compat asks edx-platform's roles API (``common.djangoapps.student.roles``, the stand-in's same path).

The stand-in's roles read the CourseAccessRole table and openedx-authz assignments as the
platform's do, so a role granted either way counts.
"""

from __future__ import annotations

import pytest
from common.djangoapps.student import roles as host_roles
from common.djangoapps.student.models import CourseAccessRole
from opaque_keys.edx.keys import CourseKey

from author_certificates import compat
from author_certificates.api import access as permissions

pytestmark = pytest.mark.django_db


def _grant(user, role, *, course=None, org=""):
    kwargs = {"course_id": CourseKey.from_string(course.key), "org": course.org} if course else {"org": org}
    return CourseAccessRole.objects.create(user=user, role=role, **kwargs)


def test_compat_imports_the_host_model_from_the_edx_platform_path():
    assert compat._student_model("CourseAccessRole") is CourseAccessRole
    assert compat.has_host_student_models() is True


@pytest.mark.parametrize(("host_role", "plugin_role"), [("staff", "trainer"), ("instructor", "trainer"),
                                                        ("data_researcher", "inspector")])
def test_course_roles_map_to_plugin_roles(make_user, course, host_role, plugin_role):
    user = make_user("someone")
    _grant(user, host_role, course=course)

    assert compat.host_course_roles(user, course.key) == {plugin_role}
    assert plugin_role in permissions.roles_on_training(user, course)


def test_other_host_roles_and_other_courses_grant_nothing(make_user, course):
    user = make_user("someone")
    _grant(user, "beta_testers", course=course)
    CourseAccessRole.objects.create(user=user, role="staff", org="DemoX",
                                    course_id=CourseKey.from_string("course-v1:DemoX+CS999+2026"))

    assert compat.host_course_roles(user, course.key) == set()
    assert permissions.can_view_report(user, course) is False


def test_an_org_wide_role_counts_for_every_course_of_the_org(make_user, course):
    user = make_user("someone")
    _grant(user, "instructor", org="DemoX")

    assert compat.host_course_roles(user, course.key) == {"trainer"}
    assert compat.host_course_roles(user, "course-v1:OtherX+O1+2026") == set()


def test_the_trainer_role_lets_staff_assign_and_the_inspector_only_read(make_user, course):
    trainer, inspector = make_user("trainer"), make_user("inspector")
    _grant(trainer, "staff", course=course)
    _grant(inspector, "data_researcher", course=course)

    assert permissions.can_assign_certificate(trainer, course) is True
    assert permissions.can_assign_certificate(inspector, course) is False
    assert permissions.can_view_report(inspector, course) is True


def test_anonymous_users_and_malformed_keys_get_no_role(make_user, course):
    from django.contrib.auth.models import AnonymousUser

    assert compat.host_course_roles(AnonymousUser(), course.key) == set()
    assert compat.host_course_roles(make_user("someone"), "not-a-key") == set()


def test_global_staff_is_an_active_staff_user(make_user):
    assert compat.is_global_staff(make_user("boss", is_staff=True)) is True
    assert compat.is_global_staff(make_user("former", is_staff=True, is_active=False)) is False
    assert compat.is_global_staff(make_user("learner2")) is False


def test_a_superuser_without_is_staff_is_not_global_staff_as_in_the_platform(make_user, course):
    root = make_user("root", is_superuser=True)

    assert host_roles.GlobalStaff().has_user(root) is False
    assert compat.is_global_staff(root) is False
    assert permissions.can_assign_certificate(root, course) is False


@pytest.fixture
def authz_assignments():
    host_roles.AUTHZ_COURSE_ASSIGNMENTS.clear()
    yield host_roles.AUTHZ_COURSE_ASSIGNMENTS
    host_roles.AUTHZ_COURSE_ASSIGNMENTS.clear()


def test_a_role_held_in_openedx_authz_counts_like_a_table_row(make_user, course, authz_assignments):
    user = make_user("authz-staff")
    authz_assignments.add((user.username, "staff", course.key))

    assert CourseAccessRole.objects.filter(user=user).count() == 0
    assert compat.host_course_roles(user, course.key) == {"trainer"}
    assert permissions.can_assign_certificate(user, course) is True


def test_limited_staff_inherits_staff_as_in_the_platform(make_user, course):
    user = make_user("limited")
    _grant(user, "limited_staff", course=course)

    assert compat.host_course_roles(user, course.key) == {"trainer"}


def test_an_inactive_user_holds_no_host_role(make_user, course):
    user = make_user("left", is_active=False)
    _grant(user, "instructor", course=course)

    assert compat.host_course_roles(user, course.key) == set()


def test_roles_are_asked_through_the_platforms_role_classes(make_user, course, monkeypatch):
    asked = []
    original = host_roles.RoleBase.has_user

    def spy(self, user, check_user_activation=True):
        asked.append(type(self).__name__)
        return original(self, user, check_user_activation)

    monkeypatch.setattr(host_roles.RoleBase, "has_user", spy)

    compat.host_course_roles(make_user("someone"), course.key)

    assert set(asked) == {"CourseStaffRole", "CourseInstructorRole", "OrgStaffRole", "OrgInstructorRole",
                          "CourseDataResearcherRole", "OrgDataResearcherRole"}
