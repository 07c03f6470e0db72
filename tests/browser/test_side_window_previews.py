"""End to end in headless Chromium: choosing with eyes open (issue 12 item 3) and the read-only side
window of inspectors.

- A trainer opens "Select certificate", previews version 2 of an author certificate and a classic
  certificate: each opens a PDF in a new tab, rendered with sample data (its text is checked).
- An inspector has no "Select certificate" and no form, but opens the same previews.

Screenshots in test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import pytest

from author_certificates import api
from tests.browser.conftest import pdf_text
from tests.conftest import SIMPLE_HTML

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "course-v1:DemoX+CS101+2026"
PAGE = f"/author-certificates/trainings/{COURSE.replace('+', '%2B')}/certificate/"  # in ?next=
SAMPLE_LEARNER = "Ana María Müller-Šťastná"


@pytest.fixture
def world(make_user, staff):
    """Computing 101 with version 1 of "Diploma" assigned (version 2 exists); a trainer and an inspector."""
    course = api.register_training(key=COURSE, title="Computing 101", tenant="default")
    first = api.create_author_certificate(tenant="default", title="Diploma", html=SIMPLE_HTML + "<p>First design</p>",
                                          created_by=staff)
    second = api.save_new_version(certificate=first.certificate, edited_by=staff,
                                  html=SIMPLE_HTML + "<p>Second design</p>")
    api.assign_certificate(training=course, version=first, assigned_by=staff)
    api.grant_role(user=make_user("tom"), role="trainer", training=course)
    api.grant_role(user=make_user("ines"), role="inspector", training=course)
    return {"course": course, "first": first, "second": second}


def open_preview(page, link) -> str:
    """Click a preview link: it opens a new tab at the PDF; the PDF's text (fetched with the session)."""
    assert link.get_attribute("target") == "_blank"
    with page.context.expect_page() as opened:
        link.click()
    assert "/certificate/previews/" in opened.value.url and opened.value.url.endswith(".pdf")
    opened.value.close()
    return pdf_text(page, link.get_attribute("href"))


def open_read_only_side_window(page):
    """An inspector's certificate page: no "Select certificate", only "See the certificates", whose
    side window shows the author certificates with no form and no "Select" button. The window."""
    from playwright.sync_api import expect

    expect(page.get_by_text("You can see the certificates of this training but not change them.")).to_be_visible()
    expect(page.get_by_role("link", name="Select certificate")).to_have_count(0)
    expect(page.get_by_role("button", name="Select certificate")).to_have_count(0)
    page.get_by_role("link", name="See the certificates").click()
    window = page.locator("#ac-side-window")
    expect(window.get_by_role("heading", name="See the certificates")).to_be_focused()
    page.get_by_role("link", name="Author certificates").click()
    expect(window.locator("form")).to_have_count(0)
    expect(window.get_by_role("button", name="Select")).to_have_count(0)
    return window


def test_a_trainer_previews_a_version_and_a_classic_from_the_side_window(sign_in, world, artifacts):
    from playwright.sync_api import expect

    page = sign_in("tom", PAGE)
    expect(page.locator("#ac-current-certificate")).to_have_text("Diploma · version 1 (Author certificate)")
    page.get_by_role("link", name="Select certificate").click()
    page.get_by_role("link", name="Author certificates").click()
    diploma = page.locator(".ac-author", has_text="Diploma")
    expect(diploma.get_by_role("link", name="Preview version 1 (PDF)")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-author-certificates-with-previews.png"))
    text = open_preview(page, diploma.get_by_role("link", name="Preview version 2 (PDF)"))
    assert "Second design" in text and SAMPLE_LEARNER in text

    page.get_by_role("link", name="Back").click()
    page.get_by_role("link", name="Classic certificates").click()
    classic = page.get_by_role("link", name="Preview Classic certificate (English) (PDF)")
    expect(classic).to_be_visible()
    page.screenshot(path=str(artifacts / "02-classic-certificates-with-previews.png"))
    assert SAMPLE_LEARNER in open_preview(page, classic)


def test_an_inspector_previews_but_has_no_select_button_nor_form(sign_in, world, artifacts):
    from playwright.sync_api import expect

    english = api.list_classic_certificates(tenant="default").get(builtin_language="en")
    api.assign_certificate(training=world["course"], classic=english, assigned_by=None)
    page = sign_in("ines", PAGE)
    # The name once (issue 12: not "Classic certificate (English) (Classic certificate, English)").
    expect(page.locator("#ac-current-certificate")).to_have_text("Classic certificate (English)")
    window = open_read_only_side_window(page)
    diploma = window.locator(".ac-author", has_text="Diploma")
    page.screenshot(path=str(artifacts / "01-inspector-read-only-side-window.png"))
    text = open_preview(page, diploma.get_by_role("link", name="Preview version 1 (PDF)"))
    assert "First design" in text and SAMPLE_LEARNER in text
