"""Trainings and completions: what the host tells us about courses, pathways and programs."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction

from ..exceptions import InactiveUser, InvalidInput, UnknownTraining
from ..keys import parse_training_key
from ..models import Completion, Training
from ..tenancy import tenant_for_org
from ._common import TrainingRef, now_or, require_title, resolve_training
from .access import can_view_report


def register_training(
    *,
    key: str,
    title: str,
    tenant: str | None = None,
    language: str | None = None,
    now: datetime.datetime | None = None,
) -> Training:
    """Create the training ``key`` or update its title (and tenant/language when given).

    The kind comes from the key. Without ``tenant``, a new training belongs to the tenant of its
    organisation (see tenancy). Raises MalformedTrainingKey or InvalidInput (empty title).
    """
    parsed = parse_training_key(key)
    title = require_title(title)
    moment = now_or(now)
    defaults: dict[str, Any] = {"title": title, "updated_at": moment}
    if tenant is not None:
        if not tenant.strip():
            raise InvalidInput("The tenant must not be empty.")
        defaults["tenant"] = tenant.strip()
    if language:
        defaults["language"] = language
    with transaction.atomic():
        training, created = Training.objects.select_for_update().get_or_create(
            key=parsed.value,
            defaults={
                **defaults,
                "kind": parsed.kind,
                "org": parsed.org,
                "tenant": defaults.get("tenant") or tenant_for_org(parsed.org),
                "created_at": moment,
            },
        )
        if not created:
            for field, value in defaults.items():
                setattr(training, field, value)
            training.save(update_fields=list(defaults))
    return training


def get_training(training: TrainingRef, *, tenant: str | None = None) -> Training:
    """The training for a key (or the instance itself).

    Raises MalformedTrainingKey / UnknownTraining, and WrongTenant for a training of another
    tenant than ``tenant`` (the request's; None for callers without one).
    """
    return resolve_training(training, tenant=tenant)


def get_staff_training(*, viewer: Any, training: TrainingRef, tenant: str) -> Training:
    """The training whose staff side (certificate settings, progress report) ``viewer`` may see.

    Admins, trainers and inspectors of the training see it. Raises MalformedTrainingKey,
    UnknownTraining, WrongTenant (another tenant's training) and UnknownTraining for anyone
    else, so that the training's existence is not revealed to them.
    """
    found = resolve_training(training, tenant=tenant)
    if not can_view_report(viewer, found):
        raise UnknownTraining(f"No training is registered with the key '{found.key}'.")
    return found


def record_completion(
    *, user: Any, training: TrainingRef, completed_at: datetime.datetime | None = None, source: str = "api"
) -> Completion:
    """Record that ``user`` completed ``training`` (idempotent: the first completion date is kept).

    A revoked completion is restored with the new date. Raises InactiveUser for an inactive
    user, UnknownTraining / MalformedTrainingKey for a bad training.
    """
    if user is None or not getattr(user, "pk", None):
        raise InvalidInput("A saved user is required to record a completion.")
    if not user.is_active:
        raise InactiveUser(f"User '{user.get_username()}' is inactive and cannot complete trainings.")
    training = resolve_training(training)
    moment = now_or(completed_at)
    with transaction.atomic():
        try:
            with transaction.atomic():
                return Completion.objects.create(user=user, training=training, completed_at=moment, source=source)
        except IntegrityError:
            completion = Completion.objects.select_for_update().get(user=user, training=training)
        if completion.revoked_at is not None:
            completion.revoked_at = None
            completion.completed_at = moment
            completion.source = source
            completion.save(update_fields=["revoked_at", "completed_at", "source"])
    return completion


def revoke_completion(
    *, user: Any, training: TrainingRef, revoked_at: datetime.datetime | None = None
) -> Completion | None:
    """Mark a completion revoked (the learner no longer passes). Returns None when there was none.

    An already generated certificate is kept as it is (R8); a learner without one can no longer
    generate it until they complete again.
    """
    training = resolve_training(training)
    with transaction.atomic():
        completion = Completion.objects.select_for_update().filter(user=user, training=training).first()
        if completion is not None and completion.revoked_at is None:
            completion.revoked_at = now_or(revoked_at)
            completion.save(update_fields=["revoked_at"])
    return completion


def has_completed(*, user: Any, training: Training) -> bool:
    """True when ``user`` has a completion of ``training`` that is not revoked (R7: who may generate)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return Completion.objects.filter(user=user, training=training, revoked_at__isnull=True).exists()


# Program events name a program by uuid only (docs/decisions/0051).
def find_training_by_slug(*, kind: str, slug: str) -> Training | None:
    """The pathway or program whose key ends in ``+<slug>`` (any organisation), or None.

    Program events from Open edX carry the program's uuid but no organisation; an operator may
    have registered the program as ``program-v1:<Org>+<uuid>``. Raises InvalidInput when more than
    one organisation registered the same slug (the event cannot say which one it means).
    """
    matches = list(Training.objects.filter(kind=kind, key__endswith=f"+{slug}")[:2])
    if len(matches) > 1:
        raise InvalidInput(f"More than one {kind} is registered with the slug '{slug}'.")
    return matches[0] if matches else None


