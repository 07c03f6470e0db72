"""Helpers shared by the API modules: resolving arguments that may be objects or keys."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ..exceptions import InvalidInput, UnknownTraining, WrongTenant
from ..keys import parse_training_key
from ..models import Training
from ..tenancy import resolve_tenant

TrainingRef = Training | str


def now_or(value: datetime.datetime | None) -> datetime.datetime:
    """The time passed in by the caller, else now; naive datetimes are refused."""
    if value is None:
        return timezone.now()
    if timezone.is_naive(value):
        raise InvalidInput("Datetimes must be timezone-aware.")
    return value


def resolve_training(training: TrainingRef, *, tenant: str | None = None, for_update: bool = False) -> Training:
    """A Training from an instance or a key string, refused when it is not ``tenant``'s.

    ``tenant`` is the caller's (the tenant of the request's site); None for callers without
    one (events, filters, tasks: they act on the training's own tenant). Raises
    MalformedTrainingKey for a malformed key, UnknownTraining for a well-formed key that is not
    registered, and WrongTenant (a NotFound, with the same message) for another tenant's training.
    """
    if isinstance(training, Training):
        found = Training.objects.select_for_update().get(pk=training.pk) if for_update else training
    else:
        key = parse_training_key(training)
        queryset = Training.objects.select_for_update() if for_update else Training.objects
        try:
            found = queryset.get(key=key.value)
        except Training.DoesNotExist:
            raise UnknownTraining(_unknown_training(key.value)) from None
    if tenant is not None and found.tenant != tenant:
        raise WrongTenant(_unknown_training(found.key))
    return found


def _unknown_training(key: str) -> str:
    return f"No training is registered with the key '{key}'."


def require_title(title: Any, *, what: str = "title") -> str:
    """A stripped, non-empty title of at most 255 characters."""
    if not isinstance(title, str) or not title.strip():
        raise InvalidInput(f"The {what} must not be empty.")
    title = title.strip()
    if len(title) > 255:
        raise InvalidInput(f"The {what} must be at most 255 characters long (it has {len(title)}).")
    return title


def tenant_of_request(*, request: Any) -> str:
    """The tenant a web request belongs to (by its domain; see tenancy.resolve_tenant)."""
    return resolve_tenant(request=request)


def find_user(*, user_id: Any = None, username: str = "", active_only: bool = False) -> Any | None:
    """The local user named by an event, a filter or a runtime: by username when given, else by id.

    Returns None when nobody matches (or the user is inactive and ``active_only``); never raises
    for an unknown or malformed id, because adapters pass whatever the host handed them.
    """
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.all()
    if active_only:
        users = users.filter(is_active=True)
    if username:
        return users.filter(username=username).first()
    if not user_id:
        return None
    try:
        return users.filter(pk=user_id).first()
    except (TypeError, ValueError):
        return None
