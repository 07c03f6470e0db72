"""Accessibility (issue 12, item 8): every page, as each role that can see it, passes axe-core
with no serious or critical violation, in headless Chromium with JavaScript on.

axe-core's script is vendored (tests/browser/vendor/axe.min.js, copied from frontend's lockfile
by `make frontend`), never fetched. To cover a new page add a Visit to PAGES: the role (a user of
the ``world`` fixture, or None for anonymous), the path (``{name}`` is filled from
``world.paths``) and, optionally, what a person does first (an entry of ACTIONS). Violations are
printed with their nodes; screenshots go to test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
COURSE = "course-v1:DemoX+CS101+2026"
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Visit:
    role: str | None  # None: not signed in
    path: str  # "{name}" filled from the world's paths
    action: str = ""  # a key of ACTIONS, run before axe
    width: int = 1100  # the viewport's width in CSS pixels (360: a phone)

    @property
    def id(self) -> str:
        return (f"{self.role or 'anonymous'}:{self.path}{'+' + self.action if self.action else ''}"
                f"{'@' + str(self.width) if self.width != 1100 else ''}")


def open_side_window(page):
    from playwright.sync_api import expect

    # Admins and trainers choose ("Select certificate"); inspectors only look ("See the certificates").
    page.get_by_role("link", name=re.compile("^(Select certificate|See the certificates)$")).click()
    expect(page.locator("dialog#ac-side-window")).to_be_visible()
    author_panel = page.locator("dialog#ac-side-window [data-show-panel=author]").first
    if author_panel.is_visible():
        author_panel.click()


def failed_save(page):
    from playwright.sync_api import expect

    page.get_by_label("Title").fill("Broken")
    page.get_by_label("HTML").fill("<p>\n{{ nope }}</p>")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".cm-lint-marker-error")).to_have_count(1)


def open_version_preview(page):
    page.get_by_role("button", name="Preview PDF").click()
    page.locator("#ac-preview-window").wait_for(state="visible")


ACTIONS = {"side window": open_side_window, "failed save": failed_save, "preview": open_version_preview}

PAGES = [
    Visit("learner", "/author-certificates/learning-records/"),
    Visit("learner", "{verify}"),
    Visit("author", "/author-certificates/studio/"),
    Visit("author", "/author-certificates/studio/new/"),
    Visit("author", "/author-certificates/studio/new/", "failed save"),
    Visit("author", "{edit}"),
    Visit("author", "{edit}", "preview"),
    Visit("author", "{history}"),
    Visit("author", "/author-certificates/studio/archived/"),
    Visit("staff", "/author-certificates/trainings/"),
    Visit("trainer", "/author-certificates/trainings/"),
    Visit("inspector", "/author-certificates/trainings/"),
    Visit("staff", "{certificate_page}", "side window"),
    Visit("trainer", "{certificate_page}", "side window"),
    Visit("inspector", "{certificate_page}", "side window"),
    Visit("staff", "{report}"),
    Visit("trainer", "{report}"),
    Visit("inspector", "{report}"),
    Visit(None, "{verify}"),
    Visit(None, "/login/"),
    # Phone width: the layouts change (tables become lists, the editor's panels stack).
    Visit("learner", "/author-certificates/learning-records/", width=360),
    Visit("author", "{edit}", width=360),
    Visit("author", "{history}", width=360),
    Visit("trainer", "{report}", width=360),
    Visit("trainer", "/author-certificates/trainings/", width=360),
]


@dataclass
class World:
    paths: dict[str, str]


@pytest.fixture
def world(make_user, staff, author, trainer, inspector, course) -> World:
    """Computing 101 with a version of "Diploma" assigned; a learner who completed it and
    generated the certificate; its staff, author, trainer and inspector (password "pass")."""
    version = api.create_author_certificate(
        tenant="default", title="Diploma", html="<main><h1>{{ training_title }}</h1><p>{{ learner_full_name }}</p>"
        "</main>", created_by=author)
    api.save_new_version(certificate=version.certificate, edited_by=author, css="h1 { color: #123; }")
    ClassicCertificate.objects.get_or_create(tenant="", name="Classic (English)",
                                             defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, version=version, assigned_by=staff)
    learner = make_user("learner", first_name="Ada", last_name="Lovelace")
    api.record_completion(user=learner, training=course)
    issued = api.request_certificate(user=learner, training=course)  # generated at once (eager tasks)
    issued.refresh_from_db()
    assert issued.state == "generated", issued.state
    key = COURSE.replace("+", "%2B")  # "+" is a space in a URL
    uuid = version.certificate.uuid
    return World(paths={
        "verify": f"/author-certificates/verify/{issued.uuid}/",
        "edit": f"/author-certificates/studio/{uuid}/",
        "history": f"/author-certificates/studio/{uuid}/versions/",
        "certificate_page": f"/author-certificates/trainings/{key}/certificate/",
        "report": f"/author-certificates/trainings/{key}/report/",
    })


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in result["violations"] if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}: {node['html'][:200]}")
            lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')}")
    return "\n".join(lines)


def test_every_page_passes_axe_for_every_role_that_sees_it(browser, live_server, world, artifacts):
    from playwright.sync_api import expect

    from .conftest import TIMEOUT_MS

    contexts = {}  # one signed-in browser context per (role, width): each role signs in once

    def page_for(visit: Visit):
        key = (visit.role, visit.width)
        if key not in contexts:
            context = browser.new_context(viewport={"width": visit.width, "height": 800}, locale="en-US")
            context.set_default_timeout(TIMEOUT_MS)
            if visit.role:
                page = context.new_page()
                page.goto(f"{live_server.url}/login/")
                page.fill("#id_username", visit.role)
                page.fill("#id_password", "pass")
                page.get_by_role("button", name="Sign in").click()
                page.wait_for_load_state()
                page.close()
            contexts[key] = context
        return contexts[key].new_page()

    failures = []
    try:
        for number, visit in enumerate(PAGES, start=1):
            page = page_for(visit)
            path = visit.path.format(**world.paths)
            page.goto(f"{live_server.url}{path}")
            expect(page.locator("h1").first).to_be_visible()
            assert page.url.endswith(path), f"{visit.id} landed on {page.url}"
            if visit.action:
                ACTIONS[visit.action](page)
            violations = axe_violations(page)
            name = re.sub(r"[^a-z0-9]+", "-", visit.id.lower()).strip("-")[:80]
            page.screenshot(path=str(artifacts / f"{number:02d}-{name}.png"), full_page=True)
            if violations:
                failures.append(f"{visit.id}\n{describe(violations)}")
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    (artifacts / "axe-violations.txt").write_text("\n\n".join(failures) or "none\n")
    assert not failures, "serious or critical axe violations:\n\n" + "\n\n".join(failures)
