"""openedx-events receivers: what the platform tells us about completions and course titles.

Each receiver is listed in ``apps.RECEIVERS`` (edx-django-utils connects them in Open edX;
``connect_receivers`` does it in any other host). A receiver runs inside the host's request or
task that emitted the event, so it never lets an exception escape: it logs it with the event's
ids and returns. Every write goes through ``author_certificates.api``; the tenant of a training
registered here comes from its organisation (``tenancy.tenant_for_org``, inside the API).

Decisions (docs/decisions/0051-completion-events.md):

* ``is_passing=True`` records a completion of the course (registering the course first, titled
  from the event's course data); ``is_passing=False`` revokes it. An already generated
  certificate is kept unchanged (R8); one that was not generated can no longer be generated.
* A CCX passing status counts for its master course: certificates are assigned to courses in
  Studio, where CCXs do not exist.
* A program certificate names the program by uuid only: it is the training whose key ends in
  ``+<uuid>`` (``program-v1:<Org>+<uuid>``, registered by the operator), else
  ``program-v1:programs+<uuid>`` is registered. Learners are matched by username (the event may
  come from the Credentials service, whose user ids are not the LMS's), else by id.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.utils.module_loading import import_string

from . import api
from .apps import RECEIVERS, receiver_dispatch_uid
from .exceptions import UnknownTraining
from .keys import PROGRAM

log = logging.getLogger(__name__)

# Organisation part of the key of a program registered from an event (events carry no org).
PROGRAM_EVENT_ORG = "programs"


def connect_receivers() -> None:
    """Connect every receiver to its openedx-events signal, exactly as edx-django-utils would."""
    module = globals()
    for name, signal_path in RECEIVERS:
        import_string(signal_path).connect(module[name], dispatch_uid=receiver_dispatch_uid(name))


def _event_time(kwargs: dict[str, Any]) -> datetime.datetime | None:
    metadata = kwargs.get("metadata")
    return getattr(metadata, "time", None)


def _event_id(kwargs: dict[str, Any]) -> str:
    metadata = kwargs.get("metadata")
    return str(getattr(metadata, "id", "")) or "-"


def _find_user(user_data: Any) -> Any | None:
    """The local user an event's UserData names: by username when it has one, else by id."""
    username = getattr(getattr(user_data, "pii", None), "username", "")
    return api.find_user(username=username, user_id=user_data.id)


def _course_training(
    course_key: Any, display_name: str, *, now: datetime.datetime | None, retitle: bool = True
) -> Any:
    """The course's training, registered from the event's course data; re-titled when ``retitle``."""
    key = str(course_key)
    title = (display_name or "").strip()
    try:
        training = api.get_training(key)
    except UnknownTraining:
        return api.register_training(key=key, title=title or key, now=now)
    if retitle and title and training.title != title:
        training = api.register_training(key=key, title=title, now=now)
    return training


def _apply_passing_status(
    *, course_key: Any, display_name: str, data: Any, kwargs: dict, source: str, retitle: bool = True
) -> None:
    user = _find_user(data.user)
    if user is None:
        log.warning("author_certificates: event %s (%s) names unknown user id=%s; ignored.",
                    _event_id(kwargs), source, data.user.id)
        return
    moment = _event_time(kwargs)
    if data.is_passing:
        training = _course_training(course_key, display_name, now=moment, retitle=retitle)
        api.record_completion(user=user, training=training, completed_at=moment, source=source)
    else:
        try:
            training = api.get_training(str(course_key))
        except UnknownTraining:
            return  # nothing was ever recorded for this course
        api.revoke_completion(user=user, training=training, revoked_at=moment)


def _guarded(receiver_name: str, kwargs: dict, describe: str, work) -> None:
    """Run ``work``; log and swallow any exception (a receiver must not break the host's request)."""
    try:
        work()
    except Exception:
        log.exception(
            "author_certificates: receiver %s failed for event %s (%s); the host's request goes on.",
            receiver_name, _event_id(kwargs), describe,
        )


