"""Reporting: who completed a training and when each certificate was first generated (R10).

The report of a training with 100,000 learners is read a page at a time with keyset pagination
(``WHERE (sort key, id) > (last row's)``, never ``OFFSET``), filtered and sorted by the
database in one query per page, and exported row by row from a server-side cursor
(docs/decisions/0070-progress-report-keyset.md).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, DateTimeField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from .. import conf
from ..exceptions import InvalidInput, PermissionDenied
from ..models import Completion, FailureCode, IssuedState, Training
from ._common import TrainingRef, now_or, resolve_training
from .access import can_view_report

#: What the report calls a learner who has not asked for their certificate yet.
NOT_REQUESTED = "none"
#: The states a report row can be filtered by: as the learner sees them (a stalled generation is failed).
REPORT_STATES = (NOT_REQUESTED, IssuedState.GENERATING.value, IssuedState.GENERATED.value, IssuedState.FAILED.value)
#: Sort keys; a leading "-" sorts descending.
SORTS = ("learner", "completed", "generated", "state")
DEFAULT_SORT = "-completed"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_SEARCH_LENGTH = 100

# Sort order of the states, from "nothing yet" to "done".
_STATE_RANK = {NOT_REQUESTED: 0, IssuedState.FAILED.value: 1, IssuedState.GENERATING.value: 2,
               IssuedState.GENERATED.value: 3}

# Invalidated by staff and not reissued yet (docs/decisions/0120-invalidation-and-reissue.md): its
# own state, filterable, sorted after "generated".
INVALIDATED = "invalidated"
REPORT_STATES = (*REPORT_STATES, INVALIDATED)
_STATE_RANK[INVALIDATED] = 4
# Rows without a generation date sort after every dated row, in both directions.
# (Within what every database stores: MySQL's DATETIME starts at year 1000.)
_NEVER_EARLY = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
_NEVER_LATE = datetime.datetime(9000, 1, 1, tzinfo=datetime.UTC)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula (every CSV
    we write: the report's export and the archive's manifest)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


@dataclass(frozen=True)
class ProgressRow:
    """One learner of the progress report."""

    username: str
    learner_name: str
    completed_at: datetime.datetime
    certificate_state: str  # "", "generating", "generated", "failed" (also stalled), "invalidated"
    generated_at: datetime.datetime | None  # date of the first generation (R10)
    certificate_uuid: str
    # Why the generation failed ("" unless failed): its FailureCode, and the recorded error text,
    # which is staff-only (this report is staff-only; learners see the code's sentence).
    failure_code: str = ""
    failure_detail: str = ""


@dataclass(frozen=True)
class ReportQuery:
    """Which rows of a report, in which order, from where (the same for the page, the REST list and
    the CSV). Build it with ``parse_report_query`` from request parameters."""

    states: frozenset[str] = frozenset()
    completed_from: datetime.date | None = None
    completed_to: datetime.date | None = None
    search: str = ""
    sort: str = DEFAULT_SORT
    cursor: str = ""
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def sort_key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def parameters(self, *, cursor: str | None = None) -> list[tuple[str, str]]:
        """The query string pairs that give this query back (``cursor`` replaces the current one)."""
        pairs = [("q", self.search)] if self.search else []
        pairs += [("state", state) for state in REPORT_STATES if state in self.states]
        if self.completed_from:
            pairs.append(("completed_from", self.completed_from.isoformat()))
        if self.completed_to:
            pairs.append(("completed_to", self.completed_to.isoformat()))
        if self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        if self.page_size != DEFAULT_PAGE_SIZE:
            pairs.append(("page_size", str(self.page_size)))
        cursor = self.cursor if cursor is None else cursor
        if cursor:
            pairs.append(("cursor", cursor))
        return pairs


@dataclass(frozen=True)
class ReportPage:
    """One page of a report: its rows, how many rows match the filters, and the next page's cursor."""

    training: Training
    query: ReportQuery
    rows: list[ProgressRow]
    count: int
    next_cursor: str = ""
    filtered: bool = field(default=False)


