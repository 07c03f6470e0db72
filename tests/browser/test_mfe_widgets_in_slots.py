"""End to end in headless Chromium: the MFE widgets (frontend/) mounted as the MFE slots mount them,
on the demo host's harness page (/demo/mfe-harness/), against the live server's REST API.

- A learner generates from the learner dashboard's course card and opens the PDF.
- A trainer previews version 2 from the authoring MFE's course outline sidebar (a sample PDF in a
  new tab), then assigns it; a learner who had
  not generated yet gets version 2, one who had keeps version 1 (R8, R9).
- An inspector sees the selector read-only ("See the certificates", previews, nothing to select)
  and the API refuses an assignment from that page.

The harness bundle is built by `make frontend` (CI builds it from the lockfile); without it the
tests are skipped locally and fail in CI. Screenshots in test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import io
import os
from urllib.parse import urljoin

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate
from tests.browser import test_learner_generates_certificate as learner_suite
from tests.browser.conftest import TIMEOUT_MS
from tests.host.demo.views import BUNDLE

# The learner suite's render slow enough to see "being generated" (browser, artifacts: conftest).
slow_generation = learner_suite.slow_generation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True),
              pytest.mark.urls("tests.host.demo.urls")]

COURSE = "course-v1:DemoX+CS101+2026"
CARDS = "/demo/mfe-harness/?slot=course_card_action"
SIDEBAR = f"/demo/mfe-harness/?slot=course_outline_sidebar&course={COURSE.replace('+', '%2B')}"
DESIGN = "<main><h1>{{ training_title }}</h1><p>%s</p><p>{{ learner_full_name }}</p></main>"


@pytest.fixture(autouse=True)
def harness_bundle():
    if not BUNDLE.exists():
        message = f"{BUNDLE} is missing: run `make frontend`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def world(make_user, staff):
    """Computing 101 with version 1 of "Diploma" assigned; two learners who completed it, a
    trainer and an inspector of it."""
    course = api.register_training(key=COURSE, title="Computing 101", tenant="default")
    ClassicCertificate.objects.get_or_create(tenant="", name="Classic (English)",
                                             defaults={"builtin_language": "en", "language": "en"})
    first = api.create_author_certificate(tenant="default", title="Diploma", html=DESIGN % "First design",
                                          created_by=staff)
    second = api.save_new_version(certificate=first.certificate, edited_by=staff, html=DESIGN % "Second design")
    api.assign_certificate(training=course, version=first, assigned_by=staff)
    learners = {name: make_user(name, first_name=first_name, last_name="Lovelace")
                for name, first_name in (("ada", "Ada"), ("bob", "Bob"))}
    for learner in learners.values():
        api.record_completion(user=learner, training=course)
    api.grant_role(user=make_user("tom"), role="trainer", training=course)
    api.grant_role(user=make_user("ines"), role="inspector", training=course)
    return {"course": course, "first": first, "second": second, **learners}


def signed_in_page(browser, live_server, username: str, path: str):
    context = browser.new_context(viewport={"width": 1000, "height": 800}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/login/?next=/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pass")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}{path}")
    return page


def pdf_text(page, link) -> str:
    from pypdf import PdfReader

    answer = page.context.request.get(urljoin(page.url, link.get_attribute("href")))
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)


def generate_from_card(page, artifacts, prefix: str) -> str:
    """Click "Generate certificate" on the card, follow the messages, open the PDF: its text."""
    from playwright.sync_api import expect

    card = page.locator("[data-card-id]", has_text="Computing 101")
    card.get_by_role("button", name="Generate certificate").click()
    expect(card.get_by_role("status")).to_have_text("The certificate is being generated")
    page.screenshot(path=str(artifacts / f"{prefix}-being-generated.png"))
    expect(card.get_by_role("status")).to_have_text("The certificate has been generated")
    link = card.get_by_role("link", name="Open certificate")
    expect(link).to_be_visible()
    page.screenshot(path=str(artifacts / f"{prefix}-generated.png"))
    return pdf_text(page, link)


def test_a_learner_generates_from_the_dashboard_card_and_opens_the_pdf(
        browser, live_server, world, slow_generation, artifacts):
    from playwright.sync_api import expect

    page = signed_in_page(browser, live_server, "ada", CARDS)
    card = page.locator("[data-card-id]", has_text="Computing 101")
    expect(card.get_by_role("button", name="Generate certificate")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-dashboard-card.png"))

    text = generate_from_card(page, artifacts, "02")
    assert "Ada Lovelace" in text and "First design" in text

    # After a reload the card remembers: "Open certificate", nothing to generate.
    page.reload()
    expect(card.get_by_role("link", name="Open certificate")).to_be_visible()
    expect(card.get_by_role("button", name="Generate certificate")).to_have_count(0)
    page.screenshot(path=str(artifacts / "03-after-reload.png"))


def test_a_trainer_assigns_version_2_in_the_sidebar_and_the_learner_side_reflects_it(
        browser, live_server, world, slow_generation, artifacts):
    from playwright.sync_api import expect

    # Ada generated with version 1 before the change: hers never changes (R8).
    api.request_certificate(user=world["ada"], training=world["course"])

    page = signed_in_page(browser, live_server, "tom", SIDEBAR)
    expect(page.get_by_text("Diploma, version 1")).to_be_visible()
    page.get_by_role("button", name="Select certificate").click()
    page.get_by_role("button", name="Author certificates").click()
    versions = page.get_by_label("Version", exact=True)
    expect(versions.locator("option")).to_have_count(2)
    assert versions.locator("option").first.inner_text().startswith("Version 2 · ")
    versions.select_option(str(world["second"].uuid))
    page.screenshot(path=str(artifacts / "01-sidebar-version-2-chosen.png"))
    # Choosing with eyes open: the chosen version's preview opens a sample PDF in a new tab.
    preview = page.get_by_role("link", name="Preview version 2 (PDF)")
    with page.context.expect_page() as opened:
        preview.click()
    assert opened.value.url == preview.get_attribute("href") and opened.value.url.endswith(".pdf")
    opened.value.close()
    text = pdf_text(page, preview)
    assert "Second design" in text and "Ana María Müller-Šťastná" in text  # sample data, not a learner
    page.get_by_role("button", name="Select Diploma").click()
    expect(page.get_by_text("The certificate of this training has been updated.")).to_be_visible()
    expect(page.get_by_text("Diploma, version 2")).to_be_visible()
    page.screenshot(path=str(artifacts / "02-sidebar-assigned.png"))
    assert api.get_current_assignment(training=world["course"]).version_id == world["second"].pk

    # Bob completed but had not generated: he gets version 2 (R9).
    bob = signed_in_page(browser, live_server, "bob", CARDS)
    text = generate_from_card(bob, artifacts, "03-bob")
    assert "Bob Lovelace" in text and "Second design" in text

    # Ada's certificate stays the version-1 PDF.
    ada = signed_in_page(browser, live_server, "ada", CARDS)
    link = ada.locator("[data-card-id]", has_text="Computing 101").get_by_role("link", name="Open certificate")
    expect(link).to_be_visible()
    ada.screenshot(path=str(artifacts / "04-ada-keeps-hers.png"))
    assert "First design" in pdf_text(ada, link)


def test_an_inspector_sees_the_sidebar_read_only_and_cannot_assign(browser, live_server, world, artifacts):
    from playwright.sync_api import expect

    page = signed_in_page(browser, live_server, "ines", SIDEBAR)
    expect(page.get_by_text("Diploma, version 1")).to_be_visible()
    expect(page.get_by_text("You can see the certificates of this training but not change them.")).to_be_visible()
    expect(page.get_by_role("button", name="Select certificate")).to_have_count(0)
    page.get_by_role("button", name="See the certificates").click()
    page.get_by_role("button", name="Author certificates").click()
    page.get_by_label("Version", exact=True).select_option(str(world["second"].uuid))
    expect(page.get_by_role("button", name="Select Diploma")).to_have_count(0)
    assert "Second design" in pdf_text(page, page.get_by_role("link", name="Preview version 2 (PDF)"))
    page.screenshot(path=str(artifacts / "01-inspector-read-only.png"))

    # Even by hand, from the page's own session and CSRF token, the API refuses.
    status = page.evaluate(
        """async ([url, version]) => {
            const token = document.cookie.match(/(?:^|;\\s*)csrftoken=([^;]+)/)[1];
            const answer = await fetch(url, {method: 'PUT', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
              body: JSON.stringify({version})});
            return answer.status;
        }""",
        [f"/api/author-certificates/v1/trainings/{COURSE}/certificate/", str(world["second"].uuid)],
    )
    assert status == 403
    assert api.get_current_assignment(training=world["course"]).version_id == world["first"].pk
