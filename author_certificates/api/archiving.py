"""Retiring designs: authors archive an author certificate and restore it (docs/decisions/0114).

An archived certificate is hidden from every selector (the side window, the REST options, the
MFE selector: all read ``certificate_choices``); its versions, its assignments and the
certificates issued with it stay exactly as they are, so a training that has it assigned keeps
generating with it. Who archived or restored it, and when, is recorded on the certificate.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery

from ..exceptions import CertificateInUse, InvalidInput
from ..models import AuthorCertificate, CertificateAssignment, Training
from ._common import now_or
from .authoring import CertificateRef, get_author_certificate


def trainings_using(*, certificate: CertificateRef, tenant: str | None = None) -> QuerySet[Training]:
    """The trainings whose current assignment is a version of ``certificate``, by title: one query.

    Raises UnknownCertificate (also for another tenant's certificate than ``tenant``).
    """
    certificate = get_author_certificate(certificate=certificate, tenant=tenant)
    newest = CertificateAssignment.objects.filter(training=OuterRef("pk")).order_by("-id")
    return (
        Training.objects.filter(tenant=certificate.tenant)
        .annotate(current_version=Subquery(newest.values("version__certificate_id")[:1]))
        .filter(current_version=certificate.pk)
        .order_by("title", "key")
    )


def archive_author_certificate(
    *,
    certificate: CertificateRef,
    tenant: str,
    archived_by: Any,
    confirm_in_use: bool = False,
    now: datetime.datetime | None = None,
) -> AuthorCertificate:
    """Archive ``certificate`` of ``tenant``: hidden from the selectors from now on; return it.

    A certificate assigned to trainings is archived only with ``confirm_in_use``; without it,
    CertificateInUse is raised naming those trainings (``error.trainings``) and nothing changes.
    Those trainings keep their assignment and keep generating with it. Raises InvalidInput (it
    is archived already), UnknownCertificate (also another tenant's certificate).
    """
    with transaction.atomic():
        found = get_author_certificate(certificate=certificate, tenant=tenant)
        locked = AuthorCertificate.objects.select_for_update().get(pk=found.pk)
        if locked.archived_at is not None:
            raise InvalidInput(f"The author certificate '{locked.title}' is archived already.")
        if not confirm_in_use:
            using = list(trainings_using(certificate=locked))
            if using:
                raise CertificateInUse(locked.title, using)
        locked.archived_at = now_or(now)
        locked.archived_by = archived_by
        locked.save(update_fields=["archived_at", "archived_by"])
    return locked


def restore_author_certificate(
    *, certificate: CertificateRef, tenant: str, restored_by: Any, now: datetime.datetime | None = None
) -> AuthorCertificate:
    """Bring an archived ``certificate`` of ``tenant`` back into the selectors; return it.

    Raises InvalidInput (it is not archived), UnknownCertificate (also another tenant's).
    """
    with transaction.atomic():
        found = get_author_certificate(certificate=certificate, tenant=tenant)
        locked = AuthorCertificate.objects.select_for_update().get(pk=found.pk)
        if locked.archived_at is None:
            raise InvalidInput(f"The author certificate '{locked.title}' is not archived.")
        locked.archived_at = None
        locked.archived_by = None
        locked.restored_at = now_or(now)
        locked.restored_by = restored_by
        locked.save(update_fields=["archived_at", "archived_by", "restored_at", "restored_by"])
    return locked


def list_archived_author_certificates(*, tenant: str) -> QuerySet[AuthorCertificate]:
    """The archived author certificates of ``tenant``, most recently archived first, with who did it."""
    return (
        AuthorCertificate.objects.filter(tenant=tenant, archived_at__isnull=False)
        .select_related("created_by", "archived_by")
        .order_by("-archived_at", "title", "id")
    )
