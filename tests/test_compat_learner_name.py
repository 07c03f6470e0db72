"""The name printed on a certificate: the platform's preferred certificate name, else the profile name.

edx-platform's ``get_preferred_certificate_name`` gives the verified name when the name-affirmation
service exists and the learner chose it for certificates, else the profile name; compat asks the
same service (stand-in: tests/host/edx_platform_stub/openedx/features/name_affirmation_api).
"""

from __future__ import annotations

import pytest
from common.djangoapps.student.models import UserProfile
from openedx.features.name_affirmation_api import utils as name_affirmation

from author_certificates import compat

pytestmark = pytest.mark.django_db


def test_the_profile_name_wins_over_the_django_name(learner):
    UserProfile.objects.create(user=learner, name="Augusta Ada King")

    assert compat.learner_full_name(learner) == "Augusta Ada King"


def test_without_a_profile_the_django_full_name_is_used(learner):
    assert compat.learner_full_name(learner) == "Ada Lovelace"


def test_a_blank_profile_name_falls_back_and_a_nameless_user_gets_the_username(make_user):
    user = make_user("nameless", first_name="", last_name="")
    UserProfile.objects.create(user=user, name="   ")

    assert compat.learner_full_name(user) == "nameless"


def test_without_the_host_module_compat_degrades_to_django(learner, monkeypatch):
    UserProfile.objects.create(user=learner, name="Augusta Ada King")
    monkeypatch.setattr(compat, "HOST_STUDENT_MODELS", "no_such_platform.student.models")
    monkeypatch.setattr(compat, "HOST_NAME_AFFIRMATION", "no_such_platform.name_affirmation_api.utils")
    monkeypatch.setattr(compat, "HOST_ROLES", "no_such_platform.student.roles")

    assert compat.learner_full_name(learner) == "Ada Lovelace"
    assert compat.host_course_roles(learner, "course-v1:DemoX+CS101+2026") == set()
    assert compat.has_host_student_models() is False


@pytest.fixture
def name_service(monkeypatch):
    service = name_affirmation.FakeNameAffirmationService()
    monkeypatch.setattr(name_affirmation, "SERVICE", service)
    return service


def test_the_verified_name_chosen_for_certificates_is_printed(learner, name_service):
    UserProfile.objects.create(user=learner, name="Ada L.")
    name_service.verified_names[learner.pk] = "Augusta Ada King, Countess of Lovelace"
    name_service.chosen_for_certificates.add(learner.pk)

    assert compat.learner_full_name(learner) == "Augusta Ada King, Countess of Lovelace"
    assert compat.printed_learner_name(learner, profile_name="Ada L.") == "Augusta Ada King, Countess of Lovelace"


def test_a_verified_name_not_chosen_for_certificates_is_not_printed(learner, name_service):
    UserProfile.objects.create(user=learner, name="Ada L.")
    name_service.verified_names[learner.pk] = "Augusta Ada King"

    assert compat.learner_full_name(learner) == "Ada L."


def test_a_generated_pdf_prints_the_preferred_certificate_name(
    learner, course, classic_en, staff, name_service, django_capture_on_commit_callbacks
):
    from pypdf import PdfReader

    from author_certificates import api
    from author_certificates.storage import read_pdf
    from tests.conftest import FIXED_NOW

    UserProfile.objects.create(user=learner, name="Ada L.")
    name_service.verified_names[learner.pk] = "Augusta Ada King"
    name_service.chosen_for_certificates.add(learner.pk)
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=FIXED_NOW)
    issued.refresh_from_db()

    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(read_pdf(issued.file))).pages)
    assert issued.learner_name == "Augusta Ada King"
    assert "Augusta Ada King" in text
    assert "Ada L." not in text
