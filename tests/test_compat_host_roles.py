"""compat reads edx-platform's CourseAccessRole (fake host table) through the real import path."""

from __future__ import annotations

import pytest
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
    assert compat.is_global_staff(make_user("root", is_superuser=True)) is True
    assert compat.is_global_staff(make_user("former", is_staff=True, is_active=False)) is False
    assert compat.is_global_staff(make_user("learner2")) is False
