"""Celery tasks: ids in, no logic here (see generation.py).

The embedded default runs them in-process (``CELERY_TASK_ALWAYS_EAGER``); production runs them
on the host's Celery workers, on the queue named by AUTHOR_CERTIFICATES_CELERY_QUEUE.
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
    try:
        issued = generate_certificate(issued_certificate_id=issued_certificate_id)
    except UnknownCertificate:
        log.warning("Issued certificate %s no longer exists; nothing to generate.", issued_certificate_id)
        return "missing"
    except TransientGenerationError as error:
        if self.request.retries >= self.max_retries:
            record_generation_failure(
                issued_certificate_id=issued_certificate_id,
                reason=f"Gave up after {self.request.retries + 1} attempts: {error}",
            )
            return "failed"
        countdown = get_exponential_backoff_interval(
            factor=RETRY_BACKOFF_SECONDS, retries=self.request.retries,
            maximum=RETRY_BACKOFF_MAX_SECONDS, full_jitter=True,
        )
        try:
            raise self.retry(exc=error, countdown=countdown) from error
        except Reject:
            # Celery could not re-publish the retry and drops the message: say so on the row.
            record_generation_failure(issued_certificate_id=issued_certificate_id,
                                      reason=f"Could not schedule a retry after: {error}")
            raise
    except GenerationFailed as error:
        # Recorded as `failed` on the row with its reason; the learner can try again.
        log.info("Certificate %s failed: %s", issued_certificate_id, error)
        return "failed"
    return issued.state


def enqueue_generation(issued_certificate_id: int) -> None:
    """Queue the generation of one issued certificate (called after the request commits).

    Raises nothing: if the broker cannot be reached the certificate is marked `failed` at once,
    so that the learner sees it and can try again rather than wait on a task that never comes.
    """
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    try:
        generate_certificate_task.apply_async(args=[issued_certificate_id], **options)
    except KombuOperationalError as error:
        log.exception("Could not queue the generation of issued certificate %s", issued_certificate_id)
        record_generation_failure(issued_certificate_id=issued_certificate_id,
                                  reason=f"Could not queue the generation: {error}")
