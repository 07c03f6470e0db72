"""The Author certificate XBlock in XBlock's own test runtime: the learner's control (status,
generate once) for the course it sits in, and the Studio selector refused to learners."""

import json

import pytest
import webob
from opaque_keys.edx.locator import BlockUsageLocator, CourseLocator
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.test.tools import TestRuntime

from author_certificates import api
from author_certificates.models import CertificateAssignment, IssuedCertificate
from author_certificates.xblock.block import USER_ID_ATTRIBUTE, AuthorCertificateXBlock

pytestmark = pytest.mark.django_db


class FakeUserService(UserService):
    """The LMS user service: the Django user id travels in opt_attrs, as edx-platform puts it."""

    def __init__(self, user):
        super().__init__()
        self.user = user

    def get_current_user(self):
        current = XBlockUser(is_current_user=True, full_name=self.user.get_full_name() if self.user else "")
        current.opt_attrs[USER_ID_ATTRIBUTE] = self.user.pk if self.user else None
        return current


def make_block(user, course_key="course-v1:DemoX+CS101+2026"):
    course = CourseLocator.from_string(course_key)
    usage_id = BlockUsageLocator(course, "author_certificate", "certificate")
    runtime = TestRuntime(services={"field-data": DictFieldData({}), "user": FakeUserService(user)})
    scope_ids = ScopeIds(str(user.pk) if user else None, "author_certificate", usage_id, usage_id)
    return runtime.construct_xblock_from_class(AuthorCertificateXBlock, scope_ids)


def call(block, handler, body=None):
    request = webob.Request.blank("/", method="POST", body=json.dumps(body or {}).encode(),
                                  content_type="application/json")
    response = block.handle(handler, request)
    return response.status_code, response.json


def test_the_course_key_comes_from_the_runtime(learner, course):
    block = make_block(learner)
    assert block.course_key() == course.key and block.training() == course
    assert block.django_user() == learner


def test_status_not_completed_then_available_then_generated(learner, staff, course, classic_en, now,
                                                              django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    block = make_block(learner)
    assert call(block, "status") == (200, {"state": "not_completed", "button": None, "open_url": None,
                                           "message": "Complete this training to get its certificate",
                                           "reason": None})
    api.record_completion(user=learner, training=course, completed_at=now)
    status, body = call(block, "status")
    assert body["state"] == "available" and body["button"] == "Generate certificate"
    with django_capture_on_commit_callbacks(execute=True):
        status, body = call(block, "generate")
    issued = IssuedCertificate.objects.get()
    status, body = call(block, "status")
    assert body["state"] == "generated" and body["message"] == "The certificate has been generated"
    assert body["button"] == "Open certificate" and str(issued.uuid) in body["open_url"]


def test_status_says_being_generated_while_the_task_has_not_run(learner, staff, course, classic_en, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    status, body = call(make_block(learner), "generate")  # on_commit never runs here: the task waits
    assert status == 200 and body["state"] == "generating"
    assert body["message"] == "The certificate is being generated" and body["button"] is None


def test_generate_twice_makes_one_certificate(learner, staff, course, classic_en, now,
                                             django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    block = make_block(learner)
    with django_capture_on_commit_callbacks(execute=True) as first:
        call(block, "generate")
    with django_capture_on_commit_callbacks(execute=True) as second:
        status, body = call(block, "generate")
    assert len(first) == 1 and second == []
    assert status == 200 and body["state"] == "generated"
    assert IssuedCertificate.objects.filter(user=learner, training=course).count() == 1


def test_generate_is_refused_before_completion_and_without_a_certificate(learner, staff, course, classic_en, now):
    api.record_completion(user=learner, training=course, completed_at=now)
    assert call(make_block(learner), "generate")[0] == 409
    other = api.register_training(key="course-v1:DemoX+Other+2026", title="Other", tenant="default", now=now)
    api.assign_certificate(training=other, classic=classic_en, assigned_by=staff, now=now)
    status, body = call(make_block(learner, other.key), "generate")
    assert status == 403 and body["error"] == "Complete this training to get its certificate"
    assert IssuedCertificate.objects.count() == 0


def test_student_view_renders_the_control_with_its_state(learner, staff, course, classic_en, now):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=now)
    api.record_completion(user=learner, training=course, completed_at=now)
    fragment = make_block(learner).student_view()
    assert 'aria-live="polite"' in fragment.content and "Generate certificate" in fragment.content
    assert fragment.js_init_fn == "AuthorCertificateXBlock"
    assert any("AuthorCertificateXBlock" in resource.data for resource in fragment.resources)


def test_studio_assign_is_refused_for_a_learner_and_allowed_for_a_trainer(learner, make_user, course, classic_en,
                                                                            author_version):
    status, body = call(make_block(learner), "assign", {"classic": str(classic_en.uuid)})
    assert status == 403 and CertificateAssignment.objects.count() == 0
    assert call(make_block(learner), "choices")[1] == {"allowed": False, "may_assign": False}
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=course)
    status, body = call(make_block(trainer), "assign", {"version": str(author_version.uuid)})
    assert status == 200 and body["current"]["version"] == str(author_version.uuid)
    assert body["author"][0]["selected_version"] == str(author_version.uuid)
    assert api.get_current_assignment(training=course).assigned_by == trainer


def test_studio_view_offers_the_selector_and_r4_hides_the_author_choice(make_user, course, classic_en, author, now):
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=course)
    fragment = make_block(trainer).studio_view()
    assert "Select certificate" in fragment.content
    assert "&quot;offers_author_certificates&quot;: false" in fragment.content
    choices = call(make_block(trainer), "choices")[1]
    assert choices["may_assign"] is True and len(choices["classic"]) >= 5 and choices["author"] == []


def test_studio_assign_of_another_tenants_version_is_404(make_user, settings, course, author, now):
    from tests.conftest import SIMPLE_HTML

    acme = api.create_author_certificate(tenant="acme", title="Acme", html=SIMPLE_HTML, created_by=author, now=now)
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=course)
    assert call(make_block(trainer), "assign", {"version": str(acme.uuid)})[0] == 404
    assert CertificateAssignment.objects.count() == 0
