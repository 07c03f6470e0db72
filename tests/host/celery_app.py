"""The host's Celery app, configured from Django settings (CELERY_* names), as in Open edX."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.host.settings")

app = Celery("host")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["author_certificates"])
