"""Open certificate: the owner gets the PDF inline (or as a download) with immutable-file cache
headers; the training's trainers, inspectors and admins may open it too; anyone else gets 404."""

import hashlib

import pytest

from author_certificates import api
from tests.learner_side import assign_classic, complete, generate_now, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(course, classic_en, staff, learner, now, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    return generate_now(learner, course, now, django_capture_on_commit_callbacks)


def _url(issued) -> str:
    return f"/author-certificates/certificates/{issued.uuid}/"


def test_owner_gets_the_pdf_inline_with_cache_headers(issued, learner):
    answer = signed_in(learner).get(_url(issued))
    assert answer.status_code == 200
    pdf = answer.content
    assert pdf.startswith(b"%PDF") and answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == 'inline; filename="computing-101-ada-lovelace.pdf"'
    assert answer["Cache-Control"] == "private, max-age=31536000, immutable"
    assert answer["ETag"] == f'"{hashlib.sha256(pdf).hexdigest()}"' == f'"{issued.sha256}"'
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert "Cookie" in answer["Vary"]


def test_download_is_an_attachment(issued, learner):
    answer = signed_in(learner).get(_url(issued) + "?download=1")
    assert answer["Content-Disposition"] == 'attachment; filename="computing-101-ada-lovelace.pdf"'


def test_a_matching_etag_is_304_without_the_body(issued, learner):
    answer = signed_in(learner).get(_url(issued), HTTP_IF_NONE_MATCH=f'"{issued.sha256}"')
    assert answer.status_code == 304 and answer.content == b""


def test_another_learner_gets_404_not_403(issued, make_user):
    assert signed_in(make_user("curious")).get(_url(issued)).status_code == 404


@pytest.mark.parametrize("role", ["trainer", "inspector"])
def test_trainers_and_inspectors_of_the_training_may_open_it(issued, course, make_user, role):
    viewer = make_user(f"a-{role}")
    api.grant_role(user=viewer, role=role, training=course)
    assert signed_in(viewer).get(_url(issued)).status_code == 200


def test_a_trainer_of_another_training_gets_404(issued, make_user, now):
    elsewhere = api.register_training(key="course-v1:DemoX+OTHER+2026", title="Other", tenant="default", now=now)
    viewer = make_user("trainer2")
    api.grant_role(user=viewer, role="trainer", training=elsewhere)
    assert signed_in(viewer).get(_url(issued)).status_code == 404


def test_global_staff_may_open_it(issued, staff):
    assert signed_in(staff).get(_url(issued)).status_code == 200


def test_not_generated_yet_is_404(course, classic_en, staff, learner, now, django_capture_on_commit_callbacks):
    assign_classic(course, classic_en, staff, now)
    complete(learner, course, now)
    with django_capture_on_commit_callbacks(execute=False):
        generating = api.request_certificate(user=learner, training=course, now=now)
    assert signed_in(learner).get(_url(generating)).status_code == 404


def test_unknown_uuid_is_404(learner):
    answer = signed_in(learner).get("/author-certificates/certificates/00000000-0000-4000-8000-000000000000/")
    assert answer.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(issued, client):
    answer = client.get(_url(issued))
    assert answer.status_code == 302 and answer["Location"].startswith("/login/")


def test_the_pdf_names_the_learner(issued, learner):
    import io

    from pypdf import PdfReader

    pdf = signed_in(learner).get(_url(issued)).content
    assert "Ada Lovelace" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
