"""A property-based run of every REST endpoint over its OpenAPI schema (schemathesis + Hypothesis).

Each operation of docs/openapi.yaml's source (rest_api/v1/schema.py) gets generated requests,
valid and not, sent through Django's WSGI application in this process (no server to start), as
each role: anonymous, the learner who completed the training, its trainer, its inspector, and a
staff admin (who also authors). Each request goes twice: with the generated path parameters, and
with the real training and objects substituted, so that the answers behind the permission checks
are exercised too. Any 5xx, or any answer whose status, content type or body the schema does not
describe, fails the test.

Bounded for `make test`: ``MAX_EXAMPLES`` examples per operation, derandomized (the same run
every time; set AC_SCHEMATHESIS_EXAMPLES higher to search further).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from author_certificates import api
from author_certificates.rest_api.v1.schema import generate
from tests.learner_side import generate_now

MAX_EXAMPLES = int(os.environ.get("AC_SCHEMATHESIS_EXAMPLES", "5"))
CSRF = "s" * 32  # a CSRF secret sent as the cookie and the header (Django accepts the unmasked secret)
ROLES = ("anonymous", "learner", "trainer", "inspector", "staff")

schema = schemathesis.openapi.from_dict(generate())
schema.app = WSGIHandler()

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def keep_the_test_connection():
    """Requests go through a bare WSGIHandler, whose request_started / request_finished signals
    would close the test's database connection (its transaction) after each request on PostgreSQL
    and MariaDB; Django's test client disconnects them the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def world(keep_the_test_connection, db, make_user, course, learner, trainer, inspector, staff, author_version,
          classic_en, now, django_capture_on_commit_callbacks):
    """A training with a certificate assigned, a learner who completed it, its staff, and each
    role's session cookies."""
    api.assign_certificate(training=course, version=author_version, assigned_by=staff)
    api.record_completion(user=learner, training=course, completed_at=now)
    bulk, _started = api.start_bulk_generation(user=staff, training=course)
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)
    users = {"learner": learner, "trainer": trainer, "inspector": inspector, "staff": staff}
    cookies = {"anonymous": {}}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        cookies[role] = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF}
    return {
        "cookies": cookies,
        "path": {"training_key": course.key, "uuid": str(author_version.certificate.uuid)},
        "bulk": str(bulk.uuid),
        "version": str(author_version.uuid),
        "classic": str(classic_en.uuid),
        "issued": str(issued.uuid),
    }


def _real_path(case, world) -> dict:
    """The case's path parameters with the world's objects in place of the generated ones."""
    parameters = dict(case.path_parameters or {})
    if "training_key" in parameters:
        parameters["training_key"] = world["path"]["training_key"]
    if "uuid" in parameters:
        if "bulk-generations" in case.path:
            parameters["uuid"] = world["bulk"]
        elif "/previews/" in case.path:  # the previews of "Select certificate"'s options
            parameters["uuid"] = world["classic" if "/classic/" in case.path else "version"]
        elif "verify" in case.path or "/certificates/" in case.path:  # an issued certificate
            parameters["uuid"] = world["issued"]
        else:
            parameters["uuid"] = world["path"]["uuid"]
    return parameters


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_every_endpoint_answers_as_its_schema_says(case, world):
    generated = dict(case.path_parameters or {})
    for parameters in (generated, _real_path(case, world)):
        case.path_parameters = parameters
        for role in ROLES:
            headers = {"X-CSRFToken": CSRF} if role != "anonymous" else {}
            response = case.call(headers=headers, cookies=world["cookies"][role])
            case.validate_response(response, checks=CHECKS, headers=headers)
