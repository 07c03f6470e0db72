"""Bad input gets a specific exception whose message says what was wrong."""

import pytest

from author_certificates import api
from author_certificates.exceptions import (
    InactiveUser,
    InvalidInput,
    MalformedTrainingKey,
    UnknownTraining,
    WrongTenant,
)
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_unknown_training_is_named(learner):
    with pytest.raises(UnknownTraining, match="course-v1:NoX\\+None\\+2026"):
        api.record_completion(user=learner, training="course-v1:NoX+None+2026")


@pytest.mark.parametrize("key", ["", "course-v1:bad", "pathway-v1:Org", "program:Org+x", "not a key"])
def test_malformed_training_key_shows_the_expected_form(key):
    with pytest.raises(MalformedTrainingKey, match="expected course-v1:Org\\+Number\\+Run"):
        api.register_training(key=key, title="T")


def test_pathway_and_program_keys_have_their_kind():
    assert api.register_training(key="pathway-v1:DemoX+data", title="Data path", tenant="default").kind == "pathway"
    assert api.register_training(key="program-v1:DemoX+mba", title="MBA", tenant="default").kind == "program"


@pytest.mark.parametrize("title", ["", "   ", None])
def test_empty_titles_are_refused(title, author):
    with pytest.raises(InvalidInput, match="title must not be empty"):
        api.create_author_certificate(tenant="default", title=title, html=SIMPLE_HTML, created_by=author)
    with pytest.raises(InvalidInput, match="title must not be empty"):
        api.register_training(key="course-v1:A+B+C", title=title)


def test_a_version_of_another_tenants_certificate_cannot_be_assigned(course, make_user, staff, now):
    foreign = api.create_author_certificate(
        tenant="other", title="F", html=SIMPLE_HTML, created_by=make_user("f"), now=now
    )
    with pytest.raises(WrongTenant, match="another tenant"):
        api.assign_certificate(training=course, version=foreign, assigned_by=staff)


def test_a_version_uuid_of_another_tenant_is_refused_when_scoped(make_user, now):
    foreign = api.create_author_certificate(
        tenant="other", title="F", html=SIMPLE_HTML, created_by=make_user("f"), now=now
    )
    with pytest.raises(WrongTenant):
        api.get_version(version=str(foreign.uuid), tenant="default")


def test_completion_for_an_inactive_user_is_refused(course, make_user):
    sleeper = make_user("sleeper", is_active=False)
    with pytest.raises(InactiveUser, match="sleeper"):
        api.record_completion(user=sleeper, training=course)


def test_naive_datetimes_are_refused(course, learner):
    import datetime

    with pytest.raises(InvalidInput, match="timezone-aware"):
        api.record_completion(user=learner, training=course, completed_at=datetime.datetime(2026, 1, 1))
