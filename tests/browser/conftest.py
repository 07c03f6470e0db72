"""Shared by the Chromium suite: the browser, a signed-in page, the screenshots folder.

Debian's Chromium (``AC_CHROMIUM``, default /usr/bin/chromium) is launched through Playwright; no
browser is downloaded. Screenshots go to test-artifacts/browser/<test name>/ at the top of the
repository (CI keeps them as artifacts). Modules that define a fixture of the same name keep
their own.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

CHROMIUM = os.environ.get("AC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
# Long enough for a slow CI machine; a page normally settles in a second or two.
TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items):
    """Every browser test is skipped (a failure in CI: tests/tools/ci_skips.py) without Chromium."""
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def artifacts(request) -> Path:
    """test-artifacts/browser/<test name>/, emptied first."""
    folder = ARTIFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django would refuse the test's
    # own database calls (the live server's are in other threads anyway).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def sign_in(browser, live_server):
    """``sign_in("tom", "/path/")``: a new page signed in as that user (password "pass", or the
    demo's "demo") at path."""

    def open_page(username: str, path: str = "/", *, width: int = 1100, javascript: bool = True,
                  password: str = "pass"):  # noqa: S107 - the test users' password
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-US",
                                      java_script_enabled=javascript)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        # path "": /login/ itself, which sends the user to settings.LOGIN_REDIRECT_URL.
        page.goto(f"{live_server.url}/login/" + (f"?next={path}" if path else ""))
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return open_page


def pdf_text(page, href: str) -> str:
    """The text of the PDF at href, fetched with the page's own session."""
    from pypdf import PdfReader

    answer = page.context.request.get(urljoin(page.url, href))
    assert answer.status == 200, answer.status
    assert answer.headers["content-type"] == "application/pdf"
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)
