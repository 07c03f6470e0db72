"""R13: a generation whose task was lost (worker killed, message dropped) does not leave the learner
waiting forever: after AUTHOR_CERTIFICATES_GENERATION_TIMEOUT_SECONDS it shows as failed, and the
retry pins what is assigned then."""

import datetime

import pytest

from author_certificates import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def stuck(course, author_version, classic_en, staff, learner, now):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    issued = api.request_certificate(user=learner, training=course, now=now)  # its task never runs here
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    return issued


def test_r13_a_recent_generation_is_left_alone(stuck, course, learner, now, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        again = api.request_certificate(user=learner, training=course, now=now + datetime.timedelta(minutes=14))
    assert callbacks == [] and again.version_id == stuck.version_id and again.state == "generating"


def test_r13_a_stalled_generation_shows_as_failed_and_can_be_retried(
    stuck, course, classic_en, learner, now, settings, django_capture_on_commit_callbacks
):
    settings.AUTHOR_CERTIFICATES_GENERATION_TIMEOUT_SECONDS = 0
    status = api.get_certificate_status(user=learner, training=course)
    assert status.state == "failed" and status.can_generate
    assert status.words.reason == "The generation did not finish in time."
    later = now + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks() as callbacks:
        retried = api.request_certificate(user=learner, training=course, now=later)
    assert len(callbacks) == 1, "the generation is queued again"
    assert retried.pk == stuck.pk and retried.classic == classic_en and retried.version is None
    assert retried.state == "generating" and retried.requested_at == later
