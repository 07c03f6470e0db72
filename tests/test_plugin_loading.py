"""The plugin loads the way edx-platform loads it: entry points read by edx-django-utils.

Nothing of edx-django-utils or openedx-events is mocked: the entry points come from the
package's installed metadata (``pip install -e .``), and every function below is the one
edx-platform calls from its settings, urls and plugins app.
"""

from __future__ import annotations

import importlib.metadata
import sys
import types
import uuid

import pytest
from django.test import override_settings
from django.urls import resolve, reverse
from edx_django_utils.plugins import (
    PluginSettings,
    PluginSignals,
    PluginURLs,
    add_plugins,
    connect_plugin_receivers,
    get_plugin_apps,
    get_plugin_url_patterns,
)
from openedx.core.djangoapps.user_api.accounts.signals import USER_RETIRE_LMS_CRITICAL
from openedx_events.content_authoring.signals import COURSE_CATALOG_INFO_CHANGED
from openedx_events.learning.signals import (
    CCX_COURSE_PASSING_STATUS_UPDATED,
    CERTIFICATE_CREATED,
    CERTIFICATE_REVOKED,
    COURSE_PASSING_STATUS_UPDATED,
    PROGRAM_CERTIFICATE_AWARDED,
    PROGRAM_CERTIFICATE_REVOKED,
)

from author_certificates import signals
from author_certificates.apps import AuthorCertificatesConfig
from author_certificates.conf import DEFAULTS
from author_certificates.models import Completion
from tests.host.hostapp import emit

PROJECT_TYPES = ["lms.djangoapp", "cms.djangoapp"]
APP_CONFIG_PATH = "author_certificates.apps.AuthorCertificatesConfig"


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_the_entry_point_is_visible_through_importlib_metadata(project_type):
    entry_points = importlib.metadata.entry_points(group=project_type)

    assert [(ep.name, ep.value) for ep in entry_points if ep.name == "author_certificates"] == [
        ("author_certificates", "author_certificates.apps:AuthorCertificatesConfig")
    ]
    assert entry_points["author_certificates"].load() is AuthorCertificatesConfig


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_get_plugin_apps_lists_our_app_config(project_type):
    assert APP_CONFIG_PATH in get_plugin_apps(project_type)


def test_plugin_app_uses_the_keys_edx_django_utils_reads():
    plugin_app = AuthorCertificatesConfig.plugin_app

    assert set(plugin_app) == {PluginURLs.CONFIG, PluginSettings.CONFIG, PluginSignals.CONFIG}
    for project_type in PROJECT_TYPES:
        assert set(plugin_app[PluginURLs.CONFIG][project_type]) <= {
            PluginURLs.NAMESPACE, PluginURLs.REGEX, PluginURLs.RELATIVE_PATH, PluginURLs.APP_NAME}
        for receiver in plugin_app[PluginSignals.CONFIG][project_type][PluginSignals.RECEIVERS]:
            assert set(receiver) <= {PluginSignals.RECEIVER_FUNC_NAME, PluginSignals.SIGNAL_PATH,
                                     PluginSignals.DISPATCH_UID, PluginSignals.SENDER_PATH}


@pytest.fixture
def plugin_urlconf():
    """A host urls module built as edx-platform's lms/urls.py builds it."""
    module = types.ModuleType("plugin_host_urls")
    module.urlpatterns = get_plugin_url_patterns("lms.djangoapp")
    sys.modules[module.__name__] = module
    yield module.__name__
    del sys.modules[module.__name__]


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_get_plugin_url_patterns_mounts_our_urls_under_our_namespace(project_type):
    patterns = get_plugin_url_patterns(project_type)

    ours = [pattern for pattern in patterns if getattr(pattern, "namespace", None) == "author_certificates"]
    assert len(ours) == 1
    assert ours[0].app_name == "author_certificates"
    expected = {"lms.djangoapp": "author_certificates.lms_urls", "cms.djangoapp": "author_certificates.cms_urls"}
    assert ours[0].urlconf_module.__name__ == expected[project_type]


@pytest.mark.django_db
def test_the_mounted_urls_resolve_and_answer(plugin_urlconf, client):
    some_uuid = uuid.UUID("8d6f1c1e-1111-4222-8333-944455556666")
    with override_settings(ROOT_URLCONF=plugin_urlconf):
        url = reverse("author_certificates:verify", kwargs={"uuid": some_uuid})
        assert resolve(url).namespace == "author_certificates"
        response = client.get(url)
    assert url == f"/author-certificates/verify/{some_uuid}/"
    assert response.status_code == 404  # our view answered: no such certificate


