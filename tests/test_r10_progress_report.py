"""R10: the date of the first generation is stored and shown in the progress report to admins,
trainers and inspectors (and to nobody else); a later request does not change it."""

import datetime

import pytest
from django.urls import reverse

from author_certificates import api
from author_certificates.generation import generate_certificate
from tests.conftest import FIXED_NOW
from tests.host.hostapp.models import CourseAccessRole

pytestmark = pytest.mark.django_db

GENERATED_AT = FIXED_NOW + datetime.timedelta(hours=2)


def report_url(training, csv=False):
    url = reverse("author_certificates:progress-report", kwargs={"training_key": training.key})
    return url + "?format=csv" if csv else url


@pytest.fixture
def generated(course, classic_en, staff, learner, now):
    """The learner completed the course and generated their certificate two hours later."""
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    issued = api.request_certificate(user=learner, training=course, now=GENERATED_AT)
    return generate_certificate(issued_certificate_id=issued.pk, now=GENERATED_AT)


def plugin_role(make_user, course, role, **where):
    user = make_user(f"plugin-{role}")
    api.grant_role(user=user, role=role, **(where or {"training": course}))
    return user


def host_role(make_user, course, role):
    user = make_user(f"host-{role}")
    CourseAccessRole.objects.create(user=user, course_id=course.key, org=course.org, role=role)
    return user


VIEWERS = {
    "global staff (admin)": lambda make_user, course: make_user("global", is_staff=True),
    "tenant admin (plugin role)": lambda make_user, course: plugin_role(make_user, course, "admin", tenant="default"),
    "trainer (plugin role)": lambda make_user, course: plugin_role(make_user, course, "trainer"),
    "trainer (tenant-wide plugin role)": lambda make_user, course: plugin_role(make_user, course, "trainer",
                                                                                tenant="default"),
    "trainer (host course staff)": lambda make_user, course: host_role(make_user, course, "staff"),
    "trainer (host instructor)": lambda make_user, course: host_role(make_user, course, "instructor"),
    "inspector (plugin role)": lambda make_user, course: plugin_role(make_user, course, "inspector"),
    "inspector (host data researcher)": lambda make_user, course: host_role(make_user, course, "data_researcher"),
}


def test_r10_the_date_of_first_generation_is_stored(generated):
    generated.refresh_from_db()
    assert generated.state == "generated" and generated.generated_at == GENERATED_AT


@pytest.mark.parametrize("who", list(VIEWERS))
def test_r10_admins_trainers_and_inspectors_see_the_date(client, make_user, course, generated, who):
    client.force_login(VIEWERS[who](make_user, course))
    page = client.get(report_url(course))
    assert page.status_code == 200
    assert f'class="ac-generated-at" datetime="{GENERATED_AT.isoformat()}"' in page.content.decode()
    csv_lines = b"".join(client.get(report_url(course, csv=True)).streaming_content).decode("utf-8-sig").splitlines()
    assert csv_lines[1].endswith(f",generated,{GENERATED_AT.isoformat()},,")  # no failure, no detail


@pytest.mark.parametrize("who", ["learner", "unrelated", "trainer of another course", "host beta tester"])
def test_r10_nobody_else_sees_the_report(client, make_user, learner, course, generated, now, who):
    if who == "learner":
        user = learner
    elif who == "unrelated":
        user = make_user("unrelated")
    elif who == "host beta tester":
        user = host_role(make_user, course, "beta_testers")
    else:
        other = api.register_training(key="course-v1:DemoX+Other+2026", title="Other", tenant="default", now=now)
        user = plugin_role(make_user, other, "trainer", training=other)
    client.force_login(user)
    assert client.get(report_url(course)).status_code == 404
    assert client.get(report_url(course, csv=True)).status_code == 404


def test_r10_a_later_request_does_not_change_the_date(client, staff, learner, course, generated):
    later = GENERATED_AT + datetime.timedelta(days=5)
    again = api.request_certificate(user=learner, training=course, now=later)
    generate_certificate(issued_certificate_id=again.pk, now=later)  # a repeated task delivery, too
    again.refresh_from_db()
    assert again.pk == generated.pk and again.generated_at == GENERATED_AT
    client.force_login(staff)
    body = client.get(report_url(course)).content.decode()
    assert GENERATED_AT.isoformat() in body and later.isoformat() not in body
