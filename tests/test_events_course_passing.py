"""COURSE_PASSING_STATUS_UPDATED and its CCX variant record (and revoke) course completions."""

from __future__ import annotations

import datetime

import pytest

from author_certificates import api
from author_certificates.models import Completion, IssuedState, Training
from tests.conftest import FIXED_NOW
from tests.host.hostapp import emit

pytestmark = pytest.mark.django_db

COURSE = "course-v1:DemoX+CS101+2026"
LATER = FIXED_NOW + datetime.timedelta(days=3)


def test_passing_registers_an_unknown_course_with_its_title_and_records_the_completion(learner):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, display_name="Computing 101",
                               time=FIXED_NOW)

    training = Training.objects.get(key=COURSE)
    assert (training.kind, training.title, training.org, training.tenant) == ("course", "Computing 101", "DemoX",
                                                                             "default")
    completion = Completion.objects.get(user=learner, training=training)
    assert completion.completed_at == FIXED_NOW
    assert completion.revoked_at is None
    assert completion.source == "course_passing_status_updated"


def test_a_course_without_display_name_is_titled_by_its_key(learner):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)

    assert Training.objects.get(key=COURSE).title == COURSE


def test_the_platforms_event_without_display_name_takes_the_course_overviews_title(learner):
    # edx-platform sends COURSE_PASSING_STATUS_UPDATED with CourseData(course_key=...) only.
    from opaque_keys.edx.keys import CourseKey

    from tests.host.hostapp.models import CourseOverview

    CourseOverview.objects.create(id=CourseKey.from_string(COURSE), display_name="Computing 101", org="DemoX")

    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)

    assert Training.objects.get(key=COURSE).title == "Computing 101"


def test_passing_twice_keeps_the_first_completion_date(learner, course):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=LATER)

    assert Completion.objects.get(user=learner, training=course).completed_at == FIXED_NOW


def test_not_passing_revokes_the_completion_and_an_ungenerated_certificate_can_no_longer_be_generated(
    learner, course, classic_en, staff
):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)
    assert api.get_certificate_status(user=learner, training=course).state == "available"

    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=False, time=LATER)

    completion = Completion.objects.get(user=learner, training=course)
    assert completion.revoked_at == LATER
    assert api.get_certificate_status(user=learner, training=course).state == "not_completed"
    assert api.list_learning_records(user=learner) == []


def test_not_passing_keeps_an_already_generated_certificate_unchanged(
    learner, course, classic_en, staff, django_capture_on_commit_callbacks
):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=FIXED_NOW)
    issued.refresh_from_db()
    assert issued.state == IssuedState.GENERATED
    before = (issued.file, issued.sha256, issued.generated_at)

    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=False, time=LATER)

    issued.refresh_from_db()
    assert issued.state == IssuedState.GENERATED
    assert (issued.file, issued.sha256, issued.generated_at) == before
    assert api.get_certificate_status(user=learner, training=course).state == IssuedState.GENERATED


def test_passing_again_after_a_revocation_restores_the_completion(learner, course):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=False, time=FIXED_NOW)
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=LATER)

    completion = Completion.objects.get(user=learner, training=course)
    assert (completion.completed_at, completion.revoked_at) == (LATER, None)


def test_not_passing_in_an_unknown_course_registers_nothing(learner):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=False, time=FIXED_NOW)

    assert not Training.objects.filter(key=COURSE).exists()


def test_a_known_course_is_retitled_from_the_event(learner, course):
    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, display_name="Computing 101 (2026)")

    course.refresh_from_db()
    assert course.title == "Computing 101 (2026)"


def test_the_tenant_of_a_new_course_comes_from_its_organisation(learner, settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test"], "orgs": ["DemoX"]}}

    emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)

    assert Training.objects.get(key=COURSE).tenant == "acme"


def test_ccx_passing_counts_for_the_master_course_without_renaming_it(learner, course):
    emit.ccx_course_passing_status(user=learner, ccx_key="ccx-v1:DemoX+CS101+2026+ccx@7", master_key=COURSE,
                                   is_passing=True, display_name="Coach's edition", time=FIXED_NOW)

    course.refresh_from_db()
    assert course.title == "Computing 101"
    completion = Completion.objects.get(user=learner, training=course)
    assert completion.source == "ccx:ccx-v1:DemoX+CS101+2026+ccx@7"
    assert not Training.objects.filter(key__startswith="ccx-v1").exists()


def test_ccx_not_passing_revokes_the_master_course_completion(learner, course):
    emit.ccx_course_passing_status(user=learner, ccx_key="ccx-v1:DemoX+CS101+2026+ccx@7", master_key=COURSE,
                                   is_passing=True, time=FIXED_NOW)
    emit.ccx_course_passing_status(user=learner, ccx_key="ccx-v1:DemoX+CS101+2026+ccx@7", master_key=COURSE,
                                   is_passing=False, time=LATER)

    assert Completion.objects.get(user=learner, training=course).revoked_at == LATER
