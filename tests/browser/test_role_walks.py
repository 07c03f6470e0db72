"""Each role's whole job, end to end in headless Chromium with JavaScript on, on the demo (issue 12,
"Done when"): the demo host's URLs and the data of `make demo` (``seed_demo``: admin, author,
trainer, inspector and learner, password "demo"), a person clicking from the page they land on
after signing in.

- author: a new certificate with an image, its PDF preview, a failing save that keeps the image,
  the fixed save, an edit (version 2), the version history with both, the archive.
- trainer: Trainings (the search finds Computing 101), its certificate page, a version previewed
  from the side window, version 2 assigned, the report, a learner's certificate invalidated with a
  reason and reissued (from version 2, now assigned).
- inspector: the report, its CSV, the side window read-only.
- learner: generate, open, download, the verification page from Learning Records, the downloaded
  PDF uploaded there: it matches.
- admin: in the Django admin, a syntax error in a tenant's classic certificate is refused with the
  editor's whole sentence, nothing saved; a valid edit makes version 2 beside version 1, unchanged
  (docs/decisions/0121; this walk replaces test_admin_edits_classic_certificate.py).

Every step's screenshot is in test-artifacts/browser/<test name>/, numbered in order.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from author_certificates import api
from author_certificates.models import AuthorCertificate, ClassicCertificate, IssuedCertificate, SupersededCertificate

from .conftest import TIMEOUT_MS, pdf_text
from .test_side_window_previews import SAMPLE_LEARNER, open_preview, open_read_only_side_window
from .test_studio_code_editor import code, logo, replace_code  # noqa: F401 (logo: a fixture)
from .test_trainer_invalidates_and_reissues import act_on_report_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True),
              pytest.mark.urls("tests.host.demo.urls")]

PASSWORD = "demo"  # seed_demo's
CS101 = "course-v1:DemoX+CS101+2026"
STAFF_HOME = "/author-certificates/trainings/"
LEARNER_HOME = "/author-certificates/learning-records/"
SECOND_DESIGN = "Second design of the demo diploma"


class Steps:
    """``step(page, "name")``: the page's screenshot as NN-name.png, NN counting the steps."""

    def __init__(self, folder: Path):
        self.folder, self.count = folder, 0

    def __call__(self, page, name: str) -> None:
        self.count += 1
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{name}.png"), full_page=True)


@pytest.fixture
def step(artifacts) -> Steps:
    return Steps(artifacts)


@pytest.fixture
def demo(db):
    """What `make demo` seeds. A transactional test may start without the data migrations' rows:
    the platform's English classic certificate first, as the migrations make it."""
    ClassicCertificate.objects.get_or_create(
        tenant="", builtin_language="en", defaults={"name": "Classic certificate (English)", "language": "en"})
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def walk_in(sign_in):
    """``walk_in("trainer")``: signed in at /login/ with the demo's password, on the page it lands on."""
    return lambda username, **options: sign_in(username, "", password=PASSWORD, **options)


@pytest.fixture
def learner_has_certificate(demo):
    """The demo learner generated the certificate of Computing 101 (the English classic)."""
    from django.contrib.auth import get_user_model

    learner = get_user_model().objects.get(username="learner")
    issued = api.request_certificate(user=learner, training=CS101)  # generated in-process on commit
    assert api.get_issued_certificate(uuid_=issued.uuid).state == "generated"
    return issued


def downloaded_pdf(download, folder: Path) -> tuple[Path, str]:
    from pypdf import PdfReader

    path = folder / download.suggested_filename
    download.save_as(path)
    return path, "".join(page.extract_text() for page in PdfReader(path).pages)


