"""Fixtures shared by every test module: fixed times, users, trainings and certificates."""

from __future__ import annotations

import datetime

import pytest

from tests.tools.ci_skips import pytest_runtest_makereport  # noqa: F401 - the hook, installed here

FIXED_NOW = datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC)

SIMPLE_HTML = """<main>
  <h1>{{ training_title }}</h1>
  <p class="name">{{ learner_full_name }}</p>
  <p>Completed on {{ completion_date }}, issued on {{ generation_date }}</p>
  <p>{{ verification_url }}</p>
</main>"""


@pytest.fixture
def now():
    return FIXED_NOW


@pytest.fixture
def pages_read_fixed_now(monkeypatch):
    """Pages and endpoints ask the API without a time, so the API reads the clock (in
    ``api._common.now_or``, its one place): here it reads FIXED_NOW, the time the test's rows
    were written at, so that a certificate requested then is not yet stalled."""
    import types

    from django.utils import timezone

    from author_certificates.api import _common

    monkeypatch.setattr(_common, "timezone", types.SimpleNamespace(now=lambda: FIXED_NOW, is_naive=timezone.is_naive))
    return FIXED_NOW


@pytest.fixture
def make_user(django_user_model):
    def make(username: str, **extra):
        extra.setdefault("first_name", username.capitalize())
        extra.setdefault("last_name", "Tester")
        return django_user_model.objects.create_user(username=username, password="pass", **extra)

    return make


@pytest.fixture
def author(make_user):
    return make_user("author", is_staff=True)


@pytest.fixture
def staff(make_user):
    return make_user("staff", is_staff=True)


@pytest.fixture
def learner(make_user):
    return make_user("learner", first_name="Ada", last_name="Lovelace")


@pytest.fixture
def trainer(make_user, course):
    """A trainer of ``course`` through the plugin's own role table."""
    from author_certificates import api

    user = make_user("trainer")
    api.grant_role(user=user, role="trainer", training=course)
    return user


@pytest.fixture
def inspector(make_user, course):
    """An inspector (read-only auditor) of ``course`` through the plugin's own role table."""
    from author_certificates import api

    user = make_user("inspector")
    api.grant_role(user=user, role="inspector", training=course)
    return user


@pytest.fixture
def course(db, now):
    from author_certificates import api

    return api.register_training(key="course-v1:DemoX+CS101+2026", title="Computing 101", tenant="default", now=now)


@pytest.fixture
def author_version(db, author, now):
    """Version 1 of an author certificate of the default tenant."""
    from author_certificates import api

    return api.create_author_certificate(
        tenant="default", title="Diploma", html=SIMPLE_HTML, css="h1 { color: #123; }", created_by=author, now=now
    )


@pytest.fixture
def classic_en(db):
    from author_certificates.models import ClassicCertificate

    return ClassicCertificate.objects.get(tenant="", builtin_language="en")


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """LocaleMiddleware activates a request's language in the test's thread and leaves it active:
    a page served in Spanish would otherwise make every later test read Spanish words."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def isolated_certificate_storage(settings, tmp_path):
    """Each test stores PDFs in its own folder, never in the working tree."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
        "author_certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "certificates")},
        },
    }


@pytest.fixture
def certificate_files(settings, tmp_path):
    """Issued PDFs go to a fresh folder (the "author_certificates" storage alias); returns a
    function listing the stored names, so tests can assert that nothing is left behind."""
    root = tmp_path / "certificates"
    settings.STORAGES = {**settings.STORAGES, "author_certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}}}
    return lambda: sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
