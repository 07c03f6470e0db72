"""The progress report a page at a time: keyset pages that cover every row once in each sort,
filters (certificate state as the learner sees it, completion dates, learner search), revoked
completions left out, and the same through the HTML page's links and the REST ``next`` links."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from author_certificates import api
from author_certificates.exceptions import InvalidInput
from author_certificates.models import Completion
from tests.conftest import FIXED_NOW
from tests.report_data import add_learners, issue

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def learners(course, classic_en, staff, now):
    """Nine learners who completed a day apart (two on the same instant), in every state."""
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    users = add_learners(course, count=9, completed_at=now - 10 * DAY, step=DAY)
    Completion.objects.filter(user=users[8]).update(completed_at=now - 3 * DAY)  # same instant as users[7]
    issue(users[1], course, classic_en, state="generated", requested_at=now - 8 * DAY, generated_at=now - 8 * DAY)
    issue(users[2], course, classic_en, state="generated", requested_at=now - 7 * DAY, generated_at=now - 2 * DAY,
          learner_name="Grace Hopper")
    issue(users[3], course, classic_en, state="failed", requested_at=now - 6 * DAY)
    issue(users[4], course, classic_en, state="generating", requested_at=now - DAY)  # stalled: shows as failed
    issue(users[5], course, classic_en, state="generating", requested_at=now - datetime.timedelta(minutes=1))
    return users


@pytest.fixture(autouse=True)
def fifteen_minute_timeout(settings):
    settings.AUTHOR_CERTIFICATES_GENERATION_TIMEOUT_SECONDS = 900


def read(staff, course, now, **params):
    query = api.parse_report_query(params=params)
    return api.read_progress_report(viewer=staff, training=course, query=query, now=now)


def every_page(staff, course, now, **params) -> tuple[list[str], int]:
    """Usernames of every page, in order, following the next cursors; and how many pages."""
    names, pages, cursor = [], 0, ""
    while True:
        page = read(staff, course, now, page_size="2", cursor=cursor, **params)
        names += [row.username for row in page.rows]
        pages += 1
        if not page.next_cursor:
            return names, pages
        cursor = page.next_cursor


def test_pages_cover_every_row_once_in_each_sort(staff, course, learners, now):
    by_id = {user.username: index for index, user in enumerate(learners)}
    completed = {f"learner{i:05}": now - (10 - i) * DAY for i in range(8)} | {"learner00008": now - 3 * DAY}
    generated = {"learner00001": now - 8 * DAY, "learner00002": now - 2 * DAY}
    rank = {"learner00001": 3, "learner00002": 3, "learner00003": 1, "learner00004": 1, "learner00005": 2}
    expected = {
        "learner": sorted(by_id),
        "completed": sorted(by_id, key=lambda name: (completed[name], by_id[name])),
        "generated": sorted(by_id, key=lambda name: (generated.get(name, now + 1000 * DAY), by_id[name])),
        "state": sorted(by_id, key=lambda name: (rank.get(name, 0), by_id[name])),
    }
    for key, ascending in expected.items():
        names, pages = every_page(staff, course, now, sort=key)
        assert names == ascending, key
        assert pages == 5
        names, _pages = every_page(staff, course, now, sort=f"-{key}")
        if key == "generated":  # undated rows stay last in both directions
            assert names == ["learner00002", "learner00001"] + sorted(ascending[2:], key=lambda name: -by_id[name])
        else:
            assert names == ascending[::-1], key


def test_default_order_is_newest_completion_first(staff, course, learners, now):
    page = read(staff, course, now)
    assert [row.username for row in page.rows][:3] == ["learner00008", "learner00007", "learner00006"]
    assert page.count == 9 and page.next_cursor == ""


def test_states_are_shown_and_filtered_as_the_learner_sees_them(staff, course, learners, now):
    states = {row.username: row.certificate_state for row in read(staff, course, now, sort="learner").rows}
    assert states["learner00004"] == "failed"  # stalled generation
    assert states["learner00005"] == "generating" and states["learner00000"] == ""
    failed = read(staff, course, now, state="failed", sort="learner")
    assert [row.username for row in failed.rows] == ["learner00003", "learner00004"] and failed.count == 2
    params = {"state": ["generated", "none"]}
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.setlist("state", params["state"])
    page = api.read_progress_report(viewer=staff, training=course, query=api.parse_report_query(params=query),
                                    now=now)
    assert page.count == 6 and {row.certificate_state for row in page.rows} == {"generated", ""}


def test_a_stalled_row_agrees_with_the_learners_own_status(staff, course, learners, now, settings):
    status = api.get_certificate_status(user=learners[4], training=course)
    row = next(row for row in read(staff, course, FIXED_NOW, sort="learner").rows if row.username == "learner00004")
    assert status.state == row.certificate_state == "failed"


def test_completion_date_range_is_inclusive(staff, course, learners, now):
    day = (now - 8 * DAY).date()
    page = read(staff, course, now, completed_from=day.isoformat(), completed_to=(day + DAY).isoformat(),
                sort="completed")
    assert [row.username for row in page.rows] == ["learner00002", "learner00003"]


def test_search_matches_username_and_every_word_of_a_name(staff, course, learners, now):
    assert [row.username for row in read(staff, course, now, q="learner00003").rows] == ["learner00003"]
    assert [row.username for row in read(staff, course, now, q="first00006 learner").rows] == ["learner00006"]
    printed = read(staff, course, now, q="hopper")
    assert [(row.username, row.learner_name) for row in printed.rows] == [("learner00002", "Grace Hopper")]
    assert read(staff, course, now, q="nobody").count == 0


def test_revoked_completions_are_left_out(staff, course, learners, now):
    api.revoke_completion(user=learners[0], training=course)
    page = read(staff, course, now, sort="learner")
    assert page.count == 8 and "learner00000" not in [row.username for row in page.rows]


@pytest.mark.parametrize("params, word", [
    ({"state": "lost"}, "state"),
    ({"sort": "email"}, "sort"),
    ({"completed_from": "14/03/2026"}, "completed_from"),
    ({"completed_from": "2026-03-14", "completed_to": "2026-03-01"}, "completed_from"),
    ({"page_size": "0"}, "page_size"),
    ({"page_size": "many"}, "page_size"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"q": "x" * 101}, "100"),
])
def test_bad_parameters_are_refused_with_what_is_expected(params, word):
    with pytest.raises(InvalidInput, match=word):
        api.parse_report_query(params=params)


def test_a_cursor_of_another_sort_is_refused(staff, course, learners, now):
    cursor = read(staff, course, now, page_size="2").next_cursor
    with pytest.raises(InvalidInput, match="cursor"):
        api.parse_report_query(params={"cursor": cursor, "sort": "learner"})


def report_url(course):
    return reverse("author_certificates:progress-report", kwargs={"training_key": course.key})


def test_the_page_links_to_the_next_page_keeping_filters_and_sort(client, staff, course, learners):
    client.force_login(staff)
    first = client.get(report_url(course), {"sort": "learner", "page_size": "3", "state": "none"})
    body = first.content.decode()
    assert first.status_code == 200 and body.count('class="ac-progress-row"') == 3
    assert "4 learners" in body and "match these filters" in body
    assert 'aria-sort="ascending"' in body
    next_href = first.context["links"]["next"]
    assert "sort=learner" in next_href and "state=none" in next_href and "cursor=" in next_href
    second = client.get(report_url(course) + next_href)
    assert [row.username for row in second.context["page"].rows] == ["learner00008"]
    assert 'rel="next"' not in second.content.decode() and 'rel="first"' in second.content.decode()


def test_the_page_answers_400_for_a_bad_filter(client, staff, course):
    client.force_login(staff)
    response = client.get(report_url(course), {"completed_to": "yesterday"})
    assert response.status_code == 400 and "YYYY-MM-DD" in response.content.decode()


def test_rest_report_follows_next_links_to_the_end(client, staff, course, learners):
    client.force_login(staff)
    url = reverse("author_certificates:api_training_report", kwargs={"training_key": course.key})
    response = client.get(url, {"page_size": "4", "sort": "learner"})
    body = response.json()
    assert body["count"] == 9 and body["training"] == course.key and body["first"] is None
    seen = [row["username"] for row in body["results"]]
    while body["next"]:
        assert body["next"].startswith("http://testserver/") and "sort=learner" in body["next"]
        body = client.get(body["next"]).json()
        seen += [row["username"] for row in body["results"]]
    assert seen == sorted(user.username for user in learners)
    row = client.get(url, {"q": "learner00001"}).json()["results"][0]
    assert row["certificate_state"] == "generated" and row["generated_at"] == (FIXED_NOW - 8 * DAY).isoformat()
    assert client.get(url, {"state": "lost"}).status_code == 400
