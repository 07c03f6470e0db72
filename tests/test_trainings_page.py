"""The Trainings page (api.list_staff_trainings and /author-certificates/trainings/): the tenant's
trainings the user may manage or inspect, searchable, keyset-paginated, in a constant number of
queries; and where /login/ sends each user."""

from __future__ import annotations

import pytest
from common.djangoapps.student import roles as host_roles
from common.djangoapps.student.models import CourseAccessRole
from opaque_keys.edx.keys import CourseKey

from author_certificates import api
from author_certificates.exceptions import InvalidInput
from author_certificates.models import Training

pytestmark = pytest.mark.django_db

PAGE = "/author-certificates/trainings/"


def _trainings(count: int, now, *, tenant="default", org="DemoX") -> list[Training]:
    rows = [Training(key=f"course-v1:{org}+C{index:04d}+2026", kind="course", org=org, title=f"Course {index:04d}",
                     tenant=tenant, created_at=now, updated_at=now) for index in range(count)]
    return Training.objects.bulk_create(rows)


def _keys(page) -> list[str]:
    return [row.training.key for row in page.rows]


def test_global_staff_see_every_training_of_their_tenant_only(staff, now):
    _trainings(3, now)
    _trainings(2, now, tenant="acme", org="AcmeX")
    page = api.list_staff_trainings(user=staff, tenant="default")
    assert len(page.rows) == 3 and {row.training.tenant for row in page.rows} == {"default"}


def test_trainers_and_inspectors_see_the_trainings_they_hold_a_role_on(make_user, now):
    first, second, third = _trainings(3, now)
    trainer, inspector, learner = make_user("trainer"), make_user("inspector"), make_user("learner")
    api.grant_role(user=trainer, role="trainer", training=second)
    api.grant_role(user=inspector, role="inspector", tenant="default")
    assert _keys(api.list_staff_trainings(user=trainer, tenant="default")) == [second.key]
    assert len(api.list_staff_trainings(user=inspector, tenant="default").rows) == 3
    assert api.list_staff_trainings(user=learner, tenant="default").rows == []
    assert api.may_manage_trainings(user=trainer, tenant="default")
    assert not api.may_manage_trainings(user=learner, tenant="default")
    assert api.list_staff_trainings(user=trainer, tenant="acme").rows == []


def test_host_course_and_org_roles_count(make_user, now):
    first, second = _trainings(2, now)
    (other,) = _trainings(1, now, org="OtherX")
    course_staff, org_researcher, authz = make_user("course_staff"), make_user("researcher"), make_user("authz")
    CourseAccessRole.objects.create(user=course_staff, role="limited_staff", org="DemoX",
                                    course_id=CourseKey.from_string(first.key))
    CourseAccessRole.objects.create(user=org_researcher, role="data_researcher", org="OtherX")
    host_roles.AUTHZ_COURSE_ASSIGNMENTS.add(("authz", "instructor", second.key))
    try:
        assert _keys(api.list_staff_trainings(user=course_staff, tenant="default")) == [first.key]
        assert _keys(api.list_staff_trainings(user=org_researcher, tenant="default")) == [other.key]
        assert _keys(api.list_staff_trainings(user=authz, tenant="default")) == [second.key]
    finally:
        host_roles.AUTHZ_COURSE_ASSIGNMENTS.clear()


def test_search_by_title_or_key_every_word_must_match(staff, now):
    _trainings(12, now)
    assert _keys(api.list_staff_trainings(user=staff, tenant="default", search="course 0011")) == [
        "course-v1:DemoX+C0011+2026"]
    assert _keys(api.list_staff_trainings(user=staff, tenant="default", search="C0003+2026")) == [
        "course-v1:DemoX+C0003+2026"]
    assert api.list_staff_trainings(user=staff, tenant="default", search="course nowhere").rows == []


