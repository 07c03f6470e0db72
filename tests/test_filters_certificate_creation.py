"""CertificateCreationRequested records the course completion for the statuses the platform passes.

edx-platform's ``generation_handler._generate_certificate_task`` runs the filter with
``status=None`` for regular and allowlist generation and ``status="unverified"`` for a passing
learner without ID verification; ``grade`` is the CourseGrade (here its percent) and
``generation_mode`` "batch", "self" or None.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from opaque_keys.edx.keys import CourseKey
from openedx_filters.learning.filters import CertificateCreationRequested

from author_certificates.models import Completion, Training
from author_certificates.settings.common import merged_filters_config
from tests.host.hostapp.models import CourseOverview

pytestmark = pytest.mark.django_db

COURSE = "course-v1:DemoX+CS101+2026"


@pytest.fixture(autouse=True)
def filters_config():
    with override_settings(OPEN_EDX_FILTERS_CONFIG=merged_filters_config({})):
        yield


def _request(user, status=None, course=COURSE, generation_mode="batch"):
    return CertificateCreationRequested.run_filter(
        user=user, course_key=CourseKey.from_string(course), mode="honor", status=status, grade=0.91,
        generation_mode=generation_mode,
    )


@pytest.mark.parametrize("generation_mode", ["batch", "self", None])
def test_regular_and_allowlist_generation_record_the_completion_and_change_nothing(learner, generation_mode):
    result = _request(learner, generation_mode=generation_mode)

    assert result == (learner, CourseKey.from_string(COURSE), "honor", None, 0.91, generation_mode)
    assert Completion.objects.get(user=learner, training__key=COURSE).source == "certificate_creation_requested"


def test_an_explicit_downloadable_status_records_the_completion_too(learner):
    _request(learner, status="downloadable")

    assert Completion.objects.filter(user=learner, training__key=COURSE).exists()


def test_the_course_is_registered_with_the_platforms_title(learner):
    CourseOverview.objects.create(id=CourseKey.from_string(COURSE), display_name="Computing 101", org="DemoX")

    _request(learner)

    assert Training.objects.get(key=COURSE).title == "Computing 101"


def test_without_a_course_overview_the_key_titles_the_course(learner):
    _request(learner)

    assert Training.objects.get(key=COURSE).title == COURSE


def test_the_completion_of_a_known_course_is_recorded_once(learner, course):
    Completion.objects.create(user=learner, training=course, completed_at=course.created_at, source="api")

    _request(learner)

    completion = Completion.objects.get(user=learner, training=course)
    assert (completion.completed_at, completion.source) == (course.created_at, "api")


@pytest.mark.parametrize("status", ["unverified", "notpassing", "audit_passing"])
def test_other_statuses_record_nothing(learner, status):
    result = _request(learner, status=status)

    assert result[3] == status
    assert not Completion.objects.exists()


def test_an_inactive_learner_is_not_recorded_and_the_platform_goes_on(make_user):
    inactive = make_user("gone", is_active=False)

    result = _request(inactive)

    assert result[0] is inactive
    assert not Completion.objects.exists()
