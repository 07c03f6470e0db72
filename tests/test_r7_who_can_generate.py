"""R7: only a learner who completed a training with a certificate assigned can generate."""

import pytest
from django.contrib.auth.models import AnonymousUser

from author_certificates import api
from author_certificates.exceptions import NotCompleted, NothingAssigned
from author_certificates.models import IssuedCertificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_course(course, classic_en, staff, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    return course


def test_r7_a_learner_who_has_not_completed_is_refused(assigned_course, learner):
    with pytest.raises(NotCompleted, match="has not been completed"):
        api.request_certificate(user=learner, training=assigned_course)
    assert not IssuedCertificate.objects.exists()


def test_r7_a_training_without_certificate_is_refused(course, learner, now):
    api.record_completion(user=learner, training=course, completed_at=now)
    with pytest.raises(NothingAssigned, match="No certificate is assigned"):
        api.request_certificate(user=learner, training=course)
    assert api.get_certificate_status(user=learner, training=course).state == "unavailable"


def test_r7_anonymous_is_refused(assigned_course):
    with pytest.raises(NotCompleted):
        api.request_certificate(user=AnonymousUser(), training=assigned_course)


def test_r7_a_revoked_completion_no_longer_allows_generating(assigned_course, learner, now):
    api.record_completion(user=learner, training=assigned_course, completed_at=now)
    api.revoke_completion(user=learner, training=assigned_course, revoked_at=now)
    with pytest.raises(NotCompleted):
        api.request_certificate(user=learner, training=assigned_course)


def test_r7_a_learner_who_completed_can_generate(assigned_course, learner, now):
    api.record_completion(user=learner, training=assigned_course, completed_at=now)
    assert api.get_certificate_status(user=learner, training=assigned_course).state == "available"
    issued = api.request_certificate(user=learner, training=assigned_course, now=now)
    assert issued.state == "generating" and issued.requested_at == now
