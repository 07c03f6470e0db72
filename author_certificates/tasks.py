"""Celery tasks: ids in, no logic here (see generation.py).

The embedded default runs them in-process (``CELERY_TASK_ALWAYS_EAGER``); production runs them
on the host's Celery workers, on the queue named by AUTHOR_CERTIFICATES_CELERY_QUEUE.
"""

from __future__ import annotations

from celery import shared_task

from . import conf
from .exceptions import GenerationFailed
from .generation import TransientStorageError, generate_certificate


@shared_task(
    name="author_certificates.generate_certificate",
    acks_late=True,
    autoretry_for=(TransientStorageError,),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def generate_certificate_task(issued_certificate_id: int) -> str:
    """Generate one issued certificate; a repeated delivery of a generated one returns at once."""
    try:
        issued = generate_certificate(issued_certificate_id=issued_certificate_id)
    except GenerationFailed as error:
        if isinstance(error, TransientStorageError):
            raise
        # Recorded as `failed` on the row; the learner can try again. Not retried automatically.
        return f"failed: {error}"
    return issued.state


def enqueue_generation(issued_certificate_id: int) -> None:
    """Queue the generation of one issued certificate (called after the request commits)."""
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    generate_certificate_task.apply_async(args=[issued_certificate_id], **options)
