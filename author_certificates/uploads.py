"""Size limits of a design upload, checked before its body is read or parsed.

Django parses a multipart body the first time `request.POST` or `request.FILES` is read (the
CSRF check reads it before any view runs), and writes every file to disk or memory whatever
its size; a JSON body is read whole by the parser. Reading a 200 MB SVG, then parsing it,
took 74 s and 5 GB (issue 15). So, before anything reads the body: a Content-Length above
MAX_DESIGN_UPLOAD_BYTES is refused at once, and an upload handler placed first counts each
file's bytes as they stream in and drops a file (SkipFile) as soon as it passes
MAX_ASSET_BYTES, remembering its name so that the answer names it.

Used by the Studio editor (`views.authoring`) and the authoring REST endpoints; the same, for the
PDF uploaded to be verified, by the verification page and endpoint (``bounded_verification_upload``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from . import conf
from .exceptions import DesignProblem, InvalidDesign, UploadTooLarge
from .presentation import MAX_VERIFICATION_UPLOAD_BYTES


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class AssetSizeLimit(FileUploadHandler):
    """First upload handler of a design upload: drops each file past ``max_bytes`` as it streams."""

    def __init__(self, request: HttpRequest, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.refused: list[str] = []
        self._received = 0

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self._received += len(raw_data)
        if self._received > self.max_bytes:
            self.refused.append(self.file_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int):
        return None  # the next handler (memory or temporary file) makes the file


def oversized_request(request: HttpRequest) -> str | None:
    """The refusal of a body announced larger than MAX_DESIGN_UPLOAD_BYTES, else None."""
    limit = conf.get("MAX_DESIGN_UPLOAD_BYTES")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= limit:
        return None
    return _("The upload is %(size)s, more than the %(limit)s a design may send at once "
             "(each image or font at most %(asset_limit)s).") % {
        "size": _megabytes(length), "limit": _megabytes(limit),
        "asset_limit": _megabytes(conf.get("MAX_ASSET_BYTES"))}


def check_design_upload(request: HttpRequest) -> None:
    """Before the body is read: raise UploadTooLarge for an oversized body, else put the
    streaming size check in place (REST views call this first thing)."""
    refusal = oversized_request(request)
    if refusal is not None:
        raise UploadTooLarge(refusal)
    limit_asset_sizes(request)


def limit_asset_sizes(request: HttpRequest) -> None:
    """Put the streaming size check first among the request's upload handlers (before parsing)."""
    if not any(isinstance(handler, AssetSizeLimit) for handler in request.upload_handlers):
        request.upload_handlers.insert(0, AssetSizeLimit(request, conf.get("MAX_ASSET_BYTES")))


def refused_assets(request: HttpRequest) -> list[DesignProblem]:
    """The files dropped while the body was parsed, as problems of the design's assets."""
    limit = conf.get("MAX_ASSET_BYTES")
    return [
        DesignProblem(f"'{name}' is more than the {_megabytes(limit)} limit", field="assets")
        for handler in request.upload_handlers if isinstance(handler, AssetSizeLimit)
        for name in handler.refused
    ]


def raise_refused_assets(request: HttpRequest) -> None:
    """Raise InvalidDesign naming every file dropped for its size (call after reading the files)."""
    problems = refused_assets(request)
    if problems:
        raise InvalidDesign(problems)


def bounded_design_upload(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a Django view that receives design uploads: sizes checked before the body is read.

    The CSRF check, which reads the body, runs after the size checks (and as strictly as the
    middleware would: `csrf_protect`).
    """
    protected = csrf_protect(view)

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            refusal = oversized_request(request)
            if refusal is not None:
                if "application/json" in request.headers.get("Accept", ""):
                    return JsonResponse({"problems": [{"field": "assets", "message": refusal}]}, status=413)
                return HttpResponse(refusal, status=413, content_type="text/plain; charset=utf-8")
            limit_asset_sizes(request)
        return protected(request, *args, **kwargs)

    return csrf_exempt(checked)


# --- The PDF uploaded to the verification page and endpoint -------------------------------------

# Room for the multipart envelope (boundaries, headers, the CSRF field) around the file itself.
VERIFICATION_ENVELOPE_BYTES = 64 * 1024


class UploadSizeLimit(FileUploadHandler):
    """First upload handler of a verification upload: stops reading the body (StopUpload, the rest
    of it left unread) as soon as its files pass ``max_bytes`` in all; ``exceeded`` tells."""

    def __init__(self, request: HttpRequest, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.exceeded = False
        self._received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self._received += len(raw_data)
        if self._received > self.max_bytes:
            self.exceeded = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int):
        return None  # the next handler (memory or temporary file) makes the file


def verification_upload_too_large(request: HttpRequest) -> bool:
    """Whether the body is announced (Content-Length) larger than a certificate and its envelope,
    or was found larger while it streamed in."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_VERIFICATION_UPLOAD_BYTES + VERIFICATION_ENVELOPE_BYTES:
        return True
    return any(isinstance(handler, UploadSizeLimit) and handler.exceeded
               for handler in getattr(request, "_upload_handlers", []))


def limit_verification_upload(request: HttpRequest) -> None:
    """Put the streaming size check first among the request's upload handlers (before parsing)."""
    if not any(isinstance(handler, UploadSizeLimit) for handler in request.upload_handlers):
        request.upload_handlers.insert(0, UploadSizeLimit(request, MAX_VERIFICATION_UPLOAD_BYTES))


def verification_too_large_message() -> str:
    return _("The file is too large: a certificate is at most %(size)s MB.") % {
        "size": MAX_VERIFICATION_UPLOAD_BYTES // (1024 * 1024)}


def bounded_verification_upload(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate the verification page: its body is never read past the size limit.

    An oversized body (by its Content-Length) reaches the view unread, which answers 413 without
    touching it; otherwise the streaming check is in place before the CSRF check reads the body.
    """
    protected = csrf_protect(view)

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            if verification_upload_too_large(request):
                return view(request, *args, **kwargs)
            limit_verification_upload(request)
        return protected(request, *args, **kwargs)

    return csrf_exempt(checked)
