"""Learning Records: a learner's completed trainings with the state of each certificate (R11, R12)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef

from ..exceptions import InvalidInput
from ..keys import KINDS
from ..models import Completion, IssuedCertificate, Training
from ._common import TrainingRef, now_or, resolve_training
from .assignment import has_current_assignment
from .issuing import CertificateStatus, get_certificate_status, status_from_rows


@dataclass(frozen=True)
class LearningRecord:
    """One completed training of a learner, with the state of its certificate control (R11, R12)."""

    completion: Completion
    status: CertificateStatus

    @property
    def training(self) -> Training:
        return self.status.training


def list_learning_records(
    *, user: Any, kind: str | None = None, tenant: str | None = None, now: datetime.datetime | None = None
) -> list[LearningRecord]:
    """The learner's current completions (newest first) with their certificate states at ``now``,
    in two queries.

    ``kind`` narrows to course, pathway or program; ``tenant`` to the trainings of one tenant.
    Raises InvalidInput for an unknown kind. An anonymous user has no records.
    """
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of training; expected one of {', '.join(KINDS)}.")
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    moment = now_or(now)
    completions = (
        Completion.objects.filter(user=user, revoked_at__isnull=True)
        .select_related("training")
        .annotate(has_certificate=has_current_assignment(training=OuterRef("training")))
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
        status = status_from_rows(
            training=completion.training, issued=issued, has_assignment=completion.has_certificate, completed=True,
            now=moment,
        )
        records.append(LearningRecord(completion=completion, status=status))
    return records


def count_learning_records(*, user: Any, tenant: str | None = None) -> dict[str, int]:
    """How many current completions the learner has of each kind of training (every kind, 0 when
    none), in one query: the tabs show their counts without reading the other tabs' rows."""
    counts = dict.fromkeys(KINDS, 0)
    if user is None or not getattr(user, "is_authenticated", False):
        return counts
    completions = Completion.objects.filter(user=user, revoked_at__isnull=True)
    if tenant is not None:
        completions = completions.filter(training__tenant=tenant)
    for kind, number in completions.values_list("training__kind").annotate(number=Count("id")).order_by():
        counts[kind] = number
    return counts


def get_learning_record(
    *, user: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> LearningRecord | None:
    """The learner's record of one training at ``now``, or None when they have not completed it.

    Raises MalformedTrainingKey, UnknownTraining, and WrongTenant for a training of another
    tenant than ``tenant`` (the request's; None for callers without one).
    """
    training = resolve_training(training, tenant=tenant)
    completion = None
    if user is not None and getattr(user, "is_authenticated", False):
        completion = Completion.objects.filter(user=user, training=training, revoked_at__isnull=True).first()
    if completion is None:
        return None
    return LearningRecord(completion=completion, status=get_certificate_status(user=user, training=training, now=now))
