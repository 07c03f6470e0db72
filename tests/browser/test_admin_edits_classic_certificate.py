"""End to end in headless Chromium (docs/decisions/0121): an admin edits a tenant's classic
certificate in the Django admin. A syntax error is refused in the form, with the line; a valid
edit saves and version 2 appears beside version 1, which is unchanged."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HTML_V1 = "<h1>Certificate of {{ training_title }}</h1><p>{{ learner_full_name }}</p>"


@pytest.fixture
def classic(make_user):
    make_user("root", is_staff=True, is_superuser=True)  # password "pass"
    own = ClassicCertificate.objects.create(tenant="default", name="Demo Academy classic", html=HTML_V1)
    api.current_classic_version(classic=own)
    return own


def test_an_admin_edit_makes_a_new_version_and_a_syntax_error_is_refused(classic, sign_in, artifacts):
    from playwright.sync_api import expect

    page = sign_in("root", quote(f"/admin/author_certificates/classiccertificate/{classic.pk}/change/"))
    expect(page.get_by_role("heading", name="Change classic certificate")).to_be_visible()
    html = page.locator("#id_html")

    html.fill("<h1>Certificate of {{ training_title </h1>")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    errors = page.locator(".field-html .errorlist")
    expect(errors).to_contain_text("Line 1 of the HTML: the template has a syntax error")
    expect(page.locator(".errornote")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-syntax-error-refused.png"), full_page=True)
    assert ClassicCertificate.objects.get(pk=classic.pk).html == HTML_V1, "nothing was saved"

    html.fill("<h1>Diploma of {{ training_title }}</h1><p>Awarded to {{ learner_full_name }}</p>")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("Version 2 of Demo Academy classic")
    versions = page.locator(".field-number")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_have_text("2")
    expect(versions.nth(1)).to_have_text("1")
    page.screenshot(path=str(artifacts / "02-version-2.png"), full_page=True)

    [newest, first] = list(api.list_classic_versions(classic=classic))
    assert "Diploma of" in newest.html and first.html == HTML_V1
