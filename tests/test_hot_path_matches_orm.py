"""The hot path's hand-written reads return what the ORM returns, on every database we support.

hot_path builds its SQL from the models' metadata and converts values with the ORM's own
converters; these tests hold it to the ORM queries it replaced (docs/decisions/0026), on SQLite
here and on PostgreSQL and MariaDB in the service suites.
"""

from __future__ import annotations

import datetime

import pytest
from common.djangoapps.student.models import UserProfile
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F

from author_certificates import api, hot_path
from author_certificates.generation import generate_certificate
from author_certificates.models import CertificateAssignment, Completion, IssuedCertificate, Training

pytestmark = pytest.mark.django_db

COMPLETED_AT = datetime.datetime(2026, 3, 1, 16, 45, 30, 123456, tzinfo=datetime.UTC)


def _orm_row(issued_id: int) -> IssuedCertificate:
    return IssuedCertificate.objects.select_related("user", "training", "classic", "version__created_by").get(
        pk=issued_id)


def _field_values(instance, names=None) -> dict:
    """Every concrete field's value with its type, so that "a string instead of a UUID" fails."""
    fields = [f for f in type(instance)._meta.concrete_fields if names is None or f.name in names]
    return {f.attname: (getattr(instance, f.attname), type(getattr(instance, f.attname))) for f in fields}


def _assert_same_row(issued_id: int) -> hot_path.GenerationRow:
    row = hot_path.generation_row(issued_id)
    expected = _orm_row(issued_id)

    assert _field_values(row.issued) == _field_values(expected)
    assert _field_values(row.issued.training) == _field_values(expected.training)
    assert _field_values(row.issued.user) == _field_values(expected.user)
    if expected.classic is None:
        assert row.issued.classic is None
    else:
        assert _field_values(row.issued.classic) == _field_values(expected.classic)
    if expected.version is None:
        assert row.issued.version_id is None
    else:
        assert _field_values(row.issued.version, {"id", "uuid", "created_by"}) == _field_values(
            expected.version, {"id", "uuid", "created_by"})
        if expected.version.created_by is None:
            assert row.issued.version.created_by is None
        else:
            assert _field_values(row.issued.version.created_by) == _field_values(expected.version.created_by)
    completion = Completion.objects.filter(user_id=expected.user_id, training_id=expected.training_id).first()
    assert row.completed_at == (completion.completed_at if completion else None)
    profile = UserProfile.objects.filter(user_id=expected.user_id).first()
    assert row.profile_name == (profile.name if profile else None)
    return row


def _requested(learner, course, staff, now, *, version=None, classic=None):
    api.record_completion(user=learner, training=course, completed_at=COMPLETED_AT)
    api.assign_certificate(training=course, version=version, classic=classic, assigned_by=staff, now=now)
    return api.request_certificate(user=learner, training=course, now=now)


def test_a_certificate_pinned_to_a_version_reads_as_through_the_orm(learner, course, author_version, staff, now):
    UserProfile.objects.create(user=learner, name="Augusta Ada King")
    issued = _requested(learner, course, staff, now, version=author_version)

    row = _assert_same_row(issued.pk)

    assert row.completed_at == COMPLETED_AT  # aware, microseconds kept, on every backend
    assert row.profile_name == "Augusta Ada King"
    assert row.issued.version.created_by.get_full_name() == "Author Tester"


def test_a_classic_certificate_without_a_profile_reads_as_through_the_orm(learner, course, classic_en, staff, now):
    issued = _requested(learner, course, staff, now, classic=classic_en)

    row = _assert_same_row(issued.pk)

    assert row.issued.classic.builtin_language == "en"
    assert row.profile_name is None


def test_a_version_whose_editor_was_deleted_reads_without_an_editor(learner, course, author_version, author,
                                                                    staff, now):
    issued = _requested(learner, course, staff, now, version=author_version)
    get_user_model().objects.filter(pk=author.pk).delete()  # created_by is SET_NULL

    row = _assert_same_row(issued.pk)

    assert row.issued.version.created_by is None


def test_a_generated_certificate_reads_back_its_json_and_dates(learner, course, author_version, staff, now,
                                                              certificate_files):
    issued = _requested(learner, course, staff, now, version=author_version)
    generate_certificate(issued_certificate_id=issued.pk, now=now)

    row = _assert_same_row(issued.pk)

    assert row.issued.state == "generated"
    assert row.issued.generated_at == now
    assert row.issued.printed["learner_full_name"] == "Ada Lovelace"


def test_an_unknown_id_reads_nothing():
    assert hot_path.generation_row(987654) is None


# --- request_facts ---------------------------------------------------------------------------------

def _facts(user, training) -> tuple:
    """request_facts() by key and by id, checked to agree with each other and to load the training
    as the ORM does; returns (issued_id, completed, assigned)."""
    by_key = hot_path.request_facts(user_id=user.pk, training_key=training.key)
    by_id = hot_path.request_facts(user_id=user.pk, training_id=training.pk)
    assert _field_values(by_key.training) == _field_values(by_id.training) == _field_values(
        Training.objects.get(pk=training.pk))
    facts = (by_key.issued_id, by_key.completed, by_key.assigned)
    assert facts == (by_id.issued_id, by_id.completed, by_id.assigned)
    return facts


def _orm_facts(user, training) -> tuple:
    issued = IssuedCertificate.objects.filter(user=user, training=training).values_list("id", flat=True).first()
    completed = Completion.objects.filter(user=user, training=training, revoked_at__isnull=True).exists()
    current = CertificateAssignment.objects.filter(training=training).order_by("-id").values_list(
        "classic_id", "version_id").first()
    return issued, completed, current if current and current != (None, None) else None


