"""Which tenant a request, an organisation or a training belongs to."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from author_certificates import api, tenancy
from tests.conftest import FIXED_NOW

ACME = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"], "orgs": ["AcmeX"]}}


def _request(host: str):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_out_of_the_box_everything_is_the_default_tenant():
    assert tenancy.resolve_tenant(request=_request("lms.anything.test")) == "default"
    assert tenancy.tenant_for_org("AnyX") == "default"


def test_the_default_tenant_key_is_a_setting(settings):
    settings.AUTHOR_CERTIFICATES_DEFAULT_TENANT = "main"

    assert tenancy.resolve_tenant(request=_request("lms.anything.test")) == "main"


@pytest.mark.parametrize("host", ["lms.acme.test", "studio.acme.test", "LMS.Acme.Test:8000"])
def test_a_customers_lms_and_studio_domains_map_to_one_tenant(settings, host):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME

    assert tenancy.resolve_tenant(request=_request(host)) == "acme"


def test_unmapped_domains_and_orgs_belong_to_the_default_tenant(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME

    assert tenancy.resolve_tenant(request=_request("lms.globex.test")) == "default"
    assert tenancy.tenant_for_org("GlobexX") == "default"
    assert tenancy.tenant_for_org("acmex") == "acme"  # org codes compare case-insensitively


def _resolver(*, request=None, org=None):
    if org == "Eox":
        return "eox-tenant"
    if request is not None and request.get_host() == "eox.test":
        return "eox-tenant"
    return None


def test_a_resolver_function_decides_first_and_none_falls_through_to_the_mapping(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME
    settings.AUTHOR_CERTIFICATES_TENANT_RESOLVER = "tests.test_tenancy_resolution._resolver"

    assert tenancy.resolve_tenant(request=_request("eox.test")) == "eox-tenant"
    assert tenancy.tenant_for_org("Eox") == "eox-tenant"
    assert tenancy.resolve_tenant(request=_request("studio.acme.test")) == "acme"


@pytest.mark.django_db
def test_a_new_training_takes_the_tenant_of_its_org_and_events_use_the_stored_tenant(settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = ACME
    training = api.register_training(key="course-v1:AcmeX+A1+2026", title="Acme 1", now=FIXED_NOW)

    settings.AUTHOR_CERTIFICATES_TENANTS = {}  # the mapping changes later: the training keeps its tenant

    assert training.tenant == "acme"
    assert api.get_training("course-v1:AcmeX+A1+2026").tenant == "acme"
