"""R3: "Author certificates" lists every author certificate of the tenant with title, creator and the
selected version; never another tenant's."""

import pytest

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r3_lists_every_certificate_of_the_tenant_whoever_created_it(
    course, make_user, staff, now, django_assert_num_queries
):
    alice, bob, eve = make_user("alice"), make_user("bob"), make_user("eve")
    a = api.create_author_certificate(tenant="default", title="Alpha", html=SIMPLE_HTML, created_by=alice, now=now)
    b = api.create_author_certificate(tenant="default", title="Beta", html=SIMPLE_HTML, created_by=bob, now=now)
    api.create_author_certificate(tenant="other", title="Foreign", html=SIMPLE_HTML, created_by=eve, now=now)
    b2 = api.save_new_version(certificate=b.certificate, html=SIMPLE_HTML + "<p>2</p>", edited_by=alice, now=now)
    api.save_new_version(certificate=b.certificate, html=SIMPLE_HTML + "<p>3</p>", edited_by=alice, now=now)
    api.assign_certificate(training=course, version=b2, assigned_by=staff, now=now)

    with django_assert_num_queries(4):  # training's current assignment, certificates+creators, classics
        choices = api.certificate_choices(training=course.key)
        rows = [
            (
                c.certificate.title,
                c.certificate.created_by.username,
                c.latest_version,
                c.selected_version.number if c.selected_version else None,
            )
            for c in choices.author
        ]
    assert rows == [("Alpha", "alice", 1, None), ("Beta", "bob", 3, 2)]
    assert a.certificate.tenant == "default"


def test_r3_never_lists_another_tenants_certificates(make_user, now):
    api.create_author_certificate(tenant="other", title="Foreign", html=SIMPLE_HTML, created_by=make_user("x"), now=now)
    assert list(api.list_author_certificates(tenant="default")) == []
    assert [c.title for c in api.list_author_certificates(tenant="other")] == ["Foreign"]
