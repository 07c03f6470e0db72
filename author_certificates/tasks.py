"""Celery tasks: ids in, no logic here (see generation.py).

Production runs the generation on the host's Celery workers, on the queue named by
AUTHOR_CERTIFICATES_CELERY_QUEUE. When the host runs Celery tasks eagerly
(``CELERY_TASK_ALWAYS_EAGER``: the embedded default and the demo), there is no broker and no
worker: the generation then runs in this process after commit, with the same retry policy,
without going through Celery's eager call (docs/decisions/0027-in-process-runner.md).
See docs/decisions/0022-task-retries.md.

What happens to a task whose worker dies (docs/decisions/0107-lost-tasks.md):

- A pool child killed mid-task (OOM killer, SIGKILL): the task is acknowledged late and
  ``reject_on_worker_lost`` makes the worker reject it with requeue, so the broker delivers it
  again at once, to this worker or another.
- A whole worker killed (or its machine gone): the message stays unacknowledged in the broker.
  Redis gives it back only after its ``visibility_timeout`` (1 hour by default) and RabbitMQ
  when the connection closes. Until then the periodic sweep (``jobs.requeue_stalled_certificates``,
  a Celery beat entry, or ``manage.py requeue_stalled_certificates`` from cron) queues the
  generation again once the row has been `generating` for AUTHOR_CERTIFICATES_REQUEUE_STALLED_AFTER_SECONDS.

Either way a generation may run twice; that is safe because generation is idempotent: a
generated row returns at once, each attempt writes a file under its own name, and only the attempt
whose conditional UPDATE matches the row as pinned records its file (docs/decisions/0020).
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.exceptions import Reject
from celery.utils.time import get_exponential_backoff_interval

from . import conf
from .exceptions import GenerationFailed, UnknownCertificate
from .generation import FailureCode, TransientGenerationError, generate_certificate, record_generation_failure

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
                code=error.code,
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
    # Acknowledged after it ran, and rejected with requeue when its pool child dies: the broker
    # delivers it again at once. A whole worker lost leaves the message unacknowledged until the
    # broker gives it back (Redis: after its visibility_timeout); the periodic sweep queues the
    # generation again before that (see the module's docstring). Running twice is safe: a
    # generated row returns at once and only one attempt's UPDATE records a file.
    acks_late=True,
    reject_on_worker_lost=True,
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
                                  reason=f"Could not schedule a retry after: {outcome}", code=FailureCode.QUEUE)
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
                                      reason=f"{type(error).__name__}: {error}", code=FailureCode.UNEXPECTED)
        except Exception:  # noqa: BLE001 - the database is gone too: the row will show as stalled
            log.exception("Could not record the failure of issued certificate %s", issued_certificate_id)
        return "failed"


def runs_in_process() -> bool:
    """True when the host runs Celery tasks eagerly: no broker, no worker (the embedded default)."""
    return bool(generate_certificate_task.app.conf.task_always_eager)


# Transport options bounding every socket wait of a publish, by the broker's transport (kombu
# driver type): Redis (redis-py) and RabbitMQ (py-amqp) name them differently.
_TIMEOUT_OPTIONS = {
    "redis": ("socket_connect_timeout", "socket_timeout"),
    "amqp": ("connect_timeout", "read_timeout", "write_timeout"),
}


def publish_connection(app: Any = None) -> Any:
    """A new connection to the broker whose connect and every send or read waits at most
    AUTHOR_CERTIFICATES_PUBLISH_TIMEOUT_SECONDS (the host's broker_transport_options otherwise kept).

    Its own connection, not one from the host's pool: the host's Celery settings are the host's
    (edx-platform's production settings use no pool anyway: BROKER_POOL_LIMIT = 0), and a pooled
    connection made without these timeouts could hang on a broker that stopped answering.
    """
    app = app or generate_certificate_task.app
    timeout = float(conf.get("PUBLISH_TIMEOUT_SECONDS"))
    probe = app.connection_for_write()
    try:
        driver = probe.transport.driver_type
    finally:
        probe.release()
    options = dict.fromkeys(_TIMEOUT_OPTIONS.get(driver, ()), timeout)
    return app.connection_for_write(connect_timeout=timeout, transport_options=options)


def publish_generation(issued_certificate_id: int) -> None:
    """Publish one generation task within the publish timeout; raises the broker's error."""
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    with publish_connection() as connection:
        # No publish retry: a fresh connection has no stale socket to retry around, and each
        # retry would add a whole timeout to the learner's wait.
        generate_certificate_task.apply_async(args=[issued_certificate_id], connection=connection,
                                              retry=False, **options)


def enqueue_generation(issued_certificate_id: int) -> None:
    """Queue the generation of one issued certificate (called after the request commits).

    Raises nothing: if the broker cannot be reached, refuses, or does not answer within
    AUTHOR_CERTIFICATES_PUBLISH_TIMEOUT_SECONDS, the certificate is marked `failed` (code
    "queue") at once, so that the learner sees it and can try again rather than wait on a task
    that never comes.
    """
    if runs_in_process():
        generate_in_process(issued_certificate_id)
        return
    try:
        publish_generation(issued_certificate_id)
    except Exception as error:  # noqa: BLE001 - kombu's OperationalError, a socket timeout, a refused publish
        log.exception("Could not queue the generation of issued certificate %s", issued_certificate_id)
        record_generation_failure(issued_certificate_id=issued_certificate_id,
                                  reason=f"Could not queue the generation: {type(error).__name__}: {error}",
                                  code=FailureCode.QUEUE)


#: Name of the task that runs one chunk of a bulk generation. It is defined beside the use case it
#: calls (``author_certificates.jobs``, above the public API in the layers), so it is sent by name.
BULK_CHUNK_TASK = "author_certificates.bulk_generation_chunk"


def enqueue_bulk_chunk(bulk_generation_id: int) -> None:
    """Queue the next chunk of a bulk generation on the generation queue, within the publish
    timeout (raises the broker's errors)."""
    queue = conf.get("CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    with publish_connection() as connection:
        generate_certificate_task.app.send_task(BULK_CHUNK_TASK, args=[bulk_generation_id], connection=connection,
                                                retry=False, **options)
