"""End to end in headless Chromium: signing in at /login/ lands on a useful page (it used to be a
404 at /accounts/profile/), and the header, the Trainings page, a training's certificate page
and its report lead to one another, for a trainer, an author and a learner.
"""

from __future__ import annotations

import pytest

from author_certificates import api
from author_certificates.models import ClassicCertificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def world(make_user, staff):
    classic, _created = ClassicCertificate.objects.get_or_create(
        tenant="", name="Classic (English)", defaults={"builtin_language": "en", "language": "en"})
    cs101 = api.register_training(key="course-v1:DemoX+CS101+2026", title="Computing 101", tenant="default")
    api.register_training(key="course-v1:DemoX+DS201+2026", title="Data Science", tenant="default")
    api.assign_certificate(training=cs101, classic=classic, assigned_by=staff)
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=cs101)
    make_user("ada", first_name="Ada", last_name="Lovelace")
    return cs101


def test_trainer_moves_between_trainings_certificate_and_report(world, sign_in, live_server, artifacts):
    from playwright.sync_api import expect

    page = sign_in("trainer", "")  # at /login/ itself
    assert page.url == f"{live_server.url}/author-certificates/trainings/"
    expect(page.get_by_role("heading", name="Trainings", level=1)).to_be_visible()
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav.get_by_role("link", name="Trainings")).to_have_attribute("aria-current", "page")
    expect(main_nav.get_by_role("link", name="Author tool")).to_have_count(0)
    rows = page.locator("tr.ac-training-row")
    expect(rows).to_have_count(1)  # only the training they train
    expect(rows.first).to_contain_text("Classic (English)")
    page.screenshot(path=str(artifacts / "01-trainings.png"))

    page.get_by_label("Search by title or key").fill("nothing like it")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text('No training matches "nothing like it".')).to_be_visible()
    page.get_by_label("Search by title or key").fill("cs101")
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)

    page.get_by_role("link", name="Progress report Computing 101").click()
    expect(page.get_by_role("heading", name="Progress report of Computing 101")).to_be_visible()
    page.get_by_role("link", name="Certificate of this training").click()
    expect(page.get_by_role("heading", name="Certificate of Computing 101")).to_be_visible()
    page.screenshot(path=str(artifacts / "02-certificate-page.png"))
    page.get_by_role("navigation", name="This training").get_by_role("link", name="Progress report").click()
    expect(page.get_by_role("heading", name="Progress report of Computing 101")).to_be_visible()
    page.get_by_role("link", name="All trainings").click()
    expect(page.get_by_role("heading", name="Trainings", level=1)).to_be_visible()


def test_author_reaches_the_author_tool_and_trainings(world, sign_in, live_server, artifacts):
    from playwright.sync_api import expect

    page = sign_in("staff", "")  # global staff: every training
    assert page.url == f"{live_server.url}/author-certificates/trainings/"
    expect(page.locator("tr.ac-training-row")).to_have_count(2)
    page.get_by_role("link", name="Design certificates in the Author tool").click()
    expect(page.get_by_role("heading", name="Author certificates")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Trainings").click()
    expect(page.get_by_role("heading", name="Trainings", level=1)).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Author tool").click()
    expect(page.get_by_role("heading", name="Author certificates")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-author-tool.png"))


def test_learner_lands_on_learning_records_with_no_staff_links(world, sign_in, live_server, artifacts):
    from playwright.sync_api import expect

    page = sign_in("ada", "", width=375)
    assert page.url == f"{live_server.url}/author-certificates/learning-records/"
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav.get_by_role("link")).to_have_count(1)
    expect(main_nav.get_by_role("link", name="Learning Records")).to_be_visible()
    page.screenshot(path=str(artifacts / "01-learning-records.png"))
    page.goto(f"{live_server.url}/author-certificates/trainings/")
    expect(page.get_by_text("You do not manage or inspect any training of this site.")).to_be_visible()
