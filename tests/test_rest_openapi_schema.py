"""The REST API's OpenAPI 3 schema: served publicly at /api/author-certificates/v1/schema/, and
committed at docs/openapi.yaml exactly as generated (`make openapi` rewrites it)."""

from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from author_certificates.rest_api.v1.schema import generate, generate_yaml

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "openapi.yaml"


def test_the_committed_schema_is_the_generated_one():
    # The same with Ulmo's, Verawood's and the newest pins of DRF and drf-spectacular (checked).
    assert COMMITTED.read_text() == generate_yaml(), "docs/openapi.yaml is stale: run `make openapi` and commit it"


def test_every_endpoint_of_the_api_is_in_the_schema():
    paths = generate()["paths"]
    prefix = "/api/author-certificates/v1/"
    assert sorted(path.removeprefix(prefix) for path in paths) == [
        "author-certificates/",
        "author-certificates/{uuid}/versions/",
        "classic-certificates/",
        "records/",
        "records/{training_key}/certificate/",
        "trainings/{training_key}/bulk-generations/",
        "trainings/{training_key}/bulk-generations/{uuid}/",
        "trainings/{training_key}/bulk-generations/{uuid}/cancel/",
        "trainings/{training_key}/certificate-events/",
        "trainings/{training_key}/certificate/",
        "trainings/{training_key}/certificate/previews/classic/{uuid}.pdf",
        "trainings/{training_key}/certificate/previews/version/{uuid}.pdf",
        "trainings/{training_key}/certificates.zip",
        "trainings/{training_key}/certificates/{uuid}/invalidate/",
        "trainings/{training_key}/certificates/{uuid}/reissue/",
        "trainings/{training_key}/report/",
        "verify/{uuid}/",
    ]


def test_every_operation_documents_its_errors_with_the_error_body():
    schema = generate()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {status: answer for status, answer in operation["responses"].items() if status.startswith("4")}
            assert "404" in errors or path.endswith(("/records/", "-certificates/")), (method, path)
            for answer in errors.values():
                assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_request_bodies_are_exact():
    schema = generate()
    assign = schema["components"]["schemas"]["AssignInputRequest"]["properties"]
    assert assign == {"classic": {"type": "string", "format": "uuid", "nullable": True},
                      "version": {"type": "string", "format": "uuid", "nullable": True}}
    design = schema["components"]["schemas"]["DesignInputRequest"]
    assert design["required"] == ["html", "title"]


@pytest.mark.django_db
def test_anyone_may_read_the_schema(client):
    answer = client.get(reverse("author_certificates:api_schema"))
    assert answer.status_code == 200
    served = yaml.safe_load(answer.content)
    assert served["openapi"].startswith("3.") and served["paths"].keys() == generate()["paths"].keys()
    as_json = client.get(reverse("author_certificates:api_schema") + "?format=json")
    assert as_json.status_code == 200 and as_json.json()["info"]["title"] == "author-certificates REST API"
