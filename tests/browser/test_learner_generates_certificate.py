"""End to end in headless Chromium: a learner who completed a course signs in, opens Learning
Records, clicks "Generate certificate", sees "The certificate is being generated", then "The
certificate has been generated" and "Open certificate", and opens a PDF that names them.

Runs Debian's /usr/bin/chromium through Playwright (no `playwright install`). A screenshot of each
step is saved in test-artifacts/browser/<test name>/ at the top of the repository.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

@pytest.fixture
def slow_generation(monkeypatch):
    """Make rendering take a moment, so "being generated" is on screen long enough to be seen.

    The embedded mode runs the task in-process right after the request commits, so without
    this the POST would answer "generated" almost at once.
    """
    from author_certificates import generation

    real_render = generation.render_pdf

    def render_slowly(*args, **kwargs):
        time.sleep(1.5)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(generation, "render_pdf", render_slowly)


@pytest.fixture
def seeded_learner(make_user, staff):
    learner = make_user("ada", first_name="Ada", last_name="Lovelace")  # password "pass"
    course = api.register_training(key="course-v1:DemoX+CS101+2026", title="Computing 101", tenant="default")
    # Transactional tests flush the tables between tests, data migrations included: make sure
    # the platform's English classic certificate is there.
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    api.record_completion(user=learner, training=course)
    return learner


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_learner_generates_and_opens_their_certificate(
        live_server, seeded_learner, slow_generation, artifacts, monkeypatch):
    from playwright.sync_api import expect, sync_playwright
    from pypdf import PdfReader

    # Playwright's sync API keeps an event loop running in this thread; Django would then refuse
    # the test's own database calls (and the live server's are in other threads anyway).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    records = f"{live_server.url}/author-certificates/learning-records/"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="en-US")
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)

            page.goto(f"{live_server.url}/login/?next=/author-certificates/learning-records/")
            page.fill("#id_username", "ada")
            page.fill("#id_password", "pass")
            page.screenshot(path=str(artifacts / "01-sign-in.png"))
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(records)

            courses_tab = page.get_by_role("tab", name="Courses (1 training)")
            expect(courses_tab).to_have_attribute("aria-selected", "true")
            expect(page.get_by_text("Computing 101")).to_be_visible()
            generate = page.get_by_role("button", name="Generate certificate")
            expect(generate).to_be_visible()
            page.screenshot(path=str(artifacts / "02-learning-records.png"))

            # ARIA tabs by keyboard: the arrow key selects the next tab and shows its panel.
            courses_tab.focus()
            page.keyboard.press("ArrowRight")
            pathways_tab = page.get_by_role("tab", name="Pathways (0 trainings)")
            expect(pathways_tab).to_be_focused()
            expect(pathways_tab).to_have_attribute("aria-selected", "true")
            expect(page.get_by_role("tabpanel")).to_contain_text("You have not completed any training of this type")
            assert page.url.endswith("?tab=pathway")
            page.keyboard.press("Home")
            expect(courses_tab).to_have_attribute("aria-selected", "true")

            generate.click()
            expect(page.get_by_text("The certificate is being generated", exact=True)).to_be_visible()
            page.screenshot(path=str(artifacts / "03-being-generated.png"))

            expect(page.get_by_text("The certificate has been generated", exact=True)).to_be_visible()
            open_link = page.get_by_role("link", name="Open certificate")
            expect(open_link).to_be_visible()
            expect(page.locator("#ac-announcer")).to_contain_text("The certificate has been generated")
            page.screenshot(path=str(artifacts / "04-generated.png"))

            # The browser's own session opens the PDF (Chromium's headless viewer would only
            # show it, not hand its bytes over).
            href = open_link.get_attribute("href")
            answer = context.request.get(urljoin(page.url, href))
            assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
            pdf = answer.body()
            (artifacts / "05-certificate.pdf").write_bytes(pdf)
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
            assert "Ada Lovelace" in text

            # After a reload the page remembers the state: the button is still "Open certificate".
            page.reload()
            expect(page.get_by_role("link", name="Open certificate")).to_be_visible()
            expect(page.get_by_role("button", name="Generate certificate")).to_have_count(0)
            page.screenshot(path=str(artifacts / "06-after-reload.png"))
        finally:
            browser.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_without_javascript_the_plain_form_generates_the_certificate(live_server, seeded_learner, artifacts,
                                                                     monkeypatch):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"{live_server.url}/login/?next=/author-certificates/learning-records/%3Ftab%3Dcourse")
            page.fill("#id_username", "ada")
            page.fill("#id_password", "pass")
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="Generate certificate").click()
            # The form posts, the task runs in-process, and the page comes back (PRG) with the result.
            expect(page.get_by_text("The certificate has been generated", exact=True)).to_be_visible()
            expect(page.get_by_role("link", name="Open certificate")).to_be_visible()
            assert "tab=course" in page.url
            page.screenshot(path=str(artifacts / "01-generated-without-javascript.png"))
        finally:
            browser.close()
