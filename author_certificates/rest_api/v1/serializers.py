"""JSON shapes of the learner API.

The words of the certificate control come from ``api.certificate_words``, as on the pages and in
the XBlock, so that an MFE built on the API shows exactly the labels and messages of the brief.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.urls import reverse

from ... import api
from ...presentation import iso_datetime


def _absolute(request: HttpRequest, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"author_certificates:{name}", kwargs=kwargs))


def training_data(training) -> dict:
    """A training as the API shows it: key, kind (and its translated label), title."""
    return {
        "key": training.key,
        "kind": training.kind,
        "kind_label": api.training_kind_label(kind=training.kind),
        "title": training.title,
    }


def certificate_data(status: api.CertificateStatus, request: HttpRequest) -> dict:
    """The learner's own view of their certificate (the error is shown to its owner only)."""
    issued = status.issued
    generated = status.state == api.GENERATED and issued is not None
    open_url = _absolute(request, "open_certificate", uuid=issued.uuid) if generated else None
    return {
        "state": status.state,
        "uuid": str(issued.uuid) if generated else None,
        "requested_at": iso_datetime(issued.requested_at) if issued else None,
        "generated_at": iso_datetime(issued.generated_at) if generated else None,
        "open_url": open_url,
        "download_url": f"{open_url}?download=1" if open_url else None,
        "verify_url": _absolute(request, "verify", uuid=issued.uuid) if generated else None,
        "error": status.words.reason or None,
    }


def record_data(
    *, status: api.CertificateStatus, completed_at: datetime.datetime | None, request: HttpRequest
) -> dict:
    """One learning record: the training, its completion date, the certificate and the control's words."""
    words = status.words
    return {
        "training": training_data(status.training),
        "completed_at": iso_datetime(completed_at),
        "certificate": certificate_data(status, request),
        "can_generate": status.can_generate,
        "messages": {"status": words.status, "action": words.action},
        "url": _absolute(request, "api_record_certificate", training_key=status.training.key),
    }


def verification_data(issued, request: HttpRequest) -> dict:
    """What anyone may know about an issued certificate: never the username nor the email."""
    return {
        "uuid": str(issued.uuid),
        "learner_name": issued.learner_name,
        "training": {"title": issued.training.title, "kind": issued.training.kind,
                     "kind_label": api.training_kind_label(kind=issued.training.kind)},
        "generated_at": iso_datetime(issued.generated_at),
        "valid": issued.invalidated_at is None,
        "invalidated_at": iso_datetime(issued.invalidated_at),
        "verify_url": _absolute(request, "verify", uuid=issued.uuid),
    }
