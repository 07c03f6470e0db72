"""Settings of `make demo`: the stand-in host with a file SQLite database, DEBUG and demo data."""

import os

from .settings import *  # noqa: F403
from .settings import VAR_DIR

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("AC_SQLITE_PATH", str(VAR_DIR / "demo.sqlite3")),
    }
}
ROOT_URLCONF = "tests.host.demo.urls"
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"author_certificates": {"handlers": ["console"], "level": "INFO"}},
}