def test_author_walk(demo, walk_in, step, logo, live_server):  # noqa: F811
    from playwright.sync_api import expect

    page = walk_in("author")
    assert page.url == f"{live_server.url}{STAFF_HOME}"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Author tool").click()
    expect(page.get_by_role("heading", name="Author certificates")).to_be_visible()
    step(page, "author-tool")

    # Create, with an image.
    page.get_by_role("link", name="New certificate").click()
    expect(page.get_by_role("heading", name="New certificate")).to_be_visible()
    page.get_by_label("Title").fill("Walk diploma")
    replace_code(page, "html", '<h1>{{ training_title }}</h1>\n<p>{{ learner_full_name }}</p>\n'
                               '<img src="{{ asset(\'logo.png\') }}" alt="">')
    page.get_by_label("Add images or fonts").set_input_files(str(logo))
    step(page, "new-certificate-filled")

    # Preview: the PDF opens in the preview window, with sample data.
    page.get_by_role("button", name="Preview PDF").click()
    window = page.get_by_role("dialog", name="Preview PDF")
    expect(window).to_be_visible()
    frame = window.locator("iframe").get_attribute("src")
    assert frame.startswith("blob:")
    # What the window shows: the blob's bytes, read in the page.
    shown = page.evaluate("src => fetch(src).then(answer => answer.arrayBuffer())"
                          ".then(data => Array.from(new Uint8Array(data)))", frame)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(shown))).pages)
    assert SAMPLE_LEARNER in text
    step(page, "preview-open")
    window.get_by_role("button", name="Close").click()
    assert not AuthorCertificate.objects.filter(title="Walk diploma").exists(), "a preview saves nothing"

    # A failing save keeps the chosen image.
    replace_code(page, "html", '<h1>{{ training_title }}</h1>\n{% if learner_full_name %}\n'
                               '<img src="{{ asset(\'logo.png\') }}" alt="">')
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Line 2 of the HTML: the template has a syntax error")).to_be_visible()
    expect(page.locator('.ac-code-editor[data-code-editor="html"] .cm-lint-marker-error')).to_have_count(1)
    expect(page.get_by_text(f"kept: logo.png ({logo.stat().st_size}")).to_be_visible()
    assert not AuthorCertificate.objects.filter(title="Walk diploma").exists()
    step(page, "failed-save-keeps-the-image")

    # Fixed, saved: version 1, with the kept image (not chosen again).
    replace_code(page, "html", '<h1>{{ training_title }}</h1>\n<p>{{ learner_full_name }}</p>\n'
                               '<img src="{{ asset(\'logo.png\') }}" alt="">')
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    expect(page.get_by_role("heading", name="Edit Walk diploma")).to_be_visible()
    certificate = AuthorCertificate.objects.get(title="Walk diploma")
    assert [asset.name for asset in certificate.versions.get().assets.all()] == ["logo.png"]
    step(page, "saved-version-1")

    # Edit from the list: version 2.
    page.get_by_role("link", name="Author certificates").first.click()
    page.get_by_role("link", name="Walk diploma", exact=True).click()
    expect(code(page, "html")).to_contain_text("learner_full_name")
    page.get_by_label("Title").fill("Walk diploma (blue)")
    replace_code(page, "html", "<h1>{{ training_title }}</h1>\n<p>{{ learner_full_name }}</p>\n<p>Blue edition</p>")
    replace_code(page, "css", "h1 { color: #0a3055; }")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    step(page, "saved-version-2")

    # History: both versions, newest first, each with its preview.
    page.get_by_role("link", name="Version history (latest: version 2)").click()
    expect(page.get_by_role("heading", name="Version history of Walk diploma (blue)")).to_be_visible()
    rows = page.locator("tr.ac-version")
    expect(rows).to_have_count(2)
    assert [rows.nth(n).locator("td").first.inner_text() for n in (0, 1)] == ["2", "1"]
    expect(rows.nth(0)).to_contain_text("Walk diploma (blue)")
    expect(rows.nth(1)).to_contain_text("Alan Turing")
    preview = {number: pdf_text(page, page.get_by_role("link", name=f"Preview version {number}").get_attribute("href"))
               for number in (1, 2)}
    assert "Blue edition" in preview[2] and "Blue edition" not in preview[1]
    step(page, "history")

    # Archive: no training uses it, so no question asked; listed among the archived.
    page.get_by_role("link", name="Author certificates").first.click()
    page.get_by_role("button", name="Archive Walk diploma (blue)").click()
    expect(page.get_by_text("“Walk diploma (blue)” has been archived: trainers no longer see it.")).to_be_visible()
    expect(page.get_by_role("link", name="Walk diploma (blue)", exact=True)).to_have_count(0)
    step(page, "archived")
    page.get_by_role("link", name="Archived author certificates").click()
    expect(page.locator(".ac-archived-certificate", has_text="Walk diploma (blue)")).to_contain_text("Alan Turing")
    step(page, "archived-list")
    assert AuthorCertificate.objects.get(pk=certificate.pk).archived_at is not None


