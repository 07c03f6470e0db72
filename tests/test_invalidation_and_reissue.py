"""Invalidation and reissue through the API (docs/decisions/0120): admins and trainers of the
training invalidate a generated certificate with a reason and reissue it from what is assigned
now; the invalidated certificate stays verifiable as invalidated; every action is recorded."""

import datetime

import pytest

from author_certificates import api, generation
from author_certificates.exceptions import (
    CertificateConflict,
    InvalidInput,
    NotCompleted,
    PermissionDenied,
    UnknownCertificate,
)
from author_certificates.models import CertificateEvent, IssuedCertificate, SupersededCertificate
from author_certificates.presentation import http_answer

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(days=3)


@pytest.fixture
def generated(course, classic_en, staff, learner, now, certificate_files, django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course, now=now)
    return generation.generate_certificate(issued_certificate_id=issued.pk, now=now)


def test_a_trainer_invalidates_with_a_reason_recorded_who_when_why(generated, trainer, learner, now):
    moment = now + LATER
    issued = api.invalidate_certificate(user=trainer, certificate=generated.uuid, reason="  Wrong name  ",
                                        tenant="default", now=moment)

    row = IssuedCertificate.objects.get(pk=generated.pk)
    assert (row.invalidated_at, row.invalidated_reason, row.invalidated_by) == (moment, "Wrong name", trainer)
    assert issued.uuid == generated.uuid and row.file == generated.file, "the certificate itself is kept"
    event = CertificateEvent.objects.get()
    assert (event.kind, event.reason, event.done_by, event.done_at) == ("invalidated", "Wrong name", trainer, moment)
    assert event.certificate_uuid == generated.uuid and event.new_certificate_uuid is None


def test_the_learner_sees_invalidated_and_is_offered_nothing(generated, staff, learner, now,
                                                           django_capture_on_commit_callbacks):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Fraud", now=now)

    status = api.get_certificate_status(user=learner, training=generated.training, now=now)
    assert status.state == api.INVALIDATED == "invalidated"
    assert not status.can_generate
    assert (status.words.status, status.words.action) == ("The certificate has been invalidated", "")
    [record] = api.list_learning_records(user=learner, now=now)
    assert record.status.state == "invalidated"
    with django_capture_on_commit_callbacks(execute=False) as queued:
        again = api.request_certificate(user=learner, training=generated.training, now=now + LATER)
    assert again.pk == generated.pk and queued == [], "asking again generates nothing"


def test_the_verification_says_invalidated_with_the_date_never_the_reason(generated, staff, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Secret reason", now=now + LATER)

    verified = api.verify_certificate(uuid_=generated.uuid)
    assert verified.invalidated_at == now + LATER


def test_invalidating_twice_is_a_conflict(generated, staff, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Once", now=now)

    with pytest.raises(CertificateConflict, match="already invalidated") as refused:
        api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Twice", now=now)
    assert http_answer(refused.value) == (409, "certificate_conflict")
    assert CertificateEvent.objects.count() == 1


def test_a_certificate_not_generated_cannot_be_invalidated(course, classic_en, staff, learner, now,
                                                           django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course, now=now)

    with pytest.raises(CertificateConflict, match="Only a generated certificate"):
        api.invalidate_certificate(user=staff, certificate=issued.uuid, reason="Too early", now=now)


@pytest.mark.parametrize("reason", ["", "   ", None, "x" * 256])
def test_a_reason_is_required_and_bounded(generated, staff, now, reason):
    with pytest.raises(InvalidInput, match="reason"):
        api.invalidate_certificate(user=staff, certificate=generated.uuid, reason=reason, now=now)
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_an_inspector_is_refused_and_a_stranger_is_not_told_it_exists(generated, inspector, make_user, now):
    with pytest.raises(PermissionDenied):
        api.invalidate_certificate(user=inspector, certificate=generated.uuid, reason="No", now=now)
    with pytest.raises(UnknownCertificate):
        api.invalidate_certificate(user=make_user("nobody"), certificate=generated.uuid, reason="No", now=now)
    with pytest.raises(UnknownCertificate):
        api.invalidate_certificate(user=generated.user, certificate=generated.uuid, reason="Mine", now=now)
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_another_tenant_s_certificate_is_unknown(generated, staff, now):
    with pytest.raises(UnknownCertificate):
        api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="No", tenant="acme", now=now)
    with pytest.raises(UnknownCertificate):
        api.invalidate_certificate(user=staff, certificate="not-a-uuid", reason="No", now=now)


def test_a_certificate_of_another_training_than_named_is_unknown(generated, staff, now):
    other = api.register_training(key="course-v1:DemoX+CS102+2026", title="Other", tenant="default", now=now)
    with pytest.raises(UnknownCertificate):
        api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="No", training=other, now=now)


def test_reissuing_a_certificate_not_invalidated_is_a_conflict(generated, staff, now):
    with pytest.raises(CertificateConflict, match="invalidate it first") as refused:
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)
    assert http_answer(refused.value) == (409, "certificate_conflict")


