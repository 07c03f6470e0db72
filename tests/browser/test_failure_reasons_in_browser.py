"""End to end in headless Chromium: a generation that fails in the storage with a server path in
its error. The learner clicks "Generate certificate", opens "What happened" and reads one
sentence, never the path; staff open the failed row in the progress report and read the error
(issue 15, docs/decisions/0106). Screenshots in test-artifacts/browser/<test name>/."""

from __future__ import annotations

from pathlib import Path

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate
from tests import test_failure_reasons as failure_reasons
from tests.browser.conftest import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True),
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")]

COURSE = "course-v1:DemoX+CS101+2026"
SECRET_PATH, SENTENCE = failure_reasons.SECRET_PATH, failure_reasons.STORAGE_SENTENCE
# The unit suite's fixture: the storage refuses with a PermissionError naming SECRET_PATH.
storage_refuses = failure_reasons.storage_refuses

@pytest.fixture
def world(make_user, staff):
    course = api.register_training(key=COURSE, title="Computing 101", tenant="default")
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    api.record_completion(user=make_user("ada", first_name="Ada", last_name="Lovelace"), training=course)
    return course


def test_the_learner_reads_a_sentence_and_staff_read_the_error(world, storage_refuses, sign_in, artifacts):
    page = sign_in("ada", "/author-certificates/learning-records/")
    page.get_by_role("button", name="Generate certificate").click()
    page.get_by_role("button", name="Try again").wait_for()
    page.get_by_text("What happened").click()
    page.get_by_text(SENTENCE).wait_for()
    page.screenshot(path=str(artifacts / "01-learner-failure.png"), full_page=True)
    assert "/var/lib" not in page.content() and "Permission denied" not in page.content()

    page.reload()  # the page as the server renders it says the same
    page.get_by_text("What happened").click()
    page.get_by_text(SENTENCE).wait_for()
    assert "/var/lib" not in page.content()
    page.context.close()

    report = sign_in("staff", f"/author-certificates/trainings/{COURSE.replace('+', '%2B')}/report/")
    report.get_by_text("The certificate could not be saved.").click()
    report.get_by_text(SECRET_PATH, exact=False).wait_for()
    report.screenshot(path=str(artifacts / "02-staff-report-detail.png"), full_page=True)
    assert "PermissionError" in report.locator(".ac-failure-text").inner_text()


@pytest.mark.urls("tests.host.demo.urls")
def test_the_mfe_card_says_the_sentence_never_the_path(browser, live_server, world, storage_refuses, artifacts):
    """The learner dashboard's card (the MFE widget, on the demo host's harness page) shows the
    sentence the REST API gives, after "The certificate could not be generated"."""
    from playwright.sync_api import expect

    from tests.browser import test_mfe_widgets_in_slots as mfe
    from tests.host.demo.views import BUNDLE

    if not BUNDLE.exists():
        pytest.skip(f"{BUNDLE} is missing: run `make frontend`")
    page = mfe.signed_in_page(browser, live_server, "ada", mfe.CARDS)
    card = page.locator("[data-card-id]", has_text="Computing 101")
    card.get_by_role("button", name="Generate certificate").click()
    expect(card.get_by_role("status")).to_have_text(f"The certificate could not be generated. {SENTENCE}")
    expect(card.get_by_role("button", name="Try again")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-mfe-card-failure.png"))
    assert "/var/lib" not in page.content() and "Permission denied" not in page.content()
