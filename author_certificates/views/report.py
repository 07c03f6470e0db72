"""The progress report of a training (R10): an HTML table a page at a time, and a streamed CSV.

Admins, trainers and inspectors of the training read it; anyone else, and anyone asking
from another tenant's site, gets a 404 (see docs/decisions/0041). Filters, sort and pages are
plain query parameters (``?q=&state=&completed_from=&completed_to=&sort=&cursor=``), so the page
works as links and a GET form without JavaScript, and ``?format=csv`` exports the same rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import api
from ..presentation import iso_datetime
from .assignment import training_for_staff
from .refusals import answers_refusals

# The CSV goes out in pieces of about this size: one write per row would cost a system call each.
_CSV_PIECE_BYTES = 64 * 1024


def state_label(state: str) -> str:
    """The certificate state in the words the learner sees (R11); "Not generated" before any request."""
    if not state:
        return _("Not generated")
    return api.certificate_words(state=state).status


@login_required
@require_GET
@answers_refusals
def progress_report(request: HttpRequest, training_key: str) -> HttpResponse:
    """Learners who completed the training, their completion date, certificate state and the
    date of the first generation, a page at a time; ``?format=csv`` downloads every matching row."""
    training = training_for_staff(request, training_key)
    query = api.parse_report_query(params=request.GET)
    if request.GET.get("format") == "csv":
        training, rows = api.iter_progress_report(viewer=request.user, training=training, query=query)
        return _csv_response(training, rows)
    page = api.read_progress_report(viewer=request.user, training=training, query=query)
    bulk = api.report_bulk_panel(viewer=request.user, training=training)
    return render(request, "author_certificates/report/progress.html", {
        "training": training,
        "page": page,
        "rows": [{"row": row, "state": state_label(row.certificate_state),
                  "failure": api.failure_reason(code=row.failure_code) if row.failure_code else ""}
                 for row in page.rows],
        "links": _links(page),
        "columns": _columns(page.query),
        "state_choices": [(state, state_label("" if state == api.NOT_REQUESTED else state), state in query.states)
                          for state in api.REPORT_STATES],
        "sort_choices": _sort_choices(query),
        "bulk": bulk,
        # Invalidate / reissue on each row (docs/decisions/0120): api.can_invalidate_certificates is
        # the same rule as bulk generation (admins and trainers), already asked: no query more a page.
        "may_invalidate": bulk.can_generate,
        "back": "?" + request.GET.urlencode() if request.GET else "",
    })


def _url(pairs: Iterable[tuple[str, str]]) -> str:
    return "?" + urlencode(list(pairs))


def _links(page: api.ReportPage) -> dict[str, str]:
    """Next page, first page and the CSV of the same rows, as query strings of this page's URL."""
    query = page.query
    unpaged = [pair for pair in query.parameters(cursor="") if pair[0] != "page_size"]
    return {
        "next": _url(query.parameters(cursor=page.next_cursor)) if page.next_cursor else "",
        "first": _url(query.parameters(cursor="")) if query.cursor else "",
        "csv": _url([("format", "csv"), *unpaged]),
        "clear": "?" if page.filtered or query.sort != api.DEFAULT_SORT else "",
        # A page size asked for in the address is kept by the filter form.
        "page_size": "" if query.page_size == api.DEFAULT_PAGE_SIZE else str(query.page_size),
    }


def _columns(query: api.ReportQuery) -> list[dict]:
    """The table's headers: each sorts by its column (again: the other way), ``aria-sort`` on the current one."""
    columns = []
    for key, label in (("learner", _("Learner")), ("completed", _("Completion date")), ("state", _("Certificate")),
                       ("generated", _("Date of first generation"))):
        current = query.sort_key == key
        sort = ("" if query.descending else "-") + key if current else key
        pairs = [pair for pair in query.parameters(cursor="") if pair[0] != "sort"] + [("sort", sort)]
        columns.append({
            "label": label,
            "url": _url(pairs),
            "aria_sort": ("descending" if query.descending else "ascending") if current else "",
        })
    return columns


def _sort_choices(query: api.ReportQuery) -> list[tuple[str, str, bool]]:
    choices = [
        ("-completed", _("Newest completions first")),
        ("completed", _("Oldest completions first")),
        ("learner", _("Learner (A to Z)")),
        ("-learner", _("Learner (Z to A)")),
        ("-generated", _("Newest generations first")),
        ("generated", _("Oldest generations first")),
        ("state", _("Certificate state (not generated first)")),
        ("-state", _("Certificate state (generated first)")),
    ]
    return [(value, label, value == query.sort) for value, label in choices]


class _Line:
    """A file-like object whose write() hands back what it was given: csv.writer formats a row into it."""

    def write(self, value: str) -> str:
        return value


def _csv_pieces(rows: Iterator[api.ProgressRow]) -> Iterator[bytes]:
    writer = csv.writer(_Line())
    piece = ["\ufeff"]  # BOM: spreadsheets then read the names as UTF-8
    piece.append(writer.writerow([_("Username"), _("Learner"), _("Completion date"), _("Certificate state"),
                                  _("Date of first generation"), _("Failure"), _("Failure detail")]))
    size = 0
    for row in rows:
        line = writer.writerow([
            api.spreadsheet_safe(row.username),
            api.spreadsheet_safe(row.learner_name),
            iso_datetime(row.completed_at),
            row.certificate_state or "none",
            iso_datetime(row.generated_at) or "",
            row.failure_code,
            api.spreadsheet_safe(row.failure_detail),
        ])
        piece.append(line)
        size += len(line)
        if size >= _CSV_PIECE_BYTES:
            yield "".join(piece).encode()
            piece, size = [], 0
    yield "".join(piece).encode()


def _csv_response(training, rows: Iterator[api.ProgressRow]) -> StreamingHttpResponse:
    """Every row, streamed as it is read from the database: memory stays flat at 100,000 learners."""
    response = StreamingHttpResponse(_csv_pieces(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="progress-{api.file_slug(training.key)}.csv"'
    response["Cache-Control"] = "no-store"
    return response
