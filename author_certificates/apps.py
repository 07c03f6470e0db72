"""Django app configuration and the Open edX plugin declaration (edx-django-utils plugin API)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The plugin shape edx-django-utils reads for both project types; spelled out with plain strings
# so that this module imports nothing from edx-django-utils (it also runs in plain Django hosts).
_PROJECT_URLS = {
    "namespace": "author_certificates",
    "regex": r"^",
    "relative_path": "urls",
}
_PROJECT_SETTINGS = {
    "common": {"relative_path": "settings.common"},
    "production": {"relative_path": "settings.production"},
    "test": {"relative_path": "settings.test"},
    "devstack": {"relative_path": "settings.common"},
}


class AuthorCertificatesConfig(AppConfig):
    name = "author_certificates"
    verbose_name = _("Author certificates")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {"lms.djangoapp": dict(_PROJECT_URLS), "cms.djangoapp": dict(_PROJECT_URLS)},
        "settings_config": {"lms.djangoapp": dict(_PROJECT_SETTINGS), "cms.djangoapp": dict(_PROJECT_SETTINGS)},
        "signals_config": {
            "lms.djangoapp": {"relative_path": "signals", "receivers": []},
            "cms.djangoapp": {"relative_path": "signals", "receivers": []},
        },
    }

    def ready(self) -> None:
        # Connect receivers and register system checks (import for side effects).
        from . import checks, signals  # noqa: F401
