"""End to end in headless Chromium, JavaScript on: a learner with a generated certificate finds, in
Learning Records, the link to its verification page, copies that link ("Link copied"), sees
LinkedIn's "Add to profile" link filled in, then uploads the downloaded PDF on the public
verification page and is told it matches (the page used to send ``Referrer-Policy: no-referrer``,
so Chromium posted ``Origin: null`` and Django's CSRF check answered 403).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate

from .conftest import TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "course-v1:DemoX+CS101+2026"


@pytest.fixture
def completed(make_user, staff):
    """Ada completed Computing 101, which gives the English classic certificate."""
    learner = make_user("ada", first_name="Ada", last_name="Lovelace")
    course = api.register_training(key=COURSE, title="Computing 101", tenant="default")
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    api.record_completion(user=learner, training=course)
    return learner, course


@pytest.fixture
def generated(completed):
    learner, course = completed
    issued = api.request_certificate(user=learner, training=course)  # generated in-process on commit
    issued = api.get_issued_certificate(uuid_=issued.uuid)
    assert issued.state == "generated"
    return issued


def test_learner_copies_the_verification_link_and_the_pdf_matches(generated, sign_in, artifacts, live_server,
                                                                   tmp_path, settings):
    from playwright.sync_api import expect

    settings.PLATFORM_NAME = "Demo Academy"
    page = sign_in("ada", "/author-certificates/learning-records/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    expect(page.get_by_role("heading", name="Computing 101")).to_be_visible()

    verify = page.get_by_role("link", name="Verification page Computing 101")
    expect(verify).to_be_visible()
    verify_url = verify.get_attribute("href")
    assert verify_url == f"{live_server.url}/author-certificates/verify/{generated.uuid}/"

    page.get_by_role("button", name="Copy link Computing 101").click()
    expect(page.get_by_role("status").filter(has_text="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == verify_url

    linkedin = urlsplit(page.get_by_role("link", name="Add to LinkedIn profile").get_attribute("href"))
    assert (linkedin.scheme, linkedin.netloc, linkedin.path) == ("https", "www.linkedin.com", "/profile/add")
    query = {name: values[0] for name, values in parse_qs(linkedin.query).items()}
    assert query["startTask"] == "CERTIFICATION_NAME" and query["name"] == "Computing 101"
    assert query["organizationName"] == "Demo Academy" and query["certUrl"] == verify_url
    assert query["certId"] == str(generated.uuid)
    assert (query["issueYear"], query["issueMonth"]) == (str(generated.generated_at.year),
                                                         str(generated.generated_at.month))
    page.screenshot(path=str(artifacts / "01-learning-records-share.png"))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Computing 101").click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)

    verify.click()
    page.wait_for_url(f"**/verify/{generated.uuid}/")
    page.get_by_label("PDF file (at most 20 MB)").set_input_files(str(pdf))
    page.get_by_role("button", name="Check file").click()
    expect(page.get_by_text("This file is the certificate that was issued, byte for byte.")).to_be_visible(
        timeout=TIMEOUT_MS)
    page.screenshot(path=str(artifacts / "02-verification-matches.png"))


def test_links_appear_as_soon_as_the_certificate_is_generated(completed, sign_in, artifacts):
    from playwright.sync_api import expect

    page = sign_in("ada", "/author-certificates/learning-records/")
    page.get_by_role("button", name="Generate certificate").click()
    expect(page.get_by_role("link", name="Open certificate")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("link", name="Verification page Computing 101")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link Computing 101")).to_be_visible()
    expect(page.get_by_role("link", name="Add to LinkedIn profile")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-generated-with-links.png"))
