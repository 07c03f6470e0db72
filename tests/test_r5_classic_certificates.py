"""R5: classic certificates are the platform defaults (en, es, fr, de, pt at least) plus the tenant's own."""

import pytest

from author_certificates import api
from author_certificates.exceptions import WrongTenant
from author_certificates.models import ClassicCertificate

pytestmark = pytest.mark.django_db


def test_r5_platform_defaults_in_five_languages():
    languages = {c.builtin_language for c in api.list_classic_certificates(tenant="default")}
    assert {"en", "es", "fr", "de", "pt"} <= languages


def test_r5_tenant_only_classics_are_shown_to_that_tenant_only(course, staff):
    ours = ClassicCertificate.objects.create(tenant="default", name="Acme gold", html="<p>{{ learner_full_name }}</p>")
    theirs = ClassicCertificate.objects.create(tenant="other", name="Other gold", html="<p>x</p>")
    listed = list(api.list_classic_certificates(tenant="default"))
    assert ours in listed and theirs not in listed
    assert listed[0] == ours, "the tenant's own classics come first"
    with pytest.raises(WrongTenant):
        api.assign_certificate(training=course, classic=theirs, assigned_by=staff)