def _host_settings_module(name: str, **values) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in values.items():
        setattr(module, key, value)
    sys.modules[name] = module
    return module


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_add_plugins_merges_our_settings_into_the_host_settings_module(project_type):
    host_step = "host_platform.filters.StampCertificate"
    module = _host_settings_module(
        "plugin_host_settings_common",
        AUTHOR_CERTIFICATES_CELERY_QUEUE="edx.lms.core.high",
        OPEN_EDX_FILTERS_CONFIG={
            "org.openedx.learning.certificate.render.started.v1": {"pipeline": [host_step], "fail_silently": False},
        },
    )
    try:
        add_plugins(module.__name__, project_type, "common")
    finally:
        del sys.modules[module.__name__]

    assert module.AUTHOR_CERTIFICATES_CELERY_QUEUE == "edx.lms.core.high"  # the host's value wins
    for name, default in DEFAULTS.items():
        if name != "CELERY_QUEUE":
            assert getattr(module, f"AUTHOR_CERTIFICATES_{name}") == default
    render = module.OPEN_EDX_FILTERS_CONFIG["org.openedx.learning.certificate.render.started.v1"]
    assert render == {"pipeline": [host_step, "author_certificates.pipeline.ServeAuthorCertificate"],
                      "fail_silently": False}
    assert "org.openedx.learning.certificate.creation.requested.v1" in module.OPEN_EDX_FILTERS_CONFIG


def test_add_plugins_production_reads_the_operators_env_tokens():
    module = _host_settings_module(
        "plugin_host_settings_production",
        ENV_TOKENS={"AUTHOR_CERTIFICATES_DEFAULT_TENANT": "acme", "AUTHOR_CERTIFICATES_MAX_ASSET_BYTES": 1024,
                    "PLATFORM_NAME": "not ours"},
    )
    try:
        add_plugins(module.__name__, "lms.djangoapp", "production")
    finally:
        del sys.modules[module.__name__]

    assert module.AUTHOR_CERTIFICATES_DEFAULT_TENANT == "acme"
    assert module.AUTHOR_CERTIFICATES_MAX_ASSET_BYTES == 1024
    assert not hasattr(module, "PLATFORM_NAME")
    assert module.AUTHOR_CERTIFICATES_STORAGE_ALIAS == DEFAULTS["STORAGE_ALIAS"]


RECEIVERS = {
    COURSE_PASSING_STATUS_UPDATED: signals.course_passing_status_updated,
    CCX_COURSE_PASSING_STATUS_UPDATED: signals.ccx_course_passing_status_updated,
    PROGRAM_CERTIFICATE_AWARDED: signals.program_certificate_awarded,
    PROGRAM_CERTIFICATE_REVOKED: signals.program_certificate_revoked,
    COURSE_CATALOG_INFO_CHANGED: signals.course_catalog_info_changed,
    CERTIFICATE_CREATED: signals.certificate_created,
    CERTIFICATE_REVOKED: signals.certificate_revoked,
}


def _live_receivers(signal) -> list:
    return [ref() for _key, ref, *_rest in signal.receivers if ref() is not None]


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_connect_plugin_receivers_connects_each_receiver_once_to_the_real_signal(project_type):
    connect_plugin_receivers(project_type)
    connect_plugin_receivers(project_type)  # edx-platform and our ready() both connect: no duplicates

    for signal, receiver in RECEIVERS.items():
        assert _live_receivers(signal).count(receiver) == 1, signal.event_type
    # edx-platform's retirement signal (declared for the LMS; our ready() connects it where it exists).
    assert _live_receivers(USER_RETIRE_LMS_CRITICAL).count(signals.learner_retired) == 1


def test_the_retirement_receiver_is_declared_for_the_lms_only():
    config = AuthorCertificatesConfig.plugin_app[PluginSignals.CONFIG]

    def names(project_type):
        receivers = config[project_type][PluginSignals.RECEIVERS]
        return {receiver[PluginSignals.RECEIVER_FUNC_NAME] for receiver in receivers}

    assert "learner_retired" in names("lms.djangoapp")
    assert "learner_retired" not in names("cms.djangoapp")
    assert {"certificate_created", "certificate_revoked"} <= names("cms.djangoapp") & names("lms.djangoapp")


@pytest.mark.django_db
def test_a_real_event_reaches_the_connected_receiver(learner):
    connect_plugin_receivers("lms.djangoapp")

    emit.course_passing_status(user=learner, course_key="course-v1:DemoX+CS101+2026", is_passing=True)

    assert Completion.objects.filter(user=learner, training__key="course-v1:DemoX+CS101+2026").count() == 1


@pytest.mark.parametrize("queue", [None, "author_certificates.generation"])
def test_plugin_settings_route_generation_to_the_lms_queue(queue):
    from author_certificates.settings.common import OPEN_EDX_LMS_QUEUE, plugin_settings

    module = types.ModuleType("cms_settings")
    if queue:
        module.AUTHOR_CERTIFICATES_CELERY_QUEUE = queue

    plugin_settings(module)

    assert module.AUTHOR_CERTIFICATES_CELERY_QUEUE == (queue or OPEN_EDX_LMS_QUEUE)
    assert OPEN_EDX_LMS_QUEUE == "edx.lms.core.default"
