"""PROGRAM_CERTIFICATE_AWARDED records a learning-program completion; REVOKED revokes it."""

from __future__ import annotations

import datetime

import pytest

from author_certificates import api
from author_certificates.models import Completion, Training
from tests.conftest import FIXED_NOW
from tests.host.hostapp import emit

pytestmark = pytest.mark.django_db

PROGRAM_UUID = "3f1c2d9a-8b7e-4c55-9a10-5e2b6c7d8e9f"


def test_award_of_an_unknown_program_registers_it_under_the_programs_org(learner):
    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, title="Data Science", time=FIXED_NOW)

    training = Training.objects.get(key=f"program-v1:programs+{PROGRAM_UUID}")
    assert (training.kind, training.title, training.tenant) == ("program", "Data Science", "default")
    completion = Completion.objects.get(user=learner, training=training)
    assert (completion.completed_at, completion.source) == (FIXED_NOW, "program_certificate_awarded")


def test_award_finds_a_program_the_operator_registered_under_its_own_org(learner):
    own = api.register_training(key=f"program-v1:AcmeX+{PROGRAM_UUID}", title="Acme Data", tenant="acme", now=FIXED_NOW)

    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, title="Data Science", time=FIXED_NOW)

    assert Training.objects.filter(kind="program").count() == 1
    assert Completion.objects.filter(user=learner, training=own).exists()
    own.refresh_from_db()
    assert own.title == "Acme Data"  # the operator's title is kept


def test_the_learner_is_matched_by_username_not_by_the_credentials_service_id(learner, make_user):
    other = make_user("other")

    # Credentials numbers its users itself: the id in the event is another LMS user's id.
    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, title="Data Science", user_id=other.pk,
                             time=FIXED_NOW)

    assert Completion.objects.filter(user=learner).count() == 1
    assert not Completion.objects.filter(user=other).exists()


def test_an_unknown_username_records_nothing(learner):
    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, title="Data Science", username="nobody-here")

    assert not Completion.objects.exists()


def test_revocation_revokes_the_program_completion(learner):
    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, title="Data Science", time=FIXED_NOW)
    later = FIXED_NOW + datetime.timedelta(days=1)

    emit.program_certificate(user=learner, program_uuid=PROGRAM_UUID, revoked=True, time=later)

    assert Completion.objects.get(user=learner).revoked_at == later
    assert api.list_learning_records(user=learner, kind="program") == []
