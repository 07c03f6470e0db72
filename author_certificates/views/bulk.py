"""Bulk actions on a training's progress report: generate every learner's certificate (start,
cancel) and download every generated certificate as a ZIP.

Plain POST forms that redirect back to the report (post/redirect/get) and a plain download
link, so they work without JavaScript. Who may do what is decided by the API: admins and
trainers generate; admins, trainers and inspectors download (decision 0071).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import api
from ..exceptions import NothingAssigned
from ..presentation import certificate_archive_response
from .assignment import training_for_staff
from .refusals import answers_refusals


def _back_to_report(training) -> HttpResponseRedirect:
    url = reverse("author_certificates:progress-report", kwargs={"training_key": training.key})
    return HttpResponseRedirect(f"{url}#bulk-actions")


@login_required
@require_POST
@answers_refusals
def start_bulk_generation(request: HttpRequest, training_key: str) -> HttpResponse:
    """POST: generate the certificate of every learner who completed the training (admins, trainers)."""
    training = training_for_staff(request, training_key)
    try:
        _bulk, started = api.start_bulk_generation(user=request.user, training=training)
    except NothingAssigned:
        messages.error(request, _("No certificate is assigned to this training, so none can be generated."))
        return _back_to_report(training)
    if started:
        messages.success(request, _("Generating the certificates of every learner who completed this training."))
    else:
        messages.info(request, _("The certificates of this training are already being generated."))
    return _back_to_report(training)


@login_required
@require_POST
@answers_refusals
def cancel_bulk_generation(request: HttpRequest, training_key: str, uuid) -> HttpResponse:
    """POST: stop a bulk generation before its next chunk (admins, trainers)."""
    training = training_for_staff(request, training_key)
    api.cancel_bulk_generation(user=request.user, training=training, bulk_generation=uuid)
    messages.success(request, _("The bulk generation was stopped. Certificates already queued will still be "
                                "generated."))
    return _back_to_report(training)


@login_required
@require_GET
@answers_refusals
def certificate_archive(request: HttpRequest, training_key: str) -> HttpResponse:
    """GET: every generated certificate of the training in one ZIP with ``manifest.csv``, streamed."""
    training = training_for_staff(request, training_key)
    training, chunks = api.export_certificate_archive(viewer=request.user, training=training)
    return certificate_archive_response(api.file_slug(training.key), chunks)
