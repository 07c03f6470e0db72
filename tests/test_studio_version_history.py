"""Version history in the Author tool: number, edit date and editor, newest first (R6), each with a preview."""

import datetime

import pytest
from django.urls import reverse

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def history_url(certificate):
    return reverse("author_certificates:studio-history", kwargs={"uuid": certificate.uuid})


def preview_url(version):
    return reverse("author_certificates:studio-version-preview", kwargs={"uuid": version.uuid})


def test_history_lists_number_edit_date_and_editor_newest_first(client, author, staff, author_version, now):
    later = now + datetime.timedelta(days=3)
    v2 = api.save_new_version(certificate=author_version.certificate, edited_by=staff, html=SIMPLE_HTML + "<p>2</p>",
                              now=later)
    client.force_login(author)
    body = client.get(history_url(author_version.certificate)).content.decode()
    rows = body.split('class="ac-version"')[1:]
    assert len(rows) == 2
    assert '<td data-label="Version">2</td>' in rows[0] and "March 17, 2026" in rows[0] and "Staff Tester" in rows[0]
    assert '<td data-label="Version">1</td>' in rows[1] and "March 14, 2026" in rows[1] and "Author Tester" in rows[1]
    assert preview_url(v2) in rows[0] and preview_url(author_version) in rows[1]


def test_each_version_previews_as_its_own_pdf(client, author, author_version):
    client.force_login(author)
    response = client.get(preview_url(author_version))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_another_tenants_history_and_previews_are_404(client, settings, author, staff, now):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}
    acme = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author, now=now)
    client.force_login(staff)
    assert client.get(history_url(acme.certificate)).status_code == 404
    assert client.get(preview_url(acme)).status_code == 404
    assert client.get(preview_url(acme), HTTP_HOST="studio.acme.test").status_code == 200


def test_learners_cannot_see_the_history(client, learner, author_version):
    client.force_login(learner)
    assert client.get(history_url(author_version.certificate)).status_code == 403
    assert client.get(preview_url(author_version)).status_code == 403
