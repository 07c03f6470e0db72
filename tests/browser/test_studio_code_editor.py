"""End to end in headless Chromium: the Author tool's design editor (issue 12, item 5).

- With JavaScript, CodeMirror replaces the HTML and CSS textareas: line numbers, highlighting,
  each problem marked at its line. A failed save keeps the chosen file ("kept: logo.png (...)"),
  the fixed save uses it; saving again without a change saves nothing and says so; asset() in
  the CSS is refused naming url("asset:..."); "Preview PDF" opens the preview beside the page.
- Without JavaScript the plain textareas save the same design.

Screenshots in test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from author_certificates.models import AuthorCertificate, AuthorCertificateVersion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "/author-certificates/studio/new/"
BROKEN = '<p>{{ learner_full_name }}</p>\n{% if learner_full_name %}\n<img src="{{ asset(\'logo.png\') }}" alt="">'
FIXED = '<p>{{ learner_full_name }}</p>\n<img src="{{ asset(\'logo.png\') }}" alt="">'


def code(page, field: str):
    """The code editor of the HTML or CSS field (what a person clicks and types into)."""
    return page.locator(f'.ac-code-editor[data-code-editor="{field}"] .cm-content')


def replace_code(page, field: str, text: str) -> None:
    editor = code(page, field)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    editor.fill(text)


@pytest.fixture
def logo(tmp_path):
    path = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 120, 200)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_code_editor_marks_problems_keeps_files_and_saves_nothing_unchanged(sign_in, author, artifacts, logo):
    from playwright.sync_api import expect

    page = sign_in(author.username, NEW)
    expect(code(page, "html")).to_be_visible()
    expect(page.locator("textarea[name=html]")).to_be_hidden()
    expect(page.locator('.ac-code-editor[data-code-editor="html"] .cm-lineNumbers')).to_be_visible()

    page.get_by_label("Title").fill("Diploma")
    replace_code(page, "html", BROKEN)
    expect(code(page, "html").locator(".cm-line").nth(2)).to_contain_text("asset('logo.png')")
    # Highlighting: the tag names are coloured spans, not plain text.
    assert code(page, "html").locator(".cm-line").first.locator("span").count() > 0
    page.get_by_label("Add images or fonts").set_input_files(str(logo))
    page.get_by_role("button", name="Save").click()

    # Jinja finds the missing {% endif %} where the template ends; the line that opened it is shown.
    problem = "Line 2 of the HTML: the template has a syntax error: the {% if %} block is never closed"
    expect(page.get_by_text(problem)).to_be_visible()
    expect(page.locator('.ac-code-editor[data-code-editor="html"] .cm-lint-marker-error')).to_have_count(1)
    marked = page.locator('.ac-code-editor[data-code-editor="html"] .cm-lintRange-error')
    expect(marked).to_contain_text("{% if learner_full_name %}")
    expect(page.get_by_text(f"kept: logo.png ({logo.stat().st_size}")).to_be_visible()
    assert not AuthorCertificate.objects.exists()
    page.screenshot(path=str(artifacts / "01-problem-marked-file-kept.png"), full_page=True)

    replace_code(page, "html", FIXED)  # the file is not chosen again
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    version = AuthorCertificateVersion.objects.get()
    assert [row.name for row in version.assets.all()] == ["logo.png"]
    assert version.html == FIXED
    page.screenshot(path=str(artifacts / "02-saved-with-kept-file.png"), full_page=True)

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Nothing changed: no new version was saved.")).to_be_visible()
    assert AuthorCertificateVersion.objects.count() == 1
    page.screenshot(path=str(artifacts / "03-nothing-changed.png"), full_page=True)

    replace_code(page, "css", 'h1 { color: #123; }\nbody { background: url({{ asset("logo.png") }}); }')
    page.get_by_role("button", name="Save").click()
    refusal = 'Line 2 of the CSS: asset("logo.png") does not work in the CSS: write url("asset:logo.png") instead.'
    expect(page.get_by_text(refusal)).to_be_visible()
    expect(page.locator('.ac-code-editor[data-code-editor="css"] .cm-lint-marker-error')).to_have_count(1)
    page.screenshot(path=str(artifacts / "04-asset-in-css-refused.png"), full_page=True)

    replace_code(page, "css", 'h1 { color: #123; }\nbody { background: url("asset:logo.png"); }')
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    assert AuthorCertificateVersion.objects.get(number=2).css.endswith('url("asset:logo.png"); }')


def test_preview_marks_problems_in_the_editor_and_opens_the_pdf(sign_in, author, author_version, artifacts):
    from playwright.sync_api import expect

    page = sign_in(author.username, f"/author-certificates/studio/{author_version.certificate.uuid}/")
    replace_code(page, "html", "<p>\n{{ nope }}</p>")
    page.get_by_role("button", name="Preview PDF").click()
    expect(page.get_by_text("Line 2 of the HTML: 'nope' is not a placeholder")).to_be_visible()
    expect(page.locator('.ac-code-editor[data-code-editor="html"] .cm-lint-marker-error')).to_have_count(1)
    expect(code(page, "html")).to_be_focused()
    page.screenshot(path=str(artifacts / "01-preview-problem.png"), full_page=True)

    replace_code(page, "html", "<p>{{ learner_full_name }}</p>")
    page.get_by_role("button", name="Preview PDF").click()
    dialog = page.locator("#ac-preview-window")
    expect(dialog).to_be_visible()
    expect(page.locator('.ac-code-editor[data-code-editor="html"] .cm-lint-marker-error')).to_have_count(0)
    page.screenshot(path=str(artifacts / "02-preview-open.png"))
    assert AuthorCertificateVersion.objects.filter(certificate=author_version.certificate).count() == 1


def test_without_javascript_the_textareas_save_the_design(sign_in, author, artifacts):
    from playwright.sync_api import expect

    page = sign_in(author.username, NEW, javascript=False)
    expect(page.locator("textarea[name=html]")).to_be_visible()
    assert page.locator(".cm-editor").count() == 0
    page.get_by_label("Title").fill("Plain")
    page.get_by_label("HTML").fill("<p>\n{{ nope }}</p>")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Line 2 of the HTML: 'nope' is not a placeholder")).to_be_visible()
    page.get_by_label("HTML").fill("<p>{{ learner_full_name }}</p>")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Nothing changed: no new version was saved.")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-no-javascript.png"), full_page=True)
    assert AuthorCertificateVersion.objects.count() == 1
