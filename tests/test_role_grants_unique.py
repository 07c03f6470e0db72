"""The plugin's role grants are unique per user, role and scope (a training, or the whole tenant), in
the database itself, on every backend (MariaDB cannot create conditional unique constraints)."""

import pytest
from django.db import IntegrityError, transaction

from author_certificates import api
from author_certificates.models import RoleAssignment

pytestmark = pytest.mark.django_db


def test_granting_twice_keeps_one_grant(course, make_user, now):
    inspector = make_user("inspector")
    first = api.grant_role(user=inspector, role="inspector", tenant="default", now=now)
    again = api.grant_role(user=inspector, role="inspector", tenant="default", now=now)
    on_training = api.grant_role(user=inspector, role="inspector", training=course, now=now)
    assert first.pk == again.pk and first.scope == ""
    assert on_training.pk != first.pk and on_training.scope == str(course.pk)


def test_the_database_refuses_a_second_tenant_wide_grant(make_user, now):
    trainer = make_user("trainer")
    RoleAssignment.objects.create(user=trainer, role="trainer", tenant="default", granted_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=trainer, role="trainer", tenant="default", granted_at=now)


def test_the_database_refuses_a_second_grant_on_one_training(course, make_user, now):
    trainer = make_user("trainer")
    RoleAssignment.objects.create(user=trainer, role="trainer", tenant="default", training=course, granted_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=trainer, role="trainer", tenant="default", training=course, granted_at=now)
