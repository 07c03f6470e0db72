"""Celery tasks: ids in, no logic here (see generation.py).

Production runs the generation on the host's Celery workers, on the queue named by
AUTHOR_CERTIFICATES_CELERY_QUEUE. When the host runs Celery tasks eagerly
(``CELERY_TASK_ALWAYS_EAGER``: the embedded default and the demo), there is no broker and no
worker: the generation then runs in this process after commit, with the same retry policy,
without going through Celery's eager call (docs/decisions/0027-in-process-runner.md).
See docs/decisions/0022-task-retries.md.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import Reject
from celery.utils.time import get_exponential_backoff_interval
from kombu.exceptions import OperationalError as KombuOperationalError

from . import conf
from .exceptions import GenerationFailed, UnknownCertificate
from .generation import TransientGenerationError, generate_certificate, record_generation_failure

log = logging.getLogger(__name__)

MAX_RETRIES = 5
RETRY_BACKOFF_SECONDS = 5  # 5, 10, 20, 40, 80 s (each jittered), about 2.5 minutes in all
RETRY_BACKOFF_MAX_SECONDS = 300


def _attempt(issued_certificate_id: int, *, retries: int) -> str | TransientGenerationError:
    """One attempt at a generation, ``retries`` attempts having failed transiently before it.

    Returns the outcome ("generated", "failed", "missing", ...), or the transient error when
    the attempt is worth repeating. When the retries are exhausted the certificate is marked
    `failed`, so the learner can try again (R13).
    """
    try:
        issued = generate_certificate(issued_certificate_id=issued_certificate_id)
    except UnknownCertificate:
        log.warning("Issued certificate %s no longer exists; nothing to generate.", issued_certificate_id)
        return "missing"
    except TransientGenerationError as error:
        if retries >= MAX_RETRIES:
            record_generation_failure(
                issued_certificate_id=issued_certificate_id,
                reason=f"Gave up after {retries + 1} attempts: {error}",
            )
            return "failed"
        return error
    except GenerationFailed as error:
        # Recorded as `failed` on the row with its reason; the learner can try again.
        log.info("Certificate %s failed: %s", issued_certificate_id, error)
        return "failed"
    return issued.state


@shared_task(
    bind=True,
    name="author_certificates.generate_certificate",
    # Acknowledged after it ran: a worker lost mid-task leaves the message to be redelivered;
    # generation is idempotent, so a second delivery costs at most one render.
    acks_late=True,
    max_retries=MAX_RETRIES,
    ignore_result=True,
)
def generate_certificate_task(self, issued_certificate_id: int) -> str:
    """Generate one issued certificate; return its state ("generated", "failed", ...).

    A repeated delivery of a generated certificate returns at once. A transient failure
    (storage or database unreachable) is retried with exponential backoff; when the retries
    are exhausted the certificate is marked `failed`, so the learner can try again (R13).
    """
    outcome = _attempt(issued_certificate_id, retries=self.request.retries)
    if not isinstance(outcome, TransientGenerationError):
        return outcome
    countdown = get_exponential_backoff_interval(
        factor=RETRY_BACKOFF_SECONDS, retries=self.request.retries,
        maximum=RETRY_BACKOFF_MAX_SECONDS, full_jitter=True,
    )
    try:
        raise self.retry(exc=outcome, countdown=countdown) from outcome
    except Reject:
        # Celery could not re-publish the retry and drops the message: say so on the row.
        record_generation_failure(issued_certificate_id=issued_certificate_id,
                                  reason=f"Could not schedule a retry after: {outcome}")
        raise


def generate_in_process(issued_certificate_id: int) -> str:
    """Run the generation here and now, retrying a transient failure at once, as Celery's eager
    mode would (a request cannot wait minutes of backoff); return the outcome like the task.

    Raises nothing: an unexpected error is logged and recorded on the row as `failed` (Celery's
    eager call would have swallowed it and left the learner waiting until the row stalled).
    """
    try:
        retries = 0
        while isinstance(outcome := _attempt(issued_certificate_id, retries=retries), TransientGenerationError):
            log.warning("Certificate %s: %s; trying again.", issued_certificate_id, outcome)
            retries += 1  # _attempt records `failed` once retries reach MAX_RETRIES
        return outcome
    except Exception as error:
        log.exception("Generating issued certificate %s failed unexpectedly", issued_certificate_id)
        try:
            record_generation_failure(issued_certificate_id=issued_certificate_id,
                                      reason=f"{type(error).__name__}: {error}")
        except Exception:  # noqa: BLE001 - the database is gone too: the row will show as stalled
            log.exception("Could not record the failure of issued certificate %s", issued_certificate_id)
        return "failed"


def runs_in_process() -> bool:
    """True when the host runs Celery tasks eagerly: no broker, no worker (the embedded default)."""
    return bool(generate_certificate_task.app.conf.task_always_eager)


def enqueue_generation(issued_certificate_id: int) -> None:
    """Queue the generation of one issued certificate (called after the request commits).

    Raises nothing: if the broker cannot be reached the certificate is marked `failed` at once,
    so that the learner sees it and can try again rather than wait on a task that never comes.
    """
    if runs_in_process():
        generate_in_process(issued_certificate_id)
        return
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    try:
        generate_certificate_task.apply_async(args=[issued_certificate_id], **options)
    except KombuOperationalError as error:
        log.exception("Could not queue the generation of issued certificate %s", issued_certificate_id)
        record_generation_failure(issued_certificate_id=issued_certificate_id,
                                  reason=f"Could not queue the generation: {error}")


#: Name of the task that runs one chunk of a bulk generation. It is defined beside the use case it
#: calls (``author_certificates.jobs``, above the public API in the layers), so it is sent by name.
BULK_CHUNK_TASK = "author_certificates.bulk_generation_chunk"


def enqueue_bulk_chunk(bulk_generation_id: int) -> None:
    """Queue the next chunk of a bulk generation on the generation queue (raises the broker's errors)."""
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    generate_certificate_task.app.send_task(BULK_CHUNK_TASK, args=[bulk_generation_id], **options)
