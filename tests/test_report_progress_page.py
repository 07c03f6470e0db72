"""The progress report page: columns, CSV export (header, formula injection), tenants and bad keys.
Query counts at 10 and 1,000 learners: test_report_query_counts_and_streaming.py."""

import csv
import io

import pytest
from django.urls import reverse

from author_certificates import api

pytestmark = pytest.mark.django_db


def report_url(key, csv_format=False):
    url = reverse("author_certificates:progress-report", kwargs={"training_key": key})
    return url + "?format=csv" if csv_format else url


def complete(make_user, course, now, count, start=0):
    users = []
    for number in range(start, start + count):
        user = make_user(f"learner{number:02}")
        api.record_completion(user=user, training=course, completed_at=now)
        users.append(user)
    return users


def test_html_table_lists_learner_completion_state_and_first_generation(client, staff, make_user, course, classic_en,
                                                                         now, pages_read_fixed_now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    done, pending = complete(make_user, course, now, 2)
    api.request_certificate(user=pending, training=course, now=now)  # on_commit not run: stays generating
    client.force_login(staff)
    body = client.get(report_url(course.key) + "?sort=learner").content.decode()
    rows = body.split('class="ac-progress-row"')[1:]
    assert len(rows) == 2
    assert "Learner00 Tester" in rows[0] and "Not generated" in rows[0] and "March 14, 2026" in rows[0]
    assert "The certificate is being generated" in rows[1]
    assert "Export CSV" in body


def test_csv_has_a_header_and_neutralises_formulas_in_names(client, staff, make_user, course, now):
    user = make_user("mallory", first_name="=HYPERLINK(\"http://evil\")", last_name="x")
    api.record_completion(user=user, training=course, completed_at=now)
    plus = make_user("+plus", first_name="-1", last_name="")
    api.record_completion(user=plus, training=course, completed_at=now)
    client.force_login(staff)
    response = client.get(report_url(course.key, csv_format=True))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="progress-course-v1_DemoX_CS101_2026.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Username", "Learner", "Completion date", "Certificate state", "Date of first generation",
                       "Failure", "Failure detail"]
    by_username = {row[0]: row for row in rows[1:]}
    assert by_username["mallory"][1] == "'=HYPERLINK(\"http://evil\") x"
    assert by_username["'+plus"][1] == "'-1"
    assert by_username["mallory"][2:] == [now.isoformat(), "none", "", "", ""]


def test_another_tenants_site_gets_404_even_for_global_staff(client, settings, staff, course):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test", "studio.acme.test"]}}
    client.force_login(staff)
    assert client.get(report_url(course.key)).status_code == 200
    assert client.get(report_url(course.key), HTTP_HOST="lms.acme.test").status_code == 404


def test_unknown_training_is_404_malformed_key_400_anonymous_redirected(client, staff, course):
    assert client.get(report_url(course.key)).status_code == 302
    client.force_login(staff)
    assert client.get(report_url("course-v1:No+Such+Run")).status_code == 404
    bad = client.get(report_url("pathway-v1:missing-slug"))
    assert bad.status_code == 400 and "pathway-v1:Org+slug" in bad.content.decode()
