"""openedx-filters pipeline steps: our certificate stands in for the platform's.

``settings/common.py`` adds these steps to the host's ``OPEN_EDX_FILTERS_CONFIG`` (after the
host's own steps). A step that has nothing to do returns ``{}`` -- returning None would stop the
host's pipeline. Decisions: docs/decisions/0052-certificate-filters.md.
"""

from __future__ import annotations

import logging
from typing import Any

import crum
from django.http import HttpResponseRedirect
from django.urls import reverse
from openedx_filters import PipelineStep
from openedx_filters.learning.filters import CertificateRenderStarted

from . import api, compat
from .exceptions import AuthorCertificatesError

log = logging.getLogger(__name__)

# Our pages (author_certificates/views/learner_urls.py).
LEARNING_RECORDS_URL_NAME = "author_certificates:learning_records"
VERIFY_URL_NAME = "author_certificates:verify"

# Statuses with which CertificateCreationRequested certifies a learner (see the step's docstring).
CERTIFYING_STATUSES = (None, "downloadable")


def certificate_redirect_for(*, user_id: Any, course_key: str) -> str | None:
    """Where the platform's certificate page of ``course_key`` for ``user_id`` should send the visitor.

    Only learners whose certificate we issue are redirected: the public verification page of the
    certificate the learner generated (the platform's page is public and shareable, so is this
    one); Learning Records when a certificate of ours is assigned and the learner completed the
    course with us (they can generate it there). None otherwise -- unknown course, nothing
    assigned, a learner we have no completion for: the platform renders its own. Never raises
    for unknown ids.
    """
    try:
        training = api.get_training(str(course_key))
    except AuthorCertificatesError:
        return None
    user = api.find_user(user_id=user_id)
    status = api.get_certificate_status(user=user, training=training) if user is not None else None
    issued = status.issued if status is not None else None
    if issued is not None and issued.state == api.GENERATED:
        return reverse(VERIFY_URL_NAME, kwargs={"uuid": issued.uuid})
    if user is None or api.get_current_assignment(training=training) is None:
        return None
    if not api.has_completed(user=user, training=training):
        return None
    return reverse(LEARNING_RECORDS_URL_NAME)


def is_preview(context: dict) -> bool:
    """True for Studio's and staff's preview of the platform's certificate (``?preview=<mode>``).

    edx-platform's certificate web view reads ``request.GET['preview']`` and renders an unsaved
    sample certificate for the viewer; the request is the one django-crum's middleware (in the
    LMS's MIDDLEWARE) holds. The unsaved ``user_certificate`` of the context (passed in newer
    releases) says the same.
    """
    request = crum.get_current_request()
    if request is not None and request.GET.get("preview"):
        return True
    certificate = (context or {}).get("user_certificate")
    return certificate is not None and getattr(certificate, "pk", True) is None


class ServeAuthorCertificate(PipelineStep):
    """CertificateRenderStarted: a course whose certificate is ours answers with ours (a redirect).

    Staff previews of the platform's certificate are never redirected: course teams keep
    designing the platform's certificate in Studio whatever we issue.
    """

    def run_filter(self, context: dict, custom_template: Any) -> dict:  # type: ignore[override]
        course_key = (context or {}).get("course_id")
        user_id = (context or {}).get("accomplishment_user_id")
        try:
            if is_preview(context):
                return {}
            target = certificate_redirect_for(user_id=user_id, course_key=course_key) if course_key else None
        except Exception:
            # Never break the platform's certificate page: it renders its own instead.
            log.exception("author_certificates: certificate render step failed (course=%s user=%s)",
                          course_key, user_id)
            return {}
        if target is None:
            return {}
        raise CertificateRenderStarted.RenderCustomResponse(
            "This course's certificate is an author certificate.", response=HttpResponseRedirect(target)
        )


class RecordCompletionOnCertificateCreation(PipelineStep):
    """CertificateCreationRequested: the platform is about to certify the learner: the course is complete.

    edx-platform's ``generation_handler`` runs this filter with ``status=None`` for regular and
    allowlist generation (the task then creates a ``downloadable`` certificate) and with
    ``status="unverified"`` for a passing learner whose ID verification is missing (no certificate
    they can download). So None and "downloadable" record the completion; any other status does
    not. This covers learners certified without a passing-status event (allowlist, regenerated
    certificates). The platform's own certificate is never prevented: programs and credentials
    build on it; the render step above replaces what learners see.
    """

    def run_filter(  # type: ignore[override]
        self, user: Any, course_key: Any, mode: str, status: str | None, grade: Any, generation_mode: str | None
    ) -> dict:
        if status not in CERTIFYING_STATUSES or user is None or not getattr(user, "is_active", False):
            return {}
        try:
            key = str(course_key)
            try:
                training = api.get_training(key)
            except AuthorCertificatesError:
                training = api.register_training(key=key, title=compat.course_title(key) or key)
            api.record_completion(user=user, training=training, source="certificate_creation_requested")
        except Exception:
            log.exception("author_certificates: could not record completion on certificate creation "
                          "(course=%s user=%s mode=%s)", course_key, getattr(user, "pk", None), mode)
        return {}
