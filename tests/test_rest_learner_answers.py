"""The learner REST API's answers: 202/200, 400 (malformed key, unknown kind), 403 (not completed,
anonymous, missing CSRF), 404 (unknown training, another tenant's), 409 (nothing assigned), and a
second click that never makes a second certificate."""

import pytest
from rest_framework.test import APIClient

from author_certificates import api
from author_certificates.models import IssuedCertificate
from tests.learner_side import assign_classic, certificate_api_url, complete, signed_in

pytestmark = pytest.mark.django_db

RECORDS = "/api/author-certificates/v1/records/"


@pytest.fixture
def assigned(course, classic_en, staff, now):
    assign_classic(course, classic_en, staff, now)
    return course


def test_the_training_key_keeps_its_colon_and_plus_in_the_url(course):
    assert certificate_api_url(course.key) == (
        "/api/author-certificates/v1/records/course-v1:DemoX+CS101+2026/certificate/"
    )


def test_records_list_the_learner_s_completions_with_their_certificate(assigned, learner, now):
    complete(learner, assigned, now)
    body = signed_in(learner).get(RECORDS).json()
    assert body["count"] == 1
    record = body["results"][0]
    assert record["training"] == {"key": "course-v1:DemoX+CS101+2026", "kind": "course", "kind_label": "Course",
                                  "title": "Computing 101"}
    assert record["completed_at"] == "2026-03-14T09:30:00+00:00"
    assert record["certificate"]["state"] == "available" and record["can_generate"] is True
    assert record["messages"]["action"] == "Generate certificate"


def test_records_filter_by_kind_and_refuse_an_unknown_kind(assigned, learner, now):
    complete(learner, assigned, now)
    client = signed_in(learner)
    assert client.get(RECORDS + "?kind=course").json()["count"] == 1
    assert client.get(RECORDS + "?kind=pathway").json()["count"] == 0
    answer = client.get(RECORDS + "?kind=webinar")
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid" and "course, pathway, program" in answer.json()["detail"]


def test_first_post_is_202_generating_and_a_second_is_200_with_one_certificate(
        assigned, learner, now, django_capture_on_commit_callbacks):
    complete(learner, assigned, now)
    client = signed_in(learner)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = client.post(certificate_api_url(assigned.key))
        second = client.post(certificate_api_url(assigned.key))
    assert (first.status_code, second.status_code) == (202, 200)
    assert first.json()["certificate"]["state"] == second.json()["certificate"]["state"] == "generating"
    assert IssuedCertificate.objects.count() == 1
    assert len(queued) == 1, "one generation is queued, whatever the number of clicks"


def test_post_when_not_completed_is_403(assigned, learner):
    answer = signed_in(learner).post(certificate_api_url(assigned.key))
    assert answer.status_code == 403 and answer.json()["code"] == "not_completed"
    assert IssuedCertificate.objects.count() == 0


def test_post_when_nothing_is_assigned_is_409(course, learner, now):
    complete(learner, course, now)
    answer = signed_in(learner).post(certificate_api_url(course.key))
    assert answer.status_code == 409 and answer.json()["code"] == "nothing_assigned"


def test_unknown_training_is_404(learner):
    client = signed_in(learner)
    for method in (client.get, client.post):
        answer = method(certificate_api_url("course-v1:NoSuchX+Nope+2026"))
        assert answer.status_code == 404 and answer.json()["code"] == "not_found"


def test_malformed_key_is_400_with_the_expected_form(learner):
    answer = signed_in(learner).get(certificate_api_url("not a key"))
    assert answer.status_code == 400
    assert "course-v1:Org+Number+Run" in answer.json()["detail"]


def test_another_tenant_s_training_is_404(classic_en, staff, learner, now, settings):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test"]}}
    acme = api.register_training(key="course-v1:AcmeX+A1+2026", title="Acme course", tenant="acme", now=now)
    assign_classic(acme, classic_en, staff, now)
    complete(learner, acme, now)
    client = signed_in(learner)
    assert client.get(certificate_api_url(acme.key)).status_code == 404
    assert client.post(certificate_api_url(acme.key)).status_code == 404
    assert client.get(RECORDS).json()["count"] == 0
    on_acme = client.get(RECORDS, HTTP_HOST="lms.acme.test").json()
    assert [record["training"]["key"] for record in on_acme["results"]] == [acme.key]


def test_anonymous_callers_are_refused(assigned):
    client = APIClient()
    assert client.get(RECORDS).status_code in (401, 403)
    assert client.post(certificate_api_url(assigned.key)).status_code in (401, 403)


def test_session_posts_need_the_csrf_token(assigned, learner, now):
    complete(learner, assigned, now)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(learner)
    refused = client.post(certificate_api_url(assigned.key))
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    assert IssuedCertificate.objects.count() == 0

    client.get("/author-certificates/learning-records/")  # the page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(certificate_api_url(assigned.key), HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 202


def test_a_learner_never_sees_another_learner_s_certificate(
        assigned, learner, make_user, now, django_capture_on_commit_callbacks):
    other = make_user("other")
    complete(other, assigned, now)
    with django_capture_on_commit_callbacks(execute=True):
        api.request_certificate(user=other, training=assigned, now=now)
    body = signed_in(learner).get(certificate_api_url(assigned.key)).json()
    assert body["certificate"]["state"] == "not_completed" and body["certificate"]["uuid"] is None
