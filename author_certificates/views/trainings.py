"""The Trainings page: the tenant's trainings the signed-in user may manage or inspect.

Searchable by title or key, in title order, 50 at a time (a keyset cursor, never an offset),
each with its kind, its current certificate and links to its certificate page and its progress
report (docs/decisions/0110). Anyone signed in may open it; a user without a staff role on any
training sees an empty list.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from .. import api
from ..exceptions import InvalidInput
from .assignment import language_label


@login_required
@require_GET
def trainings_page(request: HttpRequest) -> HttpResponse:
    """GET ``q`` (search), ``cursor`` (from "Next page")."""
    tenant = api.tenant_of_request(request=request)
    search = request.GET.get("q", "")
    try:
        page = api.list_staff_trainings(user=request.user, tenant=tenant, search=search,
                                        cursor=request.GET.get("cursor", ""))
    except InvalidInput as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    base = reverse("author_certificates:trainings")
    next_url = ""
    if page.next_cursor:
        next_url = f"{base}?{urlencode({**({'q': page.search} if page.search else {}), 'cursor': page.next_cursor})}"
    first_url = f"{base}?{urlencode({'q': page.search})}" if page.search else base
    try:
        author_tool_url = reverse("author_certificates:studio-list") if api.can_author(request.user, tenant) else ""
    except NoReverseMatch:  # the LMS does not mount the Author tool
        author_tool_url = ""
    rows = [
        {"training": row.training, "current": row.current, "kind": api.training_kind_label(kind=row.training.kind)}
        for row in page.rows
    ]
    for row in page.rows:  # _assigned.html shows a classic certificate's language by name
        if row.current is not None and row.current.classic is not None:
            row.current.classic.language_label = language_label(row.current.classic.language)
    return render(request, "author_certificates/trainings.html", {
        "page": page,
        "rows": rows,
        "next_url": next_url,
        "first_url": first_url if request.GET.get("cursor") else "",
        "author_tool_url": author_tool_url,
    })
