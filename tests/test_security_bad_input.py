"""Security regression suite: bad input is answered with a 4xx and a message, never a 500, within a
bound on time, through the REST API and the HTML pages alike.

JSON bodies that are not objects (once 500: ``request.data.get`` on a list), JSON nested 50,000
deep (once 500: RecursionError in the parser), 5000 query or form parameters (Django's
TooManyFieldsSent), malformed training keys, uuids, cursors and page sizes, and verification
uploads larger than a certificate: refused by their Content-Length before the body is read, and
while they stream in (never read much past the limit).
"""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, FakePayload, encode_multipart
from django.urls import reverse
from rest_framework.test import APIClient

from author_certificates import uploads
from tests.learner_side import assign_classic, complete, generate_now

pytestmark = pytest.mark.django_db

SECONDS = 5  # each refusal takes milliseconds; the bound separates "refused at once" from "worked on it"
CERTIFICATES_URL = reverse("author_certificates:api_author_certificates")
RECORDS_URL = reverse("author_certificates:api_records")
NOT_OBJECTS = ["[]", "[1, 2]", '"a string"', "null", "42", "true"]
DEEP_JSON = {"list": "[" * 50_000 + "]" * 50_000, "object": '{"a": ' * 50_000 + "1" + "}" * 50_000}
MANY_PARAMETERS = "&".join(f"p{number}=1" for number in range(5000))


def timed(call):
    started = time.monotonic()
    answer = call()
    assert time.monotonic() - started < SECONDS, "answered, but too slowly to be a refusal"
    return answer


def training_url(training, what="certificate"):
    key = getattr(training, "key", training)
    return reverse(f"author_certificates:api_training_{what}", kwargs={"training_key": key})


@pytest.fixture
def staff_api(staff):
    client = APIClient()
    client.force_login(staff)
    return client


@pytest.fixture
def json_writes(course, author_version):
    """Every endpoint that reads a JSON body: (method, url)."""
    versions = reverse("author_certificates:api_author_certificate_versions",
                       kwargs={"uuid": author_version.certificate.uuid})
    return [("put", training_url(course)), ("post", CERTIFICATES_URL), ("post", versions)]


def test_json_bodies_that_are_not_objects_are_refused_with_400(staff_api, json_writes):
    for method, url in json_writes:
        for body in NOT_OBJECTS:
            answer = timed(lambda: getattr(staff_api, method)(url, body, content_type="application/json"))  # noqa: B023
            assert answer.status_code == 400, (method, url, body, answer.content)
            assert answer.json()["code"] == "invalid" and answer.json()["detail"], (method, url, body)


@pytest.mark.parametrize("shape", DEEP_JSON)
def test_json_nested_50000_deep_is_refused_with_400(staff_api, json_writes, shape):
    for method, url in json_writes:
        answer = timed(lambda: getattr(staff_api, method)(url, DEEP_JSON[shape],  # noqa: B023
                                                          content_type="application/json"))
        assert answer.status_code == 400, (method, url)
        assert answer.json()["code"] == "parse_error" and "nested too deeply" in answer.json()["detail"]


def test_5000_query_parameters_are_refused_with_400_by_the_api(learner):
    client = APIClient()
    client.force_login(learner)
    answer = timed(lambda: client.get(f"{RECORDS_URL}?{MANY_PARAMETERS}"))
    assert answer.status_code == 400
    assert answer.json()["code"] == "bad_request" and "parameters" in answer.json()["detail"]


def test_5000_form_fields_are_refused_with_400_by_the_api(staff_api):
    answer = timed(lambda: staff_api.post(CERTIFICATES_URL, MANY_PARAMETERS,
                                          content_type="application/x-www-form-urlencoded"))
    assert answer.status_code == 400 and answer.json()["code"] == "bad_request"


def test_5000_query_parameters_are_refused_with_400_by_the_pages(staff, learner, course):
    staff_client, learner_client = Client(), Client()
    staff_client.force_login(staff)
    learner_client.force_login(learner)
    report = reverse("author_certificates:progress-report", kwargs={"training_key": course.key})
    certificate = reverse("author_certificates:training-certificate", kwargs={"training_key": course.key})
    records = reverse("author_certificates:learning_records")
    for client, url in ((staff_client, report), (staff_client, certificate), (learner_client, records)):
        answer = timed(lambda: client.get(f"{url}?{MANY_PARAMETERS}"))  # noqa: B023
        assert answer.status_code == 400, url


def test_5000_form_fields_are_refused_with_400_by_the_pages(staff, course):
    client = Client()
    client.force_login(staff)
    page = reverse("author_certificates:training-certificate", kwargs={"training_key": course.key})
    answer = timed(lambda: client.post(page, MANY_PARAMETERS, content_type="application/x-www-form-urlencoded"))
    assert answer.status_code == 400


