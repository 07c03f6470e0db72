"""Issuing: a learner's one certificate per training, generated once and lazily (R7-R9, R11, R13)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import conf
from ..exceptions import InactiveUser, NotCompleted, NothingAssigned, UnknownCertificate
from ..hot_path import RequestFacts, insert_issued, request_facts
from ..keys import parse_training_key
from ..models import CertificateAssignment, IssuedCertificate, IssuedState, Training
from ._common import TrainingRef, now_or, resolve_training
from .assignment import get_current_assignment
from .trainings import has_completed
from .words import AVAILABLE, FAILED, NOT_COMPLETED, UNAVAILABLE, CertificateWords, certificate_words


def is_stalled(issued: IssuedCertificate, *, now: datetime.datetime | None = None) -> bool:
    """True for a row still `generating` long after it was requested: its task was lost.

    A worker killed mid-task or a dropped message would otherwise leave the learner waiting
    forever; such a row is treated like a failed one (R13).
    """
    if issued.state != IssuedState.GENERATING:
        return False
    timeout = datetime.timedelta(seconds=conf.get("GENERATION_TIMEOUT_SECONDS"))
    return issued.requested_at < (now or timezone.now()) - timeout


def _queue_generation(issued_id: int) -> None:
    # Imported here: the work layer (Celery) is only needed once something is queued.
    from ..tasks import enqueue_generation

    transaction.on_commit(lambda: enqueue_generation(issued_id))


def _pin_current(issued: IssuedCertificate, training: Training) -> None:
    """Pin what is assigned now (R8/R9); NothingAssigned when the training has no certificate."""
    # The same newest history entry as get_current_assignment(), but only the two ids we pin:
    # its joins and model instances cost a millisecond on every first request.
    current = (
        CertificateAssignment.objects.filter(training=training)
        .order_by("-id")
        .values_list("classic_id", "version_id")
        .first()
    )
    if current is None or current == (None, None):
        raise NothingAssigned(f"No certificate is assigned to '{training.title}'.")
    issued.classic_id, issued.version_id = current


def request_certificate(*, user: Any, training: TrainingRef, now: datetime.datetime | None = None) -> IssuedCertificate:
    """Ask for the learner's certificate of ``training``; idempotent.

    The first request pins the certificate (and version) assigned at that moment, marks the row
    `generating` and queues the generation after commit. Later requests return the same row
    unchanged (R8), except after a failure or a stalled generation (see ``is_stalled``): then the
    current assignment is pinned again and the generation queued again (R13). Raises NotCompleted
    (R7) when the learner has no completion, NothingAssigned when the training has no certificate,
    InactiveUser, UnknownTraining.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotCompleted("Sign in to generate a certificate.")
    if not user.is_active:
        raise InactiveUser(f"User '{user.get_username()}' is inactive.")
    moment = now_or(now)
    # The common case, a learner's first click, reads what it needs in one statement and inserts
    # (docs/decisions/0026-hot-path-statements.md); everything else goes the careful way below.
    facts = _first_request_facts(user, training)
    if facts is not None and facts.issued_id is None and facts.completed and facts.assigned is not None:
        issued = IssuedCertificate(user=user, training=facts.training, requested_at=moment)
        issued.classic_id, issued.version_id = facts.assigned
        try:
            with transaction.atomic():
                insert_issued(issued)
                _queue_generation(issued.pk)
            return issued
        except IntegrityError:
            pass  # a concurrent first request won the unique (learner, training) row
    return _request_with_row_lock(user, resolve_training(training), moment)


def _first_request_facts(user: Any, training: TrainingRef) -> RequestFacts | None:
    if isinstance(training, Training):
        return request_facts(user_id=user.pk, training_id=training.pk)
    return request_facts(user_id=user.pk, training_key=parse_training_key(training).value)


def _request_with_row_lock(user: Any, training: Training, moment: datetime.datetime) -> IssuedCertificate:
    """request_certificate() with the learner's row locked: repeats, retries (R13), refusals, races."""
    with transaction.atomic():
        issued = IssuedCertificate.objects.select_for_update().filter(user=user, training=training).first()
        if issued is not None and issued.state != IssuedState.FAILED and not is_stalled(issued, now=moment):
            return issued
        if not has_completed(user=user, training=training):
            raise NotCompleted(
                f"'{training.title}' has not been completed yet, so there is no certificate to generate."
            )
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
            # R13: nothing was generated (failed, or stalled), so the retry uses what is assigned now.
            # The new requested_at also makes a late worker of the stalled attempt discard its file.
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

    state: one of ``words.STATES``: "unavailable" (nothing assigned), "not_completed",
    "available" (may generate), "generating", "generated" or "failed" (also a stalled generation).
    """

    training: Training
    state: str
    issued: IssuedCertificate | None = None

    @property
    def words(self) -> CertificateWords:
        """The control's status message, action label and failure reason, in the current language."""
        error = self.issued.error if self.issued is not None else ""
        return certificate_words(state=self.state, error=error)

    @property
    def can_generate(self) -> bool:
        return self.state in (AVAILABLE, FAILED)


def status_from_rows(
    *, training: Training, issued: IssuedCertificate | None, has_assignment: bool, completed: bool
) -> CertificateStatus:
    """The state of the certificate control from rows already fetched (single and bulk reads share it).

    A stalled generation shows as failed, so the learner is offered "Try again".
    """
    if issued is not None and issued.state != IssuedState.FAILED and not is_stalled(issued):
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    if not has_assignment:
        return CertificateStatus(training=training, state=UNAVAILABLE, issued=issued)
    if not completed:
        return CertificateStatus(training=training, state=NOT_COMPLETED, issued=issued)
    if issued is not None:
        return CertificateStatus(training=training, state=IssuedState.FAILED, issued=issued)
    return CertificateStatus(training=training, state=AVAILABLE)


def get_certificate_status(*, user: Any, training: TrainingRef) -> CertificateStatus:
    """The learner's certificate state for ``training``; never raises for a missing certificate."""
    training = resolve_training(training)
    issued = IssuedCertificate.objects.filter(user=user, training=training).first()
    if issued is not None and issued.state != IssuedState.FAILED and not is_stalled(issued):
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    return status_from_rows(
        training=training,
        issued=issued,
        has_assignment=get_current_assignment(training=training) is not None,
        completed=has_completed(user=user, training=training),
    )


def get_issued_certificate(*, uuid_: uuid.UUID | str) -> IssuedCertificate:
    """The issued certificate by its verification uuid; raises UnknownCertificate."""
    try:
        return IssuedCertificate.objects.select_related("training", "user").get(uuid=uuid.UUID(str(uuid_)))
    except (ValueError, IssuedCertificate.DoesNotExist):
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.") from None
