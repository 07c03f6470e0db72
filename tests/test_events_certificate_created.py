"""CERTIFICATE_CREATED / CERTIFICATE_REVOKED, as the LMS sends them, record and revoke course completions.

edx-platform's ``GeneratedCertificate.save`` sends CERTIFICATE_CREATED for every save with a passing
status ("downloadable", or "generating" for the old PDF queue) and ``_revoke_certificate`` sends
CERTIFICATE_REVOKED ("unavailable", "notpassing", "unverified"); CourseData carries the key only.
"""

from __future__ import annotations

import datetime

import pytest
from opaque_keys.edx.keys import CourseKey

from author_certificates.models import Completion, Training
from tests.conftest import FIXED_NOW
from tests.host.hostapp import emit
from tests.host.hostapp.models import CourseOverview

pytestmark = pytest.mark.django_db

COURSE = "course-v1:DemoX+CS101+2026"
LATER = FIXED_NOW + datetime.timedelta(days=2)


def test_a_downloadable_certificate_records_the_completion_titled_from_the_course_overview(learner):
    CourseOverview.objects.create(id=CourseKey.from_string(COURSE), display_name="Computing 101", org="DemoX")

    emit.course_certificate(user=learner, course_key=COURSE, time=FIXED_NOW)

    completion = Completion.objects.get(user=learner, training__key=COURSE)
    assert (completion.completed_at, completion.source) == (FIXED_NOW, "certificate_created")
    assert completion.training.title == "Computing 101"


def test_a_generating_certificate_is_not_yet_a_completion(learner):
    emit.course_certificate(user=learner, course_key=COURSE, status="generating", time=FIXED_NOW)

    assert not Completion.objects.exists()


def test_every_later_save_keeps_the_first_completion(learner):
    emit.course_certificate(user=learner, course_key=COURSE, time=FIXED_NOW)
    emit.course_certificate(user=learner, course_key=COURSE, time=LATER, mode="verified")

    assert Completion.objects.get(user=learner, training__key=COURSE).completed_at == FIXED_NOW


@pytest.mark.parametrize("status", ["unavailable", "notpassing", "unverified"])
def test_a_revoked_certificate_revokes_the_completion(learner, status):
    emit.course_certificate(user=learner, course_key=COURSE, time=FIXED_NOW)

    emit.course_certificate(user=learner, course_key=COURSE, status=status, revoked=True, time=LATER)

    assert Completion.objects.get(user=learner, training__key=COURSE).revoked_at == LATER


def test_a_revocation_for_a_course_we_never_saw_registers_nothing(learner):
    emit.course_certificate(user=learner, course_key=COURSE, status="unavailable", revoked=True, time=LATER)

    assert not Training.objects.exists()


def test_without_a_course_overview_the_key_titles_the_course_until_a_title_is_known(learner):
    emit.course_certificate(user=learner, course_key=COURSE, time=FIXED_NOW)
    assert Training.objects.get(key=COURSE).title == COURSE

    CourseOverview.objects.create(id=CourseKey.from_string(COURSE), display_name="Computing 101", org="DemoX")
    emit.course_certificate(user=learner, course_key=COURSE, time=LATER)

    assert Training.objects.get(key=COURSE).title == "Computing 101"
