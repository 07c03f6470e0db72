"""Bulk generation: staff generate the certificate of every learner who completed a training.

A run (``BulkGeneration``) walks the training's completions by id in chunks, one chunk at a time
on Celery (the task ``author_certificates.bulk_generation_chunk`` takes the run's id). Each
learner is asked for exactly as the learner's own click would (``request_certificate``), so a
certificate already generated or being generated is left alone (R8), a failed one is retried
with what is assigned now (R13), and running a chunk twice generates nothing twice. Cancelling
stops the run before its next chunk; the generations already queued finish.
See docs/decisions/0071-bulk-generation-and-archive.md.
"""

from __future__ import annotations

import datetime
import logging
import uuid as uuid_module
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from ..exceptions import InactiveUser, NotCompleted, NothingAssigned, PermissionDenied, UnknownCertificate
from ..models import (
    BulkGeneration,
    BulkGenerationState,
    CertificateAssignment,
    Completion,
    IssuedCertificate,
    Training,
)
from ._common import TrainingRef, now_or, resolve_training
from .access import can_assign_certificate, can_view_report
from .issuing import request_certificate

log = logging.getLogger(__name__)

#: Learners asked for per chunk: small enough that a cancel takes effect soon, large enough that
#: a training of 100,000 learners is a few hundred task messages.
BULK_CHUNK_SIZE = 200


def can_bulk_generate(user: Any, training: Training) -> bool:
    """Admins and trainers of the training may generate every learner's certificate (not inspectors)."""
    return can_assign_certificate(user, training)


def can_export_certificates(user: Any, training: Training) -> bool:
    """Admins, trainers and inspectors may download a training's certificates as a ZIP: inspectors
    may already open each of them one by one (docs/decisions/0071-bulk-generation-and-archive.md)."""
    return can_view_report(user, training)


def _current_assignment_exists(training: Training) -> bool:
    current = (CertificateAssignment.objects.filter(training=training).order_by("-id")
               .values_list("classic_id", "version_id").first())
    return current is not None and current != (None, None)


def start_bulk_generation(
    *, user: Any, training: TrainingRef, now: datetime.datetime | None = None
) -> tuple[BulkGeneration, bool]:
    """Start generating the certificate of every learner who completed ``training``.

    Idempotent: while a run of the training is going, the same run is returned (second value
    False) and nothing more is queued. The first chunk is queued after commit. Raises
    PermissionDenied (only admins and trainers), NothingAssigned when the training has no
    certificate, UnknownTraining / MalformedTrainingKey.
    """
    moment = now_or(now)
    training = resolve_training(training)
    if not can_bulk_generate(user, training):
        raise PermissionDenied("Only administrators and trainers of this training can generate its certificates.")
    with transaction.atomic():
        Training.objects.select_for_update().filter(pk=training.pk).exists()  # one start at a time per training
        running = BulkGeneration.objects.filter(training=training, state=BulkGenerationState.RUNNING).first()
        if running is not None:
            return running, False
        if not _current_assignment_exists(training):
            raise NothingAssigned(f"No certificate is assigned to '{training.title}'.")
        bulk = BulkGeneration.objects.create(
            training=training, requested_by=user, requested_at=moment,
            total=Completion.objects.filter(training=training, revoked_at__isnull=True).count(),
        )
        transaction.on_commit(lambda: _queue_chunk(bulk.pk))
    return bulk, True


def _queue_chunk(bulk_generation_id: int) -> None:
    """Run the next chunk: on a worker, or here and now (to the end) when tasks run in-process."""
    from ..tasks import enqueue_bulk_chunk, runs_in_process

    if runs_in_process():
        while run_bulk_generation_chunk(bulk_generation_id=bulk_generation_id):
            pass
        return
    try:
        enqueue_bulk_chunk(bulk_generation_id)
    except Exception as error:  # noqa: BLE001 - a broker that cannot be reached: say so, let staff start again
        log.exception("Could not queue the next chunk of bulk generation %s", bulk_generation_id)
        _stop(bulk_generation_id, reason=f"Could not queue the next chunk: {error}")


def _stop(bulk_generation_id: int, *, reason: str) -> None:
    with transaction.atomic():
        bulk = BulkGeneration.objects.select_for_update().get(pk=bulk_generation_id)
        if bulk.state == BulkGenerationState.RUNNING:
            bulk.state = BulkGenerationState.CANCELLED
            bulk.cancelled_at = bulk.finished_at = now_or(None)
            bulk.save(update_fields=["state", "cancelled_at", "finished_at"])
    log.warning("Bulk generation %s stopped: %s", bulk_generation_id, reason)


@dataclass
class _ChunkTally:
    started: int = 0
    skipped: int = 0
    refused: int = 0


