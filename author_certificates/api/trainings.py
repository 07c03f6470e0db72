"""Trainings and completions: what the host tells us about courses, pathways and programs."""

from __future__ import annotations

import base64
import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Q, Subquery

from .. import compat, conf
from ..exceptions import InactiveUser, InvalidInput, UnknownTraining
from ..keys import COURSE, parse_training_key
from ..models import CertificateAssignment, Completion, RoleAssignment, Training
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




# The Trainings page: every training of a tenant a user may manage or inspect (docs/decisions/0110).
TRAININGS_PAGE_SIZE = 50
MAX_TRAININGS_PAGE_SIZE = 200


@dataclass(frozen=True)
class StaffTrainingRow:
    """One training of the Trainings page, with its current assignment (None: nothing assigned)."""

    training: Training
    current: Any


@dataclass(frozen=True)
class StaffTrainingsPage:
    """One page of the Trainings page, in title order; ``next_cursor`` is '' on the last page."""

    rows: list[StaffTrainingRow]
    search: str
    next_cursor: str = ""


def _staff_scope(user: Any, tenant: str) -> Q | None:
    """Which of the tenant's trainings ``user`` is admin, trainer or inspector of, as a filter.

    Q() for every training (global staff; a tenant-wide role), None for none. Without a role
    resolver: one query on the plugin's roles and one on the host's (compat.host_role_scopes),
    whatever the number of trainings.
    """
    if not (user is not None and getattr(user, "is_authenticated", False) and user.is_active):
        return None
    if compat.is_global_staff(user):
        return Q()
    held = list(RoleAssignment.objects.filter(user=user, tenant=tenant).values_list("training_id", flat=True))
    if any(training_id is None for training_id in held):
        return Q()
    courses, orgs = compat.host_role_scopes(user)
    scope = Q(pk__in=held) if held else None
    for host in (Q(kind=COURSE, key__in=courses) if courses else None, Q(kind=COURSE, org__in=orgs) if orgs else None):
        if host is not None:
            scope = host if scope is None else scope | host
    return scope


def _search_filter(search: str) -> Q:
    words = search.split()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(key__icontains=word)
    return condition


def _encode_trainings_cursor(training: Training) -> str:
    raw = json.dumps([training.title, training.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_trainings_cursor(cursor: str) -> tuple[str, int]:
    try:
        title, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(title, str) and isinstance(pk, int):
            return title, pk
    except (ValueError, TypeError):
        pass
    raise InvalidInput("The 'cursor' is not valid for this list: start again from the first page.")


def list_staff_trainings(
    *, user: Any, tenant: str, search: str = "", cursor: str = "", page_size: int = TRAININGS_PAGE_SIZE
) -> StaffTrainingsPage:
    """The tenant's trainings ``user`` may manage or inspect, in title order, one page at a time.

    Admins (global staff, tenant admins) and holders of a tenant-wide role see every training
    of ``tenant``; others the trainings they are admin, trainer or inspector of (the plugin's
    roles, and the host's course and org roles). ``search``: every word must be in the title or
    the key (any case). ``cursor`` comes from the previous page (a keyset on title and id, never
    an offset). Each row carries its current assignment. Constant number of queries whatever
    the number of trainings (with a ROLE_RESOLVER, its answers for each candidate too).
    Raises InvalidInput for a bad cursor or page size.
    """
    if not isinstance(page_size, int) or not 1 <= page_size <= MAX_TRAININGS_PAGE_SIZE:
        raise InvalidInput(f"The 'page_size' must be a whole number from 1 to {MAX_TRAININGS_PAGE_SIZE}.")
    search = " ".join(str(search or "").split())[:200]
    after = _decode_trainings_cursor(cursor) if cursor else None
    resolver = conf.get("ROLE_RESOLVER")
    scope = Q() if resolver and getattr(user, "is_authenticated", False) else _staff_scope(user, tenant)
    if scope is None:
        return StaffTrainingsPage(rows=[], search=search)
    newest = CertificateAssignment.objects.filter(training=OuterRef("pk")).order_by("-id").values("pk")[:1]
    candidates = (
        Training.objects.filter(scope, _search_filter(search), tenant=tenant)
        .annotate(current_assignment_id=Subquery(newest))
        .order_by("title", "id")
    )
    found: list[Training] = []
    more = False
    while True:
        batch_query = candidates
        if after is not None:
            batch_query = batch_query.filter(Q(title__gt=after[0]) | Q(title=after[0], pk__gt=after[1]))
        batch = list(batch_query[: page_size + 1])
        if not resolver:
            found, more = batch[:page_size], len(batch) > page_size
            break
        # A role resolver answers one training at a time: keep the ones it grants a staff role.
        for training in batch:
            if can_view_report(user, training):
                if len(found) == page_size:
                    more = True
                    break
                found.append(training)
        if more or len(batch) <= page_size:
            break
        after = (batch[-1].title, batch[-1].pk)
    assignment_ids = [training.current_assignment_id for training in found if training.current_assignment_id]
    assignments = CertificateAssignment.objects.filter(pk__in=assignment_ids).select_related(
        "classic", "version__certificate"
    ).in_bulk() if assignment_ids else {}
    rows = []
    for training in found:
        current = assignments.get(training.current_assignment_id)
        if current is not None and current.classic_id is None and current.version_id is None:
            current = None  # the certificate was removed
        rows.append(StaffTrainingRow(training=training, current=current))
    return StaffTrainingsPage(
        rows=rows, search=search, next_cursor=_encode_trainings_cursor(found[-1]) if more and found else ""
    )


def may_manage_trainings(*, user: Any, tenant: str) -> bool:
    """True when the Trainings page lists at least one training for ``user`` (the header's link)."""
    if conf.get("ROLE_RESOLVER"):
        return bool(list_staff_trainings(user=user, tenant=tenant, page_size=1).rows)
    scope = _staff_scope(user, tenant)
    if scope is None:
        return False
    return Training.objects.filter(scope, tenant=tenant).exists()
