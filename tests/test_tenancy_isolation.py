"""A second tenant sees nothing of the first: through the API functions, the pages and the REST API.

Tenant "acme" is mapped by its LMS and Studio domains and its org; everything else (the test
client's ``testserver``) is the default tenant. Each side holds a training, an author
certificate and a completion of the same learner, with titles that appear nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pytest

from author_certificates import api
from author_certificates.exceptions import UnknownCertificate, WrongTenant
from tests.conftest import FIXED_NOW, SIMPLE_HTML

pytestmark = pytest.mark.django_db

ACME_LMS, ACME_STUDIO = "lms.acme.test", "studio.acme.test"


@dataclass
class Side:
    training: object
    certificate: object
    version: object


@pytest.fixture
def tenants(settings, staff, learner):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": [ACME_LMS, ACME_STUDIO], "orgs": ["AcmeX"]}}
    sides = {}
    for tenant, key, title, diploma in [
        ("default", "course-v1:NorthX+N1+2026", "Northwind Onboarding", "Northwind Diploma"),
        ("acme", "course-v1:AcmeX+A1+2026", "Acme Onboarding", "Acme Diploma"),
    ]:
        training = api.register_training(key=key, title=title, now=FIXED_NOW)
        assert training.tenant == tenant
        version = api.create_author_certificate(tenant=tenant, title=diploma, html=SIMPLE_HTML, created_by=staff,
                                                now=FIXED_NOW)
        api.assign_certificate(training=training, version=version, assigned_by=staff, now=FIXED_NOW)
        api.record_completion(user=learner, training=training, completed_at=FIXED_NOW)
        sides[tenant] = Side(training=training, certificate=version.certificate, version=version)
    return sides


# --- the API functions ---


def test_author_certificate_lists_are_per_tenant(tenants):
    assert [c.title for c in api.list_author_certificates(tenant="acme")] == ["Acme Diploma"]
    assert [c.title for c in api.list_author_certificates(tenant="default")] == ["Northwind Diploma"]


def test_the_select_certificate_window_offers_only_the_trainings_tenant(tenants):
    choices = api.certificate_choices(training=tenants["acme"].training)

    assert [choice.certificate.title for choice in choices.author] == ["Acme Diploma"]


def test_another_tenants_objects_cannot_be_reached_or_assigned(tenants, staff):
    with pytest.raises(UnknownCertificate):
        api.get_author_certificate(certificate=tenants["default"].certificate.uuid, tenant="acme")
    with pytest.raises(WrongTenant):
        api.assign_certificate(training=tenants["acme"].training, version=tenants["default"].version,
                               assigned_by=staff, now=FIXED_NOW)
    with pytest.raises(WrongTenant):
        api.get_learning_record(user=None, training=tenants["default"].training.key, tenant="acme")


def test_learning_records_are_per_tenant(tenants, learner):
    records = api.list_learning_records(user=learner, tenant="acme")

    assert [record.completion.training.title for record in records] == ["Acme Onboarding"]


# --- the pages ---


def test_the_studio_list_page_shows_only_the_sites_tenant(tenants, client, staff):
    client.force_login(staff)

    acme = client.get("/author-certificates/studio/", HTTP_HOST=ACME_STUDIO)
    default = client.get("/author-certificates/studio/")

    assert acme.status_code == default.status_code == 200
    assert "Acme Diploma" in acme.text and "Northwind" not in acme.text
    assert "Northwind Diploma" in default.text and "Acme" not in default.text


def test_learning_records_page_shows_only_the_sites_tenant(tenants, client, learner):
    client.force_login(learner)

    page = client.get("/author-certificates/learning-records/", HTTP_HOST=ACME_LMS)

    assert page.status_code == 200
    assert "Acme Onboarding" in page.text and "Northwind" not in page.text


def test_a_training_page_of_another_tenant_is_not_found(tenants, client, staff):
    client.force_login(staff)
    key = quote(tenants["default"].training.key, safe=":+")

    other = client.get(f"/author-certificates/trainings/{key}/certificate/", HTTP_HOST=ACME_STUDIO)
    own = client.get(f"/author-certificates/trainings/{key}/certificate/")

    assert own.status_code == 200
    assert other.status_code == 404


# --- the REST API ---


def test_rest_author_certificates_are_per_tenant(tenants, client, staff):
    client.force_login(staff)

    body = client.get("/api/author-certificates/v1/author-certificates/", HTTP_HOST=ACME_STUDIO).json()

    assert [item["title"] for item in body["results"]] == ["Acme Diploma"]


def test_rest_versions_of_another_tenants_certificate_are_not_found(tenants, client, staff):
    client.force_login(staff)
    url = f"/api/author-certificates/v1/author-certificates/{tenants['default'].certificate.uuid}/versions/"

    assert client.get(url).status_code == 200
    assert client.get(url, HTTP_HOST=ACME_STUDIO).status_code == 404


def test_rest_records_are_per_tenant(tenants, client, learner):
    client.force_login(learner)

    body = client.get("/api/author-certificates/v1/records/", HTTP_HOST=ACME_LMS).json()

    assert body["count"] == 1
    assert "Acme Onboarding" in str(body["results"]) and "Northwind" not in str(body)


def test_rest_training_endpoints_of_another_tenant_are_not_found(tenants, client, staff, learner):
    key = quote(tenants["default"].training.key, safe=":+")
    client.force_login(staff)
    assert client.get(f"/api/author-certificates/v1/trainings/{key}/certificate/").status_code == 200
    assert client.get(f"/api/author-certificates/v1/trainings/{key}/certificate/",
                      HTTP_HOST=ACME_STUDIO).status_code == 404
    assert client.get(f"/api/author-certificates/v1/trainings/{key}/report/", HTTP_HOST=ACME_STUDIO).status_code == 404

    client.force_login(learner)
    assert client.get(f"/api/author-certificates/v1/records/{key}/certificate/",
                      HTTP_HOST=ACME_LMS).status_code == 404
    assert client.post(f"/api/author-certificates/v1/records/{key}/certificate/",
                       HTTP_HOST=ACME_LMS).status_code == 404
