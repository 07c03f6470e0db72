"""End to end in headless Chromium: retiring designs (issue 12 item 4).

An author archives "Diploma", which Computing 101 uses: the Author tool says where it is used and
asks to confirm; once archived it is gone from the trainer's side window (the training keeps it as
its current certificate); the author restores it from the archived list and the trainer sees it again.

Screenshots in test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import pytest

from author_certificates import api
from author_certificates.models import AuthorCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "course-v1:DemoX+CS101+2026"
SIDE_WINDOW = f"/author-certificates/trainings/{COURSE.replace('+', '%2B')}/certificate/?window=author"
STUDIO = "/author-certificates/studio/"


@pytest.fixture
def world(make_user, staff):
    course = api.register_training(key=COURSE, title="Computing 101", tenant="default")
    diploma = api.create_author_certificate(tenant="default", title="Diploma", html=SIMPLE_HTML, created_by=staff)
    api.create_author_certificate(tenant="default", title="Other design", html=SIMPLE_HTML, created_by=staff)
    api.assign_certificate(training=course, version=diploma, assigned_by=staff)
    api.grant_role(user=make_user("tom"), role="trainer", training=course)
    return {"course": course, "diploma": diploma.certificate}


def trainer_sees(sign_in, artifacts, name: str):
    page = sign_in("tom", SIDE_WINDOW)
    page.screenshot(path=str(artifacts / name))
    return page.locator(".ac-author h3").all_inner_texts()


def test_an_author_archives_a_certificate_in_use_and_restores_it(sign_in, world, artifacts):
    from playwright.sync_api import expect

    assert trainer_sees(sign_in, artifacts, "01-trainer-before.png") == ["Diploma", "Other design"]

    page = sign_in("staff", STUDIO)
    page.get_by_role("button", name="Archive Diploma").click()
    # Where it is used, and a confirmation.
    expect(page.get_by_role("heading", name="Archive Diploma?")).to_be_visible()
    expect(page.locator(".ac-used-by")).to_contain_text("Computing 101")
    page.screenshot(path=str(artifacts / "02-author-asked-to-confirm.png"))
    assert AuthorCertificate.objects.get(pk=world["diploma"].pk).archived_at is None
    page.get_by_role("button", name="Archive anyway").click()
    expect(page.get_by_text("“Diploma” has been archived: trainers no longer see it.")).to_be_visible()
    expect(page.get_by_role("button", name="Archive Diploma")).to_have_count(0)
    page.screenshot(path=str(artifacts / "03-author-archived.png"))

    assert trainer_sees(sign_in, artifacts, "04-trainer-after-archive.png") == ["Other design"]
    # The training keeps what it has: shown as its current certificate.
    assert api.get_current_assignment(training=world["course"]).version.certificate == world["diploma"]

    page.get_by_role("link", name="Archived author certificates").click()
    row = page.locator(".ac-archived-certificate", has_text="Diploma")
    expect(row).to_contain_text("Staff Tester")
    page.screenshot(path=str(artifacts / "05-archived-list.png"))
    row.get_by_role("button", name="Restore Diploma").click()
    expect(page.get_by_text("“Diploma” has been restored: trainers can select it again.")).to_be_visible()
    expect(page.get_by_text("No author certificate is archived.")).to_be_visible()
    page.screenshot(path=str(artifacts / "06-restored.png"))

    assert trainer_sees(sign_in, artifacts, "07-trainer-after-restore.png") == ["Diploma", "Other design"]
