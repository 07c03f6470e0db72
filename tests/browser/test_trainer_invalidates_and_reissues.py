"""End to end in headless Chromium (docs/decisions/0120): a trainer invalidates a learner's
certificate from the progress report with a reason, the learner sees "invalidated" and nothing to
do, the old verification page says "invalidated" with the date; the trainer reissues, the learner
opens the new certificate, and the training's history shows who did what, when and why."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from author_certificates import api, generation
from author_certificates.models import ClassicCertificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KEY = "course-v1:DemoX+CS101+2026"
# For sign_in's ?next=: a "+" in a query string would arrive as a space.
REPORT = quote(f"/author-certificates/trainings/{KEY}/report/", safe="/:")


@pytest.fixture
def issued(make_user, staff, certificate_files):
    learner = make_user("ada", first_name="Ada", last_name="Lovelace")  # password "pass"
    course = api.register_training(key=KEY, title="Computing 101", tenant="default")
    trainer = make_user("tom", first_name="Tom", last_name="Trainer")
    api.grant_role(user=trainer, role="trainer", training=course)
    # Transactional tests flush the tables, data migrations included.
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    api.record_completion(user=learner, training=course)
    issued = api.request_certificate(user=learner, training=course)
    return generation.generate_certificate(issued_certificate_id=issued.pk)


def act_on_report_row(page, reason_label: str, reason: str, button: str, message: str) -> None:
    """Fill a row's reason, click its button (a plain POST: the report comes back) and see the message."""
    from playwright.sync_api import expect

    page.get_by_label(reason_label).fill(reason)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    expect(page.get_by_text(message)).to_be_visible()


def test_trainer_invalidates_and_reissues_and_the_learner_follows(issued, sign_in, live_server, artifacts):
    from playwright.sync_api import expect

    from tests.browser.conftest import pdf_text

    old_uuid = str(issued.uuid)
    trainer = sign_in("tom", REPORT)
    expect(trainer.get_by_role("heading", name="Progress report of Computing 101")).to_be_visible()
    trainer.get_by_label("Reason (ada)").fill("The name was misspelt")
    trainer.get_by_label("Reason (ada)").scroll_into_view_if_needed()
    trainer.screenshot(path=str(artifacts / "01-report-reason.png"))
    act_on_report_row(trainer, "Reason (ada)", "The name was misspelt", "Invalidate ada",
                      "The certificate of Ada Lovelace has been invalidated.")
    row = trainer.locator(".ac-progress-row")
    expect(row.locator(".ac-report-state")).to_have_text("The certificate has been invalidated")
    expect(row.get_by_role("button", name="Reissue ada")).to_be_visible()
    trainer.screenshot(path=str(artifacts / "02-report-invalidated.png"), full_page=True)

    learner = sign_in("ada", "/author-certificates/learning-records/")
    expect(learner.get_by_text("The certificate has been invalidated", exact=True)).to_be_visible()
    expect(learner.get_by_role("link", name="Open certificate")).to_have_count(0)
    expect(learner.get_by_role("button", name="Generate certificate")).to_have_count(0)
    expect(learner.get_by_role("button", name="Try again")).to_have_count(0)
    learner.screenshot(path=str(artifacts / "03-learner-invalidated.png"), full_page=True)

    visitor = trainer.context.browser.new_context(locale="en-US").new_page()
    visitor.goto(f"{live_server.url}/author-certificates/verify/{old_uuid}/")
    from django.utils import formats, timezone

    from author_certificates.models import IssuedCertificate

    invalidated_at = IssuedCertificate.objects.get(uuid=old_uuid).invalidated_at
    day = formats.date_format(timezone.localtime(invalidated_at), "DATE_FORMAT")
    notice = visitor.locator('[data-ac-validity="invalidated"]')
    expect(notice).to_have_text(f"This certificate was invalidated on {day}.")
    expect(visitor.get_by_text("misspelt")).to_have_count(0)
    visitor.screenshot(path=str(artifacts / "04-verify-invalidated.png"), full_page=True)

    act_on_report_row(trainer, "Reason (optional) (ada)", "Name corrected", "Reissue ada",
                      "A new certificate is being generated for ada.")
    trainer.reload()
    expect(trainer.locator(".ac-progress-row .ac-report-state")).to_have_text("The certificate has been generated")
    trainer.screenshot(path=str(artifacts / "05-report-reissued.png"), full_page=True)

    learner.reload()
    open_link = learner.get_by_role("link", name="Open certificate")
    expect(open_link).to_be_visible()
    href = open_link.get_attribute("href")
    assert old_uuid not in href, "the learner's link is the new certificate"
    assert "Ada Lovelace" in pdf_text(learner, href)
    learner.screenshot(path=str(artifacts / "06-learner-new-certificate.png"), full_page=True)

    visitor.reload()
    expect(visitor.locator('[data-ac-validity="invalidated"]')).to_be_visible()

    trainer.goto(f"{live_server.url}/author-certificates/trainings/{KEY}/certificate/")
    events = trainer.locator(".ac-certificate-event")
    expect(events).to_have_count(2)
    expect(events.nth(0)).to_contain_text("Reissued")
    expect(events.nth(0)).to_contain_text("Name corrected")
    expect(events.nth(1)).to_contain_text("Invalidated")
    expect(events.nth(1)).to_contain_text("The name was misspelt")
    expect(events.nth(1)).to_contain_text("Tom Trainer")
    trainer.locator("#certificate-events-heading").scroll_into_view_if_needed()
    trainer.screenshot(path=str(artifacts / "07-history.png"), full_page=True)


def test_the_report_forms_work_without_javascript(issued, sign_in, artifacts):
    from playwright.sync_api import expect

    page = sign_in("tom", REPORT, javascript=False)
    page.get_by_role("button", name="Invalidate ada").click()
    # The browser's own check: the reason is required, nothing is sent.
    expect(page.get_by_text("The certificate of Ada Lovelace has been invalidated.")).to_have_count(0)
    act_on_report_row(page, "Reason (ada)", "Without JavaScript", "Invalidate ada",
                      "The certificate of Ada Lovelace has been invalidated.")
    page.screenshot(path=str(artifacts / "01-no-js-invalidated.png"), full_page=True)
