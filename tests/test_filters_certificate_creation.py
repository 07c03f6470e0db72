"""CertificateCreationRequested: a downloadable course certificate records the course completion."""

from __future__ import annotations

import pytest
from django.test import override_settings
from opaque_keys.edx.keys import CourseKey
from openedx_filters.learning.filters import CertificateCreationRequested

from author_certificates.models import Completion, Training
from author_certificates.settings.common import merged_filters_config

pytestmark = pytest.mark.django_db

COURSE = "course-v1:DemoX+CS101+2026"


@pytest.fixture(autouse=True)
def filters_config():
    with override_settings(OPEN_EDX_FILTERS_CONFIG=merged_filters_config({})):
        yield


def _request(user, status="downloadable", course=COURSE):
    return CertificateCreationRequested.run_filter(
        user=user, course_key=CourseKey.from_string(course), mode="honor", status=status, grade=0.91,
        generation_mode="self",
    )


def test_a_downloadable_certificate_records_the_completion_and_changes_nothing(learner):
    result = _request(learner)

    assert result == (learner, CourseKey.from_string(COURSE), "honor", "downloadable", 0.91, "self")
    assert Completion.objects.get(user=learner, training__key=COURSE).source == "certificate_creation_requested"
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
