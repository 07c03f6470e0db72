"""Opening and verifying issued certificates: the owner's PDF and the public verification."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable
from typing import Any

from ..exceptions import UnknownCertificate
from ..models import IssuedCertificate, IssuedState, SupersededCertificate
from .access import can_open_certificate_of_others
from .issuing import get_issued_certificate


def open_certificate(*, viewer: Any, uuid_: uuid.UUID | str) -> tuple[IssuedCertificate, bytes]:
    """The generated certificate ``uuid_`` and its PDF bytes, for its owner or a permitted viewer.

    Admins, trainers and inspectors of the training may open it too. Raises UnknownCertificate
    for anyone else, for an unknown uuid and for a certificate not generated yet, so that its
    existence is never revealed.
    """
    from ..generation import read_certificate  # the work layer: only needed to read a file

    issued = get_issued_certificate(uuid_=uuid_)
    owner = getattr(viewer, "is_authenticated", False) and viewer.pk == issued.user_id
    if not owner and not can_open_certificate_of_others(viewer, issued.training):
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.")
    if issued.state != IssuedState.GENERATED:
        raise UnknownCertificate(f"Certificate '{uuid_}' has not been generated.")
    return issued, read_certificate(issued)


def verify_certificate(*, uuid_: uuid.UUID | str) -> IssuedCertificate | SupersededCertificate:
    """A generated certificate by its public verification uuid (anyone may verify).

    A certificate invalidated and then reissued is found too (a SupersededCertificate: the same
    training, learner_name, generated_at, uuid, sha256 and invalidated_at). Raises
    UnknownCertificate for an unknown uuid and for a certificate not generated yet.
    """
    try:
        issued = get_issued_certificate(uuid_=uuid_)
    except UnknownCertificate:
        found = _superseded(uuid_)
        if found is None:
            raise
        return found
    if issued.state != IssuedState.GENERATED:
        raise UnknownCertificate(f"No issued certificate '{uuid_}'.")
    return issued


def _superseded(uuid_: uuid.UUID | str) -> SupersededCertificate | None:
    try:
        key = uuid.UUID(str(uuid_))
    except ValueError:
        return None
    return SupersededCertificate.objects.select_related("training").filter(uuid=key).first()


def matches_issued_pdf(*, issued: IssuedCertificate | SupersededCertificate, chunks: Iterable[bytes]) -> bool:
    """True when the bytes read from ``chunks`` are exactly the issued PDF (sha256 compared)."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return bool(issued.sha256) and hmac.compare_digest(digest.hexdigest(), issued.sha256)
