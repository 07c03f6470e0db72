"""Django app configuration and the Open edX plugin declaration (edx-django-utils plugin API).

edx-platform finds this AppConfig through the ``lms.djangoapp`` and ``cms.djangoapp`` entry
points and reads ``plugin_app`` with edx-django-utils: ``get_plugin_url_patterns`` mounts
``url_config``, ``add_plugins`` calls ``plugin_settings`` of each ``settings_config`` module, and
``connect_plugin_receivers`` connects each entry of ``signals_config``. The keys below are the
string values of edx-django-utils' ``PluginURLs``/``PluginSettings``/``PluginSignals`` constants
(a hard dependency; tests/test_plugin_loading.py checks the two stay equal).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

LMS, CMS = "lms.djangoapp", "cms.djangoapp"

# One receiver per openedx-events signal; the same table drives edx-django-utils (in Open edX)
# and our own ready() (in any other host), with the same dispatch_uid so both never double up.
RECEIVERS = [
    ("course_passing_status_updated", "openedx_events.learning.signals.COURSE_PASSING_STATUS_UPDATED"),
    ("ccx_course_passing_status_updated", "openedx_events.learning.signals.CCX_COURSE_PASSING_STATUS_UPDATED"),
    ("program_certificate_awarded", "openedx_events.learning.signals.PROGRAM_CERTIFICATE_AWARDED"),
    ("program_certificate_revoked", "openedx_events.learning.signals.PROGRAM_CERTIFICATE_REVOKED"),
    ("course_catalog_info_changed", "openedx_events.content_authoring.signals.COURSE_CATALOG_INFO_CHANGED"),
    ("certificate_created", "openedx_events.learning.signals.CERTIFICATE_CREATED"),
    ("certificate_revoked", "openedx_events.learning.signals.CERTIFICATE_REVOKED"),
]
# Receivers of edx-platform's own Django signals: declared to edx-django-utils for the LMS only
# (the service whose retirement API sends them); other hosts connect them when compat finds them.
HOST_RECEIVERS = [
    ("learner_retired", "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_CRITICAL"),
]


def receiver_dispatch_uid(receiver_func_name: str) -> str:
    """The dispatch_uid edx-django-utils gives a receiver (``<module>.<function>``), spelled out once."""
    return f"author_certificates.signals.{receiver_func_name}"


def _url_config(relative_path: str) -> dict:
    # Each service mounts its own pages (lms_urls.py, cms_urls.py; docs/decisions/0096): learner
    # pages and API in the LMS, the Author tool in Studio, a training's staff pages and the staff
    # API in both. edx-django-utils sets app_name to the AppConfig name; each module declares the same.
    return {"namespace": "author_certificates", "regex": r"^", "relative_path": relative_path}


def _settings_config() -> dict:
    return {
        "common": {"relative_path": "settings.common"},
        "production": {"relative_path": "settings.production"},
        "test": {"relative_path": "settings.test"},
        "devstack": {"relative_path": "settings.common"},
    }


def _signals_config(*, with_host_receivers: bool) -> dict:
    receivers = RECEIVERS + (HOST_RECEIVERS if with_host_receivers else [])
    return {
        "relative_path": "signals",
        "receivers": [
            {
                "receiver_func_name": name,
                "signal_path": signal_path,
                "dispatch_uid": receiver_dispatch_uid(name),
            }
            for name, signal_path in receivers
        ],
    }


class AuthorCertificatesConfig(AppConfig):
    name = "author_certificates"
    verbose_name = _("Author certificates")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {LMS: _url_config("lms_urls"), CMS: _url_config("cms_urls")},
        "settings_config": {LMS: _settings_config(), CMS: _settings_config()},
        "signals_config": {
            LMS: _signals_config(with_host_receivers=True),
            CMS: _signals_config(with_host_receivers=False),
        },
    }

    def ready(self) -> None:
        # Register the system checks and connect the receivers for hosts that are not Open edX
        # (in Open edX, edx-django-utils connects the same receivers with the same dispatch_uid,
        # which Django de-duplicates).
        # jobs: its Celery tasks are registered on every worker that loads the plugin.
        from . import checks, jobs, signals  # noqa: F401

        signals.connect_receivers()
        # The header's links are worked out at sign-in (views/navigation.py).
        from django.contrib.auth.signals import user_logged_in

        from .views.navigation import remember_navigation

        user_logged_in.connect(remember_navigation, dispatch_uid="author_certificates.remember_navigation")