def test_trainer_walk(demo, learner_has_certificate, walk_in, step, live_server):
    from playwright.sync_api import expect

    diploma = AuthorCertificate.objects.get(title="Demo diploma")
    author = diploma.created_by
    second = api.save_new_version(certificate=diploma, edited_by=author,
                                  html=f"<h1>{{{{ training_title }}}}</h1><p>{SECOND_DESIGN}</p>"
                                       "<p>{{ learner_full_name }}</p>")

    page = walk_in("trainer")
    assert page.url == f"{live_server.url}{STAFF_HOME}"
    expect(page.get_by_role("heading", name="Trainings", level=1)).to_be_visible()
    step(page, "trainings")
    page.get_by_label("Search by title or key").fill("computing")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("tr.ac-training-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Computing 101")
    expect(rows.first).to_contain_text("Classic certificate (English)")
    step(page, "search-finds-the-training")

    page.get_by_role("link", name="Certificate Computing 101").click()
    expect(page.get_by_role("heading", name="Certificate of Computing 101")).to_be_visible()
    expect(page.locator("#ac-current-certificate")).to_have_text("Classic certificate (English)")
    step(page, "certificate-page")

    page.get_by_role("link", name="Select certificate").click()
    window = page.locator("dialog#ac-side-window")
    expect(window).to_be_visible()
    window.get_by_role("link", name="Author certificates").click()
    entry = window.locator(".ac-author", has_text="Demo diploma")
    expect(entry.get_by_role("link", name="Preview version 2 (PDF)")).to_be_visible()
    step(page, "side-window")
    text = open_preview(page, entry.get_by_role("link", name="Preview version 2 (PDF)"))
    assert SECOND_DESIGN in text and SAMPLE_LEARNER in text

    entry.get_by_label("Version").select_option(str(second.uuid))
    entry.get_by_role("button", name="Select Demo diploma").click()
    expect(page.get_by_text("The certificate of this training has been updated.")).to_be_visible()
    expect(page.locator("#ac-current-certificate")).to_have_text("Demo diploma · version 2 (Author certificate)")
    expect(page.locator(".ac-history-entry").first).to_contain_text("Katherine Johnson")
    step(page, "version-2-assigned")

    page.get_by_role("navigation", name="This training").get_by_role("link", name="Progress report").click()
    expect(page.get_by_role("heading", name="Progress report of Computing 101")).to_be_visible()
    row = page.locator(".ac-progress-row", has_text="Ada Lovelace")
    expect(row.locator(".ac-report-state")).to_have_text("The certificate has been generated")
    step(page, "report")

    act_on_report_row(page, "Reason (learner)", "The name was misspelt", "Invalidate learner",
                      "The certificate of Ada Lovelace has been invalidated.")
    expect(row.locator(".ac-report-state")).to_have_text("The certificate has been invalidated")
    step(page, "invalidated")

    act_on_report_row(page, "Reason (optional) (learner)", "Name corrected", "Reissue learner",
                      "A new certificate is being generated for learner.")
    page.reload()
    expect(row.locator(".ac-report-state")).to_have_text("The certificate has been generated")
    step(page, "reissued")
    # The reissue is made from what is assigned now; the invalidated one stays recorded.
    reissued = IssuedCertificate.objects.get(training__key=CS101)
    assert reissued.uuid != learner_has_certificate.uuid
    assert (reissued.version_id, reissued.state) == (second.pk, "generated")
    assert SupersededCertificate.objects.get(uuid=learner_has_certificate.uuid).invalidated_at is not None

    page.get_by_role("link", name="Certificate of this training").click()
    events = page.locator(".ac-certificate-event")
    expect(events).to_have_count(2)
    expect(events.nth(0)).to_contain_text("Name corrected")
    expect(events.nth(1)).to_contain_text("The name was misspelt")
    step(page, "training-history")