@pytest.mark.parametrize("key", ["not-a-key", "course-v1:bad", "program:Org+x", "course-v1:A+B+C+D+E"])
def test_malformed_training_keys_are_refused_with_400_naming_the_expected_form(staff, learner, key):
    learner_api, staff_api, page = APIClient(), APIClient(), Client()
    learner_api.force_login(learner)
    staff_api.force_login(staff)
    page.force_login(staff)
    record = reverse("author_certificates:api_record_certificate", kwargs={"training_key": key})
    for client, url in ((learner_api, record), (staff_api, training_url(key)), (staff_api, training_url(key, "report")),
                        (staff_api, reverse("author_certificates:api_bulk_generations", kwargs={"training_key": key}))):
        answer = timed(lambda: client.get(url))  # noqa: B023
        assert answer.status_code == 400 and "course-v1:Org+Number+Run" in answer.json()["detail"], url
    report_page = reverse("author_certificates:progress-report", kwargs={"training_key": key})
    answer = timed(lambda: page.get(report_page))
    assert answer.status_code == 400 and "course-v1:Org+Number+Run" in answer.content.decode()


@pytest.mark.parametrize("body", [{"classic": "not-a-uuid"}, {"version": "12"}, {"version": ["x"]},
                                  {"classic": "", "version": ""}, {}])
def test_malformed_ids_in_a_body_are_refused_with_400_naming_the_field(staff_api, course, body):
    answer = timed(lambda: staff_api.put(training_url(course), body, format="json"))
    assert answer.status_code == 400 and answer.json()["code"] == "invalid" and answer.json()["detail"]


def test_malformed_ids_in_a_path_answer_the_apis_json_404(staff_api):
    for url in ("/api/author-certificates/v1/author-certificates/not-a-uuid/versions/",
                "/api/author-certificates/v1/verify/null,null/",
                "/api/author-certificates/v1/no-such-endpoint/"):
        answer = timed(lambda: staff_api.get(url))  # noqa: B023
        assert answer.status_code == 404 and answer.json()["code"] == "not_found", url


@pytest.mark.parametrize("query", ["cursor=abc", "cursor=-1", "page_size=0", "page_size=501", "page_size=x",
                                   "kind=diploma"])
def test_malformed_list_parameters_are_refused_with_400(learner, query):
    client = APIClient()
    client.force_login(learner)
    answer = timed(lambda: client.get(f"{RECORDS_URL}?{query}"))
    assert answer.status_code == 400 and answer.json()["code"] == "invalid", query


@pytest.mark.parametrize("query", ["cursor=abc", "page_size=0", "state=lost", "completed_from=yesterday",
                                   "sort=--learner"])
def test_malformed_report_parameters_are_refused_with_400(staff_api, course, query):
    answer = timed(lambda: staff_api.get(f"{training_url(course, 'report')}?{query}"))
    assert answer.status_code == 400 and answer.json()["detail"], query


# --- Verification uploads: refused before they are read, or while they stream ------------------


class CountingPayload(FakePayload):
    """The request body, counting what the server reads of it."""

    def __init__(self, content: bytes):
        super().__init__(content)
        self.read_bytes = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk


@pytest.fixture
def issued(course, classic_en, staff, learner, now, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return generate_now(learner, course, now, django_capture_on_commit_callbacks)


def verify_urls(issued):
    return {"page": reverse("author_certificates:verify", kwargs={"uuid": issued.uuid}),
            "api": reverse("author_certificates:api_verify", kwargs={"uuid": issued.uuid})}


@pytest.mark.parametrize("where", ["page", "api"])
def test_a_verification_upload_announced_too_large_is_refused_unread(issued, where):
    body = CountingPayload(b"")  # reading it at all would fail the test client: nothing is there
    answer = timed(lambda: Client().generic("POST", verify_urls(issued)[where], b"", content_type=MULTIPART_CONTENT,
                                            CONTENT_LENGTH=str(200 * 1024 * 1024), CONTENT_TYPE=MULTIPART_CONTENT,
                                            **{"wsgi.input": body}))
    assert answer.status_code == 413 and body.read_bytes == 0
    assert "too large" in answer.content.decode()


@pytest.mark.parametrize("where", ["page", "api"])
def test_a_verification_upload_larger_than_it_said_stops_being_read_at_the_limit(issued, where, monkeypatch):
    limit = 100 * 1024
    monkeypatch.setattr(uploads, "MAX_VERIFICATION_UPLOAD_BYTES", limit)
    monkeypatch.setattr(uploads, "VERIFICATION_ENVELOPE_BYTES", 50 * 1024 * 1024)  # let it past the first check
    content = encode_multipart(BOUNDARY, {"file": _upload(b"%PDF-" + b"x" * (5 * 1024 * 1024))})
    body = CountingPayload(content)
    answer = timed(lambda: Client().generic("POST", verify_urls(issued)[where], b"", content_type=MULTIPART_CONTENT,
                                            CONTENT_LENGTH=str(len(content)), CONTENT_TYPE=MULTIPART_CONTENT,
                                            **{"wsgi.input": body}))
    assert answer.status_code == 413 and "too large" in answer.content.decode()
    assert body.read_bytes < limit + 3 * 64 * 1024, f"read {body.read_bytes} bytes of {len(content)}"


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("certificate.pdf", content, "application/pdf")


@pytest.mark.parametrize("where", ["page", "api"])
def test_a_verification_upload_within_the_limit_is_still_checked(issued, where, certificate_files):
    answer = Client().post(verify_urls(issued)[where], {"file": _upload(b"%PDF-1.7 not the issued one")})
    assert answer.status_code == 200
    if where == "api":
        assert answer.json()["file_matches"] is False
