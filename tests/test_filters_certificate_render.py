"""CertificateRenderStarted: a course whose certificate is ours answers with ours (the real filter runs)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from openedx_filters.learning.filters import CertificateRenderStarted

from author_certificates import api
from author_certificates.settings.common import merged_filters_config
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.django_db

HOST_STEP = "tests.test_filters_certificate_render.HostStampStep"


class HostStampStep:
    """A step the host already had: it must still run, before ours."""

    def __init__(self, **kwargs):
        pass

    def run_filter(self, context, custom_template):
        return {"context": {**context, "stamped_by_host": True}, "custom_template": custom_template}


@pytest.fixture(autouse=True)
def filters_config():
    config = merged_filters_config({CertificateRenderStarted.filter_type: {"pipeline": [HOST_STEP],
                                                                           "fail_silently": False}})
    with override_settings(OPEN_EDX_FILTERS_CONFIG=config):
        yield config


def _context(course_key, user):
    # The keys edx-platform's certificate web view passes (lms/djangoapps/certificates/views/webview.py).
    return {"course_id": course_key, "accomplishment_user_id": user.pk, "accomplishment_copy_name": "Ada"}


def _render(course_key, user):
    return CertificateRenderStarted.run_filter(context=_context(course_key, user), custom_template=None)


def test_a_course_unknown_to_the_plugin_renders_the_platforms_certificate(learner):
    context, template = _render("course-v1:OtherX+O1+2026", learner)

    assert context["stamped_by_host"] is True
    assert context["course_id"] == "course-v1:OtherX+O1+2026"
    assert template is None


def test_a_known_course_without_an_assigned_certificate_renders_the_platforms_certificate(learner, course):
    context, _template = _render(course.key, learner)

    assert context["stamped_by_host"] is True


def test_with_our_certificate_assigned_and_not_generated_the_learner_goes_to_learning_records(
    learner, course, classic_en, staff
):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)

    with pytest.raises(CertificateRenderStarted.RenderCustomResponse) as raised:
        _render(course.key, learner)

    response = raised.value.response
    assert response.status_code == 302
    assert response["Location"] == "/author-certificates/learning-records/"


def test_a_generated_certificate_is_served_by_its_public_verification_page(
    learner, course, classic_en, staff, django_capture_on_commit_callbacks
):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=FIXED_NOW)
    # Even after the assignment is removed, the learner's generated certificate is what the page shows (R8).
    api.remove_certificate(training=course, removed_by=staff, now=FIXED_NOW)

    with pytest.raises(CertificateRenderStarted.RenderCustomResponse) as raised:
        _render(course.key, learner)

    assert raised.value.response.status_code == 302
    assert raised.value.response["Location"] == f"/author-certificates/verify/{issued.uuid}/"


def test_a_failure_inside_our_step_lets_the_platform_render_its_own(learner, course, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(api, "get_training", broken)

    context, _template = _render(course.key, learner)

    assert context["stamped_by_host"] is True


def _assigned_and_completed(learner, course, classic_en, staff):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)


def test_a_staff_preview_of_the_platforms_certificate_is_never_redirected(learner, course, classic_en, staff, rf):
    import crum

    _assigned_and_completed(learner, course, classic_en, staff)
    crum.set_current_request(rf.get(f"/certificates/user/{learner.pk}/course/{course.key}", {"preview": "honor"}))
    try:
        context, _template = _render(course.key, learner)
    finally:
        crum.set_current_request(None)

    assert context["stamped_by_host"] is True


def test_an_unsaved_preview_certificate_in_the_context_is_never_redirected(learner, course, classic_en, staff):
    from django.contrib.auth import get_user_model

    _assigned_and_completed(learner, course, classic_en, staff)
    preview_certificate = get_user_model()(username="unsaved")  # any unsaved model: pk is None

    context, _template = CertificateRenderStarted.run_filter(
        context={**_context(course.key, learner), "user_certificate": preview_certificate}, custom_template=None)

    assert context["stamped_by_host"] is True


def test_a_learner_we_have_no_completion_for_sees_the_platforms_certificate(learner, course, classic_en, staff):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)

    context, _template = _render(course.key, learner)

    assert context["stamped_by_host"] is True
