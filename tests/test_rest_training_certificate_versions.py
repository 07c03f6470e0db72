"""GET trainings/<key>/certificate/ lists every version of each author certificate, newest first,
with number, edit date and editor (R6), for everyone who sees the selector: the MFE selector's
trainers and inspectors cannot call the authors' versions endpoint."""

import datetime

import pytest
from rest_framework.test import APIClient

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["trainer", "inspector"])
def test_each_author_certificate_comes_with_its_versions_newest_first(request, who, course, author_version, staff, now):
    later = now + datetime.timedelta(days=2)
    second = api.save_new_version(certificate=author_version.certificate, edited_by=staff,
                                  html=SIMPLE_HTML + "<p>2</p>", now=later)
    client = APIClient()
    client.force_authenticate(request.getfixturevalue(who))
    body = client.get(f"/api/author-certificates/v1/trainings/{course.key}/certificate/").json()
    versions = body["author"][0]["versions"]
    assert [(v["number"], v["uuid"], v["created_at"], v["created_by"]["username"]) for v in versions] == [
        (2, str(second.uuid), later.isoformat(), "staff"),
        (1, str(author_version.uuid), now.isoformat(), "author"),
    ]
    # The authors' own endpoint stays closed to them.
    assert client.get(f"/api/author-certificates/v1/author-certificates/{author_version.certificate.uuid}/versions/"
                      ).status_code == 403


def test_without_author_certificates_there_is_no_version_list(course, staff):
    client = APIClient()
    client.force_authenticate(staff)
    body = client.get(f"/api/author-certificates/v1/trainings/{course.key}/certificate/").json()
    assert body["author"] == [] and body["offers_author_certificates"] is False
