"""End to end in headless Chromium: anyone opens a certificate's public verification page, chooses
the issued PDF and clicks "Check file" (it is the one issued), then another file (it differs),
then a file over the size limit: the page says it is too large (413), without reading it.

Screenshots of each step: test-artifacts/browser/<test name>/.
"""

from __future__ import annotations

import pytest

from author_certificates import api, uploads
from author_certificates.generation import read_certificate
from author_certificates.models import ClassicCertificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def issued(make_user, staff):
    learner = make_user("ada", first_name="Ada", last_name="Lovelace")
    course = api.register_training(key="course-v1:DemoX+CS101+2026", title="Computing 101", tenant="default")
    # Transactional tests flush the tables between tests, data migrations included.
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    api.assign_certificate(training=course, classic=classic, assigned_by=staff)
    api.record_completion(user=learner, training=course)
    api.request_certificate(user=learner, training=course)  # generated at once: tasks run in-process
    return api.get_certificate_status(user=learner, training=course).issued


def check_file(page, path, name: str):
    page.set_input_files("#certificate-file", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Check file").click()
    page.screenshot(path=str(path.parent / f"{name}.png"), full_page=True)


def test_anyone_checks_a_file_and_a_file_too_large_is_refused(browser, live_server, issued, artifacts,
                                                              monkeypatch, tmp_path):
    page = browser.new_context(locale="en-US").new_page()
    page.goto(f"{live_server.url}/author-certificates/verify/{issued.uuid}/")
    page.screenshot(path=str(artifacts / "1-verification-page.png"), full_page=True)
    assert "Ada Lovelace" in page.content()

    original = artifacts / "issued.pdf"
    original.write_bytes(read_certificate(issued))
    check_file(page, original, "2-the-issued-file")
    assert page.locator("[data-ac-match=yes]").is_visible()

    changed = artifacts / "changed.pdf"
    changed.write_bytes(read_certificate(issued).replace(b"%PDF", b"%PDF ", 1))
    check_file(page, changed, "3-another-file")
    assert page.locator("[data-ac-match=no]").is_visible()

    # The limit made small, so that a small file is "too large": the live server runs in this process.
    monkeypatch.setattr(uploads, "MAX_VERIFICATION_UPLOAD_BYTES", 1000)
    big = artifacts / "big.pdf"
    big.write_bytes(b"%PDF-" + b"x" * 200_000)
    responses = []
    page.on("response", lambda response: responses.append(response.status))
    check_file(page, big, "4-too-large")
    assert page.locator("#upload-error").is_visible()
    assert "too large" in page.locator("#upload-error").inner_text()
    assert 413 in responses
    assert page.locator("#certificate-file").get_attribute("aria-invalid") == "true"
