"""R9: a learner who completed but has not generated gets what is assigned when they generate."""

import datetime

import pytest

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r9_a_version_changed_between_completion_and_generation_is_used(course, author_version, staff, learner, now):
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    v2 = api.save_new_version(
        certificate=author_version.certificate,
        html=SIMPLE_HTML + "<p>v2</p>",
        edited_by=staff,
        now=now + datetime.timedelta(days=1),
    )
    api.assign_certificate(training=course, version=v2, assigned_by=staff, now=now + datetime.timedelta(days=1))
    issued = api.request_certificate(user=learner, training=course, now=now + datetime.timedelta(days=2))
    assert issued.version == v2


def test_r9_a_failed_generation_is_retried_with_the_current_assignment(
    course, author_version, classic_en, staff, learner, now
):
    from author_certificates.models import IssuedCertificate

    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    issued = api.request_certificate(user=learner, training=course, now=now)
    IssuedCertificate.objects.filter(pk=issued.pk).update(state="failed", error="boom")
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    retried = api.request_certificate(user=learner, training=course, now=now)
    assert retried.pk == issued.pk and retried.classic == classic_en and retried.version is None
    assert retried.state == "generating" and retried.error == ""
