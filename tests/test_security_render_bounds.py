"""Security regression suite: every payload that could make a render unbounded is
answered with a 4xx and a message, within a bound on time, through the REST API an author uses.

Speed is measured in bench/; the bound here is a generous ceiling that separates "refused at
once" from the minutes (and gigabytes) these payloads took before they were bounded.
"""

import base64
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from author_certificates.models import AuthorCertificate

pytestmark = pytest.mark.django_db

CERTIFICATES_URL = reverse("author_certificates:api_author_certificates")
# Far above the fraction of a second each refusal takes, far below what the payloads took unbounded.
SECONDS = 15
HEAD = "<p>{{ learner_full_name }}</p>\n"  # every payload is on line 2

TEMPLATE_PAYLOADS = {
    # once saved (201) after 17 s, the server grown from 0.7 to 3.0 GB
    "center": "{{ learner_full_name.center(1500000000)|length }}",
    "ljust": "{{ learner_full_name.ljust(1500000000)|length }}",
    "zfill": "{{ learner_full_name.zfill(1500000000)|length }}",
    "replace": "{{ ('x' * 100000).replace('x', 'y' * 100000)|length }}",
    "join": "{{ ('x' * 100000).join('y' * 100000)|length }}",
    "concat": "{% macro g(s, n) %}{% if n %}{{ g(s ~ s, n - 1) }}{% endif %}{% endmacro %}"
              "{{ g(learner_full_name, 60) }}",
    "format-width": "{{ '{:>1500000000}'.format(learner_full_name)|length }}",
    "percent": "{{ '%01500000000d' % 1 }}",
    "repeat": "{{ ('x' * 1500000000)|length }}",
    # once RecursionError / SyntaxError -> 500
    "2000 nested if": "{% if true %}" * 2000 + "x" + "{% endif %}" * 2000,
    "21 nested for": "{% for a in 'ab' %}" * 21 + "x" + "{% endfor %}" * 21,
    "100 parentheses": "{{ " + "(" * 100 + "1" + ")" * 100 + " }}",
}


def warm_render_process():
    """Start the render process the tests' requests will use, so that the bound on time measures
    the refusal, not an interpreter importing WeasyPrint on a busy machine."""
    from author_certificates.designs import render_limits
    from author_certificates.rendering import Design, preview_pdf

    preview_pdf(Design(html="<p>warm</p>", css=""), limits=render_limits())


@pytest.fixture(autouse=True)
def warm_default_render_process():
    warm_render_process()


@pytest.fixture
def author_client(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


def timed_post(client, url, body, **extra):
    started = time.monotonic()
    response = client.post(url, body, format="json", **extra)
    return response, time.monotonic() - started


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS.values(), ids=TEMPLATE_PAYLOADS.keys())
def test_a_template_payload_is_refused_with_400_and_its_line(author_client, payload):
    response, seconds = timed_post(author_client, CERTIFICATES_URL, {"title": "Payload", "html": HEAD + payload})

    assert response.status_code == 400, response.content[:500]
    [problem] = response.json()["problems"]
    assert problem["line"] == 2
    assert seconds < SECONDS
    assert not AuthorCertificate.objects.exists()


# issue 15: a design WeasyPrint needs a minute to lay out; it held a process-wide lock meanwhile.
SLOW_LAYOUT = "{% for a in 'x' * 20000 %}<p>paragraph {{ loop.index }}</p>{% endfor %}"


@pytest.fixture
def one_cpu_second(settings):
    settings.AUTHOR_CERTIFICATES_RENDER_CPU_SECONDS = 1
    # Only the CPU time limit may stop these renders, however busy the machine is.
    settings.AUTHOR_CERTIFICATES_RENDER_WALL_SECONDS = 300
    warm_render_process()


def test_a_design_too_slow_to_lay_out_is_refused_at_save_naming_the_limit(author_client, one_cpu_second):
    response, seconds = timed_post(author_client, CERTIFICATES_URL, {"title": "Slow", "html": SLOW_LAYOUT})

    assert response.status_code == 400
    [problem] = response.json()["problems"]
    assert problem["message"].startswith("the trial render with sample data exceeded its CPU time limit (1 s)")
    assert seconds < SECONDS
    assert not AuthorCertificate.objects.exists()


