"""The progress report of a training (R10): HTML table and CSV export.

Admins, trainers and inspectors of the training read it; anyone else, and anyone asking
from another tenant's site, gets a 404 (see docs/decisions/0041).
"""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import api
from .assignment import BadTrainingKey, training_for_staff

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def state_label(state: str) -> str:
    """The certificate state in the words the learner sees (R11); "Not generated" before any request."""
    if not state:
        return _("Not generated")
    return api.certificate_words(state=state).status


@login_required
@require_GET
def progress_report(request: HttpRequest, training_key: str) -> HttpResponse:
    """Learners who completed the training, their completion date, certificate state and the
    date of the first generation; ``?format=csv`` downloads the same rows."""
    try:
        training = training_for_staff(request, training_key)
    except BadTrainingKey as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    rows = api.progress_report(viewer=request.user, training=training)
    if request.GET.get("format") == "csv":
        return _csv_response(training, rows)
    labelled = [{"row": row, "state": state_label(row.certificate_state)} for row in rows]
    return render(request, "author_certificates/report/progress.html", {"training": training, "rows": labelled})


def _csv_response(training, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    slug = training.key.replace(":", "_").replace("+", "_")
    response["Content-Disposition"] = f'attachment; filename="progress-{slug}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # BOM: spreadsheets then read the names as UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Username"), _("Learner"), _("Completion date"), _("Certificate state"),
                     _("Date of first generation")])
    for row in rows:
        writer.writerow([
            spreadsheet_safe(row.username),
            spreadsheet_safe(row.learner_name),
            row.completed_at.isoformat(),
            row.certificate_state or "none",
            row.generated_at.isoformat() if row.generated_at else "",
        ])
    return response
