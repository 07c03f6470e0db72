"""REST: invalidate and reissue a learner's certificate, and read the training's record of them
(rest_api/v1/invalidation.py, docs/decisions/0120); the verification JSON and the learner's API
say "invalidated"."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from author_certificates import api, generation
from author_certificates.models import CertificateEvent, IssuedCertificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def generated(course, classic_en, staff, learner, now, certificate_files, django_capture_on_commit_callbacks,
              pages_read_fixed_now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    with django_capture_on_commit_callbacks(execute=False):
        issued = api.request_certificate(user=learner, training=course, now=now)
    return generation.generate_certificate(issued_certificate_id=issued.pk, now=now)


def url(issued, action, training_key=None):
    return reverse(f"author_certificates:api_certificate_{action}",
                   kwargs={"training_key": training_key or issued.training.key, "uuid": issued.uuid})


def events_url(training):
    return reverse("author_certificates:api_certificate_events", kwargs={"training_key": training.key})


def test_a_trainer_invalidates_then_reissues(client, generated, trainer, now, django_capture_on_commit_callbacks):
    client.force_authenticate(trainer)

    answer = client.post(url(generated, "invalidate"), {"reason": "Wrong name"}, format="json")

    assert answer.status_code == 200
    body = answer.json()
    assert (body["uuid"], body["state"], body["invalidated_reason"]) == (str(generated.uuid), "invalidated",
                                                                         "Wrong name")
    assert body["invalidated_at"] == now.isoformat() and body["learner"]["username"] == "learner"

    with django_capture_on_commit_callbacks(execute=False):
        reissued = client.post(url(generated, "reissue"), {"reason": "Name fixed"}, format="json")

    assert reissued.status_code == 201
    new = reissued.json()
    assert new["replaces"] == str(generated.uuid) and new["uuid"] != str(generated.uuid)
    assert new["state"] == "generating" and new["invalidated_at"] is None
    assert new["verify_url"].endswith(f"/verify/{new['uuid']}/")

    events = client.get(events_url(generated.training)).json()
    assert events["count"] == 2
    assert [(event["kind"], event["reason"], event["done_by"]["username"]) for event in events["results"]] == [
        ("reissued", "Name fixed", "trainer"), ("invalidated", "Wrong name", "trainer")]
    assert events["results"][0]["new_certificate_uuid"] == new["uuid"]
    assert events["results"][0]["certificate_uuid"] == str(generated.uuid)


def test_conflicts_answer_409(client, generated, staff, django_capture_on_commit_callbacks):
    client.force_authenticate(staff)

    not_invalidated = client.post(url(generated, "reissue"), {}, format="json")
    assert not_invalidated.status_code == 409 and not_invalidated.json()["code"] == "certificate_conflict"
    assert "invalidate it first" in not_invalidated.json()["detail"]

    assert client.post(url(generated, "invalidate"), {"reason": "Once"}, format="json").status_code == 200
    twice = client.post(url(generated, "invalidate"), {"reason": "Twice"}, format="json")
    assert twice.status_code == 409 and "already invalidated" in twice.json()["detail"]

    with django_capture_on_commit_callbacks(execute=False):
        assert client.post(url(generated, "reissue"), {}, format="json").status_code == 201
    again = client.post(url(generated, "reissue"), {}, format="json")
    assert again.status_code == 409 and "already reissued" in again.json()["detail"]


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": "x" * 256}])
def test_a_missing_or_too_long_reason_is_a_400(client, generated, staff, body):
    client.force_authenticate(staff)
    answer = client.post(url(generated, "invalidate"), body, format="json")
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid" and answer.json()["detail"].startswith("reason:")
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_who_may_call(client, generated, inspector, learner, make_user):
    client.force_authenticate(inspector)
    assert client.post(url(generated, "invalidate"), {"reason": "No"}, format="json").status_code == 403
    assert client.get(events_url(generated.training)).status_code == 200, "an inspector reads the record"
    client.force_authenticate(learner)
    assert client.post(url(generated, "invalidate"), {"reason": "No"}, format="json").status_code == 404
    assert client.get(events_url(generated.training)).status_code == 404
    client.force_authenticate(None)
    assert client.post(url(generated, "invalidate"), {"reason": "No"}, format="json").status_code in (401, 403)
    assert not CertificateEvent.objects.exists()


def test_another_tenant_and_another_training_are_404(client, generated, staff, settings, now):
    settings.AUTHOR_CERTIFICATES_TENANTS = {"acme": {"domains": ["lms.acme.test"]}}
    client.force_authenticate(staff)
    answer = client.post(url(generated, "invalidate"), {"reason": "No"}, format="json", HTTP_HOST="lms.acme.test")
    assert answer.status_code == 404 and answer.json()["detail"] == "Not found."
    other = api.register_training(key="course-v1:DemoX+CS102+2026", title="Other", tenant="default", now=now)
    assert client.post(url(generated, "invalidate", other.key), {"reason": "No"}, format="json").status_code == 404
    assert IssuedCertificate.objects.get(pk=generated.pk).invalidated_at is None


def test_session_writes_need_the_csrf_token(generated, staff):
    csrf_client = APIClient(enforce_csrf_checks=True)
    csrf_client.force_login(staff)
    assert csrf_client.post(url(generated, "invalidate"), {"reason": "No"}, format="json").status_code == 403


def test_verification_json_says_invalidated_with_the_date_and_never_the_reason(client, generated, staff, now,
                                                                             django_capture_on_commit_callbacks):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Secret reason", now=now)
    with django_capture_on_commit_callbacks(execute=False):
        api.reissue_certificate(user=staff, certificate=generated.uuid, now=now)

    answer = client.get(reverse("author_certificates:api_verify", kwargs={"uuid": generated.uuid}))

    body = answer.json()
    assert answer.status_code == 200
    assert body["valid"] is False and body["invalidated_at"] == now.isoformat()
    assert body["uuid"] == str(generated.uuid) and body["learner_name"] == "Ada Lovelace"
    assert "Secret reason" not in answer.content.decode()


def test_the_learner_s_record_says_invalidated_and_offers_nothing(client, generated, staff, learner, now):
    api.invalidate_certificate(user=staff, certificate=generated.uuid, reason="Fraud", now=now)
    client.force_authenticate(learner)

    answer = client.get(reverse("author_certificates:api_record_certificate",
                                kwargs={"training_key": generated.training.key}))

    body = answer.json()
    assert body["certificate"]["state"] == "invalidated" and body["can_generate"] is False
    assert body["messages"] == {"status": "The certificate has been invalidated", "action": ""}
    assert body["certificate"]["open_url"] is None and "Fraud" not in answer.content.decode()
