"""Invalidate and reissue a learner's certificate from the training's progress report.

Plain POST forms on each row of the report (a reason field and a button, with Django's CSRF
token) that redirect back to the report (post/redirect/get), so they work without JavaScript.
Who may do what, and in which state, is decided by the API (admins and trainers;
docs/decisions/0120-invalidation-and-reissue.md); refusals come back as messages on the report.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import api
from ..exceptions import CertificateConflict, InvalidInput, NotCompleted, NothingAssigned
from .assignment import training_for_staff
from .refusals import answers_refusals


def _back_to_report(request: HttpRequest, training) -> HttpResponseRedirect:
    """The report, with the filters and page the form was sent from (only a query string is kept)."""
    url = reverse("author_certificates:progress-report", kwargs={"training_key": training.key})
    back = request.POST.get("back", "")
    if back.startswith("?") and "\n" not in back and "\r" not in back:
        url += back
    return HttpResponseRedirect(url)


def _act(request: HttpRequest, training_key: str, uuid, action: str) -> HttpResponse:
    training = training_for_staff(request, training_key)
    tenant = api.tenant_of_request(request=request)
    reason = request.POST.get("reason", "")
    try:
        if action == "invalidate":
            issued = api.invalidate_certificate(user=request.user, certificate=uuid, reason=reason, tenant=tenant,
                                                 training=training)
        else:
            issued = api.reissue_certificate(user=request.user, certificate=uuid, reason=reason, tenant=tenant,
                                                 training=training)
    except NotCompleted as error:  # a PermissionDenied: the learner's, not the user's
        messages.error(request, _("The certificate could not be reissued: %(error)s") % {"error": error})
        return _back_to_report(request, training)
    except (CertificateConflict, InvalidInput, NothingAssigned) as error:
        if action == "invalidate":
            message = _("The certificate could not be invalidated: %(error)s")
        else:
            message = _("The certificate could not be reissued: %(error)s")
        messages.error(request, message % {"error": error})
        return _back_to_report(request, training)
    name = issued.learner_name or issued.user.get_username()
    if action == "invalidate":
        messages.success(request, _("The certificate of %(name)s has been invalidated.") % {"name": name})
    else:
        messages.success(request, _("A new certificate is being generated for %(name)s.") % {
            "name": issued.user.get_username()})
    return _back_to_report(request, training)


@login_required
@require_POST
@answers_refusals
def invalidate_certificate(request: HttpRequest, training_key: str, uuid) -> HttpResponse:
    """POST ``reason``: invalidate the learner's generated certificate ``uuid`` (admins, trainers)."""
    return _act(request, training_key, uuid, "invalidate")


@login_required
@require_POST
@answers_refusals
def reissue_certificate(request: HttpRequest, training_key: str, uuid) -> HttpResponse:
    """POST (optional ``reason``): issue a new certificate in place of the invalidated ``uuid``."""
    return _act(request, training_key, uuid, "reissue")
