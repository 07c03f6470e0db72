"""Reporting: who completed a training and when each certificate was first generated (R10)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..exceptions import PermissionDenied
from ..models import Completion, IssuedCertificate, IssuedState
from ..permissions import can_view_report
from ._common import TrainingRef, resolve_training


@dataclass(frozen=True)
class ProgressRow:
    """One learner of the progress report."""

    username: str
    learner_name: str
    completed_at: datetime.datetime
    certificate_state: str  # "", "generating", "generated", "failed"
    generated_at: datetime.datetime | None  # date of the first generation (R10)
    certificate_uuid: str


def progress_report(*, viewer: Any, training: TrainingRef) -> list[ProgressRow]:
    """The completions of ``training`` with the date each certificate was first generated.

    Only admins, trainers and inspectors of the training may read it: anyone else gets
    PermissionDenied (R10). Two queries whatever the number of learners.
    """
    training = resolve_training(training)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its report.")
    issued_by_user = {
        row.user_id: row
        for row in IssuedCertificate.objects.filter(training=training).only(
            "user_id", "state", "generated_at", "uuid", "learner_name"
        )
    }
    rows = []
    for completion in Completion.objects.filter(training=training).select_related("user").order_by("user__username"):
        issued = issued_by_user.get(completion.user_id)
        user = completion.user
        rows.append(
            ProgressRow(
                username=user.get_username(),
                learner_name=(issued.learner_name if issued and issued.learner_name else user.get_full_name()),
                completed_at=completion.completed_at,
                certificate_state=issued.state if issued else "",
                generated_at=issued.generated_at if issued and issued.state == IssuedState.GENERATED else None,
                certificate_uuid=str(issued.uuid) if issued else "",
            )
        )
    return rows
