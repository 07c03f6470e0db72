"""Celery tasks that run a use case of the public API (ids in, no logic here).

``tasks.py`` sits below the API in the layers (the API queues generations through it), so a task
whose work is an API use case lives here, in the adapter layer, and is queued by name
(``tasks.BULK_CHUNK_TASK``). The app config imports this module, so every worker that loads the
plugin registers it.
"""

from __future__ import annotations

from celery import shared_task

from . import api


@shared_task(
    name="author_certificates.bulk_generation_chunk",
    # Acknowledged after it ran, so a chunk may run twice, and asking for a learner's certificate
    # twice generates it once. A chunk lost with its worker comes back only when the broker gives
    # its message back (Redis: after its visibility_timeout); cancelling the run and starting a new
    # one carries on where it stopped (docs/decisions/0071, 0107).
    acks_late=True,
    ignore_result=True,
)
def bulk_generation_chunk(bulk_generation_id: int) -> bool:
    """Ask for the next chunk of learners of one bulk generation; the next chunk queues itself."""
    return api.run_bulk_generation_chunk(bulk_generation_id=bulk_generation_id)


@shared_task(
    name="author_certificates.requeue_stalled_certificates",
    # Early acknowledgement: a sweep lost with its worker is simply the next one.
    ignore_result=True,
)
def requeue_stalled_certificates() -> int:
    """The periodic sweep: queue again the generations stalled past REQUEUE_STALLED_AFTER_SECONDS
    (see ``api.requeue_stalled_generations``); return how many were queued."""
    return len(api.requeue_stalled_generations().requeued)
