"""Files chosen in the design editor that survive a failed save (issue 12, docs/decisions/0116).

A browser forgets the files of a file input when the page comes back with the form's problems,
so the editor keeps them on the server: in the private certificate storage (never MEDIA_ROOT),
under a folder named by the time and a random key, with a token signed for the user that lists
their names. The token rides in the form; the next save uses the kept files unless the author
chooses a file of the same name again. Tokens expire after KEEP_SECONDS and every keep removes
the folders past that age; a kept set holds at most MAX_DESIGN_UPLOAD_BYTES.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core import signing

from .. import conf
from ..storage import certificate_storage

KEEP_SECONDS = 60 * 60
_FOLDER = "author_certificates/kept-uploads"
_SALT = "author_certificates.kept_uploads"


@dataclass(frozen=True)
class KeptUploads:
    """What was kept: the token to post back, and each file's name and size (in the order chosen)."""

    token: str
    files: tuple[tuple[str, int], ...]
    not_kept: tuple[str, ...] = ()


def keep_uploads(*, user: Any, files: Mapping[str, bytes], replaces: str | None = None) -> KeptUploads:
    """Store ``files`` (name -> bytes) for ``user``'s next save; return the token and what was kept.

    Files past MAX_DESIGN_UPLOAD_BYTES in total are not kept (named in ``not_kept``). The set of
    ``replaces`` (the token the failed save posted) is removed, and so is every set past its age.
    """
    storage = certificate_storage()
    _purge_expired(storage)
    if replaces:
        discard_kept_uploads(user=user, token=replaces)
    if not files:
        return KeptUploads(token="", files=())
    budget = conf.get("MAX_DESIGN_UPLOAD_BYTES")
    key = f"{int(time.time())}-{secrets.token_hex(8)}"
    kept: list[tuple[str, int]] = []
    not_kept: list[str] = []
    for index, (name, data) in enumerate(files.items()):
        if len(data) > budget:
            not_kept.append(name)
            continue
        budget -= len(data)
        storage.save(f"{_FOLDER}/{key}/{index}", _content(data))
        kept.append((name, len(data)))
    token = signing.dumps({"u": user.pk, "k": key, "n": [name for name, _ in kept],
                           "i": [index for index, name in enumerate(files) if name not in not_kept]},
                          salt=_SALT, compress=True)
    return KeptUploads(token=token if kept else "", files=tuple(kept), not_kept=tuple(not_kept))


def kept_uploads(*, user: Any, token: str | None) -> dict[str, bytes]:
    """The files kept under ``token`` for ``user`` (name -> bytes); empty for a missing, expired,
    tampered or someone else's token, or files already removed."""
    found = _unsigned(user, token)
    if found is None:
        return {}
    storage = certificate_storage()
    files: dict[str, bytes] = {}
    for name, index in zip(found["n"], found["i"], strict=False):
        path = f"{_FOLDER}/{found['k']}/{index}"
        try:
            with storage.open(path, "rb") as stored:
                files[name] = stored.read()
        except (OSError, FileNotFoundError):
            return {}  # a set is used whole or not at all
    return files


def discard_kept_uploads(*, user: Any, token: str | None) -> None:
    """Remove the files kept under ``token`` (after a successful save, or when replaced)."""
    found = _unsigned(user, token)
    if found is not None:
        _remove_set(certificate_storage(), found["k"], found["i"])


def _unsigned(user: Any, token: str | None) -> dict | None:
    if not token or getattr(user, "pk", None) is None:
        return None
    try:
        found = signing.loads(token, salt=_SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:  # SignatureExpired too
        return None
    if not isinstance(found, dict) or found.get("u") != user.pk:
        return None
    return found


def _remove_set(storage, key: str, indexes) -> None:
    for index in indexes:
        try:
            storage.delete(f"{_FOLDER}/{key}/{index}")
        except OSError:
            pass


def _purge_expired(storage) -> None:
    """Remove kept sets older than KEEP_SECONDS (their folder name starts with their time)."""
    try:
        folders, _files = storage.listdir(_FOLDER)
    except (OSError, NotImplementedError):
        return  # nothing kept yet, or a storage that cannot list: expired tokens are refused anyway
    oldest = time.time() - KEEP_SECONDS
    for folder in folders:
        stamp = folder.split("-", 1)[0]
        if stamp.isdigit() and int(stamp) < oldest:
            try:
                _folders, names = storage.listdir(f"{_FOLDER}/{folder}")
            except (OSError, NotImplementedError):
                continue
            _remove_set(storage, folder, names)


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)
