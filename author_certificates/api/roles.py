"""The plugin's own roles (admin, trainer, inspector) for hosts without course roles."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from ..exceptions import InvalidInput, WrongTenant
from ..models import Role, RoleAssignment
from ._common import TrainingRef, now_or, resolve_training


def grant_role(
    *,
    user: Any,
    role: str,
    tenant: str | None = None,
    training: TrainingRef | None = None,
    granted_by: Any = None,
    now: datetime.datetime | None = None,
) -> RoleAssignment:
    """Grant ``role`` on one training, or tenant-wide when only ``tenant`` is given (idempotent).

    Admin is tenant-wide only. Raises InvalidInput (unknown role, neither tenant nor training, an
    admin role on a training), WrongTenant (a training outside ``tenant``).
    """
    if role not in Role.values:
        raise InvalidInput(f"Unknown role '{role}'; expected one of {', '.join(Role.values)}.")
    resolved = resolve_training(training) if training is not None else None
    if resolved is None and not tenant:
        raise InvalidInput("Grant a role on a training or on a tenant.")
    if resolved is not None and tenant and tenant != resolved.tenant:
        raise WrongTenant("That training belongs to another tenant.")
    if role == Role.ADMIN and resolved is not None:
        raise InvalidInput("The admin role is granted on a tenant, not on one training.")
    with transaction.atomic():
        assignment, _ = RoleAssignment.objects.get_or_create(
            user=user,
            role=role,
            tenant=resolved.tenant if resolved else tenant,
            training=resolved,
            defaults={"granted_by": granted_by, "granted_at": now_or(now)},
        )
    return assignment

