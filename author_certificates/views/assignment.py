"""A training's certificate settings: the current assignment, "Select certificate" and its side window.

Admins, trainers and inspectors of the training see the page (anyone else, and every user of
another tenant, gets a 404); only admins and trainers may assign (``can_assign_certificate``,
else 403). The side window is a <dialog> driven by studio-select.js; without JavaScript the
same panels are plain sections reached by links (``?window=choose|classic|author``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import api
from ..exceptions import InvalidInput
from .forms import AssignForm
from .refusals import answers_refusals

WINDOWS = ("choose", "classic", "author")


def training_for_staff(request: HttpRequest, training_key: str) -> Any:
    """The training named in the URL, if it is the request's tenant's and the user may see its staff pages.

    Raises NotFound for an unknown training, a training of another tenant, or a user who is not
    an admin, trainer or inspector of it (its existence is not revealed), MalformedTrainingKey for
    a malformed key: pages decorated with ``refusals.answers_refusals`` answer 404 and 400.
    """
    return api.get_staff_training(
        viewer=request.user, training=training_key, tenant=api.tenant_of_request(request=request)
    )


def version_label(version) -> str:
    """"Version 3 · 14 March 2026 · Ada Lovelace": number, edit date, editor (R6)."""
    from django.utils.formats import date_format

    editor = (version.created_by.get_full_name() or version.created_by.get_username()) if version.created_by else "-"
    return _("Version %(number)s · %(date)s · %(editor)s") % {
        "number": version.number,
        "date": date_format(version.created_at, "DATE_FORMAT"),
        "editor": editor,
    }


def language_label(code: str) -> str:
    """The language's name in the page's language; the code itself when Django does not know it."""
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _label_languages(classics) -> None:
    # Templates show `classic.language_label`; a tenant's classic may use any language code.
    for classic in classics:
        if classic is not None:
            classic.language_label = language_label(classic.language)


def selection_context(training: Any) -> dict:
    """Everything the side window shows: classic list, author list with versions, the current choice."""
    choices = api.certificate_choices(training=training)
    versions = api.list_tenant_versions(tenant=training.tenant)
    author = [
        {
            "choice": choice,
            "versions": [{"version": version, "label": version_label(version)}
                         for version in versions.get(choice.certificate.pk, [])],
        }
        for choice in choices.author
    ]
    return {"choices": choices, "author_rows": author, "current": choices.current}


@login_required
@require_http_methods(["GET", "POST"])
@answers_refusals
def training_certificate(request: HttpRequest, training_key: str) -> HttpResponse:
    """Show (GET) or change (POST) the certificate a training awards (R2-R6)."""
    training = training_for_staff(request, training_key)
    may_assign = api.can_assign_certificate(request.user, training)
    form = AssignForm()
    status = 200
    if request.method == "POST":
        if not may_assign:
            raise DjangoPermissionDenied(_("Inspectors can see the certificate of a training but not change it."))
        form = AssignForm(request.POST)
        if form.is_valid():
            try:  # NotFound (WrongTenant too: another tenant's certificate is not revealed) -> 404
                api.assign_certificate(
                    training=training,
                    assigned_by=request.user,
                    classic=form.cleaned_data.get("classic"),
                    version=form.cleaned_data.get("version"),
                )
            except InvalidInput as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The certificate of this training has been updated."))
                return redirect("author_certificates:training-certificate", training_key=training.key)
        status = 400
    context = selection_context(training)
    window = request.GET.get("window", "")
    if window == "choose" and not context["choices"].offers_author_certificates:
        window = "classic"  # R4: no Classic/Author choice without author certificates
    context.update({
        "training": training,
        "may_assign": may_assign,
        "form": form,
        "window": window if window in WINDOWS else "",
        "history": list(api.list_assignment_history(training=training)[:50]),
        # Invalidations and reissues of the training's certificates (docs/decisions/0120).
        "certificate_events": api.list_certificate_events(viewer=request.user, training=training, limit=50),
    })
    current = context["current"]
    _label_languages([*context["choices"].classic, current.classic if current else None,
                      *(entry.classic for entry in context["history"])])
    return render(request, "author_certificates/studio/training_certificate.html", context, status=status)
