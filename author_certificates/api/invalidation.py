"""Invalidation and reissue of a learner's issued certificate (admins and trainers of the training).

Invalidating marks the learner's generated certificate invalid with a reason: its verification
page and JSON then say "invalidated" with the date (never the reason), and the learner's control
says so and offers nothing. Reissuing an invalidated certificate issues a new one, under a new
uuid, from what is assigned now, on the learner's one row of the training (R8: one per learner
and training); the invalidated certificate is kept as a ``SupersededCertificate`` (its uuid, file,
hash and what was printed), so its verification page keeps saying "invalidated". Each
invalidation and reissue is recorded (who, when, why) as a ``CertificateEvent``.
See docs/decisions/0120-invalidation-and-reissue.md.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.db import transaction

from ..exceptions import CertificateConflict, InvalidInput, NotCompleted, PermissionDenied, UnknownCertificate
from ..models import (
    CertificateEvent,
    CertificateEventKind,
    IssuedCertificate,
    IssuedState,
    SupersededCertificate,
    Training,
)
from ._common import TrainingRef, now_or, resolve_training
from .access import can_assign_certificate, can_view_report
from .issuing import _pin_current, _queue_generation
from .trainings import has_completed

MAX_REASON_LENGTH = 255

IssuedRef = IssuedCertificate | uuid.UUID | str


def can_invalidate_certificates(user: Any, training: Training) -> bool:
    """Admins and trainers of the training may invalidate and reissue its certificates (not inspectors)."""
    return can_assign_certificate(user, training)


def _reason(reason: Any, *, required: bool) -> str:
    if reason is None:
        reason = ""
    if not isinstance(reason, str):
        raise InvalidInput("The reason must be text.")
    reason = reason.strip()
    if required and not reason:
        raise InvalidInput("Say why the certificate is invalidated: the reason must not be empty.")
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(f"The reason must be at most {MAX_REASON_LENGTH} characters long (it has {len(reason)}).")
    return reason


def _locked_certificate(
    user: Any, certificate: IssuedRef, tenant: str | None, training: TrainingRef | None, what: str
) -> IssuedCertificate:
    """The issued certificate, locked, after the tenant and role checks (same message for unknown
    and another tenant's: its existence is not revealed)."""
    key = certificate.uuid if isinstance(certificate, IssuedCertificate) else certificate
    unknown = UnknownCertificate(f"No issued certificate '{key}'.")
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        raise unknown from None
    issued = IssuedCertificate.objects.select_for_update().filter(uuid=key).first()
    superseded = None
    if issued is None:
        superseded = SupersededCertificate.objects.select_related("training").filter(uuid=key).first()
        if superseded is None:
            raise unknown
    own_training = issued.training if issued is not None else superseded.training
    if tenant is not None and own_training.tenant != tenant:
        raise unknown
    if training is not None and resolve_training(training, tenant=tenant).pk != own_training.pk:
        raise unknown
    if not can_invalidate_certificates(user, own_training):
        if can_view_report(user, own_training):
            raise PermissionDenied(f"Only administrators and trainers of this training can {what} its certificates.")
        raise unknown
    if superseded is not None:
        raise CertificateConflict(
            f"This certificate was invalidated on {superseded.invalidated_at:%Y-%m-%d} and already reissued.")
    return issued


def invalidate_certificate(
    *, user: Any, certificate: IssuedRef, reason: str, tenant: str | None = None,
    training: TrainingRef | None = None, now: datetime.datetime | None = None,
) -> IssuedCertificate:
    """Invalidate a learner's generated certificate, recording who, when and why.

    Raises InvalidInput (no reason, or longer than 255 characters), UnknownCertificate (unknown
    uuid, another tenant's than ``tenant``, not of ``training`` when given, or a user with no role
    on its training),
    PermissionDenied (an inspector), CertificateConflict (already invalidated, or not generated).
    """
    reason = _reason(reason, required=True)
    moment = now_or(now)
    with transaction.atomic():
        issued = _locked_certificate(user, certificate, tenant, training, "invalidate")
        if issued.invalidated_at is not None:
            raise CertificateConflict(
                f"This certificate was already invalidated on {issued.invalidated_at:%Y-%m-%d}.")
        if issued.state != IssuedState.GENERATED:
            raise CertificateConflict("Only a generated certificate can be invalidated.")
        issued.invalidated_at, issued.invalidated_reason, issued.invalidated_by = moment, reason, user
        issued.save(update_fields=["invalidated_at", "invalidated_reason", "invalidated_by"])
        CertificateEvent.objects.create(training=issued.training, kind=CertificateEventKind.INVALIDATED,
                                        issued=issued, certificate_uuid=issued.uuid, reason=reason, done_by=user,
                                        done_at=moment)
    return issued


def reissue_certificate(
    *, user: Any, certificate: IssuedRef, reason: str = "", tenant: str | None = None,
    training: TrainingRef | None = None, now: datetime.datetime | None = None,
) -> IssuedCertificate:
    """Issue a new certificate in place of an invalidated one, from what is assigned now; return it.

    The new certificate (a new uuid on the learner's row) is generated, queued after commit; the
    invalidated one is kept as a SupersededCertificate and its verification page keeps saying
    "invalidated". ``reason`` is optional. Raises UnknownCertificate / PermissionDenied as
    ``invalidate_certificate``, CertificateConflict (not invalidated, or already reissued: the
    old uuid),
    NotCompleted (the learner's completion was revoked), NothingAssigned (no certificate assigned now).
    """
    reason = _reason(reason, required=False)
    moment = now_or(now)
    with transaction.atomic():
        issued = _locked_certificate(user, certificate, tenant, training, "reissue")
        if issued.invalidated_at is None:
            raise CertificateConflict("Only an invalidated certificate can be reissued: invalidate it first.")
        training = issued.training
        if not has_completed(user=issued.user, training=training):
            raise NotCompleted("The learner no longer has a completion of this training, so it cannot be reissued.")
        old_uuid = issued.uuid
        SupersededCertificate.objects.create(
            uuid=old_uuid, issued=issued, training=training, classic_id=issued.classic_id,
            classic_version_id=issued.classic_version_id, version_id=issued.version_id,
            requested_at=issued.requested_at, generated_at=issued.generated_at, learner_name=issued.learner_name,
            printed=issued.printed, file=issued.file, sha256=issued.sha256, invalidated_at=issued.invalidated_at,
            invalidated_reason=issued.invalidated_reason, invalidated_by_id=issued.invalidated_by_id,
            superseded_at=moment,
        )
        # The learner's row starts again, as a first request would (R8): what is assigned now,
        # the learner's name of now (read when generating), a new uuid and so a new file name.
        _pin_current(issued, training)
        issued.uuid = uuid.uuid4()
        issued.state = IssuedState.GENERATING
        issued.requested_at = moment
        issued.generated_at = None
        issued.learner_name, issued.printed, issued.file, issued.sha256 = "", {}, "", ""
        issued.error, issued.failure_code = "", ""
        issued.attempts = 0
        issued.invalidated_at, issued.invalidated_reason, issued.invalidated_by = None, "", None
        issued.save()
        CertificateEvent.objects.create(training=training, kind=CertificateEventKind.REISSUED, issued=issued,
                                        certificate_uuid=old_uuid, new_certificate_uuid=issued.uuid, reason=reason,
                                        done_by=user, done_at=moment)
        _queue_generation(issued.pk)
    return issued


def list_certificate_events(
    *, viewer: Any, training: TrainingRef, tenant: str | None = None, limit: int = 100
) -> list[CertificateEvent]:
    """The training's invalidations and reissues, newest first (at most ``limit``), with the
    learner, the staff member and the certificates read in the same query.

    Admins, trainers and inspectors of the training see them. Raises PermissionDenied for anyone
    else, UnknownTraining, and WrongTenant for a training of another tenant than ``tenant``.
    """
    training = resolve_training(training, tenant=tenant)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its history.")
    return list(
        CertificateEvent.objects.filter(training=training)
        .select_related("issued__user", "done_by")
        .order_by("-done_at", "-id")[:limit]
    )
