"""End to end in headless Chromium: the Author tool's version history at phone width keeps each
value's label (issue 12: "the version history loses its column labels at phone width")."""

from __future__ import annotations

import pytest

from author_certificates import api

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_version_history_at_phone_width_labels_every_value(sign_in, author, author_version, artifacts):
    from playwright.sync_api import expect

    api.save_new_version(certificate=author_version.certificate, edited_by=author, css="h1 { color: #124; }")
    page = sign_in(author.username, f"/author-certificates/studio/{author_version.certificate.uuid}/versions/",
                   width=360)
    first = page.locator("tr.ac-version").first
    expect(first).to_be_visible()
    labels = first.locator("td[data-label]").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    assert labels == ['"Version: "', '"Edit date: "', '"Editor: "', '"Title: "']
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    page.screenshot(path=str(artifacts / "01-history-phone.png"), full_page=True)
