"""R4: without author certificates in the tenant, "Select certificate" offers the classic ones directly."""

import pytest

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r4_no_author_certificates_means_no_classic_author_choice(course, make_user, now):
    api.create_author_certificate(
        tenant="other", title="Elsewhere", html=SIMPLE_HTML, created_by=make_user("o"), now=now
    )
    choices = api.certificate_choices(training=course)
    assert choices.offers_author_certificates is False
    assert len(choices.classic) >= 5


def test_r4_one_author_certificate_offers_the_choice(course, author_version):
    assert api.certificate_choices(training=course).offers_author_certificates is True
