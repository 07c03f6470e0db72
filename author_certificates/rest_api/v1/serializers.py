"""JSON shapes of the learner API, and the words the certificate control shows in each state.

The pages and the API share ``control_text`` so that an MFE built on the API shows exactly the
labels and messages of the brief ("Generate certificate", "The certificate is being generated",
"The certificate has been generated", "Open certificate"), translated for the caller.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from ... import api
from ...models import TrainingKind

NOT_COMPLETED, UNAVAILABLE, AVAILABLE = "not_completed", "unavailable", "available"
GENERATING, GENERATED, FAILED = "generating", "generated", "failed"
STATES = (NOT_COMPLETED, UNAVAILABLE, AVAILABLE, GENERATING, GENERATED, FAILED)


@dataclass(frozen=True)
class ControlText:
    """What the control says in one state: a status message and the label of its one action."""

    status: str
    action: str


def control_text(state: str) -> ControlText:
    """The translated message and action label of the certificate control for ``state``."""
    if state == AVAILABLE:
        return ControlText(status="", action=_("Generate certificate"))
    if state == GENERATING:
        return ControlText(status=_("The certificate is being generated"), action="")
    if state == GENERATED:
        return ControlText(status=_("The certificate has been generated"), action=_("Open certificate"))
    if state == FAILED:
        return ControlText(status=_("The certificate could not be generated"), action=_("Try again"))
    if state == UNAVAILABLE:
        return ControlText(status=_("No certificate is available for this training"), action="")
    return ControlText(status=_("Complete this training to get its certificate"), action="")


def kind_label(kind: str) -> str:
    """The translated name of a kind of training ("Course", "Pathway", "Learning program")."""
    return str(TrainingKind(kind).label)


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _absolute(request: HttpRequest, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"author_certificates:{name}", kwargs=kwargs))


def training_data(training) -> dict:
    """A training as the API shows it: key, kind (and its translated label), title."""
    return {
        "key": training.key,
        "kind": training.kind,
        "kind_label": kind_label(training.kind),
        "title": training.title,
    }


def certificate_data(status: api.CertificateStatus, request: HttpRequest) -> dict:
    """The learner's own view of their certificate (the error is shown to its owner only)."""
    issued = status.issued
    generated = status.state == GENERATED and issued is not None
    open_url = _absolute(request, "open_certificate", uuid=issued.uuid) if generated else None
    return {
        "state": status.state,
        "uuid": str(issued.uuid) if generated else None,
        "requested_at": _iso(issued.requested_at) if issued else None,
        "generated_at": _iso(issued.generated_at) if generated else None,
        "open_url": open_url,
        "download_url": f"{open_url}?download=1" if open_url else None,
        "verify_url": _absolute(request, "verify", uuid=issued.uuid) if generated else None,
        "error": status.failure_reason or None,
    }


def record_data(
    *, status: api.CertificateStatus, completed_at: datetime.datetime | None, request: HttpRequest
) -> dict:
    """One learning record: the training, its completion date, the certificate and the control's words."""
    text = control_text(status.state)
    return {
        "training": training_data(status.training),
        "completed_at": _iso(completed_at),
        "certificate": certificate_data(status, request),
        "can_generate": status.can_generate,
        "messages": {"status": text.status, "action": text.action},
        "url": _absolute(request, "api_record_certificate", training_key=status.training.key),
    }


def verification_data(issued, request: HttpRequest) -> dict:
    """What anyone may know about an issued certificate: never the username nor the email."""
    return {
        "uuid": str(issued.uuid),
        "learner_name": issued.learner_name,
        "training": {"title": issued.training.title, "kind": issued.training.kind,
                     "kind_label": kind_label(issued.training.kind)},
        "generated_at": _iso(issued.generated_at),
        "valid": issued.invalidated_at is None,
        "invalidated_at": _iso(issued.invalidated_at),
        "verify_url": _absolute(request, "verify", uuid=issued.uuid),
    }
