"""The words of a learner's certificate state: one table for every place that shows it.

Learning Records, the REST API (and through it the MFE widgets), the XBlock and the progress
report all show a certificate's state in these words, so that they never disagree. The labels
and messages are the product brief's (R11): "Generate certificate" -> "The certificate is being
generated" -> "The certificate has been generated" with "Open certificate"; a failure offers
"Try again" (R13).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import FailureCode, IssuedState, TrainingKind

# The states of the certificate control (see CertificateStatus): what the learner can do or wait for.
UNAVAILABLE = "unavailable"  # nothing is assigned to the training
NOT_COMPLETED = "not_completed"  # the learner has not completed the training
AVAILABLE = "available"  # the learner may generate
GENERATING = IssuedState.GENERATING.value
GENERATED = IssuedState.GENERATED.value
FAILED = IssuedState.FAILED.value  # also a generation that stalled: the learner may try again
# Staff invalidated the certificate and have not reissued it (docs/decisions/0120): nothing to do.
INVALIDATED = "invalidated"
STATES = (UNAVAILABLE, NOT_COMPLETED, AVAILABLE, GENERATING, GENERATED, FAILED, INVALIDATED)

# Lazy: the table is built at import, each caller reads it in its own request's language.
_STATUS = {
    UNAVAILABLE: _("No certificate is available for this training"),
    NOT_COMPLETED: _("Complete this training to get its certificate"),
    AVAILABLE: "",
    GENERATING: _("The certificate is being generated"),
    GENERATED: _("The certificate has been generated"),
    FAILED: _("The certificate could not be generated"),
    INVALIDATED: _("The certificate has been invalidated"),
}
_ACTION = {
    AVAILABLE: _("Generate certificate"),
    GENERATED: _("Open certificate"),
    FAILED: _("Try again"),
}
# A generation that recorded no error of its own stalled: its task was lost or timed out.
_STALLED_REASON = _("The generation did not finish in time.")


@dataclass(frozen=True)
class CertificateWords:
    """What the certificate control says in one state, translated for the current language.

    status: the message ("" when the action says it all); action: the label of the one button
    ("" when there is nothing to do); reason: why the generation failed ("" unless failed).
    """

    status: str
    action: str
    reason: str


def certificate_words(*, state: str, failure_code: str = "") -> CertificateWords:
    """The words of ``state`` (one of ``STATES``); ``failure_code`` is the failed generation's
    recorded code (``FailureCode``; "" for a stalled one). Learners get the code's sentence, never
    the recorded exception text (see ``failure_reason``).

    Raises ValueError for an unknown state (a programming error, never the learner's).
    """
    if state not in _STATUS:
        raise ValueError(f"Unknown certificate state '{state}'; expected one of {', '.join(STATES)}.")
    reason = failure_reason(code=failure_code) if state == FAILED else ""
    return CertificateWords(status=str(_STATUS[state]), action=str(_ACTION.get(state, "")), reason=reason)


def training_kind_label(*, kind: str) -> str:
    """The translated name of a kind of training ("Course", "Pathway", "Learning program").

    Raises ValueError for an unknown kind.
    """
    return str(TrainingKind(kind).label)


#: The failure codes a failed generation records (staff see them in the report).
FAILURE_CODES = tuple(code.value for code in FailureCode)

# Why a generation failed, as learners read it: one sentence per FailureCode. The exception text
# recorded with it is for staff only (progress report, admin): it can name server paths.
_FAILURE_REASONS = {
    FailureCode.DESIGN: _("The certificate's design could not be printed. The course team can fix it; "
                          "try again later."),
    FailureCode.RENDER_LIMIT: _("Printing the certificate took longer or more memory than allowed. "
                                "Try again later."),
    FailureCode.STORAGE: _("The certificate could not be saved. Try again in a few minutes."),
    FailureCode.DATABASE: _("The certificate could not be recorded. Try again in a few minutes."),
    FailureCode.QUEUE: _("The certificate service is busy or unreachable. Try again in a few minutes."),
    FailureCode.STALLED: _STALLED_REASON,
    FailureCode.UNEXPECTED: _("Something went wrong while generating the certificate. Try again."),
}


def failure_reason(*, code: str) -> str:
    """The learner's sentence for a failure ``code`` (a ``FailureCode`` value), translated.

    "" (a generation that recorded no code: it stalled) reads as stalled; an unknown code reads
    as unexpected, so no recorded text ever reaches a learner.
    """
    if not code:
        return str(_STALLED_REASON)
    return str(_FAILURE_REASONS.get(code, _FAILURE_REASONS[FailureCode.UNEXPECTED]))