def test_pages_follow_each_other_by_cursor_and_show_the_current_certificate(staff, classic_en, now):
    trainings = _trainings(5, now)
    api.assign_certificate(training=trainings[1], classic=classic_en, assigned_by=staff, now=now)
    first = api.list_staff_trainings(user=staff, tenant="default", page_size=2)
    second = api.list_staff_trainings(user=staff, tenant="default", page_size=2, cursor=first.next_cursor)
    third = api.list_staff_trainings(user=staff, tenant="default", page_size=2, cursor=second.next_cursor)
    assert _keys(first) + _keys(second) + _keys(third) == [training.key for training in trainings]
    assert third.next_cursor == ""
    assert first.rows[1].current.classic == classic_en and first.rows[0].current is None
    with pytest.raises(InvalidInput, match="cursor"):
        api.list_staff_trainings(user=staff, tenant="default", cursor="not-a-cursor")
    with pytest.raises(InvalidInput, match="page_size"):
        api.list_staff_trainings(user=staff, tenant="default", page_size=0)


def test_the_page_answers_a_bad_cursor_with_400(client, staff, now):
    client.force_login(staff)
    answer = client.get(PAGE, {"cursor": "%%%"})
    assert answer.status_code == 400 and "cursor" in answer.content.decode()


def test_the_page_lists_kind_certificate_and_links(client, make_user, classic_en, staff, now):
    (training,) = _trainings(1, now)
    api.assign_certificate(training=training, classic=classic_en, assigned_by=staff, now=now)
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=training)
    client.force_login(trainer)
    page = client.get(PAGE).content.decode()
    assert "Course 0000" in page and ">Course<" in page and classic_en.name in page
    assert f'href="/author-certificates/trainings/{training.key}/certificate/"' in page
    assert f'href="/author-certificates/trainings/{training.key}/report/"' in page
    assert 'aria-current="page"' in page


def test_anonymous_users_are_sent_to_sign_in(client):
    answer = client.get(PAGE)
    assert answer.status_code == 302 and answer["Location"].startswith("/login/")


@pytest.mark.parametrize("count", [10, 1000])
def test_query_count_does_not_grow_with_the_trainings(client, make_user, classic_en, staff, now, count,
                                                      django_assert_num_queries):
    trainings = _trainings(count, now)
    for training in trainings[::3]:
        api.assign_certificate(training=training, classic=classic_en, assigned_by=staff, now=now)
    inspector = make_user("inspector")
    for training in trainings:
        api.grant_role(user=inspector, role="inspector", training=training)
    client.force_login(inspector)
    # session, user, plugin roles, host roles, the page of trainings, their assignments, can_author
    with django_assert_num_queries(7):
        answer = client.get(PAGE)
    assert answer.content.decode().count('class="ac-training-row"') == min(count, api.TRAININGS_PAGE_SIZE)


@pytest.mark.parametrize(("username", "landing"), [
    ("staff", "/author-certificates/trainings/"),
    ("trainer", "/author-certificates/trainings/"),
    ("learner", "/author-certificates/learning-records/"),
])
def test_signing_in_at_login_lands_on_a_page_of_the_user(client, make_user, staff, course, username, landing):
    if username != "staff":
        user = make_user(username)
        if username == "trainer":
            api.grant_role(user=user, role="trainer", training=course)
    answer = client.post("/login/", {"username": username, "password": "pass"}, follow=True)
    assert answer.redirect_chain[0][0] == "/signed-in/"
    assert answer.redirect_chain[-1][0] == landing and answer.status_code == 200


def test_an_author_without_trainings_lands_on_the_author_tool(client, author):
    answer = client.post("/login/", {"username": "author", "password": "pass"}, follow=True)
    assert answer.redirect_chain[-1][0] == "/author-certificates/studio/"


def even_courses_resolver(user, training):
    """A ROLE_RESOLVER for the test below: trainer of every even-numbered course."""
    return {"trainer"} if int(training.key.split("+")[1][1:]) % 2 == 0 else set()


def test_a_role_resolver_is_asked_for_each_candidate_and_pages_still_follow(make_user, settings, now):
    settings.AUTHOR_CERTIFICATES_ROLE_RESOLVER = "tests.test_trainings_page.even_courses_resolver"
    _trainings(7, now)
    user = make_user("someone")
    first = api.list_staff_trainings(user=user, tenant="default", page_size=2)
    second = api.list_staff_trainings(user=user, tenant="default", page_size=2, cursor=first.next_cursor)
    assert [key.split("+")[1] for key in _keys(first) + _keys(second)] == ["C0000", "C0002", "C0004", "C0006"]
    assert second.next_cursor == ""
    assert api.may_manage_trainings(user=user, tenant="default")
