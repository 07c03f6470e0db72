"""Change the Celery app's configuration for one test and put back exactly what was there."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def celery_settings(app: Any, **overrides: Any) -> Iterator[None]:
    """Set ``overrides`` (lowercase Celery names) on ``app.conf`` for the block, then restore them.

    The host's app reads Django settings with the ``CELERY`` namespace, as Open edX does. Celery
    5.5 (Ulmo's pin) answers ``conf.task_always_eager`` from ``CELERY_TASK_ALWAYS_EAGER`` when that
    key exists, later versions from the plain key: both are set, and both are restored to the
    values they had before (not to a default).
    """
    keys = {}
    for name, value in overrides.items():
        keys[name] = value
        keys[f"CELERY_{name.upper()}"] = value
    saved = {key: app.conf[key] for key in keys if key in app.conf}
    app.conf.update(keys)
    try:
        yield
    finally:
        app.conf.update(saved)
        for key in keys.keys() - saved.keys():
            # Absent before: give it the plain name's restored value, which is what lookups fell back to.
            app.conf[key] = app.conf[key.removeprefix("CELERY_").lower()]
