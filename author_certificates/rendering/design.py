"""The values the rendering layer works on: a design, its assets and a learner's context.

Plain frozen dataclasses so that callers (api, generation, previews) build them from models
without the rendering layer ever seeing a model, and so that a saved design can be used as a
cache key (see `engine.py`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

PAGE_SIZES = ("A4", "Letter")
ORIENTATIONS = ("landscape", "portrait")


@dataclass(frozen=True)
class Asset:
    """A file uploaded with a design: an image or a font, referenced as asset("name")."""

    name: str  # as the author uploaded it, e.g. "background.jpg"; templates reference this name
    content_type: str  # sniffed from the bytes by `sniff_asset`, never taken from the upload
    data: bytes

    def __repr__(self) -> str:  # the bytes would flood logs and tracebacks
        return f"Asset(name={self.name!r}, content_type={self.content_type!r}, size={len(self.data)})"


@dataclass(frozen=True)
class Design:
    """Author HTML (Jinja2 placeholders) + CSS + assets, and how to lay them out."""

    html: str
    css: str
    page_size: str = "A4"
    orientation: str = "landscape"
    assets: tuple[Asset, ...] = ()
    language: str = "en"
    title: str = ""
    # Set for immutable saved versions ("version:<uuid>"); only designs with a key are cached.
    cache_key: str | None = None


@dataclass(frozen=True)
class CertificateContext:
    """What one certificate says about one learner. Every string is treated as untrusted."""

    learner_full_name: str
    learner_username: str
    training_title: str
    training_kind: str  # "course" | "pathway" | "program"
    completion_date: datetime.date
    generation_date: datetime.date
    certificate_code: str
    verification_url: str
    platform_name: str
