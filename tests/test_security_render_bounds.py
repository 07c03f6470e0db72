"""Security regression suite (issue 15): every payload that could make a render unbounded is
answered with a 4xx and a message, within a bound on time, through the REST API an author uses.

Speed is measured in bench/; the bound here is a generous ceiling that separates "refused at
once" from the minutes (and gigabytes) these payloads took before they were bounded.
"""

import time

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from author_certificates.models import AuthorCertificate

pytestmark = pytest.mark.django_db

CERTIFICATES_URL = reverse("author_certificates:api_author_certificates")
# Far above the fraction of a second each refusal takes, far below what the payloads took unbounded.
SECONDS = 15
HEAD = "<p>{{ learner_full_name }}</p>\n"  # every payload is on line 2

TEMPLATE_PAYLOADS = {
    # issue 15: saved (201) after 17 s, the server grown from 0.7 to 3.0 GB
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
    # issue 15: RecursionError / SyntaxError -> 500
    "2000 nested if": "{% if true %}" * 2000 + "x" + "{% endif %}" * 2000,
    "21 nested for": "{% for a in 'ab' %}" * 21 + "x" + "{% endfor %}" * 21,
    "100 parentheses": "{{ " + "(" * 100 + "1" + ")" * 100 + " }}",
}


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
