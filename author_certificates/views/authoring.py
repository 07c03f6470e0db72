"""The Author tool in Studio: the tenant's diplomas, the design editor, previews, version history.

Only users who may author for the request's tenant (``permissions.can_author``) get in; a
certificate or version of another tenant is a 404, so its existence is not revealed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import api
from ..exceptions import InvalidInput, NotFound, NothingChanged, RenderingFailed
from ..uploads import bounded_design_upload, refused_assets
from .design_problems import located_sentence
from .forms import DesignForm

# Fields of the editor a DesignProblem.field may name; anything else is shown above the form.
_FORM_FIELDS = {"title", "html", "css", "page_size", "orientation", "language", "assets"}


def author_tenant(request: HttpRequest) -> str:
    """The request's tenant, once the user is known to be allowed to author there (else 403)."""
    tenant = api.tenant_of_request(request=request)
    if not api.can_author(request.user, tenant):
        raise DjangoPermissionDenied(_("You are not allowed to design certificates for this site."))
    return tenant


def _certificate_or_404(uuid: Any, tenant: str):
    try:
        return api.get_author_certificate(certificate=uuid, tenant=tenant)
    except NotFound:
        raise Http404(_("No such certificate.")) from None


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    """An inline PDF that is never cached: previews change with every edit."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def problem_text(problem) -> str:
    """A design problem as the whole sentence shown next to its field, in the page's language."""
    return located_sentence(problem.message, line=problem.line, field=problem.field)


def add_design_problems(form: DesignForm, error: InvalidInput) -> None:
    """Show every problem of an InvalidDesign (or one InvalidInput) next to the field it names,
    and remember the HTML and CSS lines they point at for the code editor's marks."""
    problems = getattr(error, "problems", None)
    if problems is None:
        form.add_error(None, str(error))
        return
    for problem in problems:
        field = problem.field if problem.field in _FORM_FIELDS and problem.field in form.fields else None
        text = problem_text(problem)
        form.add_error(field, text)
        if problem.line and field in ("html", "css"):
            form.problem_marks.append({"field": field, "line": problem.line, "message": text})


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _preview_failure(request: HttpRequest, form: DesignForm, context: dict) -> HttpResponse:
    if _wants_json(request):
        problems = [
            {"field": field or "__all__", "message": str(message)}
            for field, messages in form.errors.items()
            for message in messages
        ]
        return JsonResponse({"problems": problems, "marks": form.problem_marks}, status=400)
    return render(request, "author_certificates/studio/editor.html", context, status=400)


def _kept_assets(request: HttpRequest) -> dict[str, bytes]:
    """The files kept from the last failed save, minus those the author ticked "Do not use"."""
    forgotten = set(request.POST.getlist("forget_kept"))
    kept = api.kept_uploads(user=request.user, token=request.POST.get("kept_uploads"))
    return {name: data for name, data in kept.items() if name not in forgotten}


def _save_failure(request: HttpRequest, form: DesignForm, context: dict, assets: dict[str, bytes],
                  error: InvalidInput | None = None) -> HttpResponse:
    """The editor again with its problems; the files of this try are kept for the next one,
    except a file that is itself refused (not an image or font, too large): it would fail again."""
    refused = {problem.message.split("'")[1] for problem in getattr(error, "problems", ())
               if problem.field == "assets" and problem.message.startswith("'")}
    assets = {name: data for name, data in assets.items() if name not in refused}
    kept = api.keep_uploads(user=request.user, files=assets, replaces=request.POST.get("kept_uploads"))
    for name in kept.not_kept:
        form.add_error("assets", _("'%(name)s' was not kept: the files of one save may not be larger "
                                   "than the upload limit together. Choose it again.") % {"name": name})
    context["kept"] = kept
    return render(request, "author_certificates/studio/editor.html", context, status=400)


@login_required
def certificate_list(request: HttpRequest) -> HttpResponse:
    """The tenant's diplomas: title, creator, latest version and its edit date (R3)."""
    tenant = author_tenant(request)
    certificates = list(api.list_author_certificates(tenant=tenant))
    latest = api.latest_versions(certificates=certificates)
    rows = [{"certificate": certificate, "latest": latest.get(certificate.pk)} for certificate in certificates]
    return render(request, "author_certificates/studio/list.html", {"rows": rows, "tenant": tenant})