def course_passing_status_updated(sender: Any = None, signal: Any = None, **kwargs: Any) -> None:
    """COURSE_PASSING_STATUS_UPDATED: passing records the course completion, failing revokes it."""
    data = kwargs.get("course_passing_status")

    def work() -> None:
        _apply_passing_status(course_key=data.course.course_key, display_name=data.course.display_name,
                              data=data, kwargs=kwargs, source="course_passing_status_updated")

    _guarded("course_passing_status_updated", kwargs, _describe_passing(data), work)


def ccx_course_passing_status_updated(sender: Any = None, signal: Any = None, **kwargs: Any) -> None:
    """CCX_COURSE_PASSING_STATUS_UPDATED: counts for the CCX's master course (see module docstring)."""
    data = kwargs.get("course_passing_status")

    def work() -> None:
        # The CCX's display name is the coach's title, not the course's: it only titles a
        # master course seen for the first time.
        _apply_passing_status(course_key=data.course.master_course_key, display_name=data.course.display_name,
                              data=data, kwargs=kwargs, source=f"ccx:{data.course.ccx_course_key}"[:64], retitle=False)

    _guarded("ccx_course_passing_status_updated", kwargs, _describe_passing(data), work)


def _describe_passing(data: Any) -> str:
    course = getattr(data, "course", None)
    key = getattr(course, "course_key", None) or getattr(course, "ccx_course_key", None)
    user_id = getattr(getattr(data, "user", None), "id", "?")
    return f"user id={user_id} course={key} is_passing={getattr(data, 'is_passing', '?')}"


def _program_training(program: Any, *, now: datetime.datetime | None) -> Any:
    training = api.find_training_by_slug(kind=PROGRAM, slug=program.uuid)
    if training is None:
        title = (program.title or "").strip() or program.uuid
        training = api.register_training(key=f"program-v1:{PROGRAM_EVENT_ORG}+{program.uuid}", title=title, now=now)
    return training


def _describe_program(data: Any) -> str:
    return (f"user id={getattr(getattr(data, 'user', None), 'id', '?')} "
            f"program={getattr(getattr(data, 'program', None), 'uuid', '?')} credential={getattr(data, 'uuid', '?')}")


def program_certificate_awarded(sender: Any = None, signal: Any = None, **kwargs: Any) -> None:
    """PROGRAM_CERTIFICATE_AWARDED: the learner completed the learning program."""
    data = kwargs.get("program_certificate")

    def work() -> None:
        user = _find_user(data.user)
        if user is None:
            log.warning("author_certificates: event %s names unknown user %s; ignored.",
                        _event_id(kwargs), _describe_program(data))
            return
        moment = _event_time(kwargs)
        training = _program_training(data.program, now=moment)
        api.record_completion(user=user, training=training, completed_at=moment, source="program_certificate_awarded")

    _guarded("program_certificate_awarded", kwargs, _describe_program(data), work)


def program_certificate_revoked(sender: Any = None, signal: Any = None, **kwargs: Any) -> None:
    """PROGRAM_CERTIFICATE_REVOKED: revoke the program completion (a generated certificate is kept, R8)."""
    data = kwargs.get("program_certificate")

    def work() -> None:
        user = _find_user(data.user)
        training = api.find_training_by_slug(kind=PROGRAM, slug=data.program.uuid)
        if user is not None and training is not None:
            api.revoke_completion(user=user, training=training, revoked_at=_event_time(kwargs))

    _guarded("program_certificate_revoked", kwargs, _describe_program(data), work)


def course_catalog_info_changed(sender: Any = None, signal: Any = None, **kwargs: Any) -> None:
    """COURSE_CATALOG_INFO_CHANGED (Studio publish): register the course or keep its title current."""
    data = kwargs.get("catalog_info")

    def work() -> None:
        _course_training(data.course_key, data.name, now=_event_time(kwargs))

    _guarded("course_catalog_info_changed", kwargs, f"course={getattr(data, 'course_key', '?')}", work)
