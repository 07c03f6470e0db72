"""Builders of progress-report data for the report's tests: many learners in a few statements."""

from __future__ import annotations

import datetime
import hashlib

from django.contrib.auth import get_user_model

from author_certificates.models import Completion, IssuedCertificate


def add_learners(training, *, count: int, start: int = 0, completed_at: datetime.datetime,
                 step: datetime.timedelta = datetime.timedelta(minutes=1), prefix: str = "learner") -> list:
    """``count`` learners who completed ``training``, one ``step`` apart, created in bulk."""
    users = get_user_model().objects.bulk_create([
        get_user_model()(username=f"{prefix}{number:05}", first_name=f"First{number:05}", last_name="Learner")
        for number in range(start, start + count)
    ])
    if not users or users[0].pk is None:  # backends that do not return ids from bulk_create
        users = list(get_user_model().objects.filter(username__startswith=prefix).order_by("username"))[-count:]
    Completion.objects.bulk_create([
        Completion(user=user, training=training, completed_at=completed_at + step * index, source="test")
        for index, user in enumerate(users)
    ])
    return users


def issue(user, training, classic, *, state: str, requested_at: datetime.datetime,
          generated_at: datetime.datetime | None = None, learner_name: str = "") -> IssuedCertificate:
    """An issued certificate row in ``state`` (no PDF is rendered; the file name is a placeholder)."""
    generated = state == "generated"
    return IssuedCertificate.objects.create(
        user=user, training=training, classic=classic, state=state, requested_at=requested_at,
        generated_at=generated_at if generated else None, learner_name=learner_name,
        file=f"missing/{user.username}.pdf" if generated else "",
        sha256=hashlib.sha256(user.username.encode()).hexdigest() if generated else "",
    )
