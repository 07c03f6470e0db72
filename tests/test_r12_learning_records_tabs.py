"""R12: Learning Records shows the learner's completed trainings in tabs by type (courses, pathways,
learning programs), with their counts; nothing they have not completed, nothing of anyone else."""

import datetime
import re

import pytest

from author_certificates import api
from tests.learner_side import assign_classic, complete, records_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainings(course, now):
    return {
        "course": course,
        "course2": api.register_training(key="course-v1:DemoX+CS102+2026", title="Computing 102", tenant="default",
                                         now=now),
        "pathway": api.register_training(key="pathway-v1:DemoX+data-path", title="Data Pathway", tenant="default",
                                         now=now),
        "program": api.register_training(key="program-v1:DemoX+ml-program", title="ML Program", tenant="default",
                                         now=now),
    }


def _tab_count(page: str, kind: str) -> int:
    match = re.search(rf'id="tab-{kind}"[^>]*>.*?<span class="ac-count" aria-hidden="true">(\d+)</span>', page, re.S)
    assert match, f"tab {kind} missing"
    return int(match.group(1))


def _panel(page: str, kind: str) -> str:
    match = re.search(rf'<section class="ac-tab-panel" id="panel-{kind}".*?</section>', page, re.S)
    assert match, f"panel {kind} missing"
    return match.group(0)


def test_r12_tabs_by_kind_with_counts(trainings, learner, make_user, now):
    for name in ("course", "pathway", "program"):
        complete(learner, trainings[name], now)
    complete(make_user("other"), trainings["course2"], now)  # another learner's completion
    client = signed_in(learner)

    page = client.get(records_url()).content.decode()

    assert [_tab_count(page, kind) for kind in ("course", "pathway", "program")] == [1, 1, 1]
    for label in ("Courses", "Pathways", "Learning programs"):
        assert label in page
    assert "Computing 101" in _panel(page, "course")
    for kind, title in (("pathway", "Data Pathway"), ("program", "ML Program")):
        assert title not in page, "only the open tab's trainings are rendered"
        assert title in _panel(client.get(records_url(tab=kind)).content.decode(), kind)
        assert title in client.get(records_url(tab=kind) + "&panel=1").content.decode()
    assert "Computing 102" not in page, "another learner's completion is not listed"


def test_r12_only_current_completions_are_listed(trainings, learner, now):
    complete(learner, trainings["course"], now)
    complete(learner, trainings["course2"], now)
    api.revoke_completion(user=learner, training=trainings["course2"], revoked_at=now)

    page = signed_in(learner).get(records_url()).content.decode()

    assert _tab_count(page, "course") == 1
    assert "Computing 101" in page and "Computing 102" not in page
    assert "Data Pathway" not in page, "a training not completed is not listed"


def test_r12_the_tab_in_the_address_is_the_open_one_without_javascript(trainings, learner, now):
    complete(learner, trainings["pathway"], now)
    page = signed_in(learner).get(records_url(tab="pathway")).content.decode()

    assert 'id="panel-pathway" aria-labelledby="tab-pathway" data-kind="pathway">' in page
    assert ('id="panel-course" aria-labelledby="tab-course" data-kind="course" hidden '
            'data-src="?tab=course&amp;panel=1">') in page
    assert '<a href="?tab=course">Show Courses</a>' in page  # the closed tab's own page, without JavaScript
    assert re.search(r'id="tab-pathway" href="\?tab=pathway"[^>]*aria-current="page"', page)


def test_r12_each_record_shows_its_completion_date(trainings, learner, now):
    complete(learner, trainings["course"], datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC))
    page = signed_in(learner).get(records_url()).content.decode()
    assert '<time datetime="2026-01-05T10:00:00+00:00">Jan. 5, 2026</time>' in page


def test_r12_anonymous_visitors_are_sent_to_sign_in(client):
    answer = client.get(records_url())
    assert answer.status_code == 302 and answer["Location"].startswith("/login/?next=")


def test_r12_query_count_does_not_grow_with_the_number_of_trainings(
        trainings, learner, classic_en, staff, now, django_assert_num_queries, django_capture_on_commit_callbacks,
        pages_read_fixed_now):
    client = signed_in(learner)
    complete(learner, trainings["course"], now)
    assign_classic(trainings["course"], classic_en, staff, now)
    client.get(records_url())  # warm the session and content types
    with django_assert_num_queries(5) as one:  # session, user, counts by kind, completions, issued certificates
        client.get(records_url())

    for index in range(6):
        extra = api.register_training(key=f"course-v1:DemoX+X{index}+2026", title=f"Extra {index}",
                                      tenant="default", now=now)
        assign_classic(extra, classic_en, staff, now)
        complete(learner, extra, now)
        with django_capture_on_commit_callbacks(execute=False):
            api.request_certificate(user=learner, training=extra, now=now)
    complete(learner, trainings["pathway"], now)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(records_url()).content.decode()
    assert _tab_count(page, "course") == 7 and page.count('data-state="generating"') == 6


def test_r12_row_links_are_the_reversed_urls(trainings, learner, classic_en, staff, now):
    """Per-row links come from one reverse() per page; they equal what reverse() gives for each row."""
    from django.urls import reverse

    from author_certificates.views.learning_records import RowLinks

    links = RowLinks()
    for training in trainings.values():
        assert links.record_api(training.key) == reverse(
            "author_certificates:api_record_certificate", kwargs={"training_key": training.key})
    issued_uuid = "3f1c2b1e-8a0e-4f53-9d7e-6c1c8f0a2b44"
    assert links.open_certificate(issued_uuid) == reverse("author_certificates:open_certificate",
                                                          kwargs={"uuid": issued_uuid})
