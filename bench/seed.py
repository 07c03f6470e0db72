"""What the bench generates for: trainings with the bench design assigned, learners who completed them.

Everything is made through the public API except the learners and their completions, which
are inserted in bulk (the API records one completion at a time, with its own checks; a bench
needs thousands).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from . import certificate

TENANT = "default"


def staff_user():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-staff", defaults={"is_staff": True, "is_superuser": True, "first_name": "Grace",
                                          "last_name": "Hopper"})
    return user


def training_with_design(key: str, *, title: str = certificate.TRAINING_TITLE, variant: int = 0, version=None):
    """Register ``key`` and assign it the bench design (a new author certificate of background
    ``variant``, or ``version`` when given); return (training, version)."""
    from author_certificates import api

    staff = staff_user()
    moment = certificate.COMPLETED_ON
    training = api.register_training(key=key, title=title, tenant=TENANT, now=moment)
    if version is None:
        version = api.create_author_certificate(
            tenant=TENANT, title=f"Bench certificate {variant}", html=certificate.HTML, css=certificate.CSS,
            assets=certificate.design_assets(variant), created_by=staff, now=moment)
    api.assign_certificate(training=training, version=version, assigned_by=staff, now=moment)
    return training, version


def bulk_learners(prefix: str, count: int) -> list:
    """``count`` new active users named ``prefix-00000``..., with an unusable password (hashing
    a real one thousands of times would take minutes)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    unusable = make_password(None)
    user_model = get_user_model()
    names = (certificate.learner_name(index) for index in range(count))
    return user_model.objects.bulk_create(
        (user_model(username=f"{prefix}-{index:06d}", first_name=first, last_name=last, password=unusable)
         for index, (first, last) in enumerate(names)), batch_size=5000)


def bulk_completions(users, trainings) -> None:
    """Each user completed each training (at the bench's fixed date)."""
    from author_certificates.models import Completion

    Completion.objects.bulk_create(
        (Completion(user=user, training=training, completed_at=certificate.COMPLETED_ON, source="bench")
         for training in trainings for user in users), batch_size=5000)


@dataclass
class LearnerPool:
    """Learners who completed ``training`` and have not asked for its certificate yet."""

    training: object
    learners: Iterator

    @classmethod
    def create(cls, training, prefix: str, count: int) -> LearnerPool:
        users = bulk_learners(prefix, count)
        bulk_completions(users, [training])
        return cls(training, iter(users))

    def take(self, count: int) -> list:
        taken = list(itertools.islice(self.learners, count))
        if len(taken) < count:
            raise RuntimeError(f"the learner pool of {self.training.key} is used up")
        return taken

    def requests(self, count: int) -> list[tuple]:
        return [(user, self.training) for user in self.take(count)]
