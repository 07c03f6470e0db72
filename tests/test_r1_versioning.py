"""R1: every save of a design creates version N+1 with its date and editor; versions never change."""

import datetime
import threading

import pytest
from django.db import connection

from author_certificates import api
from author_certificates.models import AuthorCertificateVersion
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r1_each_save_creates_the_next_version_with_date_and_editor(author_version, make_user, now):
    editor = make_user("editor")
    later = now + datetime.timedelta(days=1)
    v2 = api.save_new_version(
        certificate=author_version.certificate, html=SIMPLE_HTML + "<p>v2</p>", edited_by=editor, now=later
    )
    v3 = api.save_new_version(
        certificate=author_version.certificate.uuid,
        css="h1 { color: red; }",
        edited_by=author_version.created_by,
        now=later + datetime.timedelta(hours=1),
    )
    assert [author_version.number, v2.number, v3.number] == [1, 2, 3]
    assert v2.created_by == editor and v2.created_at == later
    assert v3.html == v2.html, "fields left out keep the previous version's value"
    assert v3.css == "h1 { color: red; }"
    author_version.certificate.refresh_from_db()
    assert author_version.certificate.latest_version_number == 3


def test_r1_a_version_cannot_be_changed_or_deleted(author_version):
    author_version.html = "<p>changed</p>"
    with pytest.raises(TypeError, match="immutable"):
        author_version.save()
    with pytest.raises(TypeError, match="immutable"):
        author_version.delete()
    with pytest.raises(TypeError, match="immutable"):
        AuthorCertificateVersion.objects.filter(pk=author_version.pk).update(html="x")
    with pytest.raises(TypeError, match="immutable"):
        AuthorCertificateVersion.objects.filter(pk=author_version.pk).delete()
    assert AuthorCertificateVersion.objects.get(pk=author_version.pk).html != "<p>changed</p>"


def test_r1_the_database_refuses_two_versions_with_one_number(author_version):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AuthorCertificateVersion.objects.create(
            certificate=author_version.certificate,
            number=1,
            title="dup",
            html="<p>x</p>",
            created_at=author_version.created_at,
        )


def test_r1_a_broken_design_is_never_saved_as_a_version(author_version, author):
    from author_certificates.exceptions import InvalidDesign

    with pytest.raises(InvalidDesign) as error:
        api.save_new_version(
            certificate=author_version.certificate, html="<p>{{ learner_full_name </p>", edited_by=author
        )
    assert "line 1" in str(error.value)
    assert author_version.certificate.versions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_r1_concurrent_saves_get_distinct_numbers(author, now):
    version = api.create_author_certificate(
        tenant="default", title="Race", html=SIMPLE_HTML, created_by=author, now=now
    )
    errors: list[BaseException] = []

    def save(index: int) -> None:
        try:
            api.save_new_version(
                certificate=version.certificate, html=SIMPLE_HTML + f"<p>{index}</p>", edited_by=author, now=now
            )
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(index,)) for index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # SQLite may refuse a writer outright ("database table is locked"); servers must queue them.
    unexpected = [e for e in errors if not (connection.vendor == "sqlite" and "locked" in str(e))]
    assert unexpected == []
    numbers = sorted(version.certificate.versions.values_list("number", flat=True))
    assert numbers == list(range(1, 2 + 4 - len(errors))), "numbers are contiguous and never shared"
    assert len(numbers) >= 2
