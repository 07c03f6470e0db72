"""The side window's previews: any option of a training's "Select certificate" as a sample PDF.

Admins, trainers and inspectors of the training may open them (``api.preview_training_option``
checks); anyone else, and anything of another tenant, is a 404 (docs/decisions/0041, 0113).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import api
from ..exceptions import MalformedTrainingKey, NotFound
from .authoring import pdf_response


@login_required
@require_GET
def training_option_preview(request: HttpRequest, training_key: str, kind: str, uuid: Any) -> HttpResponse:
    """GET: the classic certificate (kind "classic") or version (kind "version") rendered with sample data."""
    option = {"classic": uuid} if kind == "classic" else {"version": uuid}
    try:
        pdf = api.preview_training_option(
            viewer=request.user, training=training_key, tenant=api.tenant_of_request(request=request), **option
        )
    except MalformedTrainingKey as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except NotFound:  # WrongTenant and "not staff of this training" too: nothing is revealed
        raise Http404(_("No such certificate.")) from None
    return pdf_response(pdf, f"preview-{kind}-{uuid}.pdf")