def test_a_reissue_generates_from_what_is_assigned_now_and_keeps_the_old_one(
    generated, trainer, learner, author_version, staff, now, django_capture_on_commit_callbacks
):
    api.invalidate_certificate(user=trainer, certificate=generated.uuid, reason="Wrong design", now=now)
    api.assign_certificate(training=generated.training, version=author_version, assigned_by=staff, now=now)
    moment = now + LATER

    with django_capture_on_commit_callbacks(execute=False) as queued:
        new = api.reissue_certificate(user=trainer, certificate=generated.uuid, reason="New design",
                                      tenant="default", now=moment)

    assert len(queued) == 1, "the new certificate's generation is queued"
    assert new.pk == generated.pk and new.uuid != generated.uuid, "the learner's one row, a new certificate"
    assert (new.state, new.version_id, new.classic_id, new.requested_at) == ("generating", author_version.pk,
                                                                             None, moment)
    assert new.invalidated_at is None and new.file == ""
    old = SupersededCertificate.objects.get(uuid=generated.uuid)
    assert (old.file, old.sha256, old.learner_name) == (generated.file, generated.sha256, generated.learner_name)
    assert old.invalidated_reason == "Wrong design" and old.superseded_at == moment and old.issued_id == new.pk
    verified = api.verify_certificate(uuid_=generated.uuid)
    assert verified.invalidated_at == now and verified.sha256 == generated.sha256
    events = api.list_certificate_events(viewer=trainer, training=generated.training)
    assert [(event.kind, event.reason) for event in events] == [("reissued", "New design"),
                                                                ("invalidated", "Wrong design")]
    assert events[0].certificate_uuid == generated.uuid and events[0].new_certificate_uuid == new.uuid

    regenerated = generation.generate_certificate(issued_certificate_id=new.pk, now=moment)
    assert regenerated.state == "generated" and regenerated.file != generated.file
    status = api.get_certificate_status(user=learner, training=generated.training, now=moment)
    assert status.state == "generated" and status.issued.uuid == new.uuid, "the learner's open link is the new one"
    assert api.verify_certificate(uuid_=new.uuid).invalidated_at is None


def test_reissuing_twice_is_a_conflict(generated, staff, now, django_capture_on_commit_callbacks):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Once", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    with pytest.raises(CertificateConflict, match="already reissued"):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)
    with pytest.raises(CertificateConflict, match="already reissued"):
        api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Again", now=now)
    assert SupersededCertificate.objects.count() == 1


def test_a_reissue_needs_the_learner_s_completion_and_an_assignment(generated, staff, learner, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Revoked", now=now)
    api.revoke_completion(user=learner, training=generated.training, revoked_at=now)

    with pytest.raises(NotCompleted):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)
    assert not SupersededCertificate.objects.exists()


def test_an_inspector_reads_the_history_and_a_stranger_may_not(generated, staff, inspector, make_user, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Typo", now=now)

    assert [event.kind for event in api.list_certificate_events(viewer=inspector, training=generated.training)] == [
        "invalidated"]
    with pytest.raises(PermissionDenied):
        api.list_certificate_events(viewer=make_user("nobody"), training=generated.training)


def test_the_history_is_read_in_two_queries(generated, staff, now, django_assert_num_queries,
                                          django_capture_on_commit_callbacks):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="One", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    training = generated.training
    with django_assert_num_queries(2):  # the viewer's roles, then the events with their people
        events = api.list_certificate_events(viewer=staff, training=training)
        names = [(event.issued.user.get_username(), event.done_by.get_username()) for event in events]
    assert names == [("learner", "staff")] * 2


def test_retiring_the_learner_purges_the_name_of_a_reissued_certificate_too(
    generated, staff, learner, now, django_capture_on_commit_callbacks
):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Name", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    with django_capture_on_commit_callbacks(execute=True):
        api.retire_learner(user=learner)

    old = SupersededCertificate.objects.get(uuid=generated.uuid)
    assert old.learner_name == "" and "Ada" not in str(old.printed)


def test_the_archive_leaves_invalidated_certificates_out(generated, staff, now):
    import io
    import zipfile

    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Gone", now=now)
    _training, chunks = api.export_certificate_archive(viewer=staff, training=generated.training, now=now)
    names = zipfile.ZipFile(io.BytesIO(b"".join(chunks))).namelist()
    assert names == ["manifest.csv"]


def test_who_may_invalidate_is_who_may_bulk_generate(course, staff, trainer, inspector, learner):
    # The report page asks one of them for both (one role query less per page).
    for user in (staff, trainer, inspector, learner):
        assert api.can_invalidate_certificates(user, course) == api.can_bulk_generate(user, course)
    assert [api.can_invalidate_certificates(user, course) for user in (staff, trainer, inspector, learner)] == [
        True, True, False, False]
