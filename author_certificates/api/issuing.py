"""Issuing: a learner's one certificate per training, generated once and lazily (R7-R9, R11, R13)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from .. import conf
from ..exceptions import InactiveUser, NotCompleted, NothingAssigned, UnknownCertificate
from ..models import FailureCode, IssuedCertificate, IssuedState, Training
from ._common import TrainingRef, now_or, resolve_training
from .assignment import get_current_assignment
from .classics import current_classic_version
from .trainings import has_completed
from .words import (
    AVAILABLE,
    FAILED,
    INVALIDATED,
    NOT_COMPLETED,
    UNAVAILABLE,
    CertificateWords,
    certificate_words,
)


def is_stalled(issued: IssuedCertificate, *, now: datetime.datetime) -> bool:
    """True for a row still `generating` long after it was requested, at ``now``: its task was lost.

    A worker killed mid-task or a dropped message would otherwise leave the learner waiting
    forever; such a row is treated like a failed one (R13).
    """
    if issued.state != IssuedState.GENERATING:
        return False
    timeout = datetime.timedelta(seconds=conf.get("GENERATION_TIMEOUT_SECONDS"))
    return issued.requested_at < now - timeout


def _waits_or_done(issued: IssuedCertificate | None, now: datetime.datetime) -> bool:
    """True when the learner's row is generating (and not stalled) or generated: nothing to redo."""
    return issued is not None and issued.state != IssuedState.FAILED and not is_stalled(issued, now=now)


def _queue_generation(issued_id: int) -> None:
    # Imported here: the work layer (Celery) is only needed once something is queued.
    from ..tasks import enqueue_generation

    transaction.on_commit(lambda: enqueue_generation(issued_id))


def _pin_current(issued: IssuedCertificate, training: Training) -> None:
    """Pin what is assigned now (R8/R9); NothingAssigned when the training has no certificate."""
    current = get_current_assignment(training=training)
    if current is None:
        raise NothingAssigned(f"No certificate is assigned to '{training.title}'.")
    issued.classic_id, issued.version_id = current.classic_id, current.version_id
    # A tenant's classic: the version of its design rendered (None for built-in classics).
    issued.classic_version = current_classic_version(classic=current.classic) if current.classic_id else None


@dataclass(frozen=True)
class GenerationRequest:
    """What asking for a certificate did: the learner's row, and whether this very call started
    (or restarted) its generation -- decided by the row write itself, so of any number of
    concurrent requests exactly one is told it started it (docs/decisions/0105-started-by-the-write.md)."""

    issued: IssuedCertificate
    started: bool