def _one(params: Mapping[str, Any], name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _many(params: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    values = getlist(name) if getlist else [params.get(name, "")]
    return [value.strip() for value in values if isinstance(value, str) and value.strip()]


def _date(params: Mapping[str, Any], name: str) -> datetime.date | None:
    text = _one(params, name)
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"'{name}' must be a date written YYYY-MM-DD, not '{text}'.") from None


def parse_report_query(*, params: Mapping[str, Any]) -> ReportQuery:
    """The report query named by request parameters (a QueryDict or a plain dict).

    ``q`` (learner search: username or name, every word must match), ``state`` (repeatable:
    none, generating, generated, failed), ``completed_from`` / ``completed_to`` (inclusive dates,
    YYYY-MM-DD, in the site's time zone), ``sort`` (learner, completed, generated, state; "-" for
    descending; default -completed), ``cursor`` (from a previous page), ``page_size`` (1-500).
    Raises InvalidInput, naming the parameter and what it expects, for anything else.
    """
    states = frozenset(_many(params, "state"))
    unknown = sorted(states - set(REPORT_STATES))
    if unknown:
        raise InvalidInput(f"Unknown certificate state '{unknown[0]}'; expected one of {', '.join(REPORT_STATES)}.")
    search = _one(params, "q")
    if len(search) > MAX_SEARCH_LENGTH:
        raise InvalidInput(f"The learner search is limited to {MAX_SEARCH_LENGTH} characters.")
    sort = _one(params, "sort") or DEFAULT_SORT
    if sort.lstrip("-") not in SORTS or sort.startswith("--"):
        raise InvalidInput(f"Unknown sort '{sort}'; expected one of {', '.join(SORTS)}, with '-' for descending.")
    page_size_text = _one(params, "page_size")
    try:
        page_size = int(page_size_text) if page_size_text else DEFAULT_PAGE_SIZE
    except ValueError:
        page_size = 0
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidInput(f"'page_size' must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    completed_from, completed_to = _date(params, "completed_from"), _date(params, "completed_to")
    if completed_from and completed_to and completed_from > completed_to:
        raise InvalidInput("'completed_from' must not be after 'completed_to'.")
    query = ReportQuery(states=states, completed_from=completed_from, completed_to=completed_to, search=search,
                        sort=sort, cursor=_one(params, "cursor"), page_size=page_size)
    if query.cursor:
        _decode_cursor(query)  # refuse a bad cursor here, before any page is read
    return query


def _require_viewer(viewer: Any, training: TrainingRef, tenant: str | None = None) -> Training:
    training = resolve_training(training, tenant=tenant)
    if not can_view_report(viewer, training):
        raise PermissionDenied("Only administrators, trainers and inspectors of this training can see its report.")
    return training


def _displayed_state(now: datetime.datetime) -> Case:
    """The certificate state as the learner sees it, in SQL: a generation still running past the
    timeout counts as failed, as ``api.issuing.is_stalled`` decides for one row."""
    stalled_before = now - datetime.timedelta(seconds=conf.get("GENERATION_TIMEOUT_SECONDS"))
    return Case(
        When(issued__invalidated_at__isnull=False, then=Value(INVALIDATED)),
        When(issued__state=IssuedState.GENERATING, issued__requested_at__lt=stalled_before,
             then=Value(IssuedState.FAILED.value)),
        When(issued__state__isnull=False, then=F("issued__state")),
        default=Value(NOT_REQUESTED),
        output_field=CharField(),
    )


def _sort_expression(query: ReportQuery):
    """What the rows are ordered by before their id; never NULL, so one comparison pages it."""
    key = query.sort_key
    if key == "learner":
        return F("user__username")
    if key == "completed":
        return F("completed_at")
    if key == "generated":
        never = Value(_NEVER_EARLY if query.descending else _NEVER_LATE, output_field=DateTimeField())
        if connection.vendor == "mysql":
            # MySQL types the CASE from the string parameter and answers text: cast it. (Not on
            # SQLite: its cast writes milliseconds, and the far date would no longer equal itself
            # as a cursor value.)
            never = Cast(never, output_field=DateTimeField())
        return Case(
            When(issued__state=IssuedState.GENERATED, then=F("issued__generated_at")),
            default=never,
            output_field=DateTimeField(),
        )
    return Case(*(When(report_state=state, then=Value(rank)) for state, rank in _STATE_RANK.items()),
                output_field=IntegerField())


def _filtered(training: Training, query: ReportQuery, now: datetime.datetime) -> QuerySet:
    """The training's current completions (revoked ones left out) matching the query's filters."""
    completions = Completion.objects.filter(training=training, revoked_at__isnull=True)
    if query.states:
        # Only then: the join to the issued certificate would stay in the page's COUNT otherwise.
        completions = completions.annotate(report_state=_displayed_state(now)).filter(
            report_state__in=sorted(query.states))
    zone = timezone.get_current_timezone()
    if query.completed_from:
        start = datetime.datetime.combine(query.completed_from, datetime.time.min, tzinfo=zone)
        completions = completions.filter(completed_at__gte=start)
    if query.completed_to:
        end = datetime.datetime.combine(query.completed_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        completions = completions.filter(completed_at__lt=end)
    for word in query.search.split():
        completions = completions.filter(
            Q(user__username__icontains=word) | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word) | Q(issued__learner_name__icontains=word)
        )
    return completions


_COLUMNS = ("id", "user__username", "user__first_name", "user__last_name", "completed_at", "report_state",
            "issued__generated_at", "issued__uuid", "issued__learner_name", "issued__failure_code", "issued__error",
            "sort_value")


def _ordered_values(completions: QuerySet, query: ReportQuery, now: datetime.datetime) -> QuerySet:
    """Rows as tuples (no model instances), ordered by the query's sort and then by id."""
    if "report_state" not in completions.query.annotations:
        completions = completions.annotate(report_state=_displayed_state(now))
    completions = completions.annotate(sort_value=_sort_expression(query))
    if query.descending:
        order = [F("sort_value").desc(), F("id").desc()]
    else:
        order = [F("sort_value").asc(), F("id").asc()]
    return completions.order_by(*order).values_list(*_COLUMNS)


def _after(completions: QuerySet, query: ReportQuery, value: Any, last_id: int) -> QuerySet:
    """Only the rows after (``value``, ``last_id``) in the query's order: the keyset condition."""
    beyond, bound = ("lt", "lte") if query.descending else ("gt", "gte")
    # The first condition is implied by the second; it is there so that the database starts its
    # index scan at the last row's value instead of filtering every row before it.
    return completions.filter(Q(**{f"sort_value__{bound}": value}),
                              Q(**{f"sort_value__{beyond}": value}) | Q(sort_value=value, **{f"id__{beyond}": last_id}))


def _row(values: tuple) -> ProgressRow:
    (_id, username, first_name, last_name, completed_at, state, generated_at, uuid, printed_name, failure_code, error,
     _sort) = values
    failed = state == IssuedState.FAILED
    if failed and not failure_code:
        # Still `generating` past the timeout (no code yet), or failed before codes were recorded.
        failure_code = FailureCode.UNEXPECTED if error else FailureCode.STALLED
    return ProgressRow(
        failure_code=failure_code if failed else "",
        failure_detail=(error or "") if failed else "",
        username=username,
        learner_name=printed_name or f"{first_name} {last_name}".strip(),
        completed_at=completed_at,
        certificate_state="" if state == NOT_REQUESTED else state,
        generated_at=generated_at if state == IssuedState.GENERATED else None,
        certificate_uuid=str(uuid) if uuid else "",
    )


def _encode_cursor(query: ReportQuery, values: tuple) -> str:
    sort_value = values[-1]
    if isinstance(sort_value, datetime.datetime):
        sort_value = sort_value.isoformat()
    raw = json.dumps([query.sort, sort_value, values[0]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(query: ReportQuery) -> tuple[Any, int]:
    """(sort value, id) of the row a cursor points after; InvalidInput for a cursor that is not ours."""
    problem = InvalidInput("The 'cursor' is not valid for this report: start again from the first page.")
    try:
        raw = base64.urlsafe_b64decode(query.cursor + "=" * (-len(query.cursor) % 4))
        sort, value, last_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise problem from None
    if sort != query.sort or not isinstance(last_id, int):
        raise problem
    key = query.sort_key
    try:
        if key in ("completed", "generated"):
            value = datetime.datetime.fromisoformat(value)
            if timezone.is_naive(value):
                raise ValueError
        elif key == "state" and not isinstance(value, int) or key == "learner" and not isinstance(value, str):
            raise ValueError
    except (TypeError, ValueError):
        raise problem from None
    return value, last_id


def read_progress_report(
    *, viewer: Any, training: TrainingRef, query: ReportQuery | None = None, tenant: str | None = None,
    now: datetime.datetime | None = None,
) -> ReportPage:
    """One page of the progress report of ``training``: learners who completed it (revoked
    completions left out), their certificate's state as they see it and the date of the first
    generation, filtered and sorted as ``query`` says.

    Two queries (the page and the count of matching rows) whatever the number of learners and
    however deep the page. Raises PermissionDenied for anyone but admins, trainers and inspectors
    of the training (R10), UnknownTraining / MalformedTrainingKey, InvalidInput for a bad cursor.
    """
    query = query or ReportQuery()
    moment = now_or(now)
    training = _require_viewer(viewer, training, tenant)
    completions = _filtered(training, query, moment)
    values = _ordered_values(completions, query, moment)
    if query.cursor:
        values = _after(values, query, *_decode_cursor(query))
    fetched = list(values[: query.page_size + 1])
    page, more = fetched[: query.page_size], len(fetched) > query.page_size
    return ReportPage(
        training=training,
        query=query,
        rows=[_row(item) for item in page],
        count=completions.count(),
        next_cursor=_encode_cursor(query, page[-1]) if more else "",
        filtered=bool(query.states or query.search or query.completed_from or query.completed_to),
    )


def iter_progress_report(
    *, viewer: Any, training: TrainingRef, query: ReportQuery | None = None, tenant: str | None = None,
    now: datetime.datetime | None = None, chunk_size: int = 2000,
) -> tuple[Training, Iterator[ProgressRow]]:
    """Every row of the progress report that ``query`` filters (its cursor and page size ignored),
    in its order, read lazily for a streamed export: memory stays constant whatever the number of
    learners (tuples from a server-side cursor, never model instances).

    The permission check happens here, before the iterator is returned: PermissionDenied, as
    ``read_progress_report``. MySQL/MariaDB drivers buffer a whole result, so there the rows are
    read in keyset chunks of ``chunk_size`` instead.
    """
    query = query or ReportQuery()
    moment = now_or(now)
    training = _require_viewer(viewer, training, tenant)
    values = _ordered_values(_filtered(training, query, moment), query, moment)
    return training, _stream(values, query, chunk_size)


def _stream(values: QuerySet, query: ReportQuery, chunk_size: int) -> Iterator[ProgressRow]:
    if connection.vendor != "mysql":
        for item in values.iterator(chunk_size=chunk_size):
            yield _row(item)
        return
    chunk = list(values[:chunk_size])
    while chunk:
        yield from (_row(item) for item in chunk)
        if len(chunk) < chunk_size:
            return
        chunk = list(_after(values, query, chunk[-1][-1], chunk[-1][0])[:chunk_size])


def progress_report(
    *, viewer: Any, training: TrainingRef, tenant: str | None = None, now: datetime.datetime | None = None
) -> list[ProgressRow]:
    """Every row of the progress report of ``training``, by learner (a small training's whole
    report; large ones are read with ``read_progress_report`` or ``iter_progress_report``).

    Raises PermissionDenied for anyone but admins, trainers and inspectors of the training (R10),
    and WrongTenant for a training of another tenant than ``tenant`` (the request's; None for
    callers without one); the other readers take ``tenant`` alike.
    """
    _training, rows = iter_progress_report(viewer=viewer, training=training, query=ReportQuery(sort="learner"),
                                           tenant=tenant, now=now)
    return list(rows)