def test_request_facts_of_a_learner_who_has_nothing(learner, course):
    assert _facts(learner, course) == _orm_facts(learner, course) == (None, False, None)


def test_request_facts_of_an_unknown_training_are_none(learner):
    assert hot_path.request_facts(user_id=learner.pk, training_key="course-v1:NoX+None+2026") is None
    assert hot_path.request_facts(user_id=learner.pk, training_id=987654) is None


def test_request_facts_follow_completion_revocation_and_the_newest_assignment(learner, course, author_version,
                                                                              classic_en, staff, now):
    api.record_completion(user=learner, training=course, completed_at=COMPLETED_AT)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.assign_certificate(training=course, version=author_version, assigned_by=staff, now=now)

    assert _facts(learner, course) == _orm_facts(learner, course) == (None, True, (None, author_version.pk))

    Completion.objects.filter(user=learner, training=course).update(revoked_at=now)
    assert _facts(learner, course) == _orm_facts(learner, course) == (None, False, (None, author_version.pk))


def test_request_facts_see_an_unassigned_training_and_an_existing_row(learner, course, classic_en, staff, now):
    issued = _requested(learner, course, staff, now, classic=classic_en)
    CertificateAssignment.objects.create(training=course, assigned_by=staff, assigned_at=now)  # "no certificate"

    assert _facts(learner, course) == _orm_facts(learner, course) == (issued.pk, True, None)


# --- update_pinned_row -------------------------------------------------------------------------------

def _orm_update(issued, states, values) -> int:
    return IssuedCertificate.objects.filter(
        pk=issued.pk, requested_at=issued.requested_at, classic_id=issued.classic_id, version_id=issued.version_id,
        state__in=states).update(**values, attempts=F("attempts") + 1)


def _hot_update(issued, states, values) -> int:
    return hot_path.update_pinned_row(issued_id=issued.pk, requested_at=issued.requested_at,
                                      classic_id=issued.classic_id, version_id=issued.version_id,
                                      states=states, values=values)


@pytest.mark.parametrize("pinned", ["classic", "version"])
def test_update_pinned_row_writes_what_the_orm_update_writes(pinned, make_user, course, author_version,
                                                            classic_en, staff, now):
    values = {"state": "generated", "file": "f.pdf", "sha256": "ab" * 32, "generated_at": now,
              "learner_name": "Zoë Ünïcødé", "printed": {"learner_full_name": "Zoë", "n": [1, 2]}, "error": ""}
    written = []
    for update in (_orm_update, _hot_update):
        learner = make_user(f"learner-{update.__name__}")
        design = {"classic": classic_en} if pinned == "classic" else {"version": author_version}
        issued = _requested(learner, course, staff, now, **design)
        assert update(issued, ["generating", "failed"], values) == 1
        row = IssuedCertificate.objects.get(pk=issued.pk)
        written.append({name: value for name, value in _field_values(row).items()
                        if name not in ("id", "uuid", "user_id")})
    assert written[0] == written[1]
    assert written[1]["attempts"] == (1, int)
    assert written[1]["printed"] == ({"learner_full_name": "Zoë", "n": [1, 2]}, dict)


def test_update_pinned_row_leaves_a_row_that_moved_on(learner, course, author_version, classic_en, staff, now):
    issued = _requested(learner, course, staff, now, version=author_version)
    values = {"error": "recorded"}

    assert _hot_update(issued, ["failed"], values) == 0  # it is generating
    IssuedCertificate.objects.filter(pk=issued.pk).update(requested_at=now + datetime.timedelta(seconds=1))
    assert _hot_update(issued, ["generating"], values) == 0  # re-requested since (R13)
    IssuedCertificate.objects.filter(pk=issued.pk).update(requested_at=now, version=None, classic=classic_en)
    assert _hot_update(issued, ["generating"], values) == 0  # re-pinned to another certificate
    IssuedCertificate.objects.filter(pk=issued.pk).update(version=author_version, classic=None)
    assert _hot_update(issued, ["generating"], values) == 1
    assert IssuedCertificate.objects.values_list("error", "attempts").get(pk=issued.pk) == ("recorded", 1)


# --- insert_issued ---------------------------------------------------------------------------------

def test_insert_issued_writes_what_save_writes(make_user, course, author_version, now):
    rows = []
    for insert in (lambda issued: issued.save(), hot_path.insert_issued):
        learner = make_user(f"learner-{len(rows)}")
        issued = IssuedCertificate(user=learner, training=course, version=author_version, requested_at=now)
        insert(issued)
        assert issued.pk is not None and not issued._state.adding
        stored = IssuedCertificate.objects.get(pk=issued.pk)
        assert stored.uuid == issued.uuid
        rows.append({name: value for name, value in _field_values(stored).items()
                     if name not in ("id", "uuid", "user_id")})
    assert rows[0] == rows[1]


def test_insert_issued_refuses_a_second_row_for_the_learner_and_training(learner, course, author_version, now):
    hot_path.insert_issued(IssuedCertificate(user=learner, training=course, version=author_version, requested_at=now))

    with pytest.raises(IntegrityError), transaction.atomic():
        hot_path.insert_issued(IssuedCertificate(user=learner, training=course, version=author_version,
                                                 requested_at=now))
    assert IssuedCertificate.objects.filter(user=learner, training=course).count() == 1