def test_inspector_walk(demo, learner_has_certificate, walk_in, step, live_server, tmp_path):
    from playwright.sync_api import expect

    page = walk_in("inspector")
    assert page.url == f"{live_server.url}{STAFF_HOME}"
    step(page, "trainings")
    page.get_by_role("link", name="Progress report Computing 101").click()
    expect(page.get_by_role("heading", name="Progress report of Computing 101")).to_be_visible()
    row = page.locator(".ac-progress-row", has_text="Ada Lovelace")
    expect(row.locator(".ac-report-state")).to_have_text("The certificate has been generated")
    expect(page.get_by_role("button", name="Invalidate learner")).to_have_count(0)
    step(page, "report")

    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "progress-course-v1_DemoX_CS101_2026.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(row["Username"], row["Learner"], row["Certificate state"]) for row in rows] == [
        ("learner", "Ada Lovelace", "generated")]
    assert rows[0]["Date of first generation"].startswith(str(learner_has_certificate.requested_at.year))
    step(page, "csv-downloaded")

    page.get_by_role("link", name="Certificate of this training").click()
    expect(page.locator("#ac-current-certificate")).to_have_text("Classic certificate (English)")
    window = open_read_only_side_window(page)
    entry = window.locator(".ac-author", has_text="Demo diploma")
    step(page, "side-window-read-only")
    assert SAMPLE_LEARNER in open_preview(page, entry.get_by_role("link", name="Preview version 1 (PDF)"))
    window.get_by_role("link", name="Back").click()
    window.get_by_role("link", name="Classic certificates").click()
    expect(window.locator("form")).to_have_count(0)
    expect(window.locator(".ac-classic", has_text="Classic certificate (English)")).to_contain_text("Selected")
    step(page, "classic-certificates-read-only")


def test_learner_walk(demo, walk_in, step, live_server, tmp_path):
    from playwright.sync_api import expect

    page = walk_in("learner")
    assert page.url == f"{live_server.url}{LEARNER_HOME}"
    record = page.locator(".ac-record", has_text="Computing 101")
    step(page, "learning-records")

    record.get_by_role("button", name="Generate certificate").click()
    open_link = record.get_by_role("link", name="Open certificate")
    expect(open_link).to_be_visible(timeout=TIMEOUT_MS)
    step(page, "generated")
    assert "Ada Lovelace" in pdf_text(page, open_link.get_attribute("href"))

    with page.expect_download() as download:
        record.get_by_role("link", name="Download Computing 101").click()
    pdf, text = downloaded_pdf(download.value, tmp_path)
    assert "Ada Lovelace" in text and "Computing 101" in text
    step(page, "downloaded")

    record.get_by_role("link", name="Verification page Computing 101").click()
    page.wait_for_url("**/verify/*/")
    expect(page.locator("[data-ac-training]")).to_have_text("Computing 101")
    step(page, "verification-page")
    page.get_by_label("PDF file (at most 20 MB)").set_input_files(str(pdf))
    page.get_by_role("button", name="Check file").click()
    expect(page.get_by_text("This file is the certificate that was issued, byte for byte.")).to_be_visible()
    step(page, "file-matches")


def test_admin_walk(demo, walk_in, step, live_server):
    from playwright.sync_api import expect

    first_html = "<h1>Certificate of {{ training_title }}</h1><p>{{ learner_full_name }}</p>"
    classic = ClassicCertificate.objects.create(tenant="default", name="Demo Academy classic", html=first_html)
    api.current_classic_version(classic=classic)

    page = walk_in("admin")
    page.goto(f"{live_server.url}/")  # the demo's home page
    page.get_by_role("link", name="Django admin").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    step(page, "admin")
    page.get_by_role("link", name="Classic certificates").click()
    page.get_by_role("link", name="Demo Academy classic").click()
    expect(page.get_by_role("heading", name="Change classic certificate")).to_be_visible()
    step(page, "classic-certificate")

    html = page.locator("#id_html")
    html.fill("<h1>Certificate of {{ training_title </h1>")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".errornote")).to_be_visible()
    # The editor's whole sentence, not the template engine's words ("line 1: syntax error: ...").
    expect(page.locator(".field-html .errorlist")).to_have_text(
        "Line 1 of the HTML: the template has a syntax error: '/' is not expected here.")
    step(page, "syntax-error-refused")
    assert ClassicCertificate.objects.get(pk=classic.pk).html == first_html

    html.fill("<h1>Diploma of {{ training_title }}</h1><p>Awarded to {{ learner_full_name }}</p>")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("Version 2 of Demo Academy classic")
    versions = page.locator(".field-number")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_have_text("2")
    expect(versions.nth(1)).to_have_text("1")
    step(page, "version-2")
    newest, oldest = api.list_classic_versions(classic=classic)
    assert "Diploma of" in newest.html and oldest.html == first_html
