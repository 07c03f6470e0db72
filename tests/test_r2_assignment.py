"""R2: a training has at most one current assignment; new ones take effect at once; history is kept."""

import datetime

import pytest

from author_certificates import api
from author_certificates.exceptions import InvalidInput

pytestmark = pytest.mark.django_db


def test_r2_the_newest_assignment_is_the_only_current_one(course, classic_en, author_version, staff, now):
    assert api.get_current_assignment(training=course) is None
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    assert api.get_current_assignment(training=course.key).classic == classic_en
    later = now + datetime.timedelta(days=2)
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=later)
    current = api.get_current_assignment(training=course)
    assert current.version == author_version and current.classic is None


def test_r2_history_records_who_assigned_what_and_when(course, classic_en, author_version, staff, make_user, now):
    other = make_user("other_staff", is_staff=True)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.assign_certificate(
        training=course, version=author_version.uuid, assigned_by=other, now=now + datetime.timedelta(hours=1)
    )
    history = list(api.list_assignment_history(training=course))
    assert [(h.assigned_by, h.version, h.classic) for h in history] == [
        (other, author_version, None),
        (staff, None, classic_en),
    ]
    assert history[1].assigned_at == now


def test_r2_exactly_one_certificate_per_assignment(course, classic_en, author_version, staff):
    with pytest.raises(InvalidInput, match="exactly one"):
        api.assign_certificate(training=course, classic=classic_en, version=author_version, assigned_by=staff)
    with pytest.raises(InvalidInput, match="exactly one"):
        api.assign_certificate(training=course, assigned_by=staff)


def test_r2_a_new_assignment_applies_at_once_to_learners_who_have_not_generated(
    course, classic_en, author_version, staff, learner, now
):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    issued = api.request_certificate(user=learner, training=course, now=now)
    assert issued.version == author_version and issued.classic is None


def test_r2_removing_the_certificate_leaves_none_current(course, classic_en, staff):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff)
    api.remove_certificate(training=course, removed_by=staff)
    assert api.get_current_assignment(training=course) is None
    assert api.list_assignment_history(training=course).count() == 2
