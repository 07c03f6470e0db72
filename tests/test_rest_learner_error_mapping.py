"""presentation.http_answer and rest_api.v1.errors: each package exception has one HTTP answer,
shared by every endpoint and page."""

import pytest

from author_certificates import exceptions as e
from author_certificates.presentation import http_answer
from author_certificates.rest_api.v1.errors import status_and_body


@pytest.mark.parametrize(("error", "status", "code"), [
    (e.UnknownTraining("no"), 404, "not_found"),
    (e.UnknownCertificate("no"), 404, "not_found"),
    (e.MalformedTrainingKey("bad key"), 400, "invalid"),
    (e.InvalidInput("bad"), 400, "invalid"),
    (e.PermissionDenied("no"), 403, "permission_denied"),
    (e.NotCompleted("not yet"), 403, "not_completed"),
    (e.NothingAssigned("none"), 409, "nothing_assigned"),
    (e.VersionConflict("again"), 409, "version_conflict"),
])
def test_each_exception_has_its_status_and_code(error, status, code):
    http_status, body = status_and_body(error)
    assert (http_status, body["code"]) == (status, code)
    assert body["detail"] == str(error)


def test_another_tenant_s_object_is_404_without_details():
    assert status_and_body(e.WrongTenant("tenant acme")) == (404, {"detail": "Not found.", "code": "not_found"})


def test_an_invalid_design_lists_its_problems():
    error = e.InvalidDesign([e.DesignProblem("unknown placeholder 'x'", line=3)])
    http_status, body = status_and_body(error)
    assert http_status == 400 and body["problems"] == [
        {"message": "unknown placeholder 'x'", "line": 3, "field": "html"}]


def test_failures_that_are_bugs_stay_500s():
    assert http_answer(e.RenderingFailed("boom")) is None and http_answer(ValueError("x")) is None
    assert status_and_body(e.GenerationFailed("boom"))[0] == 500
