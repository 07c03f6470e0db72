"""Choosing with eyes open: a PDF preview of any option of a training's "Select certificate".

Admins, trainers and inspectors of a training may preview every classic certificate and every
version of every author certificate its side window lists (docs/decisions/0113). A preview is
rendered with sample data (rendering/samples.py), never a real learner's, through the render
pool like the Author tool's previews (docs/decisions/0040).
"""

from __future__ import annotations

import uuid
from typing import Any

from ..exceptions import InvalidInput
from ..models import AuthorCertificateVersion, ClassicCertificate, Training
from ._common import TrainingRef
from .assignment import get_classic_certificate
from .authoring import get_version
from .trainings import get_staff_training

ClassicRef = ClassicCertificate | uuid.UUID | str
VersionRef = AuthorCertificateVersion | uuid.UUID | str


def preview_classic(*, classic: ClassicRef, tenant: str | None = None) -> bytes:
    """Render a classic certificate with sample data; the PDF bytes.

    The one place that turns a classic certificate into a preview, so that classic certificates
    gaining versions changes this function only. Raises UnknownCertificate, WrongTenant (a
    classic certificate made for another tenant than ``tenant``), RenderingFailed.
    """
    from ..designs import classic_certificate_design, render_limits
    from ..rendering import preview_pdf

    found = get_classic_certificate(classic=classic, tenant=tenant)
    return preview_pdf(classic_certificate_design(found), limits=render_limits())


def preview_training_option(
    *,
    viewer: Any,
    training: TrainingRef,
    tenant: str,
    version: VersionRef | None = None,
    classic: ClassicRef | None = None,
) -> bytes:
    """Preview, with sample data, one option ``viewer`` sees in ``training``'s "Select certificate".

    Exactly one of ``version`` (any version of an author certificate of the training's tenant,
    archived ones included: the one assigned may be archived) or ``classic`` (a platform classic
    or one made for the training's tenant). ``viewer`` must be an admin, trainer or inspector of
    the training, and the training ``tenant``'s (the request's). Returns the PDF bytes.

    Raises InvalidInput (both or neither option), MalformedTrainingKey, UnknownTraining (also for
    a viewer who is not staff of the training, an anonymous one, or a training of another tenant:
    its existence is not revealed), UnknownCertificate, WrongTenant (an option of another tenant),
    RenderingFailed.
    """
    from .authoring import preview_version

    if (version is None) == (classic is None):
        raise InvalidInput("Preview exactly one option: a classic certificate or an author certificate version.")
    found: Training = get_staff_training(viewer=viewer, training=training, tenant=tenant)
    if classic is not None:
        return preview_classic(classic=classic, tenant=found.tenant)
    return preview_version(version=get_version(version=version, tenant=found.tenant))
