"""End to end in headless Chromium, JavaScript on: an author clicks "Preview PDF" in the Author tool
and gets the PDF in the preview window (the script used to post to ``.../studio/new/[object
RadioNodeList]``, because ``form.action`` is the buttons named "action"), with the site's platform
name; a design problem is shown next to its field; the version history keeps its column labels
at phone width.
"""

from __future__ import annotations

import pytest

from author_certificates import api

from .conftest import TIMEOUT_MS, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESIGN = "<main><p>{{ platform_name }}</p><h1>{{ training_title }}</h1></main>"


def test_preview_pdf_opens_in_the_window_with_the_sites_platform_name(staff, sign_in, artifacts, settings):
    from playwright.sync_api import expect

    settings.PLATFORM_NAME = "Demo Academy"
    page = sign_in("staff", "/author-certificates/studio/new/")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_label("Title").fill("Diploma")
    page.get_by_label("HTML").fill(DESIGN)
    page.get_by_role("button", name="Preview PDF").click()
    window = page.get_by_role("dialog", name="Preview PDF")
    expect(window).to_be_visible(timeout=TIMEOUT_MS)  # the first render starts the render process
    assert not [url for url in requests if "RadioNodeList" in url]
    assert window.locator("iframe").get_attribute("src").startswith("blob:")
    page.screenshot(path=str(artifacts / "01-preview-window.png"))
    window.get_by_role("button", name="Close").click()

    # The same request as the script's: the PDF says the site's name, not "Open edX".
    answer = page.context.request.post(page.url, multipart={
        "csrfmiddlewaretoken": page.locator("[name=csrfmiddlewaretoken]").first.input_value(),
        "title": "Diploma", "html": DESIGN, "css": "", "page_size": "A4", "orientation": "landscape",
        "language": "en", "action": "preview"})
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(answer.body())).pages)
    assert "Demo Academy" in text and "Open edX" not in text

    page.get_by_label("HTML").fill("<p>{{ no_such_placeholder }}</p>")
    page.get_by_role("button", name="Preview PDF").click()
    expect(page.locator("#field-html .ac-problems li")).to_contain_text("no_such_placeholder", timeout=TIMEOUT_MS)
    expect(window).to_be_hidden()
    page.screenshot(path=str(artifacts / "02-problem-next-to-field.png"))


def test_version_history_keeps_its_labels_at_phone_width(staff, sign_in, artifacts, settings):
    settings.PLATFORM_NAME = "Demo Academy"
    version = api.create_author_certificate(tenant="default", title="Diploma", html=DESIGN, created_by=staff)
    page = sign_in("staff", f"/author-certificates/studio/{version.certificate.uuid}/versions/", width=375)
    cell = page.locator("tr.ac-version td").first
    assert cell.is_visible()
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Version: "', label
    labels = page.locator("tr.ac-version td[data-label]").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    assert labels == ['"Version: "', '"Edit date: "', '"Editor: "', '"Title: "']
    page.screenshot(path=str(artifacts / "01-history-phone.png"), full_page=True)
    assert "Demo Academy" in pdf_text(page, page.get_by_role("link", name="Preview version 1").get_attribute("href"))
