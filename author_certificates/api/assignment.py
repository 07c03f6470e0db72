"""Assignment: which certificate a training awards (R2-R6)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from ..exceptions import InvalidInput, UnknownCertificate, WrongTenant
from ..models import AuthorCertificate, AuthorCertificateVersion, CertificateAssignment, ClassicCertificate, Training
from ._common import TrainingRef, now_or, resolve_training
from .authoring import get_version, list_author_certificates


def list_classic_certificates(*, tenant: str) -> QuerySet[ClassicCertificate]:
    """The platform's default classic certificates and those made for ``tenant`` only (R5)."""
    return ClassicCertificate.objects.filter(Q(tenant="") | Q(tenant=tenant), is_active=True).order_by(
        "-tenant", "language", "name"
    )


def get_classic_certificate(
    *, classic: ClassicCertificate | uuid.UUID | str, tenant: str | None = None
) -> ClassicCertificate:
    """A classic certificate by instance or uuid; another tenant's raises WrongTenant."""
    if not isinstance(classic, ClassicCertificate):
        try:
            classic = ClassicCertificate.objects.get(uuid=uuid.UUID(str(classic)))
        except (ValueError, ClassicCertificate.DoesNotExist):
            raise UnknownCertificate(f"No classic certificate '{classic}'.") from None
    if tenant is not None and classic.tenant not in ("", tenant):
        raise WrongTenant("That classic certificate belongs to another tenant.")
    return classic


def assign_certificate(
    *,
    training: TrainingRef,
    assigned_by: Any,
    tenant: str | None = None,
    classic: ClassicCertificate | uuid.UUID | str | None = None,
    version: AuthorCertificateVersion | uuid.UUID | str | None = None,
    now: datetime.datetime | None = None,
) -> CertificateAssignment:
    """Make ``classic`` or ``version`` the training's certificate from now on (R2).

    Exactly one of the two must be given. The previous assignments stay as history. It takes
    effect at once for every learner who has not generated yet. Raises InvalidInput (both or
    neither, an inactive classic, an archived author certificate), UnknownCertificate, WrongTenant
    (a certificate of another tenant than the training's, or a training of another tenant than
    ``tenant``: the request's, None for callers without one).
    """
    if (classic is None) == (version is None):
        raise InvalidInput("Assign exactly one certificate: a classic certificate or an author certificate version.")
    with transaction.atomic():
        # Locking the training serialises assignments of one training, so "current" is well defined.
        training = resolve_training(training, tenant=tenant, for_update=True)
        if classic is not None:
            classic = get_classic_certificate(classic=classic)
            if classic.tenant not in ("", training.tenant):
                raise WrongTenant("A classic certificate of another tenant cannot be assigned to this training.")
            if not classic.is_active:
                raise InvalidInput(f"The classic certificate '{classic.name}' is no longer offered.")
        else:
            version = get_version(version=version)
            if version.certificate.tenant != training.tenant:
                raise WrongTenant("An author certificate of another tenant cannot be assigned to this training.")
            if version.certificate.archived_at is not None:
                # No selector offers it; a client holding an old uuid must not bring it back unseen.
                raise InvalidInput(f"The author certificate '{version.certificate.title}' is archived: "
                                   "restore it in the Author tool before assigning it.")
        return CertificateAssignment.objects.create(
            training=training, classic=classic, version=version, assigned_by=assigned_by, assigned_at=now_or(now)
        )


def remove_certificate(
    *, training: TrainingRef, removed_by: Any, tenant: str | None = None, now: datetime.datetime | None = None
) -> CertificateAssignment:
    """Leave the training without a certificate from now on (recorded in the history).

    Raises UnknownTraining, and WrongTenant for a training of another tenant than ``tenant``.
    """
    with transaction.atomic():
        training = resolve_training(training, tenant=tenant, for_update=True)
        return CertificateAssignment.objects.create(training=training, assigned_by=removed_by, assigned_at=now_or(now))


def get_current_assignment(*, training: TrainingRef, tenant: str | None = None) -> CertificateAssignment | None:
    """The training's current assignment (its newest history entry), or None when nothing is assigned.

    The one definition of "what is assigned now": what a first request pins (R8, R9). Raises
    UnknownTraining, and WrongTenant for a training of another tenant than ``tenant``.
    """
    training = resolve_training(training, tenant=tenant)
    current = (
        CertificateAssignment.objects.filter(training=training)
        .select_related("classic", "version__certificate")
        .order_by("-id")
        .first()
    )
    if current is None or (current.classic_id is None and current.version_id is None):
        return None
    return current


def has_current_assignment(*, training: OuterRef) -> Exists:
    """get_current_assignment() is not None, as an expression of the outer query's ``training``
    column: for reads of many trainings at once (Learning Records)."""
    newest = CertificateAssignment.objects.filter(training=OuterRef(training)).order_by("-id")
    return Exists(
        CertificateAssignment.objects.filter(pk=Subquery(newest.values("pk")[:1])).filter(
            Q(classic__isnull=False) | Q(version__isnull=False)
        )
    )


def list_assignment_history(*, training: TrainingRef, tenant: str | None = None) -> QuerySet[CertificateAssignment]:
    """Every assignment of the training, newest first: who assigned what, when (R2).

    Raises UnknownTraining, and WrongTenant for a training of another tenant than ``tenant``.
    """
    training = resolve_training(training, tenant=tenant)
    return (
        CertificateAssignment.objects.filter(training=training)
        .select_related("classic", "version__certificate", "assigned_by")
        .order_by("-id")
    )


@dataclass(frozen=True)
class AuthorChoice:
    """One author certificate in the "Author certificates" side window (R3)."""

    certificate: AuthorCertificate
    latest_version: int
    selected_version: AuthorCertificateVersion | None


@dataclass(frozen=True)
class CertificateChoices:
    """What "Select certificate" offers for a training (R3-R5)."""

    training: Training
    current: CertificateAssignment | None
    classic: list[ClassicCertificate]
    author: list[AuthorChoice]

    @property
    def offers_author_certificates(self) -> bool:
        """R4: without author certificates the classic window opens directly, with no choice."""
        return bool(self.author)


def certificate_choices(*, training: TrainingRef, tenant: str | None = None) -> CertificateChoices:
    """The classic and author certificates that can be assigned to ``training``, within its tenant.

    Raises UnknownTraining, and WrongTenant for a training of another tenant than ``tenant``.
    """
    training = resolve_training(training, tenant=tenant)
    current = get_current_assignment(training=training)
    selected_certificate_id = current.version.certificate_id if current and current.version_id else None
    author = [
        AuthorChoice(
            certificate=certificate,
            latest_version=certificate.latest_version_number,
            selected_version=current.version if certificate.pk == selected_certificate_id else None,
        )
        for certificate in list_author_certificates(tenant=training.tenant)
    ]
    return CertificateChoices(
        training=training,
        current=current,
        classic=list(list_classic_certificates(tenant=training.tenant)),
        author=author,
    )
