"""The platform's default ("classic") certificates, one per language.

One layout (certificate.html, certificate.css) and one wording file per language, written by
a speaker rather than translated word by word. The wording is baked into the HTML when the
design is built, so the result is an ordinary design: the same sandbox, fetcher and cache as
an author's, and no extra placeholder vocabulary. Sentences avoid gendered articles before
the training kind (which differ between course, pathway and program in es/fr/de/pt): the
kind is shown as a label above the title instead.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib.resources import files

from ..design import Design

CLASSIC_LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt")
_MARKER = re.compile(r"\[\[(\w+)\]\]")


@cache
def classic_design(language: str) -> Design:
    """The classic certificate for a language in CLASSIC_LANGUAGES ("pt-BR" -> "pt").

    Raises ValueError for any other language. The result is immutable and cached.
    """
    code = (language or "").replace("_", "-").split("-", 1)[0].lower()
    if code not in CLASSIC_LANGUAGES:
        raise ValueError(f"no classic certificate in {language!r}; available: {', '.join(CLASSIC_LANGUAGES)}")
    folder = files(__package__)
    wording = json.loads(folder.joinpath("wording", f"{code}.json").read_text(encoding="utf-8"))
    layout = folder.joinpath("certificate.html").read_text(encoding="utf-8")
    return Design(
        html=_MARKER.sub(lambda match: html.escape(wording[match.group(1)]), layout),
        css=folder.joinpath("certificate.css").read_text(encoding="utf-8"),
        page_size="A4",
        orientation="landscape",
        language=code,
        title=wording["title"],
        cache_key=f"classic:{code}",
    )
