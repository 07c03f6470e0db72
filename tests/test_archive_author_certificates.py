"""Retiring designs (issue 12 item 4): authors archive an author certificate and restore it.

Archived: hidden from every selector (side window, REST options, XBlock), its versions,
assignments and issued certificates untouched, and a training that has it keeps generating with
it. Archiving one in use names its trainings and needs a confirmation. Who and when is recorded.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from author_certificates import api
from author_certificates.exceptions import CertificateInUse, InvalidInput, UnknownCertificate
from author_certificates.models import AuthorCertificate, CertificateAssignment
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

LIST_URL = reverse("author_certificates:studio-list")
ARCHIVED_URL = reverse("author_certificates:studio-archived")


def archive_url(certificate):
    return reverse("author_certificates:studio-archive", kwargs={"uuid": certificate.uuid})


def restore_url(certificate):
    return reverse("author_certificates:studio-restore", kwargs={"uuid": certificate.uuid})


@pytest.fixture
def diploma(author_version):
    return author_version.certificate


@pytest.fixture
def in_use(course, diploma, author_version, author, now):
    """Computing 101 and Physics have the Diploma assigned; Chemistry had it, then a classic."""
    physics = api.register_training(key="course-v1:DemoX+PH101+2026", title="Physics", tenant="default", now=now)
    chemistry = api.register_training(key="course-v1:DemoX+CH101+2026", title="Chemistry", tenant="default", now=now)
    for training in (course, physics, chemistry):
        api.assign_certificate(training=training, version=author_version, assigned_by=author, now=now)
    from author_certificates.models import ClassicCertificate

    api.assign_certificate(training=chemistry, classic=ClassicCertificate.objects.get(builtin_language="en"),
                           assigned_by=author, now=now)
    return [course, physics]


# --- the API ------------------------------------------------------------------------------------

def test_archiving_an_unused_certificate_hides_it_and_records_who_and_when(diploma, author, now):
    archived = api.archive_author_certificate(certificate=diploma.uuid, tenant="default", archived_by=author, now=now)
    assert (archived.archived_at, archived.archived_by) == (now, author)
    assert list(api.list_author_certificates(tenant="default")) == []
    assert list(api.list_archived_author_certificates(tenant="default")) == [diploma]
    assert api.list_tenant_versions(tenant="default") == {}
    assert diploma.versions.count() == 1  # versions untouched


def test_archiving_one_in_use_names_its_trainings_and_changes_nothing_until_confirmed(
        in_use, diploma, author, now, django_assert_num_queries):
    with pytest.raises(CertificateInUse) as refused:
        api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now)
    assert [training.title for training in refused.value.trainings] == ["Computing 101", "Physics"]
    assert "Computing 101" in str(refused.value)
    assert AuthorCertificate.objects.get(pk=diploma.pk).archived_at is None
    with django_assert_num_queries(1):
        assert [training.title for training in api.trainings_using(certificate=diploma)] == ["Computing 101", "Physics"]

    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now,
                                   confirm_in_use=True)
    assert AuthorCertificate.objects.get(pk=diploma.pk).archived_at == now
    # The trainings keep their assignment; their side window no longer offers it.
    for training in in_use:
        assert api.get_current_assignment(training=training).version.certificate == diploma
        assert api.certificate_choices(training=training).author == []


def test_a_training_with_an_archived_certificate_keeps_generating_with_it(
        in_use, diploma, author, learner, now, certificate_files, django_capture_on_commit_callbacks):
    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now,
                                   confirm_in_use=True)
    api.record_completion(user=learner, training=in_use[0], completed_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=in_use[0])
    issued.refresh_from_db()
    assert issued.state == "generated" and issued.version.certificate == diploma
    assert certificate_files()


def test_restoring_brings_it_back_and_records_who_and_when(diploma, author, staff, now):
    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now)
    later = now + datetime.timedelta(days=1)
    restored = api.restore_author_certificate(certificate=diploma, tenant="default", restored_by=staff, now=later)
    assert (restored.archived_at, restored.restored_at, restored.restored_by) == (None, later, staff)
    assert list(api.list_author_certificates(tenant="default")) == [diploma]


def test_an_archived_certificate_cannot_be_assigned_until_restored(diploma, author_version, author, staff, course,
                                                                  now):
    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now)

    with pytest.raises(InvalidInput, match="is archived: restore it in the Author tool"):
        api.assign_certificate(training=course, version=author_version.uuid, assigned_by=staff, now=now)
    assert not CertificateAssignment.objects.filter(training=course).exists()

    api.restore_author_certificate(certificate=diploma, tenant="default", restored_by=author, now=now)
    assigned = api.assign_certificate(training=course, version=author_version.uuid, assigned_by=staff, now=now)
    assert assigned.version == author_version


def test_refusals_twice_not_archived_and_another_tenant(settings, diploma, author, now):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["studio.acme.test"]}}
    with pytest.raises(InvalidInput):
        api.restore_author_certificate(certificate=diploma, tenant="default", restored_by=author)
    with pytest.raises(UnknownCertificate):
        api.archive_author_certificate(certificate=diploma, tenant="acme", archived_by=author)
    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, now=now)
    with pytest.raises(InvalidInput):
        api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author)
    with pytest.raises(UnknownCertificate):
        api.restore_author_certificate(certificate=diploma, tenant="acme", restored_by=author)
    assert CertificateAssignment.objects.count() == 0


# --- the selectors ------------------------------------------------------------------------------

def test_archived_certificates_leave_the_side_window_and_the_rest_options(in_use, diploma, author, trainer, client):
    other = api.create_author_certificate(tenant="default", title="Other", html=SIMPLE_HTML, created_by=author)
    api.archive_author_certificate(certificate=diploma, tenant="default", archived_by=author, confirm_in_use=True)
    client.force_login(trainer)
    page = client.get(reverse("author_certificates:training-certificate",
                              kwargs={"training_key": in_use[0].key})).content.decode()
    assert f'class="ac-author" data-uuid="{other.certificate.uuid}"' in page
    assert f'data-uuid="{diploma.uuid}"' not in page
    assert "Diploma · version 1" in page  # still shown as what is assigned now
    rest = APIClient()
    rest.force_authenticate(trainer)
    body = rest.get(reverse("author_certificates:api_training_certificate",
                            kwargs={"training_key": in_use[0].key})).json()
    assert [item["title"] for item in body["author"]] == ["Other"]
    assert body["current"]["certificate"]["title"] == "Diploma"


# --- the Author tool ----------------------------------------------------------------------------

def test_the_author_tool_archives_asks_when_in_use_and_restores(client, in_use, diploma, staff):
    client.force_login(staff)
    assert archive_url(diploma) in client.get(LIST_URL).content.decode()
    asked = client.post(archive_url(diploma))
    assert asked.status_code == 409
    text = asked.content.decode()
    assert "Computing 101" in text and "Physics" in text and "Chemistry" not in text
    assert 'name="confirm" value="yes"' in text
    assert AuthorCertificate.objects.get(pk=diploma.pk).archived_at is None

    done = client.post(archive_url(diploma), {"confirm": "yes"}, follow=True)
    assert "has been archived" in done.content.decode()
    assert archive_url(diploma) not in client.get(LIST_URL).content.decode()
    archived_page = client.get(ARCHIVED_URL).content.decode()
    assert "Diploma" in archived_page and restore_url(diploma) in archived_page and "Staff Tester" in archived_page

    restored = client.post(restore_url(diploma), follow=True)
    assert "has been restored" in restored.content.decode()
    assert archive_url(diploma) in client.get(LIST_URL).content.decode()
    assert AuthorCertificate.objects.get(pk=diploma.pk).restored_by == staff


def test_only_authors_of_the_tenant_archive(client, diploma, trainer, settings):
    client.force_login(trainer)
    assert client.post(archive_url(diploma)).status_code == 403
    assert client.get(ARCHIVED_URL).status_code == 403
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["studio.acme.test"]}}
    trainer.is_staff = True
    trainer.save()
    assert client.post(archive_url(diploma), HTTP_HOST="studio.acme.test").status_code == 404
    assert client.get(archive_url(diploma)).status_code == 405
    assert AuthorCertificate.objects.get(pk=diploma.pk).archived_at is None


def test_the_confirmation_speaks_spanish(client, in_use, diploma, staff):
    client.force_login(staff)
    text = client.post(archive_url(diploma), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "¿Archivar Diploma?" in text and "estas 2 formaciones" in text and "Archivar de todos modos" in text
