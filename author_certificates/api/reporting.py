"""Reporting: who completed a training and when each certificate was first generated (R10)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..exceptions import PermissionDenied
from ..models import Completion, IssuedCertificate, IssuedState
from ._common import TrainingRef, now_or, resolve_training
from .access import can_view_report
from .issuing import is_stalled


@dataclass(frozen=True)
class ProgressRow:
    """One learner of the progress report."""

    username: str
    learner_name: str
    completed_at: datetime.datetime
    certificate_state: str  # "", "generating", "generated", "failed"
    generated_at: datetime.datetime | None  # date of the first generation (R10)
    certificate_uuid: str


def progress_report(
    *, viewer: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> list[ProgressRow]:
    """The current completions of ``training`` with the date each certificate was first generated.

    Revoked completions are left out; a generation stalled at ``now`` shows as failed, as the
    learner sees it. Only admins, trainers and inspectors of the training may read it: anyone
    else gets PermissionDenied (R10); a training of another tenant than ``tenant`` (the
    request's; None for callers without one) raises WrongTenant. Two queries whatever the
    number of learners.
    """
    training = resolve_training(training, tenant=tenant)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its report.")
    issued_by_user = {
        row.user_id: row
        for row in IssuedCertificate.objects.filter(training=training).only(
            "user_id", "state", "requested_at", "generated_at", "uuid", "learner_name"
        )
    }
    rows = []
    moment = now_or(now)
    completions = Completion.objects.filter(training=training, revoked_at__isnull=True)
    for completion in completions.select_related("user").order_by("user__username"):
        issued = issued_by_user.get(completion.user_id)
        user = completion.user
        rows.append(
            ProgressRow(
                username=user.get_username(),
                learner_name=(issued.learner_name if issued and issued.learner_name else user.get_full_name()),
                completed_at=completion.completed_at,
                certificate_state=_learner_state(issued, moment),
                generated_at=issued.generated_at if issued and issued.state == IssuedState.GENERATED else None,
                certificate_uuid=str(issued.uuid) if issued else "",
            )
        )
    return rows


def _learner_state(issued: IssuedCertificate | None, now: datetime.datetime) -> str:
    # The state as the learner's control shows it: a stalled generation is offered again (R13).
    if issued is None:
        return ""
    return IssuedState.FAILED if is_stalled(issued, now=now) else issued.state
