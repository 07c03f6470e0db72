"""User retirement: what the platform does for its own certificates, done for ours.

edx-platform keeps a retired learner's course certificates (``GeneratedCertificate``: ``.. pii_retirement:
retained``) and purges the name printed on them (``purge_pii_from_generatedcertificates`` blanks
``name``; the retirement pipeline does the same). The user row itself is never deleted: it is
renamed and deactivated. We do the same for issued certificates: the row, its dates and its pin stay
(reports keep their counts, R10), the printed name is blanked, and every stored PDF of it is deleted
because the name is printed inside. A later open renders it again from what was recorded, now
without a name (docs/decisions/0093-names-and-retirement.md).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete

from .. import storage
from ..models import IssuedCertificate, SupersededCertificate

log = logging.getLogger(__name__)

# Keys of IssuedCertificate.printed that hold the learner's name (rendering's CertificateContext).
PRINTED_NAME_FIELDS = ("learner_full_name",)


def retire_learner(*, user: Any) -> int:
    """Purge the learner's name from every certificate issued to them; return how many were purged.

    Deletes each stored PDF after the transaction commits (a rolled-back retirement keeps its
    files). Never raises for a user without certificates; storage errors while deleting are
    logged with the file name and do not undo the purge (an orphan file is cleaned by hand, a
    retirement that fails is retried by the platform's pipeline).
    """
    with transaction.atomic():
        issued = list(IssuedCertificate.objects.select_for_update().filter(user=user))
        # Certificates invalidated and reissued are the learner's too (docs/decisions/0120).
        issued += list(SupersededCertificate.objects.select_for_update().filter(issued__user=user))
        for certificate in issued:
            certificate.learner_name = ""
            certificate.printed = {
                key: ("" if key in PRINTED_NAME_FIELDS else value) for key, value in (certificate.printed or {}).items()
            }
            certificate.save(update_fields=["learner_name", "printed"])
            if certificate.file:
                transaction.on_commit(lambda name=certificate.file: _delete_file(name))
    return len(issued)


def _delete_file(name: str) -> None:
    try:
        storage.delete_pdf(name)
    except Exception:
        log.exception("author_certificates: could not delete the certificate file %s of a retired learner.", name)


def _delete_file_of_deleted_certificate(sender: Any, instance: IssuedCertificate, **kwargs: Any) -> None:
    if instance.file:
        transaction.on_commit(lambda name=instance.file: _delete_file(name))


def connect_file_cleanup() -> None:
    """Delete an issued certificate's PDF when its row is deleted (a user deleted by hand cascades here).

    The file carries the learner's name; a row deleted without it would leave personal data behind.
    """
    post_delete.connect(_delete_file_of_deleted_certificate, sender=IssuedCertificate,
                        dispatch_uid="author_certificates.api.retirement.file_cleanup")
