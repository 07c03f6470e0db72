"""The Author tool's archive: retire an author certificate, list the archived ones, restore one.

Separate from the editor (views/authoring.py) on purpose: archiving never touches a design.
Archiving one that trainings have assigned first shows where it is used and asks to confirm
(docs/decisions/0114). Only authors of the request's tenant get in (403); another tenant's
certificate is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import api
from ..exceptions import CertificateInUse, InvalidInput
from .authoring import _certificate_or_404, author_tenant


@login_required
@require_POST
def archive_certificate(request: HttpRequest, uuid: Any) -> HttpResponse:
    """POST: archive; if trainings use it and "confirm" is not sent, say where and ask (409)."""
    tenant = author_tenant(request)
    certificate = _certificate_or_404(uuid, tenant)
    try:
        api.archive_author_certificate(certificate=certificate, tenant=tenant, archived_by=request.user,
                                       confirm_in_use=request.POST.get("confirm") == "yes")
    except CertificateInUse as in_use:
        return render(request, "author_certificates/studio/archive_confirm.html",
                      {"certificate": certificate, "trainings": in_use.trainings}, status=409)
    except InvalidInput:  # archived already (a second click, another tab): nothing to do
        messages.info(request, _("“%(title)s” was archived already.") % {"title": certificate.title})
    else:
        messages.success(request, _("“%(title)s” has been archived: trainers no longer see it.")
                         % {"title": certificate.title})
    return redirect("author_certificates:studio-list")


@login_required
@require_POST
def restore_certificate(request: HttpRequest, uuid: Any) -> HttpResponse:
    """POST: bring an archived certificate back into the selectors."""
    tenant = author_tenant(request)
    certificate = _certificate_or_404(uuid, tenant)
    try:
        api.restore_author_certificate(certificate=certificate, tenant=tenant, restored_by=request.user)
    except InvalidInput:  # not archived (restored already)
        messages.info(request, _("“%(title)s” is not archived.") % {"title": certificate.title})
    else:
        messages.success(request, _("“%(title)s” has been restored: trainers can select it again.")
                         % {"title": certificate.title})
    return redirect("author_certificates:studio-archived")


@login_required
@require_GET
def archived_list(request: HttpRequest) -> HttpResponse:
    """The tenant's archived author certificates: who archived each and when, with Restore."""
    tenant = author_tenant(request)
    certificates = list(api.list_archived_author_certificates(tenant=tenant))
    return render(request, "author_certificates/studio/archived.html", {"certificates": certificates})
