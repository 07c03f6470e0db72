"""The progress report costs the same number of queries at 10 and at 1,000 learners (HTML page,
a deep page, REST and CSV), and the CSV is streamed from the database: a streaming response,
in several pieces, and not one model instance built while its rows are written."""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter

import pytest
from django.db.models.signals import pre_init
from django.http import StreamingHttpResponse
from django.urls import reverse

from author_certificates import api
from tests.report_data import add_learners, issue

pytestmark = pytest.mark.django_db

# Every request: session + user, the training, and the viewer's roles (the plugin's table, and the
# host's course roles read once per request through the platform's role cache) checked by the view
# and the use case. Then: the page of rows, the count, and for the HTML page the newest bulk run and
# the bulk permissions.
HTML_PAGE_QUERIES = 11
REST_PAGE_QUERIES = 8
CSV_QUERIES = 7  # one query for the rows, whatever their number


@pytest.fixture
def trainer_of(make_user):
    def make(training):
        user = make_user("report-trainer")
        api.grant_role(user=user, role="trainer", training=training)
        return user
    return make


def populated(course, classic_en, staff, now, count):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    users = add_learners(course, count=count, completed_at=now - datetime.timedelta(days=30))
    for user in users[::3]:
        issue(user, course, classic_en, state="generated", requested_at=now, generated_at=now)
    return users


def urls(course):
    key = {"training_key": course.key}
    return (reverse("author_certificates:progress-report", kwargs=key),
            reverse("author_certificates:api_training_report", kwargs=key))


@pytest.mark.parametrize("learners", [10, 1000])
def test_query_counts_do_not_grow_with_the_learners(client, course, classic_en, staff, trainer_of, now, learners,
                                                    django_assert_num_queries):
    populated(course, classic_en, staff, now, learners)
    client.force_login(trainer_of(course))
    page_url, api_url = urls(course)
    with django_assert_num_queries(HTML_PAGE_QUERIES):
        first = client.get(page_url, {"page_size": "5", "sort": "learner"})
    assert first.content.decode().count('class="ac-progress-row"') == 5
    with django_assert_num_queries(HTML_PAGE_QUERIES):  # a page further on costs the same
        deeper = client.get(page_url + first.context["links"]["next"])
    assert deeper.content.decode().count('class="ac-progress-row"') == 5
    with django_assert_num_queries(REST_PAGE_QUERIES):
        body = client.get(api_url, {"state": "generated"}).json()
    assert body["count"] == len(range(0, learners, 3))
    with django_assert_num_queries(CSV_QUERIES):
        response = client.get(page_url, {"format": "csv"})
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == learners + 1


def test_csv_is_streamed_without_a_model_instance_per_row(client, course, classic_en, staff, now):
    populated(course, classic_en, staff, now, 1000)
    client.force_login(staff)
    response = client.get(urls(course)[0], {"format": "csv", "sort": "learner", "state": ["generated", "none"]})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="progress-course-v1_DemoX_CS101_2026.csv"'
    built = Counter()

    def count_instance(sender, **kwargs):
        built[sender.__name__] += 1

    pre_init.connect(count_instance)
    try:
        pieces = list(response.streaming_content)
    finally:
        pre_init.disconnect(count_instance)
    assert built == Counter()  # not one Completion, IssuedCertificate or User
    assert len(pieces) > 1  # sent as it is written, not built whole
    rows = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
    assert rows[0] == ["Username", "Learner", "Completion date", "Certificate state", "Date of first generation",
                       "Failure", "Failure detail"]
    assert len(rows) == 1001 and [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])
    assert rows[1][:4] == ["learner00000", "First00000 Learner", (now - datetime.timedelta(days=30)).isoformat(),
                           "generated"]


def test_csv_has_the_pages_filters(client, course, classic_en, staff, now):
    populated(course, classic_en, staff, now, 10)
    client.force_login(staff)
    response = client.get(urls(course)[0], {"format": "csv", "state": "none", "q": "learner0000"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))[1:]
    assert sorted(row[0] for row in rows) == ["learner00001", "learner00002", "learner00004", "learner00005",
                                              "learner00007", "learner00008"]
    assert {row[3] for row in rows} == {"none"}
