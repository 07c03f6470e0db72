"""Who may do what: admins, trainers and inspectors of a training or a tenant.

admin     global staff, or the plugin's tenant "admin" role
trainer   course staff/instructor on the host, or the plugin's "trainer" role (training or tenant)
inspector host data_researcher, or the plugin's "inspector" role (training or tenant): read-only

Pages and endpoints ask these before calling a use case, so that they can answer 403 or 404
as they document; the use cases that need a check (the report, opening a certificate) also
check for themselves.
"""

from __future__ import annotations

from typing import Any

from django.utils.module_loading import import_string

from .. import compat, conf
from ..keys import COURSE
from ..models import Role, RoleAssignment, Training
from ..rendering import PLACEHOLDERS


def _authenticated(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_tenant_admin(user: Any, tenant: str) -> bool:
    """Global staff, or holder of the plugin's admin role for ``tenant``."""
    if not _authenticated(user):
        return False
    if compat.is_global_staff(user):
        return True
    return RoleAssignment.objects.filter(user=user, role=Role.ADMIN, tenant=tenant).exists()


def roles_on_training(user: Any, training: Training) -> set[str]:
    """Every role ``user`` holds on ``training``: a subset of {"admin", "trainer", "inspector"}."""
    if not _authenticated(user):
        return set()
    resolver_path = conf.get("ROLE_RESOLVER")
    if resolver_path:
        return set(import_string(resolver_path)(user, training))
    roles: set[str] = set()
    if compat.is_global_staff(user):
        roles.add(Role.ADMIN)
    own = RoleAssignment.objects.filter(user=user, tenant=training.tenant).filter(
        training__isnull=True
    ) | RoleAssignment.objects.filter(user=user, training=training)
    roles.update(own.values_list("role", flat=True))
    if training.kind == COURSE:
        roles.update(compat.host_course_roles(user, training.key))
    return roles


def can_view_report(user: Any, training: Training) -> bool:
    """R10: admins, trainers and inspectors see the progress report of a training."""
    return bool(roles_on_training(user, training) & {Role.ADMIN, Role.TRAINER, Role.INSPECTOR})


def can_open_certificate_of_others(user: Any, training: Training) -> bool:
    """Admins, trainers and inspectors may open the certificates issued for a training."""
    return can_view_report(user, training)


def can_assign_certificate(user: Any, training: Training) -> bool:
    """Staff who may choose a training's certificate: admins and trainers (inspectors only read)."""
    return bool(roles_on_training(user, training) & {Role.ADMIN, Role.TRAINER})


def can_author(user: Any, tenant: str) -> bool:
    """Who may design certificates in Studio: tenant admins, and staff users of the host."""
    return _authenticated(user) and (user.is_staff or is_tenant_admin(user, tenant))


__all__ = [
    "PLACEHOLDERS",
    "can_assign_certificate",
    "can_author",
    "can_open_certificate_of_others",
    "can_view_report",
    "is_tenant_admin",
    "roles_on_training",
]
