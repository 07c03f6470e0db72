"""Open certificate: the issued PDF, inline or as a download, for its owner and the training's staff.

Anyone else gets 404, never 403, so that a certificate's existence is not revealed; so does a
certificate that is not generated yet. The file never changes once generated (R8), so browsers
may keep it privately for a long time and revalidate with its sha256 as ETag.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from .. import api
from ..exceptions import NotFound

# A year: the file of a generated certificate never changes.
CACHE_CONTROL = "private, max-age=31536000, immutable"


def certificate_filename(issued) -> str:
    """``<training-title>-<learner-name>.pdf`` in ASCII, e.g. ``computing-101-ada-lovelace.pdf``."""
    parts = [slugify(issued.training.title), slugify(issued.learner_name)]
    stem = "-".join(part for part in parts if part) or "certificate"
    return f"{stem[:150]}.pdf"


def _cache_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["Cache-Control"] = CACHE_CONTROL
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    patch_vary_headers(response, ["Cookie"])
    return response


@require_safe
@login_required
def open_certificate(request: HttpRequest, uuid) -> HttpResponse:
    """GET the PDF inline; ``?download=1`` as an attachment. 404 for anyone not allowed."""
    try:
        issued, pdf = api.open_certificate(viewer=request.user, uuid_=uuid)
    except NotFound:
        raise Http404("No such certificate.") from None
    etag = f'"{issued.sha256}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        return _cache_headers(HttpResponseNotModified(), etag)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Length"] = str(len(pdf))
    response["Content-Disposition"] = content_disposition_header(
        request.GET.get("download") == "1", certificate_filename(issued)
    )
    return _cache_headers(response, etag)
