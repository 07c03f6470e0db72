"""A small host project that stands in for the Open edX LMS and Studio in tests and the demo.

Database: SQLite in memory by default. ``AC_TEST_DATABASE=postgresql|mysql`` runs the same suites
on the PostgreSQL or MariaDB server on loopback (see tests/conftest.py and .ci/run).
"""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

# edx-platform's import path for the fake host tables (docs/decisions/0054).
# compat.py imports ``common.djangoapps.student.models`` as in edx-platform; this folder
# provides that path (re-exporting tests/host/hostapp/models.py). See docs/decisions/0054.
if str(BASE_DIR / "edx_platform_stub") not in sys.path:
    sys.path.append(str(BASE_DIR / "edx_platform_stub"))
VAR_DIR = Path(os.environ.get("AC_VAR_DIR", BASE_DIR.parent.parent / "var"))

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
USE_I18N = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "tests.host.hostapp",
    "author_certificates",
    # The demo's pages (home, MFE harness) and seed command; its URLs are only in tests.host.demo.urls.
    "tests.host.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tests.host.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ]
        },
    }
]

_ENGINE = os.environ.get("AC_TEST_DATABASE", "sqlite")
# Two checkouts testing on one server at once each set their own name (xdist adds _gw0, _gw1).
_TEST_DATABASE_NAME = os.environ.get("AC_TEST_DATABASE_NAME", "test_author_certificates")
if _ENGINE == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "test",
            "USER": "postgres",
            "HOST": "127.0.0.1",
            "PORT": "5432",
            "TEST": {"NAME": _TEST_DATABASE_NAME},
        }
    }
elif _ENGINE == "mysql":
    import pymysql

    pymysql.install_as_MySQLdb()
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.mysql",
            "NAME": "test",
            "USER": "root",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": "3306",
            "OPTIONS": {"charset": "utf8mb4"},
            "TEST": {"NAME": _TEST_DATABASE_NAME, "CHARSET": "utf8mb4"},
        }
    }
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("AC_SQLITE_PATH", ":memory:")}
    }

# A Celery worker started by tests/services/ must open the test database pytest-django created
# (e.g. test_author_certificates), not the NAME above.
if os.environ.get("AC_DATABASE_NAME"):
    DATABASES["default"]["NAME"] = os.environ["AC_DATABASE_NAME"]
# ...through a TCP proxy of the test when it gives one (tests/services/test_worker_faults.py).
if os.environ.get("AC_DATABASE_PORT"):
    DATABASES["default"]["PORT"] = os.environ["AC_DATABASE_PORT"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "author_certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "certificates")},
    },
}

LOGIN_URL = "/login/"
# Where /login/ sends a user without ?next= (Django's default /accounts/profile/ is not a page here).
LOGIN_REDIRECT_URL = "/signed-in/"

# Celery: in-process by default (the embedded mode); tests of a real worker override this.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("AC_CELERY_EAGER", "1") == "1"
CELERY_BROKER_URL = os.environ.get("AC_CELERY_BROKER", "memory://")
CELERY_RESULT_BACKEND = None

PLATFORM_NAME = "Demo Academy"
LMS_ROOT_URL = "http://127.0.0.1:8000"

# The platform's JWT, as an Open edX LMS configures it (edx-drf-extensions, a test requirement):
# MFEs send it split in two cookies that JwtAuthCookieMiddleware joins again; JwtAuthentication
# (rest_api/v1/permissions.py) reads it and applies CSRF rules to it. The MFE origin
# (apps.<lms host>) is trusted for CSRF as tutor-mfe configures the LMS and Studio.
try:
    import edx_rest_framework_extensions  # noqa: F401
except ImportError:  # hosts without it authenticate with sessions only
    pass
else:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "edx_rest_framework_extensions.auth.jwt.middleware.JwtAuthCookieMiddleware",
    )
    JWT_AUTH = {
        "JWT_AUTH_COOKIE": "edx-jwt-cookie",
        "JWT_AUTH_COOKIE_HEADER_PAYLOAD": "edx-jwt-cookie-header-payload",
        "JWT_AUTH_COOKIE_SIGNATURE": "edx-jwt-cookie-signature",
        "JWT_AUTH_HEADER_PREFIX": "JWT",
        "JWT_DECODE_HANDLER": "edx_rest_framework_extensions.auth.jwt.decoder.jwt_decode_handler",
        "JWT_ISSUERS": [{"ISSUER": "http://lms.test/oauth2", "AUDIENCE": "lms-key",
                         "SECRET_KEY": "tests-only-jwt-secret-of-32-bytes-or-more"}],
        "JWT_PAYLOAD_GET_USERNAME_HANDLER": lambda payload: payload.get("preferred_username"),
        "JWT_SUPPORTED_VERSION": "1.2.0",
        "JWT_VERIFY_AUDIENCE": False,
        "JWT_VERIFY_EXPIRATION": True,
    }
CSRF_TRUSTED_ORIGINS = ["http://apps.lms.test"]

# A worker started by tests/services/ may get more settings as JSON (short sweep intervals, a
# storage that hangs on purpose, a beat schedule): {"NAME": value, ...} replaces those settings.
if os.environ.get("AC_SETTINGS_JSON"):
    import json

    globals().update(json.loads(os.environ["AC_SETTINGS_JSON"]))
