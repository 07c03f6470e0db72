"""The only way WeasyPrint may read anything: `data:` URIs and the design's own assets.

WeasyPrint's default fetcher reads `file:` URLs (from <img>, CSS url(), SVG <image>, relative
paths, `@font-face src: local()`), fetches `http(s):` URLs and embeds <link rel="attachment">
targets into the PDF. A design is author-supplied, so every one of those would be a way to
read the worker's files or reach its network (loopback, cloud metadata). We serve two schemes
and refuse the rest. See docs/decisions/0011-url-fetcher.md.

WeasyPrint catches fetcher errors and logs them, so a refusal is also recorded in a context
variable: validation turns the records into problems, rendering raises on them.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, unquote_to_bytes

from weasyprint.urls import URLFetcher, URLFetcherResponse

from .design import Asset

ASSET_SCHEME = "asset:"
# Given to WeasyPrint as base_url: it is not a hierarchical scheme, so urljoin() leaves
# relative references as they are and they reach our fetcher (which refuses them) instead of
# resolving against a directory on disk.
BASE_URL = ASSET_SCHEME


def asset_url(name: str) -> str:
    """The URL of an uploaded asset, e.g. asset:background.jpg (what asset("...") returns)."""
    return ASSET_SCHEME + quote(name, safe="")


@dataclass(frozen=True)
class Refusal:
    url: str
    reason: str

    @property
    def message(self) -> str:
        return f"the URL '{_shorten(self.url)}' is not allowed: {self.reason}"


class RefusedURL(ValueError):
    """Raised to WeasyPrint for a refused URL (it logs it and carries on without the resource)."""


_refusals: contextvars.ContextVar[list[Refusal] | None] = contextvars.ContextVar("refusals", default=None)


@contextlib.contextmanager
def recording_refusals() -> Iterator[list[Refusal]]:
    """Collect the URLs refused while the block runs (per thread/task, not per fetcher)."""
    record: list[Refusal] = []
    token = _refusals.set(record)
    try:
        yield record
    finally:
        _refusals.reset(token)


class DesignFetcher(URLFetcher):
    """Serves `data:` URIs and asset:<name> for the design's assets; refuses everything else."""

    def __init__(self, assets: Iterable[Asset]):
        # No handler of the parent's opener is ever used: fetch() below never calls super().
        super().__init__(allowed_protocols=(), allow_redirects=False, timeout=1)
        self._assets = {asset.name: asset for asset in assets}

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return self._fetch_data(url)
        if url.startswith(ASSET_SCHEME):
            name = unquote(url[len(ASSET_SCHEME) :].split("#", 1)[0])
            asset = self._assets.get(name)
            if asset is None:
                self._refuse(url, f"there is no uploaded asset named '{name}'")
            return URLFetcherResponse(url, asset.data, {"Content-Type": asset.content_type})
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if not scheme or "/" in scheme:
            self._refuse(url, 'relative URLs are not resolved: upload the file as an asset and use asset("its name")')
        if scheme == "file":
            self._refuse(url, "designs cannot read files: upload it as an asset (system fonts: name the family)")
        self._refuse(url, "designs may only use their uploaded assets and data: URIs")

    def _fetch_data(self, url: str) -> URLFetcherResponse:
        header, comma, payload = url[len("data:") :].partition(",")
        if not comma:
            self._refuse(url, "malformed data: URI")
        is_base64 = header.lower().endswith(";base64")
        media_type = (header[: -len(";base64")] if is_base64 else header).strip() or "text/plain"
        try:
            body = unquote_to_bytes(payload)
            if is_base64:
                body = base64.b64decode(body)
        except (binascii.Error, ValueError):
            self._refuse(url, "malformed data: URI")
        return URLFetcherResponse(url, body, {"Content-Type": media_type})

    @staticmethod
    def _refuse(url: str, reason: str):
        refusal = Refusal(url, reason)
        record = _refusals.get()
        if record is not None:
            record.append(refusal)
        raise RefusedURL(refusal.message)


def _shorten(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
