"""The REST API as the MFEs call it: the platform's JWT cookie (edx-drf-extensions'
JwtAuthentication, the two cookies joined again by its JwtAuthCookieMiddleware), its CSRF rules,
from the MFE origin http://apps.lms.test (trusted in CSRF_TRUSTED_ORIGINS as tutor-mfe sets it).

Skipped when edx-drf-extensions is not installed (it is a test requirement, and every Open edX LMS
has it).
"""

import pytest
from django.test import Client

from author_certificates import api
from tests.learner_side import assign_classic, certificate_api_url, complete

jwt_utils = pytest.importorskip("edx_rest_framework_extensions.auth.jwt.tests.utils")

pytestmark = pytest.mark.django_db

MFE_ORIGIN = "http://apps.lms.test"
CSRF_SECRET = "a" * 16 + "B" * 16  # a 32-character CSRF secret, sent as cookie and header


def platform_jwt(user) -> str:
    """A JWT as the LMS issues it (edx-drf-extensions' own payload builder for tests)."""
    return jwt_utils.generate_jwt_token(jwt_utils.generate_latest_version_payload(user))


def mfe_client(user, *, csrf: bool) -> Client:
    """A browser on the MFE origin: the JWT split in the platform's two cookies, no session."""
    client = Client(enforce_csrf_checks=True, HTTP_ORIGIN=MFE_ORIGIN)
    header, payload, signature = platform_jwt(user).split(".")
    client.cookies["edx-jwt-cookie-header-payload"] = f"{header}.{payload}"
    client.cookies["edx-jwt-cookie-signature"] = signature
    if csrf:
        client.cookies["csrftoken"] = CSRF_SECRET
        client.defaults["HTTP_X_CSRFTOKEN"] = CSRF_SECRET
    return client


@pytest.fixture
def completed(course, classic_en, staff, learner, now):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return course


def test_the_jwt_cookie_identifies_the_learner_without_a_session(completed, learner):
    answer = mfe_client(learner, csrf=False).get(certificate_api_url(completed.key))
    assert answer.status_code == 200
    assert answer.json()["certificate"]["state"] == "available" and answer.json()["can_generate"] is True


def test_a_write_with_the_jwt_cookie_needs_the_csrf_token(completed, learner, django_capture_on_commit_callbacks):
    # JwtAuthentication "forgives" a cookie that fails its CSRF check (it authenticates nobody,
    # so a session could still apply); without a session the caller is anonymous: 401.
    refused = mfe_client(learner, csrf=False).post(certificate_api_url(completed.key))
    assert refused.status_code == 401
    assert api.get_certificate_status(user=learner, training=completed).state == "available"
    with django_capture_on_commit_callbacks(execute=False):
        accepted = mfe_client(learner, csrf=True).post(certificate_api_url(completed.key),
                                                          content_type="application/json")
    assert accepted.status_code == 202
    assert api.get_certificate_status(user=learner, training=completed).state == "generating"


def test_an_origin_that_is_not_trusted_is_refused(completed, learner):
    client = mfe_client(learner, csrf=True)
    answer = client.post(certificate_api_url(completed.key), content_type="application/json",
                         HTTP_ORIGIN="http://evil.test")
    assert answer.status_code == 401
    assert api.get_certificate_status(user=learner, training=completed).state == "available"


def test_the_authorization_header_needs_no_csrf_token(completed, learner, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"JWT {platform_jwt(learner)}")
    with django_capture_on_commit_callbacks(execute=False):
        answer = client.post(certificate_api_url(completed.key))
    assert answer.status_code == 202


def test_a_forged_jwt_is_401(completed, learner):
    client = mfe_client(learner, csrf=True)
    client.cookies["edx-jwt-cookie-signature"] = "forged"
    answer = client.get(certificate_api_url(completed.key))
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("JWT")


def test_the_selector_assigns_with_the_jwt_cookie_and_an_inspector_cannot(course, trainer, inspector, classic_en):
    url = f"/api/author-certificates/v1/trainings/{course.key}/certificate/"
    assigned = mfe_client(trainer, csrf=True).put(url, {"classic": str(classic_en.uuid)},
                                                   content_type="application/json")
    assert assigned.status_code == 200
    assert assigned.json()["current"]["classic"]["uuid"] == str(classic_en.uuid)
    refused = mfe_client(inspector, csrf=True).put(url, {"classic": str(classic_en.uuid)},
                                                    content_type="application/json")
    assert refused.status_code == 403
    assert mfe_client(inspector, csrf=False).get(url).json()["can_assign"] is False