@bounded_design_upload
@login_required
@require_http_methods(["GET", "POST"])
def certificate_editor(request: HttpRequest, uuid: Any = None) -> HttpResponse:
    """Create a certificate (no uuid) or edit one; "Preview PDF" renders the unsaved form, Save makes a version."""
    tenant = author_tenant(request)
    certificate = _certificate_or_404(uuid, tenant) if uuid is not None else None
    latest = None
    if certificate is not None:
        latest = api.list_versions(certificate=certificate, tenant=tenant).prefetch_related("assets").first()
    asset_names = [asset.name for asset in latest.assets.all()] if latest else []
    initial = {}
    if latest is not None:
        initial = {
            "title": certificate.title, "html": latest.html, "css": latest.css, "page_size": latest.page_size,
            "orientation": latest.orientation, "language": latest.language,
        }
    if request.method == "POST":
        form = DesignForm(request.POST, request.FILES, asset_names=asset_names)
    else:
        form = DesignForm(initial=initial, asset_names=asset_names)
    context = {
        "form": form,
        "certificate": certificate,
        "latest": latest,
        "asset_names": asset_names,
        # Described in English by the rendering layer, marked for the catalogues there.
        "placeholders": [(name, _(text)) for name, text in sorted(api.PLACEHOLDERS.items())],
    }
    if request.method != "POST":
        return render(request, "author_certificates/studio/editor.html", context)
    previewing = request.POST.get("action") == "preview"
    refused = refused_assets(request)
    if not form.is_valid() or refused:
        for problem in refused:
            form.add_error("assets", problem_text(problem))
        if previewing:
            return _preview_failure(request, form, context)
        return _save_failure(request, form, context, {**_kept_assets(request), **form.uploaded_assets()})
    # Files kept from a failed save, unless the author chose a file of the same name again.
    assets = {**_kept_assets(request), **form.uploaded_assets()}
    try:
        if previewing:
            pdf = api.preview_design(
                **form.design_kwargs(), certificate=certificate, tenant=tenant,
                add_assets=assets, remove_assets=form.removed_assets(),
            )
            return pdf_response(pdf, "preview.pdf")
        if certificate is None:
            version = api.create_author_certificate(
                tenant=tenant, **form.design_kwargs(), assets=assets, created_by=request.user
            )
        else:
            version = api.save_new_version(
                certificate=certificate, tenant=tenant, edited_by=request.user, **form.design_kwargs(),
                add_assets=assets, remove_assets=form.removed_assets(),
            )
    except NothingChanged:
        messages.info(request, _("Nothing changed: no new version was saved."))
        return redirect("author_certificates:studio-edit", uuid=certificate.uuid)
    except InvalidInput as error:
        add_design_problems(form, error)
        if previewing:
            return _preview_failure(request, form, context)
        return _save_failure(request, form, context, assets, error)
    except RenderingFailed as error:
        form.add_error(None, located_sentence(str(error), line=None, field="__all__"))
        if previewing:
            return _preview_failure(request, form, context)
        return _save_failure(request, form, context, assets)
    api.discard_kept_uploads(user=request.user, token=request.POST.get("kept_uploads"))
    messages.success(request, _("Saved as version %(number)s.") % {"number": version.number})
    return redirect("author_certificates:studio-edit", uuid=version.certificate.uuid)


@login_required
def version_history(request: HttpRequest, uuid: Any) -> HttpResponse:
    """Every version of a certificate: number, edit date, editor, newest first (R6), with previews."""
    tenant = author_tenant(request)
    certificate = _certificate_or_404(uuid, tenant)
    versions = list(api.list_versions(certificate=certificate, tenant=tenant))
    return render(
        request, "author_certificates/studio/history.html", {"certificate": certificate, "versions": versions}
    )


@login_required
def version_preview(request: HttpRequest, uuid: Any) -> HttpResponse:
    """A saved version rendered with sample data."""
    tenant = author_tenant(request)
    try:
        pdf = api.preview_version(version=uuid, tenant=tenant)
    except NotFound:  # WrongTenant too
        raise Http404(_("No such certificate version.")) from None
    return pdf_response(pdf, f"preview-{uuid}.pdf")
