"""Settings the plugin adds to an Open edX host (read by edx-django-utils' ``add_plugins``).

``plugin_settings`` receives the host's settings module: it gives every
``AUTHOR_CERTIFICATES_*`` setting its default unless the host set it, and adds our
openedx-filters steps to ``OPEN_EDX_FILTERS_CONFIG`` without touching the host's own steps
(docs/decisions/0053-filters-config-merge.md).
"""

from __future__ import annotations

import copy
from typing import Any

from author_certificates.conf import DEFAULTS, PREFIX

FILTERS_SETTING = "OPEN_EDX_FILTERS_CONFIG"

# Open edX's LMS Celery queue (edx-platform lms/envs/common.py: CELERY_DEFAULT_QUEUE and
# HIGH_PRIORITY_QUEUE are 'edx.lms.core.default'/'edx.lms.core.high'; Studio's are 'edx.cms.core.*').
# Generation always goes to the LMS workers, whether the LMS or Studio queued it: only they have
# what a render needs (docs/decisions/0095-lms-queue.md).
OPEN_EDX_LMS_QUEUE = "edx.lms.core.default"

# Filter type -> our step (author_certificates/pipeline.py). Plain strings: the host's settings
# module runs this before Django's apps are loaded, so nothing here may import models.
FILTER_STEPS = {
    "org.openedx.learning.certificate.render.started.v1": "author_certificates.pipeline.ServeAuthorCertificate",
    "org.openedx.learning.certificate.creation.requested.v1":
        "author_certificates.pipeline.RecordCompletionOnCertificateCreation",
}


# The periodic sweep of stalled generations (tasks.py's docstring; docs/decisions/0107-lost-tasks.md).
REQUEUE_STALLED_TASK = "author_certificates.requeue_stalled_certificates"
BEAT_ENTRY_NAME = "author-certificates-requeue-stalled"


def beat_schedule(interval_seconds: float | None = None, queue: str | None = None) -> dict[str, Any]:
    """The Celery beat entry of the sweep, ``{name: entry}``, for a host's beat schedule
    (``CELERYBEAT_SCHEDULE`` in Open edX, ``CELERY_BEAT_SCHEDULE`` or ``app.conf.beat_schedule``
    elsewhere): every ``interval_seconds`` (AUTHOR_CERTIFICATES_REQUEUE_SWEEP_INTERVAL_SECONDS by
    default), on ``queue`` when given (the generation queue, served by the LMS workers).
    """
    interval = DEFAULTS["REQUEUE_SWEEP_INTERVAL_SECONDS"] if interval_seconds is None else interval_seconds
    entry: dict[str, Any] = {"task": REQUEUE_STALLED_TASK, "schedule": float(interval)}
    if queue:
        entry["options"] = {"queue": queue, "expires": float(interval)}
    return {BEAT_ENTRY_NAME: entry}


def merged_filters_config(existing: Any) -> dict[str, Any]:
    """A copy of the host's OPEN_EDX_FILTERS_CONFIG with our steps appended to each pipeline.

    The host's steps come first and keep their order; ``fail_silently`` and any extra keys the
    host set are kept; a filter the host did not configure gets our step with
    ``fail_silently: True`` (a broken plugin never breaks the platform). Idempotent.
    """
    config = copy.deepcopy(existing) if isinstance(existing, dict) else {}
    for filter_type, step in FILTER_STEPS.items():
        entry = config.get(filter_type)
        if isinstance(entry, dict):
            pipeline = entry.get("pipeline", [])
            pipeline = [pipeline] if isinstance(pipeline, str) else list(pipeline)
            entry["pipeline"] = pipeline + ([step] if step not in pipeline else [])
        elif isinstance(entry, (list, tuple)):
            # The list form means "fail_silently: True" to openedx-filters; the dict form keeps that.
            config[filter_type] = {"pipeline": list(entry) + ([step] if step not in entry else []),
                                   "fail_silently": True}
        elif isinstance(entry, str) and entry:
            config[filter_type] = {"pipeline": [entry] + ([step] if step != entry else []), "fail_silently": True}
        else:
            config[filter_type] = {"pipeline": [step], "fail_silently": True}
    return config


def plugin_settings(settings: Any) -> None:
    """Give every AUTHOR_CERTIFICATES_* setting its default unless the host already set it (the
    generation queue: the LMS's, from Studio too), add the sweep of stalled generations to the
    host's CELERYBEAT_SCHEDULE, and our filter steps to OPEN_EDX_FILTERS_CONFIG."""
    for name, default in DEFAULTS.items():
        if not hasattr(settings, PREFIX + name):
            setattr(settings, PREFIX + name, copy.deepcopy(default))
    if not getattr(settings, PREFIX + "CELERY_QUEUE", None):
        setattr(settings, PREFIX + "CELERY_QUEUE", OPEN_EDX_LMS_QUEUE)
    # Open edX configures Celery from Django settings without a namespace (edx-platform
    # openedx/core/lib/celery/__init__.py), so its beat schedule is CELERYBEAT_SCHEDULE. Hosts
    # that run no beat ignore it; they run `manage.py lms requeue_stalled_certificates` from cron.
    entry = beat_schedule(getattr(settings, PREFIX + "REQUEUE_SWEEP_INTERVAL_SECONDS"),
                          getattr(settings, PREFIX + "CELERY_QUEUE"))
    schedule = getattr(settings, "CELERYBEAT_SCHEDULE", None)
    schedule = dict(schedule) if isinstance(schedule, dict) else {}
    settings.CELERYBEAT_SCHEDULE = {**entry, **schedule}  # the host's own entry wins
    setattr(settings, FILTERS_SETTING, merged_filters_config(getattr(settings, FILTERS_SETTING, None)))
