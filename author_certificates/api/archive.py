"""A ZIP of a training's generated certificates, streamed as it is written, with a manifest.

Python's ``zipfile`` writes into a file object that keeps nothing: after each piece of a PDF the
bytes written so far are handed to the HTTP response and dropped, so memory stays flat whatever
the number of certificates (an unseekable output makes ``zipfile`` put each entry's sizes and
CRC after its data). The PDFs are stored as they are (already compressed). ``manifest.csv``,
the last entry, lists every certificate: its file in the archive, the learner, the dates and the
file's sha256. See docs/decisions/0071-bulk-generation-and-archive.md.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import tempfile
import zipfile
from collections.abc import Iterator
from typing import Any

from django.db import transaction

from ..exceptions import PermissionDenied
from ..models import ArchiveExport, IssuedCertificate, IssuedState, Training
from ..storage import open_pdf
from ._common import TrainingRef, now_or, resolve_training
from .bulk import can_export_certificates
from .reporting import spreadsheet_safe

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
MANIFEST_HEADER = ("file", "username", "learner_name", "generated_at", "sha256",
                   "certificate_uuid", "status")
_READ_BYTES = 256 * 1024
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9_.@-]+")
# The manifest is kept in memory up to this size, then in a temporary file.
_MANIFEST_IN_MEMORY_BYTES = 1024 * 1024


def file_slug(text: str) -> str:
    """``text`` made safe as part of a file name (a training key, a username)."""
    return _UNSAFE_IN_NAME.sub("_", text).strip("._") or "_"


class _Drain(io.RawIOBase):
    """A write-only file that remembers its bytes until ``take()`` hands them over."""

    def __init__(self) -> None:
        super().__init__()
        self._pieces: list[bytes] = []
        self._offset = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        self._offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self._offset

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


def export_certificate_archive(
    *, viewer: Any, training: TrainingRef, now: datetime.datetime | None = None
) -> tuple[Training, Iterator[bytes]]:
    """The training's generated certificates as a ZIP, produced while it is read.

    The export is recorded (who, when, how many certificates) before the first byte. A PDF missing
    from storage is left out and listed in the manifest with status ``missing`` (and logged), so one
    lost file does not stop the export. Raises PermissionDenied for anyone but admins, trainers and
    inspectors of the training, UnknownTraining / MalformedTrainingKey.
    """
    moment = now_or(now)
    training = resolve_training(training)
    if not can_export_certificates(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can export "
                               "its certificates.")
    # Valid certificates only: an invalidated one (reissued or not) is no longer the learner's certificate.
    generated = IssuedCertificate.objects.filter(training=training, state=IssuedState.GENERATED,
                                                 invalidated_at__isnull=True)
    with transaction.atomic():
        ArchiveExport.objects.create(training=training, exported_by=viewer, exported_at=moment,
                                     certificates=generated.count())
    rows = (generated.order_by("id")
            .values_list("uuid", "file", "sha256", "generated_at", "learner_name", "user__username")
            .iterator(chunk_size=500))
    return training, _zip(rows)


def _zip(rows) -> Iterator[bytes]:
    drain = _Drain()
    manifest = tempfile.SpooledTemporaryFile(max_size=_MANIFEST_IN_MEMORY_BYTES, mode="w+", newline="",
                                             encoding="utf-8")
    writer = csv.writer(manifest)
    writer.writerow(MANIFEST_HEADER)
    with zipfile.ZipFile(drain, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for uuid, name, sha256, generated_at, learner_name, username in rows:
            entry = f"certificates/{file_slug(username)}-{uuid}.pdf"
            status = "ok"
            try:
                with open_pdf(name) as source:
                    info = zipfile.ZipInfo(entry, date_time=generated_at.timetuple()[:6])
                    with archive.open(info, mode="w") as target:
                        while piece := source.read(_READ_BYTES):
                            target.write(piece)
                            yield drain.take()
            except FileNotFoundError:
                log.error("Certificate %s is missing from storage (%s); left out of the archive.", uuid, name)
                entry, status = "", "missing"
            writer.writerow([entry, spreadsheet_safe(username), spreadsheet_safe(learner_name),
                             generated_at.isoformat(), sha256, str(uuid), status])
            yield drain.take()
        manifest.seek(0)
        with archive.open(MANIFEST_NAME, mode="w") as target:
            while piece := manifest.read(_READ_BYTES):
                target.write(piece.encode())
                yield drain.take()
    manifest.close()
    yield drain.take()
