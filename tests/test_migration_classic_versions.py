"""Migration 0007 (docs/decisions/0121): every tenant classic gets version 1 from its design as it
is, the certificates already issued from it are pinned to it, and built-in classics get none."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

APP = "author_certificates"
BEFORE = (APP, "0004_issued_certificate_user_cascade")
AFTER = (APP, "0007_invalidation_and_classic_versions")
MOMENT = datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC)


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


def test_existing_tenant_classics_get_version_1_and_their_certificates_are_pinned():
    old = _migrate(BEFORE)
    try:
        Classic = old.get_model(APP, "ClassicCertificate")
        Training = old.get_model(APP, "Training")
        Issued = old.get_model(APP, "IssuedCertificate")
        own = Classic.objects.create(tenant="default", name="Ours", html="<p>{{ learner_full_name }}</p>",
                                     css="p { color: navy; }")
        builtin, _created = Classic.objects.get_or_create(tenant="", name="Classic (English)",
                                                          defaults={"builtin_language": "en"})
        training = Training.objects.create(kind="course", key="course-v1:DemoX+MIG+2026", title="Migrated",
                                           tenant="default", created_at=MOMENT, updated_at=MOMENT)
        user = old.get_model("auth", "User").objects.create(username="migrated")
        issued = Issued.objects.create(user_id=user.pk, training=training, classic=own, requested_at=MOMENT)

        new = _migrate(AFTER)

        Version = new.get_model(APP, "ClassicCertificateVersion")
        [version] = Version.objects.filter(classic_id=own.pk)
        assert (version.number, version.name, version.html, version.css) == (
            1, "Ours", "<p>{{ learner_full_name }}</p>", "p { color: navy; }")
        assert new.get_model(APP, "ClassicCertificate").objects.get(pk=own.pk).latest_version_number == 1
        assert new.get_model(APP, "IssuedCertificate").objects.get(pk=issued.pk).classic_version_id == version.pk
        assert not Version.objects.filter(classic_id=builtin.pk).exists()
    finally:
        _migrate(max(MigrationExecutor(connection).loader.graph.leaf_nodes(APP)))
