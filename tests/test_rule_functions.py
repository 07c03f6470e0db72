"""Each rule is one function, and every path follows it: who may generate (has_completed, R7),
what is assigned now and so pinned (get_current_assignment, R8/R9), and when a generation has
stalled (is_stalled, R13). Checked through the public API: the learner's request, their
certificate state, Learning Records (whose bulk read must agree) and the progress report."""

import datetime

import pytest

from author_certificates import api
from author_certificates.api.issuing import is_stalled
from author_certificates.exceptions import NotCompleted, NothingAssigned

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(hours=2)


def _states(learner, course, now):
    """The learner's state as each read sees it."""
    status = api.get_certificate_status(user=learner, training=course, now=now).state
    records = {record.training.pk: record.status.state for record in api.list_learning_records(user=learner, now=now)}
    return status, records.get(course.pk)


def test_a_revoked_completion_may_not_generate_on_any_path(course, classic_en, staff, learner, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    assert api.has_completed(user=learner, training=course)
    assert _states(learner, course, now) == ("available", "available")

    api.revoke_completion(user=learner, training=course, revoked_at=now)

    assert not api.has_completed(user=learner, training=course)
    with pytest.raises(NotCompleted):
        api.request_certificate(user=learner, training=course, now=now)
    assert _states(learner, course, now) == ("not_completed", None), "Learning Records lists current completions"
    assert api.progress_report(viewer=staff, training=course, now=now) == []


def test_what_is_pinned_is_the_current_assignment_on_every_path(course, classic_en, author_version, staff, learner,
                                                                 now, django_capture_on_commit_callbacks):
    api.record_completion(user=learner, training=course, completed_at=now)
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    assert api.get_current_assignment(training=course).classic == classic_en

    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course.key, now=now)

    assert (issued.classic_id, issued.version_id) == (classic_en.pk, None)


def test_a_removed_certificate_is_nothing_assigned_on_every_path(course, classic_en, staff, learner, now):
    api.record_completion(user=learner, training=course, completed_at=now)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.remove_certificate(training=course, removed_by=staff, now=now)

    assert api.get_current_assignment(training=course) is None
    with pytest.raises(NothingAssigned):
        api.request_certificate(user=learner, training=course, now=now)
    assert _states(learner, course, now) == ("unavailable", "unavailable")


def test_a_generation_stalls_at_the_time_given_on_every_path(course, classic_en, staff, learner, now, settings,
                                                             django_capture_on_commit_callbacks):
    settings.AUTHOR_CERTIFICATES_GENERATION_TIMEOUT_SECONDS = 3600
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course, now=now)

    assert not is_stalled(issued, now=now + datetime.timedelta(minutes=59))
    assert _states(learner, course, now) == ("generating", "generating")
    [row] = api.progress_report(viewer=staff, training=course, now=now)
    assert row.certificate_state == "generating"

    assert is_stalled(issued, now=now + LATER)
    assert _states(learner, course, now + LATER) == ("failed", "failed")
    [row] = api.progress_report(viewer=staff, training=course, now=now + LATER)
    assert row.certificate_state == "failed", "the report shows what the learner sees"
    with django_capture_on_commit_callbacks(execute=False) as queued:
        retried = api.request_certificate(user=learner, training=course, now=now + LATER)
    assert len(queued) == 1 and retried.requested_at == now + LATER
