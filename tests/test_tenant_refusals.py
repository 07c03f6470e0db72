"""Use cases refuse another tenant's training themselves: given the caller's tenant (the request's
site), each raises WrongTenant, a NotFound that pages and REST answer with 404 and whose message
reveals nothing more than an unknown key would. Callers no longer compare tenants."""

import pytest

from author_certificates import api
from author_certificates.exceptions import NotFound, WrongTenant
from author_certificates.presentation import http_answer
from author_certificates.rest_api.v1.errors import status_and_body

pytestmark = pytest.mark.django_db

OTHER = "acme"


@pytest.fixture
def ready(course, classic_en, staff, learner, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    return course


def _use_cases(course, classic_en, staff, learner, now):
    return {
        "get_training": lambda tenant: api.get_training(course.key, tenant=tenant),
        "get_staff_training": lambda tenant: api.get_staff_training(viewer=staff, training=course.key, tenant=tenant),
        "request_certificate": lambda tenant: api.request_certificate(user=learner, training=course.key,
                                                                      tenant=tenant, now=now),
        "get_certificate_status": lambda tenant: api.get_certificate_status(user=learner, training=course.key,
                                                                            tenant=tenant, now=now),
        "get_learning_record": lambda tenant: api.get_learning_record(user=learner, training=course.key,
                                                                      tenant=tenant, now=now),
        "progress_report": lambda tenant: api.progress_report(viewer=staff, training=course.key, tenant=tenant,
                                                              now=now),
        "assign_certificate": lambda tenant: api.assign_certificate(training=course.key, classic=classic_en,
                                                                    assigned_by=staff, tenant=tenant, now=now),
        "remove_certificate": lambda tenant: api.remove_certificate(training=course.key, removed_by=staff,
                                                                    tenant=tenant, now=now),
        "certificate_choices": lambda tenant: api.certificate_choices(training=course.key, tenant=tenant),
        "get_current_assignment": lambda tenant: api.get_current_assignment(training=course.key, tenant=tenant),
        "list_assignment_history": lambda tenant: api.list_assignment_history(training=course.key, tenant=tenant),
    }


USE_CASES = ["get_training", "get_staff_training", "request_certificate", "get_certificate_status",
             "get_learning_record", "progress_report", "assign_certificate", "remove_certificate",
             "certificate_choices", "get_current_assignment", "list_assignment_history"]


@pytest.mark.parametrize("name", USE_CASES)
def test_another_tenant_s_training_is_refused(name, ready, classic_en, staff, learner, now,
                                              django_capture_on_commit_callbacks):
    use_case = _use_cases(ready, classic_en, staff, learner, now)[name]
    with pytest.raises(WrongTenant) as refused:
        use_case(OTHER)
    assert str(refused.value) == f"No training is registered with the key '{ready.key}'."
    assert isinstance(refused.value, NotFound) and http_answer(refused.value) == (404, "not_found")
    with django_capture_on_commit_callbacks(execute=False):
        use_case("default")  # the training's own tenant: served
        use_case(None)  # a caller without a request (events, tasks): the training's own tenant


def test_the_refusal_changes_nothing(ready, classic_en, staff, learner, now):
    from author_certificates.models import CertificateAssignment, IssuedCertificate

    assignments = CertificateAssignment.objects.count()
    for name in ("request_certificate", "assign_certificate", "remove_certificate"):
        with pytest.raises(WrongTenant):
            _use_cases(ready, classic_en, staff, learner, now)[name](OTHER)
    assert IssuedCertificate.objects.count() == 0 and CertificateAssignment.objects.count() == assignments


def test_rest_says_not_found_without_naming_the_other_tenant():
    assert status_and_body(WrongTenant("the training of tenant default")) == (
        404, {"detail": "Not found.", "code": "not_found"})