def test_a_generation_past_a_render_limit_ends_failed_with_that_reason(
        author_version, author, staff, learner, course, now, one_cpu_second, django_capture_on_commit_callbacks):
    from author_certificates import api
    from author_certificates.models import AuthorCertificateVersion
    from tests.learner_side import complete, generate_now

    # Saved before the limit was lowered: as a version written by an older release.
    slow = AuthorCertificateVersion.objects.create(
        certificate=author_version.certificate, number=2, title="Slow", html=SLOW_LAYOUT, css="",
        page_size="A4", orientation="landscape", language="en", created_at=now, created_by=author)
    api.assign_certificate(training=course, version=slow, assigned_by=staff, now=now)
    complete(learner, course, now)

    started = time.monotonic()
    issued = generate_now(learner, course, now, django_capture_on_commit_callbacks)

    assert issued.state == "failed"
    assert "exceeded its CPU time limit (1 s)" in issued.error
    assert not issued.file
    assert time.monotonic() - started < SECONDS


def test_an_upload_announced_larger_than_the_limit_is_refused_before_it_is_read(author_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + b" " * (200 * 1024 * 1024) + b"</svg>"
    boundary = "payload-boundary"
    body = b"".join([
        f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n'.encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="html"\r\n\r\n<p>x</p>\r\n'.encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="assets"; filename="huge.svg"\r\n'
        f'Content-Type: image/svg+xml\r\n\r\n'.encode(), svg, f"\r\n--{boundary}--\r\n".encode()])

    started = time.monotonic()
    response = author_client.generic("POST", CERTIFICATES_URL, body,
                                     content_type=f"multipart/form-data; boundary={boundary}")

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert response.json()["detail"].startswith("The upload is 200.0 MB, more than the 32.0 MB")
    assert time.monotonic() - started < SECONDS
    assert not AuthorCertificate.objects.exists()


def test_an_asset_over_the_limit_is_dropped_while_it_streams_and_named(author_client, settings):
    settings.AUTHOR_CERTIFICATES_MAX_ASSET_BYTES = 1024 * 1024
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + b" " * (3 * 1024 * 1024) + b"</svg>"

    started = time.monotonic()
    response = author_client.post(CERTIFICATES_URL, {"title": "Big", "html": "<p>x</p>",
                                                     "assets": [SimpleUploadedFile("big.svg", svg)]},
                                  format="multipart")

    assert response.status_code == 400
    assert response.json()["problems"] == [
        {"message": "'big.svg' is more than the 1.0 MB limit", "line": None, "field": "assets"}]
    assert time.monotonic() - started < SECONDS


def test_a_base64_asset_over_the_limit_is_refused_without_being_parsed(author_client, settings):
    settings.AUTHOR_CERTIFICATES_MAX_ASSET_BYTES = 100 * 1024
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * (100 * 1024) + b"</svg>"

    response, seconds = timed_post(author_client, CERTIFICATES_URL, {
        "title": "Big", "html": "<p>x</p>", "assets": {"big.svg": base64.b64encode(svg).decode()}})

    assert response.status_code == 400
    assert response.json()["problems"][0]["message"] == "'big.svg' is 0.3 MB, more than the 0.1 MB limit"
    assert seconds < SECONDS


EDITOR_URL = reverse("author_certificates:studio-new")
EDITOR_FORM = {"title": "Big", "html": "<p>{{ learner_full_name }}</p>", "css": "", "page_size": "A4",
               "orientation": "landscape", "language": "en"}


def test_the_studio_editor_refuses_an_oversized_body_before_reading_it(staff, settings):
    settings.AUTHOR_CERTIFICATES_MAX_DESIGN_UPLOAD_BYTES = 1024 * 1024
    client = Client()
    client.force_login(staff)

    started = time.monotonic()
    response = client.post(EDITOR_URL, {**EDITOR_FORM, "assets": SimpleUploadedFile("big.svg", b" " * 2 * 1024 * 1024)})

    assert response.status_code == 413
    assert response.content.decode().startswith("The upload is 2.0 MB, more than the 1.0 MB")
    assert time.monotonic() - started < SECONDS


def test_the_studio_editor_names_an_asset_dropped_for_its_size(staff, settings):
    settings.AUTHOR_CERTIFICATES_MAX_ASSET_BYTES = 100 * 1024
    client = Client()
    client.force_login(staff)

    response = client.post(EDITOR_URL, {**EDITOR_FORM, "assets": SimpleUploadedFile("big.svg", b" " * 300 * 1024)})

    assert response.status_code == 400
    assert "&#x27;big.svg&#x27; is more than the 0.1 MB a file may have." in response.content.decode()
    assert not AuthorCertificate.objects.exists()


def test_the_studio_editor_still_checks_the_csrf_token(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)

    assert client.post(EDITOR_URL, EDITOR_FORM).status_code == 403
    assert not AuthorCertificate.objects.exists()
