"""The public verification page of an issued certificate (the QR code on the PDF points here).

Anyone may see what the certificate itself prints (the learner's name as printed, the
training, the generation date) and whether it is still valid, and may upload a PDF to learn
whether it is byte for byte the one issued. Nothing else about the learner is shown.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import api
from ..exceptions import NotFound
from ..presentation import MAX_VERIFICATION_UPLOAD_BYTES
from ..uploads import bounded_verification_upload, verification_too_large_message, verification_upload_too_large
from .learning_records import follow_requested_language, page_context


@require_http_methods(["GET", "HEAD", "POST"])
@bounded_verification_upload
@follow_requested_language
def verify_page(request: HttpRequest, uuid) -> HttpResponse:
    """GET: the certificate's facts; POST (multipart ``file``): does this PDF match the issued one?"""
    try:
        issued = api.verify_certificate(uuid_=uuid)
    except NotFound:
        raise Http404("No such certificate.") from None
    context = {
        **page_context(),
        "issued": issued,
        "kind_label": api.training_kind_label(kind=issued.training.kind),
        "valid": issued.invalidated_at is None,
        "max_upload_mb": MAX_VERIFICATION_UPLOAD_BYTES // (1024 * 1024),
        "file_matches": None,
        "upload_error": "",
    }
    status = 200
    if request.method == "POST":
        status = _check_upload(request, issued, context)
    response = render(request, "author_certificates/verify.html", context, status=status)
    # The page names a person: keep it out of search engines, and its address out of the
    # referrers of other sites. Not "no-referrer": the browser would then post the upload form
    # with "Origin: null", which Django's CSRF check refuses (403 "Origin checking failed").
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


def _check_upload(request: HttpRequest, issued, context: dict) -> int:
    # An oversized body is refused by its Content-Length before anything reads it, and one that
    # turns out larger while it streams stops being read there (uploads.bounded_verification_upload).
    if verification_upload_too_large(request):
        context["upload_error"] = verification_too_large_message()
        return 413
    upload = request.FILES.get("file")
    if verification_upload_too_large(request):
        context["upload_error"] = verification_too_large_message()
        return 413
    if upload is None:
        context["upload_error"] = _("Choose the PDF file to check.")
        return 400
    context["file_matches"] = api.matches_issued_pdf(issued=issued, chunks=upload.chunks())
    return 200
