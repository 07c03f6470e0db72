from django.apps import AppConfig


class HostAppConfig(AppConfig):
    """Stand-in for the host platform: its Celery app, and (later) fake edx-platform tables."""

    name = "tests.host.hostapp"
    label = "hostapp"
    default_auto_field = "django.db.models.BigAutoField"
