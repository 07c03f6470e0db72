"""Right pages in the right service: what the LMS and Studio mount through ``plugin_app``.

Each urlconf is built exactly as edx-platform builds ``lms/urls.py`` and ``cms/urls.py``
(edx-django-utils' ``get_plugin_url_patterns``), then every page is requested in it.
"""

from __future__ import annotations

import contextlib
import sys
import types

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from edx_django_utils.plugins import get_plugin_url_patterns

from author_certificates import api
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.django_db

LEARNER_PAGES = ["learning_records", "learning_records_request"]
LEARNER_API = ["api_records"]
AUTHORING_PAGES = ["studio-list", "studio-new"]
STAFF_API = ["api_author_certificates", "api_classic_certificates"]


@contextlib.contextmanager
def _mounted_as(project_type: str):
    """ROOT_URLCONF built as edx-platform's lms/urls.py or cms/urls.py builds it."""
    module = types.ModuleType(f"plugin_host_urls_{project_type.split('.')[0]}")
    module.urlpatterns = get_plugin_url_patterns(project_type)
    sys.modules[module.__name__] = module
    try:
        with override_settings(ROOT_URLCONF=module.__name__):
            yield project_type
    finally:
        del sys.modules[module.__name__]


@pytest.fixture(params=["lms.djangoapp", "cms.djangoapp"])
def service(request):
    with _mounted_as(request.param) as project_type:
        yield project_type


def _mounted(name: str, **kwargs) -> bool:
    try:
        reverse(f"author_certificates:{name}", kwargs=kwargs or None)
    except NoReverseMatch:
        return False
    return True


def test_learner_pages_and_the_learner_api_are_mounted_in_the_lms_only(service):
    in_lms = service == "lms.djangoapp"

    for name in LEARNER_PAGES + LEARNER_API:
        assert _mounted(name) is in_lms, name
    assert _mounted("verify", uuid="8d6f1c1e-1111-4222-8333-944455556666") is in_lms
    assert _mounted("api_record_certificate", training_key="course-v1:DemoX+CS101+2026") is in_lms


def test_the_author_tool_is_mounted_in_studio_only(service):
    for name in AUTHORING_PAGES:
        assert _mounted(name) is (service == "cms.djangoapp"), name


def test_training_pages_and_the_staff_api_are_mounted_in_both(service):
    for name in STAFF_API:
        assert _mounted(name), name
    for name in ("training-certificate", "progress-report"):
        assert _mounted(name, training_key="course-v1:DemoX+CS101+2026"), name


def test_every_page_a_service_mounts_answers_staff_without_error(service, client, staff, course, classic_en):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    client.force_login(staff)
    names = {
        "lms.djangoapp": LEARNER_PAGES[:1] + LEARNER_API,
        "cms.djangoapp": AUTHORING_PAGES,
    }[service] + STAFF_API

    for name in names:
        assert client.get(reverse(f"author_certificates:{name}")).status_code == 200, name
    for name in ("training-certificate", "progress-report"):
        url = reverse(f"author_certificates:{name}", kwargs={"training_key": course.key})
        assert client.get(url).status_code == 200, name


def test_a_learner_in_the_lms_generates_and_the_task_goes_to_the_lms_queue(
    client, learner, course, classic_en, staff, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from author_certificates import tasks
    from author_certificates.settings.common import OPEN_EDX_LMS_QUEUE

    settings.AUTHOR_CERTIFICATES_CELERY_QUEUE = OPEN_EDX_LMS_QUEUE
    sent = []
    monkeypatch.setattr(tasks, "runs_in_process", lambda: False)
    monkeypatch.setattr(tasks.generate_certificate_task, "apply_async",
                        lambda args=None, kwargs=None, **options: sent.append((args, options)))
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)
    client.force_login(learner)

    with _mounted_as("lms.djangoapp"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("author_certificates:api_record_certificate",
                                       kwargs={"training_key": course.key}))

    assert response.status_code in (200, 201, 202), response.content
    assert [options["queue"] for _args, options in sent] == ["edx.lms.core.default"]
