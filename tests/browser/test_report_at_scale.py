"""End to end in headless Chromium: staff open a training's progress report, page through it,
filter it (search, certificate state), sort it by a column header, generate every completed
learner's certificate at once, and download the ZIP of the certificates with its manifest; then
the same report is paged and filtered with JavaScript off.

Screenshots of each step land in test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.report_data import add_learners

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEARNERS = 12


@pytest.fixture
def report_url(live_server, staff, now):
    """A course with a classic certificate and twelve learners who completed it a minute apart."""
    course = api.register_training(key="course-v1:DemoX+CS101+2026", title="Computing 101", tenant="default")
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    add_learners(course, count=LEARNERS, completed_at=now)
    return f"{live_server.url}/author-certificates/trainings/{course.key}/report/"


def sign_in(page, live_server, next_url):
    page.goto(f"{live_server.url}/login/?next={quote(next_url.removeprefix(live_server.url), safe='')}")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "pass")
    page.get_by_role("button", name="Sign in").click()


def usernames(page) -> list[str]:
    return [text.strip("()") for text in page.locator(".ac-progress-row td:first-child .muted").all_inner_texts()]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_staff_page_filter_sort_generate_everyone_and_download_the_zip(live_server, report_url, artifacts,
                                                                       monkeypatch, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US",
                                          accept_downloads=True)
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            sign_in(page, live_server, report_url + "?page_size=5")
            expect(page.get_by_role("status").filter(has_text="learners")).to_have_text("12 learners")
            expect(page.locator(".ac-progress-row")).to_have_count(5)
            newest_first = usernames(page)
            assert newest_first == [f"learner{number:05}" for number in range(11, 6, -1)]
            page.screenshot(path=str(artifacts / "01-first-page.png"))

            # Pages: Next twice reaches the last two learners; First page starts again.
            page.get_by_role("link", name="Next page").click()
            expect(page.locator(".ac-progress-row")).to_have_count(5)
            assert usernames(page)[0] == "learner00006"
            page.get_by_role("link", name="Next page").click()
            expect(page.locator(".ac-progress-row")).to_have_count(2)
            expect(page.get_by_role("link", name="Next page")).to_have_count(0)
            page.screenshot(path=str(artifacts / "02-last-page.png"))
            page.get_by_role("link", name="First page").click()
            assert usernames(page) == newest_first

            # Sort by a column header, then the other way.
            page.get_by_role("link", name="Learner", exact=True).click()
            expect(page.get_by_role("columnheader", name="Learner")).to_have_attribute("aria-sort", "ascending")
            assert usernames(page)[0] == "learner00000"
            page.get_by_role("link", name="Learner", exact=True).click()
            expect(page.get_by_role("columnheader", name="Learner")).to_have_attribute("aria-sort", "descending")
            assert usernames(page)[0] == "learner00011"

            # Search a learner by name.
            page.get_by_label("Learner", exact=True).fill("First00003")
            page.get_by_role("button", name="Apply filters").click()
            expect(page.locator(".ac-progress-row")).to_have_count(1)
            expect(page.get_by_role("status").filter(has_text="learner")).to_contain_text("1 learner match")
            page.screenshot(path=str(artifacts / "03-search.png"))
            page.get_by_role("link", name="Clear filters").click()

            # Generate every learner's certificate (the embedded mode runs them in-process).
            page.get_by_role("button", name="Generate for every completed learner").click()
            expect(page.locator(".ac-bulk-counters")).to_contain_text("12 of 12 learners processed: 12 generations")
            expect(page.locator("[data-ac-bulk-state]")).to_have_text("Finished")
            page.screenshot(path=str(artifacts / "04-bulk-generated.png"))

            # Filter by state: every certificate is generated now.
            page.get_by_label("The certificate has been generated").check()
            page.get_by_role("button", name="Apply filters").click()
            expect(page.get_by_role("status").filter(has_text="learners")).to_contain_text("12 learners match")
            expect(page.locator(".ac-report-state[data-state=generated]")).to_have_count(LEARNERS)  # one page of 50

            # Download the ZIP: every PDF and the manifest.
            with page.expect_download() as download_info:
                page.get_by_role("link", name="Download all certificates (ZIP)").click()
            download = download_info.value
            assert download.suggested_filename == "certificates-course-v1_DemoX_CS101_2026.zip"
            saved = tmp_path / "certificates.zip"
            download.save_as(saved)
            archive = zipfile.ZipFile(saved)
            pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
            assert len(pdfs) == LEARNERS and all(archive.read(name).startswith(b"%PDF") for name in pdfs)
            manifest = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode())))
            assert sorted(line["file"] for line in manifest) == sorted(pdfs)
            assert {line["status"] for line in manifest} == {"ok"}
        finally:
            browser.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_without_javascript_the_report_pages_and_filters(live_server, report_url, artifacts,
                                                         monkeypatch):
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.set_default_timeout(TIMEOUT_MS)
            sign_in(page, live_server, report_url + "?page_size=5")
            expect(page.locator(".ac-progress-row")).to_have_count(5)
            page.get_by_label("Sort by").select_option("learner")
            page.get_by_label("Not generated").check()
            page.get_by_role("button", name="Apply filters").click()
            assert usernames(page) == [f"learner{number:05}" for number in range(5)]
            assert "state=none" in page.url and "sort=learner" in page.url
            page.get_by_role("link", name="Next page").click()
            assert usernames(page) == [f"learner{number:05}" for number in range(5, 10)]
            page.screenshot(path=str(artifacts / "01-second-page-without-javascript.png"))
        finally:
            browser.close()
