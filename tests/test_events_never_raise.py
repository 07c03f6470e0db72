"""A receiver never lets an exception escape into the host's request; it logs it with the event's ids."""

from __future__ import annotations

import logging

import pytest

from author_certificates import api
from author_certificates.models import Completion
from tests.conftest import FIXED_NOW
from tests.host.hostapp import emit

pytestmark = pytest.mark.django_db

COURSE = "course-v1:DemoX+CS101+2026"


def test_an_api_refusal_is_logged_with_the_event_ids_and_not_raised(make_user, caplog):
    inactive = make_user("gone", is_active=False)

    with caplog.at_level(logging.ERROR, logger="author_certificates.signals"):
        responses = emit.course_passing_status(user=inactive, course_key=COURSE, is_passing=True, time=FIXED_NOW)

    assert [response for _receiver, response in responses if isinstance(response, Exception)] == []
    assert not Completion.objects.exists()
    message = caplog.records[-1].getMessage()
    assert "course_passing_status_updated" in message
    assert f"user id={inactive.pk}" in message and COURSE in message
    assert caplog.records[-1].exc_info is not None


def test_a_database_failure_inside_a_receiver_does_not_reach_the_host(learner, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(api, "record_completion", broken)

    with caplog.at_level(logging.ERROR, logger="author_certificates.signals"):
        emit.program_certificate(user=learner, program_uuid="p-1", title="P", time=FIXED_NOW)
        emit.course_passing_status(user=learner, course_key=COURSE, is_passing=True, time=FIXED_NOW)

    assert len([r for r in caplog.records if "database is on fire" in str(r.exc_info[1])]) == 2
