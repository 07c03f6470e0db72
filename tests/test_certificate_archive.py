"""The ZIP export of a training's generated certificates: streamed while it is written, every
generated PDF byte for byte, a manifest (formula-safe, missing files listed), recorded (who, when,
how many), for admins, trainers and inspectors only."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from author_certificates import api
from author_certificates.generation import generate_certificate
from author_certificates.models import ArchiveExport, IssuedCertificate
from author_certificates.storage import certificate_storage, read_pdf

pytestmark = pytest.mark.django_db

GENERATED_AT = datetime.datetime(2026, 3, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def generated(course, classic_en, staff, make_user, now):
    """Three learners with generated certificates (one named like a formula), one still generating."""
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    learners = [make_user("ada", first_name="Ada", last_name="Lovelace"),
                make_user("grace", first_name="Grace", last_name="Hopper"),
                make_user("mallory", first_name="=HYPERLINK(\"http://evil\")", last_name="x"),
                make_user("pending")]
    rows = []
    for user in learners:
        api.record_completion(user=user, training=course, completed_at=now)
        issued = api.request_certificate(user=user, training=course, now=now)
        if user.username != "pending":
            rows.append(generate_certificate(issued_certificate_id=issued.pk, now=GENERATED_AT))
    return rows


def archive_url(course, name="certificate-archive"):
    return reverse(f"author_certificates:{name}", kwargs={"training_key": course.key})


def unzip(response) -> tuple[zipfile.ZipFile, int]:
    pieces = list(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(b"".join(pieces))), len(pieces)


def test_zip_holds_every_generated_pdf_and_a_manifest(client, course, staff, generated):
    client.force_login(staff)
    response = client.get(archive_url(course))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="certificates-course-v1_DemoX_CS101_2026.zip"'
    archive, pieces = unzip(response)
    assert pieces > len(generated)  # handed over while it was written
    assert archive.testzip() is None
    by_uuid = {str(row.uuid): row for row in generated}
    names = archive.namelist()
    assert names[-1] == "manifest.csv" and len(names) == 4
    for row in generated:
        entry = f"certificates/{row.user.username}-{row.uuid}.pdf"
        assert archive.read(entry) == read_pdf(row.file)
        assert archive.read(entry).startswith(b"%PDF")
    manifest = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode())))
    assert [line["certificate_uuid"] for line in manifest] == [str(row.uuid) for row in generated]
    for line in manifest:
        row = by_uuid[line["certificate_uuid"]]
        assert line["file"] == f"certificates/{row.user.username}-{row.uuid}.pdf" and line["status"] == "ok"
        assert line["sha256"] == row.sha256 == hashlib.sha256(archive.read(line["file"])).hexdigest()
        assert line["generated_at"] == GENERATED_AT.isoformat()
    assert manifest[0]["learner_name"] == "Ada Lovelace"
    assert manifest[2]["learner_name"].startswith("'=HYPERLINK")  # neutralised for spreadsheets


def test_each_export_is_recorded(client, course, inspector, generated):
    client.force_login(inspector)
    b"".join(client.get(archive_url(course)).streaming_content)
    record = ArchiveExport.objects.get()
    assert (record.training, record.exported_by, record.certificates) == (course, inspector, 3)
    assert record.exported_at is not None


def test_a_missing_file_is_listed_not_fatal(client, course, staff, generated):
    certificate_storage().delete(generated[1].file)
    client.force_login(staff)
    archive, _pieces = unzip(client.get(archive_url(course)))
    manifest = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode())))
    assert [line["status"] for line in manifest] == ["ok", "missing", "ok"] and manifest[1]["file"] == ""
    assert len(archive.namelist()) == 3


def test_trainers_and_inspectors_export_others_do_not(client, course, trainer, inspector, learner, make_user,
                                                      generated):
    for user in (trainer, inspector):
        client.force_login(user)
        assert client.get(archive_url(course)).status_code == 200
        assert client.get(archive_url(course, "api_certificate_archive")).status_code == 200
    for user in (learner, make_user("stranger")):
        client.force_login(user)
        assert client.get(archive_url(course)).status_code == 404
        assert client.get(archive_url(course, "api_certificate_archive")).status_code == 404
    assert ArchiveExport.objects.count() == 4


def test_rest_archive_is_the_same_zip(client, course, staff, generated):
    client.force_login(staff)
    archive, _pieces = unzip(client.get(archive_url(course, "api_certificate_archive")))
    assert sorted(archive.namelist()) == sorted(
        [f"certificates/{row.user.username}-{row.uuid}.pdf" for row in generated] + ["manifest.csv"])
    assert IssuedCertificate.objects.filter(state="generating").count() == 1  # not in the archive
