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


# --- Learner side (learner-side engineer): learning records in a fixed number of queries,
# opening a certificate with its permission check, public verification. ---

import hashlib  # noqa: E402
import hmac  # noqa: E402
from collections.abc import Iterable  # noqa: E402

from django.db.models import Exists, OuterRef, Q, Subquery  # noqa: E402

from ..exceptions import InvalidInput, UnknownTraining  # noqa: E402
from ..keys import KINDS  # noqa: E402
from ..models import CertificateAssignment, Completion  # noqa: E402
from ..permissions import can_open_certificate_of_others  # noqa: E402
from ..tenancy import resolve_tenant  # noqa: E402


@dataclass(frozen=True)
class LearningRecord:
    """One completed training of a learner, with the state of its certificate control (R11, R12)."""

    completion: Completion
    status: CertificateStatus

    @property
    def training(self) -> Training:
        return self.status.training


def _status_from_rows(
    *, training: Training, issued: IssuedCertificate | None, has_assignment: bool, completed: bool
) -> CertificateStatus:
    # The same decision as get_certificate_status, from rows fetched in bulk.
    if issued is not None and issued.state != IssuedState.FAILED:
        return CertificateStatus(training=training, state=issued.state, issued=issued)
    if not has_assignment:
        return CertificateStatus(training=training, state="unavailable", issued=issued)
    if not completed:
        return CertificateStatus(training=training, state="not_completed", issued=issued)
    if issued is not None:
        return CertificateStatus(training=training, state=IssuedState.FAILED, issued=issued)
    return CertificateStatus(training=training, state="available")


def _latest_assignment_has_certificate() -> Exists:
    # The newest history entry of the outer training names a classic certificate or a version.
    newest = CertificateAssignment.objects.filter(training=OuterRef(OuterRef("training"))).order_by("-id")
    return Exists(
        CertificateAssignment.objects.filter(pk=Subquery(newest.values("pk")[:1])).filter(
            Q(classic__isnull=False) | Q(version__isnull=False)
        )
    )


def list_learning_records(*, user: Any, kind: str | None = None, tenant: str | None = None) -> list[LearningRecord]:
    """The learner's current completions (newest first) with their certificate states, in two queries.

    ``kind`` narrows to course, pathway or program; ``tenant`` to the trainings of one tenant.
    Raises InvalidInput for an unknown kind. An anonymous user has no records.
    """
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of training; expected one of {', '.join(KINDS)}.")
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    completions = (
        Completion.objects.filter(user=user, revoked_at__isnull=True)
        .select_related("training")
        .annotate(has_certificate=_latest_assignment_has_certificate())
    )
    if kind:
        completions = completions.filter(training__kind=kind)
    if tenant is not None:
        completions = completions.filter(training__tenant=tenant)
    completions = list(completions.order_by("-completed_at", "-id"))
    issued_by_training: dict[int, IssuedCertificate] = {}
    if completions:
        issued_by_training = {
            issued.training_id: issued
            for issued in IssuedCertificate.objects.filter(
                user=user, training_id__in=[completion.training_id for completion in completions]
            )
        }
    records = []
    for completion in completions:
        issued = issued_by_training.get(completion.training_id)
        if issued is not None:
            issued.training = completion.training  # spare a query when the caller reads it
        status = _status_from_rows(
            training=completion.training, issued=issued, has_assignment=completion.has_certificate, completed=True
        )
        records.append(LearningRecord(completion=completion, status=status))
    return records


def get_learning_record(*, user: Any, training: TrainingRef, tenant: str | None = None) -> LearningRecord | None:
    """The learner's record of one training, or None when they have not completed it.

    Raises MalformedTrainingKey, UnknownTraining (also for a training of another tenant than
    ``tenant`` when given, so that it stays invisible).
    """
    training = resolve_training(training)
    if tenant is not None and training.tenant != tenant:
        raise UnknownTraining(f"No training is registered with the key '{training.key}'.")
    completion = None
    if user is not None and getattr(user, "is_authenticated", False):
        completion = Completion.objects.filter(user=user, training=training, revoked_at__isnull=True).first()
    if completion is None:
        return None
    return LearningRecord(completion=completion, status=get_certificate_status(user=user, training=training))


def open_certificate(*, viewer: Any, uuid_: uuid.UUID | str) -> tuple[IssuedCertificate, bytes]:
    """The generated certificate ``uuid_`` and its PDF bytes, for its owner or a permitted viewer.

    Admins, trainers and inspectors of the training may open it too. Raises UnknownCertificate
    for anyone else, for an unknown uuid and for a certificate not generated yet, so that its
    existence is never revealed.
    """
    from ..generation import read_certificate  # the work layer: only needed to read a file

    issued = get_issued_certificate(uuid_=uuid_)
    owner = getattr(viewer, "is_authenticated", False) and viewer.pk == issued.user_id
    if not owner and not can_open_certificate_of_others(viewer, issued.training):
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.")
    if issued.state != IssuedState.GENERATED:
        raise UnknownCertificate(f"Certificate '{uuid_}' has not been generated.")
    return issued, read_certificate(issued)


def verify_certificate(*, uuid_: uuid.UUID | str) -> IssuedCertificate:
    """A generated certificate by its public verification uuid (anyone may verify).

    Raises UnknownCertificate for an unknown uuid and for a certificate not generated yet.
    """
    issued = get_issued_certificate(uuid_=uuid_)
    if issued.state != IssuedState.GENERATED:
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.")
    return issued


def matches_issued_pdf(*, issued: IssuedCertificate, chunks: Iterable[bytes]) -> bool:
    """True when the bytes read from ``chunks`` are exactly the issued PDF (sha256 compared)."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return bool(issued.sha256) and hmac.compare_digest(digest.hexdigest(), issued.sha256)


def tenant_of_request(*, request: Any) -> str:
    """The tenant a web request belongs to (by its domain; see tenancy.resolve_tenant)."""
    return resolve_tenant(request=request)


# --- end of learner side ---
