"""Training keys compare case-sensitively on every database (run on SQLite, PostgreSQL and MariaDB).

Open edX course keys are case-sensitive: course-v1:DemoX+CS101+2026 and course-v1:demox+cs101+2026
are two courses. MariaDB's default collations ignore case, so without a binary collation the second
registration would find (and rename) the first training, and a lookup would return the wrong one.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from author_certificates import api
from author_certificates.exceptions import UnknownTraining
from author_certificates.models import Training

UPPER = "course-v1:DemoX+CS101+2026"
LOWER = "course-v1:demox+cs101+2026"


@pytest.mark.django_db
def test_keys_differing_only_in_case_are_two_trainings(now):
    upper = api.register_training(key=UPPER, title="Upper", tenant="default", now=now)
    lower = api.register_training(key=LOWER, title="Lower", tenant="default", now=now)

    assert upper.pk != lower.pk
    assert {t.key: t.title for t in Training.objects.order_by("pk")} == {UPPER: "Upper", LOWER: "Lower"}


@pytest.mark.django_db
def test_lookups_by_key_are_exact(now):
    api.register_training(key=UPPER, title="Upper", tenant="default", now=now)

    assert api.get_training(UPPER).title == "Upper"
    with pytest.raises(UnknownTraining):
        api.get_training(LOWER)
    assert not Training.objects.filter(key=LOWER).exists()
    assert not Training.objects.filter(key="COURSE-V1:DEMOX+CS101+2026").exists()


@pytest.mark.django_db
def test_the_exact_same_key_is_still_unique(now):
    api.register_training(key=UPPER, title="Upper", tenant="default", now=now)

    with pytest.raises(IntegrityError), transaction.atomic():
        Training.objects.create(
            key=UPPER, kind="course", org="DemoX", title="Again", tenant="default", created_at=now, updated_at=now
        )
