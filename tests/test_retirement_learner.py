"""edx-platform's user retirement purges the learner's name from the certificates we issued.

The LMS's ``AccountRetirementView`` sends ``USER_RETIRE_LMS_CRITICAL(sender, user=...)`` (stand-in:
tests/host/edx_platform_stub/openedx/core/djangoapps/user_api/accounts/signals.py) and then renames
and deactivates the user; the platform keeps its certificate rows and blanks their ``name``.
"""

from __future__ import annotations

import pytest
from openedx.core.djangoapps.user_api.accounts.signals import USER_RETIRE_LMS_CRITICAL

from author_certificates import api
from author_certificates.models import Completion, IssuedCertificate, IssuedState
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.django_db


class AccountRetirementView:
    """The sender edx-platform uses."""


@pytest.fixture
def generated(learner, course, classic_en, staff, django_capture_on_commit_callbacks):
    api.assign_certificate(training=course, classic=classic_en, assigned_by=staff, now=FIXED_NOW)
    api.record_completion(user=learner, training=course, completed_at=FIXED_NOW)
    with django_capture_on_commit_callbacks(execute=True):
        issued = api.request_certificate(user=learner, training=course, now=FIXED_NOW)
    issued.refresh_from_db()
    assert issued.state == IssuedState.GENERATED and issued.learner_name == "Ada Lovelace"
    return issued


def _retire(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        USER_RETIRE_LMS_CRITICAL.send(sender=AccountRetirementView, user=user)
    # What the platform does next: rename and deactivate (never delete) the user.
    user.first_name = user.last_name = ""
    user.username, user.is_active = f"retired__user_{user.pk}", False
    user.save()


def test_retirement_blanks_the_printed_name_and_deletes_the_pdf_but_keeps_the_record(
    learner, generated, certificate_files, django_capture_on_commit_callbacks
):
    assert certificate_files() == [generated.file]

    _retire(learner, django_capture_on_commit_callbacks)

    issued = IssuedCertificate.objects.get(pk=generated.pk)
    assert issued.learner_name == ""
    assert issued.printed["learner_full_name"] == ""
    assert "Ada" not in str(issued.printed)
    assert certificate_files() == []
    # Kept, like the platform's GeneratedCertificate: the report still counts it (R10).
    assert (issued.state, issued.generated_at, issued.uuid) == (IssuedState.GENERATED, generated.generated_at,
                                                                generated.uuid)
    assert Completion.objects.filter(user=learner).count() == 1


def test_a_reopened_certificate_of_a_retired_learner_prints_no_name(
    learner, generated, staff, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    _retire(learner, django_capture_on_commit_callbacks)

    _issued, data = api.open_certificate(viewer=staff, uuid_=generated.uuid)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Ada" not in text and "Lovelace" not in text
    assert "Computing" in text or generated.training.title in text


def test_retiring_a_learner_without_certificates_does_nothing(make_user, django_capture_on_commit_callbacks):
    _retire(make_user("nobody"), django_capture_on_commit_callbacks)

    assert not IssuedCertificate.objects.exists()


def test_a_storage_error_while_deleting_is_logged_and_the_name_stays_purged(
    learner, generated, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from author_certificates import storage

    def broken(name):
        raise OSError("bucket unreachable")

    monkeypatch.setattr(storage, "delete_pdf", broken)

    _retire(learner, django_capture_on_commit_callbacks)

    assert IssuedCertificate.objects.get(pk=generated.pk).learner_name == ""
    assert f"could not delete the certificate file {generated.file}" in caplog.text


def test_deleting_a_user_by_hand_deletes_their_certificates_and_files(
    learner, generated, certificate_files, django_capture_on_commit_callbacks
):
    # IssuedCertificate.user is CASCADE, as edx-platform's GeneratedCertificate.user: never blocks.
    with django_capture_on_commit_callbacks(execute=True):
        learner.delete()

    assert not IssuedCertificate.objects.filter(pk=generated.pk).exists()
    assert certificate_files() == []