def request_certificate(
    *, user: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> IssuedCertificate:
    """Ask for the learner's certificate of ``training``; idempotent; the learner's row.

    See ``request_certificate_generation``, which also says whether this call started the generation.
    """
    return request_certificate_generation(user=user, training=training, tenant=tenant, now=now).issued


def request_certificate_generation(
    *, user: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> GenerationRequest:
    """Ask for the learner's certificate of ``training``; idempotent.

    The first request pins the certificate (and version) assigned at that moment, marks the row
    `generating` and queues the generation after commit. Later requests return the same row
    unchanged (R8), except after a failure or a generation stalled at ``now`` (see
    ``is_stalled``): then the current assignment is pinned again and the generation queued again
    (R13). ``started`` is True only for the call whose INSERT created the row or whose
    conditional UPDATE (still failed or stalled) changed it: the database decides, not a read
    made before. Raises NotCompleted (R7) when the learner has no completion, NothingAssigned
    when the training has no certificate, InactiveUser, UnknownTraining, and WrongTenant for a
    training of another tenant than ``tenant`` (the request's; None for callers without one).
    """
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotCompleted("Sign in to generate a certificate.")
    if not user.is_active:
        raise InactiveUser(f"User '{user.get_username()}' is inactive.")
    moment = now_or(now)
    training = resolve_training(training, tenant=tenant)
    with transaction.atomic():
        issued = IssuedCertificate.objects.filter(user=user, training=training).first()
        if _waits_or_done(issued, moment):
            return GenerationRequest(issued, started=False)
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
                started = True
            except IntegrityError:
                # A concurrent first request inserted the unique (learner, training) row: it started
                # the generation. (No locking read here: on MariaDB each loser holds a shared lock
                # on the key from the duplicate check, and upgrading it would deadlock the losers.)
                started = False
        else:
            # R13: nothing was generated (failed, or stalled), so the retry uses what is assigned now.
            # The new requested_at also makes a late worker of the stalled attempt discard its file.
            # One conditional UPDATE: the database applies concurrent ones one after the other and
            # re-checks the condition, so only the first of racing retries changes the row.
            _pin_current(issued, training)
            stalled_before = moment - datetime.timedelta(seconds=conf.get("GENERATION_TIMEOUT_SECONDS"))
            restarted = IssuedCertificate.objects.filter(
                Q(state=IssuedState.FAILED) | Q(state=IssuedState.GENERATING, requested_at__lt=stalled_before),
                pk=issued.pk,
            ).update(classic_id=issued.classic_id, version_id=issued.version_id,
                     classic_version_id=issued.classic_version_id, state=IssuedState.GENERATING,
                     failure_code="", error="", requested_at=moment)
            started = bool(restarted)
            if started:
                issued.state, issued.failure_code, issued.error, issued.requested_at = (
                    IssuedState.GENERATING, "", "", moment)
        if started:
            _queue_generation(issued.pk)
    if not started:
        # Another request's write came first: its row, read after this transaction ended (a
        # REPEATABLE READ snapshot taken before that write would not show it).
        issued = IssuedCertificate.objects.get(user=user, training=training)
    return GenerationRequest(issued, started=started)


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
        return certificate_words(state=self.state, failure_code=self.failure_code)

    @property
    def failure_code(self) -> str:
        """Why the generation failed (``FailureCode``), "" unless failed; a stalled one is "stalled"."""
        if self.state != FAILED or self.issued is None:
            return ""
        if self.issued.state == IssuedState.GENERATING:
            return FailureCode.STALLED
        return self.issued.failure_code or FailureCode.UNEXPECTED

    @property
    def can_generate(self) -> bool:
        return self.state in (AVAILABLE, FAILED)


def status_from_rows(
    *, training: Training, issued: IssuedCertificate | None, has_assignment: bool, completed: bool,
    now: datetime.datetime,
) -> CertificateStatus:
    """The state of the certificate control at ``now`` from rows already fetched (single and bulk
    reads share it). A generation stalled at ``now`` shows as failed, so the learner is offered
    "Try again". An invalidated certificate (not reissued yet) shows as invalidated, with nothing to do."""
    if issued is not None and issued.invalidated_at is not None:
        return CertificateStatus(training=training, state=INVALIDATED, issued=issued)
    if _waits_or_done(issued, now):
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    if not has_assignment:
        return CertificateStatus(training=training, state=UNAVAILABLE, issued=issued)
    if not completed:
        return CertificateStatus(training=training, state=NOT_COMPLETED, issued=issued)
    if issued is not None:
        return CertificateStatus(training=training, state=FAILED, issued=issued)
    return CertificateStatus(training=training, state=AVAILABLE)


def get_certificate_status(
    *, user: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> CertificateStatus:
    """The learner's certificate state for ``training`` at ``now``; never raises for a missing certificate.

    Raises UnknownTraining / MalformedTrainingKey, and WrongTenant for a training of another
    tenant than ``tenant`` (the request's; None for callers without one).
    """
    moment = now_or(now)
    training = resolve_training(training, tenant=tenant)
    issued = None
    if user is not None and getattr(user, "is_authenticated", False):
        issued = IssuedCertificate.objects.filter(user=user, training=training).first()
    if issued is not None and issued.invalidated_at is not None:
        return CertificateStatus(training=training, state=INVALIDATED, issued=issued)
    if _waits_or_done(issued, moment):
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    return status_from_rows(
        training=training,
        issued=issued,
        has_assignment=get_current_assignment(training=training) is not None,
        completed=has_completed(user=user, training=training),
        now=moment,
    )


def get_issued_certificate(*, uuid_: uuid.UUID | str) -> IssuedCertificate:
    """The issued certificate by its verification uuid; raises UnknownCertificate."""
    try:
        return IssuedCertificate.objects.select_related("training", "user").get(uuid=uuid.UUID(str(uuid_)))
    except (ValueError, IssuedCertificate.DoesNotExist):
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.") from None


@dataclass(frozen=True)
class SweepOutcome:
    """What one sweep of stalled generations did: the ids queued again, and how many rows it
    marked `failed` because no worker finished them within GENERATION_TIMEOUT_SECONDS."""

    requeued: list[int]
    failed: int


def requeue_stalled_generations(*, now: datetime.datetime | None = None, limit: int = 500) -> SweepOutcome:
    """Queue again the generations still `generating` REQUEUE_STALLED_AFTER_SECONDS after they
    were requested (their task was lost with a killed worker, or dropped), at most ``limit``
    of them, oldest first; mark `failed` (code "stalled") those past GENERATION_TIMEOUT_SECONDS,
    so the learner is offered "Try again" and the sweep stops re-queuing them.

    Run by the periodic task ``author_certificates.requeue_stalled_certificates`` (Celery beat)
    or ``manage.py requeue_stalled_certificates``. A generation queued twice is generated once
    (see tasks.py). Raises what the database raises; a publish failure marks that row `failed`.
    """
    from ..tasks import enqueue_generation

    moment = now_or(now)
    timeout = conf.get("GENERATION_TIMEOUT_SECONDS")
    failed = IssuedCertificate.objects.filter(
        state=IssuedState.GENERATING, requested_at__lt=moment - datetime.timedelta(seconds=timeout),
    ).update(state=IssuedState.FAILED, failure_code=FailureCode.STALLED,
             error=f"No worker finished the generation within {timeout} s of the request.")
    requeue_before = moment - datetime.timedelta(seconds=conf.get("REQUEUE_STALLED_AFTER_SECONDS"))
    stalled = list(IssuedCertificate.objects.filter(state=IssuedState.GENERATING, requested_at__lt=requeue_before)
                   .order_by("requested_at").values_list("pk", flat=True)[:limit])
    for issued_id in stalled:
        enqueue_generation(issued_id)
    return SweepOutcome(requeued=stalled, failed=failed)
