"""End to end in headless Chromium: an author in the Studio editor saves a design whose template
would build a gigabyte string, then one with an image over the size limit, and sees each
refusal next to its field; with both fixed, the design is saved as version 1.

Screenshots in test-artifacts/browser/<test name>/ (see test_learner_generates_certificate.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from author_certificates.models import AuthorCertificate

from .conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_author_sees_the_size_refusals_and_then_saves(live_server, staff, artifacts, settings, tmp_path,
                                                        monkeypatch):
    from playwright.sync_api import expect, sync_playwright

    settings.AUTHOR_CERTIFICATES_MAX_ASSET_BYTES = 100 * 1024
    big = tmp_path / "big.svg"
    big.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg">' + b" " * 300 * 1024 + b"</svg>")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US").new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"{live_server.url}/login/?next=/author-certificates/studio/new/")
            page.fill("#id_username", staff.username)
            page.fill("#id_password", "pass")
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url("**/author-certificates/studio/new/")

            page.get_by_label("Title").fill("Payload")
            page.get_by_label("HTML").fill("<p>{{ learner_full_name.center(1500000000)|length }}</p>")
            page.get_by_role("button", name="Save").click()
            refusal = "Line 1 of the HTML: building a text of 1,500,000,000 characters is not allowed"
            expect(page.get_by_text(refusal)).to_be_visible()
            page.screenshot(path=str(artifacts / "01-refused-template.png"))

            page.get_by_label("HTML").fill("<p>{{ learner_full_name }}</p>")
            page.get_by_label("Add images or fonts").set_input_files(str(big))
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_text("'big.svg' is more than the 0.1 MB a file may have.")).to_be_visible()
            page.screenshot(path=str(artifacts / "02-refused-asset.png"))
            assert not AuthorCertificate.objects.exists()

            page.get_by_role("button", name="Save").click()  # the file field is empty again
            expect(page.get_by_text("Saved as version 1.")).to_be_visible()
            page.screenshot(path=str(artifacts / "03-saved.png"))
        finally:
            browser.close()
