"""The name printed on a certificate comes from the host's UserProfile.name."""

from __future__ import annotations

import pytest
from common.djangoapps.student.models import UserProfile

from author_certificates import compat

pytestmark = pytest.mark.django_db


def test_the_profile_name_wins_over_the_django_name(learner):
    UserProfile.objects.create(user=learner, name="Augusta Ada King")

    assert compat.learner_full_name(learner) == "Augusta Ada King"


def test_without_a_profile_the_django_full_name_is_used(learner):
    assert compat.learner_full_name(learner) == "Ada Lovelace"


def test_a_blank_profile_name_falls_back_and_a_nameless_user_gets_the_username(make_user):
    user = make_user("nameless", first_name="", last_name="")
    UserProfile.objects.create(user=user, name="   ")

    assert compat.learner_full_name(user) == "nameless"


def test_without_the_host_module_compat_degrades_to_django(learner, monkeypatch):
    UserProfile.objects.create(user=learner, name="Augusta Ada King")
    monkeypatch.setattr(compat, "HOST_STUDENT_MODELS", "no_such_platform.student.models")

    assert compat.learner_full_name(learner) == "Ada Lovelace"
    assert compat.host_course_roles(learner, "course-v1:DemoX+CS101+2026") == set()
    assert compat.has_host_student_models() is False
