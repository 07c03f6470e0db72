"""Generate one issued certificate: load what it pins, render, store, record.

Called by the Celery task with an id. Rendering happens outside any transaction (it is the slow
part and reads nothing from the database); the result is recorded under a row lock, so two
workers given the same id never record two files. Any failure leaves the row `failed` with the
reason and no file: nothing is marked generated without its file (R13).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import compat, conf, storage
from .designs import classic_certificate_design, version_design
from .exceptions import GenerationFailed
from .models import Completion, IssuedCertificate, IssuedState
from .rendering import CertificateContext, Design, render_pdf

log = logging.getLogger(__name__)


class TransientStorageError(GenerationFailed):
    """Storing the PDF failed in a way worth retrying (network, throttling)."""


@dataclass(frozen=True)
class _Job:
    design: Design
    context: CertificateContext
    author: str
    file_name: str


def verification_url(uuid: str) -> str:
    """Absolute URL of the public verification page printed (and QR-encoded) on the certificate."""
    from django.conf import settings

    base = conf.get("VERIFICATION_BASE_URL") or getattr(settings, "LMS_ROOT_URL", "")
    return f"{base.rstrip('/')}{reverse('author_certificates:verify', kwargs={'uuid': uuid})}"


def _platform_name() -> str:
    from django.conf import settings

    return conf.get("PLATFORM_NAME") or getattr(settings, "PLATFORM_NAME", "") or "Open edX"


def _job_for(issued: IssuedCertificate, generation_date: datetime.date) -> _Job:
    if issued.version_id:
        design = version_design(issued.version)
        author = issued.version.created_by.get_full_name() if issued.version.created_by else ""
    else:
        design = classic_certificate_design(issued.classic)
        author = _platform_name()
    completion = Completion.objects.filter(user_id=issued.user_id, training_id=issued.training_id).first()
    completed_on = timezone.localdate(completion.completed_at) if completion else generation_date
    training = issued.training
    context = CertificateContext(
        learner_full_name=issued.learner_name or compat.learner_full_name(issued.user),
        learner_username=issued.user.get_username(),
        training_title=training.title,
        training_kind=training.kind,
        completion_date=completed_on,
        generation_date=generation_date,
        certificate_code=str(issued.uuid),
        verification_url=verification_url(str(issued.uuid)),
        platform_name=_platform_name(),
    )
    return _Job(
        design=design,
        context=context,
        author=author,
        file_name=storage.certificate_file_name(tenant=training.tenant, uuid=str(issued.uuid)),
    )


def _record_failure(issued_id: int, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:2000]
    with transaction.atomic():
        issued = IssuedCertificate.objects.select_for_update().get(pk=issued_id)
        if issued.state == IssuedState.GENERATED:
            return
        issued.state = IssuedState.FAILED
        issued.error = message
        issued.save(update_fields=["state", "error"])
    log.warning("Certificate %s could not be generated: %s", issued.uuid, message)


def generate_certificate(*, issued_certificate_id: int, now: datetime.datetime | None = None) -> IssuedCertificate:
    """Generate the PDF of an issued certificate unless it is already generated (idempotent).

    Raises TransientStorageError (after recording nothing) when storage failed in a retryable
    way; any other failure is recorded as state `failed` with its reason and re-raised as
    GenerationFailed.
    """
    moment = now or timezone.now()
    issued = IssuedCertificate.objects.select_related(
        "user", "training", "classic", "version__certificate", "version__created_by"
    ).get(pk=issued_certificate_id)
    if issued.state == IssuedState.GENERATED:
        return issued
    try:
        learner_name = issued.learner_name or compat.learner_full_name(issued.user)
        issued.learner_name = learner_name
        job = _job_for(issued, timezone.localdate(moment))
        pdf = render_pdf(job.design, job.context, author=job.author)
    except Exception as error:
        _record_failure(issued.pk, error)
        raise GenerationFailed(f"Rendering certificate {issued.uuid} failed: {error}") from error
    try:
        stored_name = storage.save_pdf(name=job.file_name, data=pdf)
    except OSError as error:
        raise TransientStorageError(f"Storing certificate {issued.uuid} failed: {error}") from error
    except Exception as error:
        _record_failure(issued.pk, error)
        raise GenerationFailed(f"Storing certificate {issued.uuid} failed: {error}") from error
    with transaction.atomic():
        locked = IssuedCertificate.objects.select_for_update().get(pk=issued.pk)
        if locked.state == IssuedState.GENERATED:
            # Another worker finished first; its file is the certificate (R8).
            if locked.file != stored_name:
                storage.delete_pdf(stored_name)
            return locked
        locked.state = IssuedState.GENERATED
        locked.file = stored_name
        locked.sha256 = hashlib.sha256(pdf).hexdigest()
        locked.generated_at = moment
        locked.learner_name = learner_name
        locked.error = ""
        locked.attempts += 1
        locked.save(update_fields=["state", "file", "sha256", "generated_at", "learner_name", "error", "attempts"])
    log.info("Generated certificate %s for training %s", locked.uuid, locked.training_id)
    return locked


def read_certificate(issued: IssuedCertificate) -> bytes:
    """The stored PDF of a generated certificate.

    If the file has gone missing from storage, it is rendered again from the pinned design with
    the recorded generation date and name, stored, and the loss is logged as an error.
    """
    if issued.state != IssuedState.GENERATED:
        raise GenerationFailed(f"Certificate {issued.uuid} has not been generated.")
    try:
        return storage.read_pdf(issued.file)
    except FileNotFoundError:
        log.error("Certificate file %s of %s is missing; rendering it again from its pinned design.",
                  issued.file, issued.uuid)
    job = _job_for(issued, timezone.localdate(issued.generated_at))
    pdf = render_pdf(job.design, job.context, author=job.author)
    stored_name = storage.save_pdf(name=issued.file or job.file_name, data=pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    if digest != issued.sha256:
        log.error("Re-rendered certificate %s differs from the recorded sha256 (%s != %s).",
                  issued.uuid, digest, issued.sha256)
    if stored_name != issued.file:
        IssuedCertificate.objects.filter(pk=issued.pk).update(file=stored_name)
    return pdf