def run_bulk_generation_chunk(
    *, bulk_generation_id: int, now: datetime.datetime | None = None, chunk_size: int | None = None
) -> bool:
    """Ask for the certificates of the next ``chunk_size`` learners of a run; True when more remain.

    ``chunk_size`` defaults to BULK_CHUNK_SIZE. Does nothing (False) for a run that is cancelled or
    finished, or that no longer exists. Each
    learner is asked for as by their own click, outside any lock on the run: a learner whose
    certificate is generated or being generated counts as skipped, one who can no longer get it
    (completion revoked, user inactive) as refused. On a worker the next chunk is queued after
    this one commits.
    """
    moment = now_or(now)
    chunk_size = chunk_size or BULK_CHUNK_SIZE
    with transaction.atomic():
        bulk = BulkGeneration.objects.select_for_update().select_related("training").filter(
            pk=bulk_generation_id).first()
        if bulk is None or bulk.state != BulkGenerationState.RUNNING:
            return False
        learners = list(
            Completion.objects.filter(training_id=bulk.training_id, revoked_at__isnull=True,
                                      id__gt=bulk.last_completion_id)
            .order_by("id").values_list("id", "user_id")[:chunk_size]
        )
    user_ids = [user_id for _id, user_id in learners]
    users = get_user_model().objects.in_bulk(user_ids)
    # When each learner's certificate was asked for before this chunk: a request that changes it
    # started a generation; one that leaves it found the certificate generated or under way.
    asked_before = dict(IssuedCertificate.objects.filter(training_id=bulk.training_id, user_id__in=user_ids)
                        .values_list("user_id", "requested_at"))
    tally = _ChunkTally()
    for _completion_id, user_id in learners:
        _ask_for(users.get(user_id), bulk.training, moment, tally, asked_before=asked_before.get(user_id))
    more = len(learners) == chunk_size
    with transaction.atomic():
        bulk = BulkGeneration.objects.select_for_update().get(pk=bulk_generation_id)
        bulk.processed += len(learners)
        bulk.started += tally.started
        bulk.skipped += tally.skipped
        bulk.refused += tally.refused
        if learners:
            bulk.last_completion_id = learners[-1][0]
        still_running = bulk.state == BulkGenerationState.RUNNING
        if still_running and not more:
            bulk.state = BulkGenerationState.FINISHED
            bulk.finished_at = moment
        bulk.save(update_fields=["processed", "started", "skipped", "refused", "last_completion_id", "state",
                                 "finished_at"])
        more = more and still_running
        if more:
            from ..tasks import runs_in_process

            if not runs_in_process():
                transaction.on_commit(lambda: _queue_chunk(bulk_generation_id))
    return more


def _ask_for(user: Any, training: Training, moment: datetime.datetime, tally: _ChunkTally, *,
             asked_before: datetime.datetime | None) -> None:
    if user is None:
        tally.refused += 1
        return
    try:
        issued = request_certificate(user=user, training=training, now=moment)
    except (NotCompleted, InactiveUser):
        tally.refused += 1
        return
    except NothingAssigned:
        # Unassigned since the run started: nobody else can be asked for either.
        tally.refused += 1
        return
    if issued.requested_at != asked_before:
        tally.started += 1
    else:
        tally.skipped += 1


def cancel_bulk_generation(
    *, user: Any, training: TrainingRef, bulk_generation: uuid_module.UUID | str, now: datetime.datetime | None = None
) -> BulkGeneration:
    """Stop a run before its next chunk (the generations it already queued finish); recorded with
    who and when. Cancelling a run that has ended changes nothing. Raises PermissionDenied (only
    admins and trainers), UnknownCertificate for a run that is not this training's.
    """
    moment = now_or(now)
    training = resolve_training(training)
    if not can_bulk_generate(user, training):
        raise PermissionDenied("Only administrators and trainers of this training can stop its bulk generation.")
    with transaction.atomic():
        bulk = _find(training, bulk_generation, for_update=True)
        if bulk.state == BulkGenerationState.RUNNING:
            bulk.state = BulkGenerationState.CANCELLED
            bulk.cancelled_by, bulk.cancelled_at, bulk.finished_at = user, moment, moment
            bulk.save(update_fields=["state", "cancelled_by", "cancelled_at", "finished_at"])
    return bulk


def _find(training: Training, bulk_generation: uuid_module.UUID | str, *, for_update: bool = False) -> BulkGeneration:
    runs = BulkGeneration.objects.select_for_update() if for_update else BulkGeneration.objects
    try:
        return runs.get(training=training, uuid=uuid_module.UUID(str(bulk_generation)))
    except (ValueError, BulkGeneration.DoesNotExist):
        raise UnknownCertificate(f"No bulk generation '{bulk_generation}' for '{training.key}'.") from None


def get_bulk_generation(
    *, viewer: Any, training: TrainingRef, bulk_generation: uuid_module.UUID | str
) -> BulkGeneration:
    """One run of ``training`` (its progress). Raises PermissionDenied for anyone but admins,
    trainers and inspectors of the training, UnknownCertificate for another training's run."""
    training = resolve_training(training)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its report.")
    return _find(training, bulk_generation)


def list_bulk_generations(*, viewer: Any, training: TrainingRef, limit: int = 20) -> list[BulkGeneration]:
    """The newest runs of ``training`` first (who started and stopped each, when, its counters).
    Raises PermissionDenied as ``get_bulk_generation``."""
    training = resolve_training(training)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its report.")
    return list(BulkGeneration.objects.filter(training=training).select_related("requested_by", "cancelled_by")
                .order_by("-requested_at", "-id")[:limit])


@dataclass(frozen=True)
class BulkPanel:
    """What the report page offers for the whole training, and the newest bulk run."""

    can_generate: bool
    can_export: bool
    latest: BulkGeneration | None


def report_bulk_panel(*, viewer: Any, training: Training) -> BulkPanel:
    """The bulk actions ``viewer`` may take on ``training``'s report, and its newest run (or None)."""
    latest = (BulkGeneration.objects.filter(training=training).select_related("requested_by", "cancelled_by")
              .order_by("-requested_at", "-id").first())
    return BulkPanel(can_generate=can_bulk_generate(viewer, training),
                     can_export=can_export_certificates(viewer, training), latest=latest)
