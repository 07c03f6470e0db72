"""Issuing: a learner's one certificate per training, generated once and lazily (R7-R9, R11, R13)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from ..exceptions import InactiveUser, NotCompleted, NothingAssigned, UnknownCertificate
from ..models import IssuedCertificate, IssuedState, Training
from ._common import TrainingRef, now_or, resolve_training
from .assignment import get_current_assignment
from .trainings import has_completed


def _queue_generation(issued_id: int) -> None:
    # Imported here: the work layer (Celery) is only needed once something is queued.
    from ..tasks import enqueue_generation

    transaction.on_commit(lambda: enqueue_generation(issued_id))


def _pin_current(issued: IssuedCertificate, training: Training) -> None:
    """Pin what is assigned now (R8/R9); NothingAssigned when the training has no certificate."""
    assignment = get_current_assignment(training=training)
    if assignment is None:
        raise NothingAssigned(f"No certificate is assigned to '{training.title}'.")
    issued.classic_id = assignment.classic_id
    issued.version_id = assignment.version_id


def request_certificate(*, user: Any, training: TrainingRef, now: datetime.datetime | None = None) -> IssuedCertificate:
    """Ask for the learner's certificate of ``training``; idempotent.

    The first request pins the certificate (and version) assigned at that moment, marks the row
    `generating` and queues the generation after commit. Later requests return the same row
    unchanged (R8), except after a failure: then the current assignment is pinned again and the
    generation queued again (R13). Raises NotCompleted (R7) when the learner has no completion,
    NothingAssigned when the training has no certificate, InactiveUser, UnknownTraining.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotCompleted("Sign in to generate a certificate.")
    if not user.is_active:
        raise InactiveUser(f"User '{user.get_username()}' is inactive.")
    training = resolve_training(training)
    moment = now_or(now)
    with transaction.atomic():
        issued = IssuedCertificate.objects.select_for_update().filter(user=user, training=training).first()
        if issued is not None and issued.state != IssuedState.FAILED:
            return issued
        if not has_completed(user=user, training=training):
            raise NotCompleted(f"'{training.title}' has not been completed yet, so there is no certificate to generate.")
        if issued is None:
            issued = IssuedCertificate(user=user, training=training, requested_at=moment)
            _pin_current(issued, training)
            try:
                with transaction.atomic():
                    issued.save()
            except IntegrityError:
                # A concurrent first request won the unique (learner, training) row: use it.
                return IssuedCertificate.objects.select_for_update().get(user=user, training=training)
        else:
            # R13: nothing was generated, so the retry uses what is assigned now.
            _pin_current(issued, training)
            issued.state = IssuedState.GENERATING
            issued.error = ""
            issued.requested_at = moment
            issued.save(update_fields=["classic", "version", "state", "error", "requested_at"])
        _queue_generation(issued.pk)
    return issued


@dataclass(frozen=True)
class CertificateStatus:
    """What the learner's certificate control shows for one training (R11).

    state: "unavailable" (nothing assigned), "not_completed", "available" (may generate),
    "generating", "generated" or "failed".
    """

    training: Training
    state: str
    issued: IssuedCertificate | None = None

    @property
    def can_generate(self) -> bool:
        return self.state in ("available", "failed")


def get_certificate_status(*, user: Any, training: TrainingRef) -> CertificateStatus:
    """The learner's certificate state for ``training``; never raises for a missing certificate."""
    training = resolve_training(training)
    issued = IssuedCertificate.objects.filter(user=user, training=training).first()
    if issued is not None and issued.state != IssuedState.FAILED:
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    if get_current_assignment(training=training) is None:
        return CertificateStatus(training=training, state="unavailable", issued=issued)
    if not has_completed(user=user, training=training):
        return CertificateStatus(training=training, state="not_completed", issued=issued)
    if issued is not None:
        return CertificateStatus(training=training, state=IssuedState.FAILED, issued=issued)
    return CertificateStatus(training=training, state="available")


def get_issued_certificate(*, uuid_: uuid.UUID | str) -> IssuedCertificate:
    """The issued certificate by its verification uuid; raises UnknownCertificate."""
    try:
        return IssuedCertificate.objects.select_related("training", "user").get(uuid=uuid.UUID(str(uuid_)))
    except (ValueError, IssuedCertificate.DoesNotExist):
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.") from None
