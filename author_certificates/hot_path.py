"""The statements between a learner's click on "Generate certificate" and the stored file.

Through the ORM this path took nine queries, and building a query costs Django 0.6-1.3 ms of
Python on a small machine while the database answers it in a tenth of a millisecond: together
more than ratio (a) of `make bench` allows on top of WeasyPrint's own render. Here the path
takes two reads, the INSERT and the UPDATE, each one SQL statement written once per database
from the models' own metadata (table and column names, quoted by the backend). Values go in prepared by
the fields' ``get_db_prep_*`` and come out through the converters the ORM applies, and rows
become model instances through ``Model.from_db``, as in the ORM: callers get exactly what the
ORM queries gave them, which tests check on SQLite, PostgreSQL and MariaDB. Every other query
of the plugin stays with the ORM.
See docs/decisions/0026-hot-path-statements.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.models import Field, Model

from . import compat
from .models import (
    AuthorCertificateVersion,
    CertificateAssignment,
    ClassicCertificate,
    Completion,
    IssuedCertificate,
    Training,
)

# Of a pinned version, generation needs only these: its design is cached by uuid
# (designs.version_design) and the editor's name becomes the PDF's author. The other fields are
# deferred, as with ``.only()``: reading one of them costs a query.
_VERSION_FIELDS = ("id", "uuid", "created_by")


@dataclass(frozen=True)
class RequestFacts:
    """What a learner's first request needs to know, read in one statement."""

    training: Training
    issued_id: int | None  # the learner's certificate row for the training, if there is one
    completed: bool  # a completion that is not revoked
    assigned: tuple[int | None, int | None] | None  # (classic_id, version_id) assigned now, or None


@dataclass(frozen=True)
class GenerationRow:
    """An issued certificate with everything generating it reads.

    ``issued`` has its ``training``, ``user``, ``classic`` and ``version`` (uuid and
    ``created_by`` only) loaded. ``profile_name`` is the learner's name in the host's profile
    (None when the host has no profile table or the learner no profile row).
    """

    issued: IssuedCertificate
    completed_at: datetime.datetime | None
    profile_name: str | None


def request_facts(*, user_id: int, training_key: str | None = None, training_id: int | None = None
                  ) -> RequestFacts | None:
    """The training (by key or id) with the learner's row, completion and current assignment (R7-R9).

    None when no such training is registered.
    """
    by_key = training_key is not None
    alias = router.db_for_read(IssuedCertificate)
    read = _request_read(alias, by_key)
    values = read.fetch(alias, [user_id, user_id, training_key if by_key else training_id])
    if values is None:
        return None
    issued_id, completions, classic_id, version_id = values[read.extra:]
    return RequestFacts(
        training=read.parts[0].instance(alias, values),
        issued_id=issued_id,
        completed=bool(completions),
        # The newest history entry pins nothing when the training was unassigned (both null).
        assigned=(classic_id, version_id) if classic_id or version_id else None,
    )


def generation_row(issued_id: int) -> GenerationRow | None:
    """The issued certificate ``issued_id`` with what generating it reads; None if there is none."""
    alias = router.db_for_read(IssuedCertificate)
    read = _generation_read(alias)
    values = read.fetch(alias, [issued_id])
    if values is None:
        return None
    issued, training, learner, classic, version, editor = (part.instance(alias, values) for part in read.parts)
    issued.training, issued.user, issued.classic = training, learner, classic
    if version is not None:
        version.created_by = editor
        issued.version = version
    completed_at, profile_name = values[read.extra:]
    return GenerationRow(issued=issued, completed_at=completed_at, profile_name=profile_name)


def insert_issued(issued: IssuedCertificate) -> None:
    """INSERT a new issued certificate as ``issued.save()`` does and set its primary key.

    Django's ``pre_save``/``post_save`` signals are not sent (as with ``bulk_create``); a
    duplicate (learner, training) raises IntegrityError like ``save()``.
    """
    alias = router.db_for_write(IssuedCertificate)
    connection = connections[alias]
    fields, sql = _insert_sql(alias)
    params = [field.get_db_prep_save(field.pre_save(issued, True), connection) for field in fields]
    pk_field = IssuedCertificate._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if connection.features.can_return_columns_from_insert:
            (issued.pk,) = connection.ops.fetch_returned_insert_columns(cursor, ())
        else:
            issued.pk = connection.ops.last_insert_id(cursor, IssuedCertificate._meta.db_table, pk_field.column)
    issued._state.adding = False
    issued._state.db = alias


def update_pinned_row(*, issued_id: int, requested_at: datetime.datetime, classic_id: int | None,
                      version_id: int | None, states: Sequence[str], values: dict[str, Any]) -> int:
    """Set ``values`` (field name -> value) and add one to ``attempts`` on the row, if it is still
    pinned as an attempt read it (requested_at and pins) and in one of ``states``.

    The same UPDATE as ``IssuedCertificate.objects.filter(pk=..., requested_at=..., classic_id=...,
    version_id=..., state__in=states).update(**values, attempts=F("attempts") + 1)``; returns the
    number of rows updated (0 or 1).
    """
    alias = router.db_for_write(IssuedCertificate)
    connection = connections[alias]
    names = tuple(values)
    sql = _update_sql(alias, names, classic_id is None, version_id is None, len(states))
    meta = IssuedCertificate._meta
    params = [meta.get_field(name).get_db_prep_save(values[name], connection) for name in names]
    params.append(issued_id)
    params.append(meta.get_field("requested_at").get_db_prep_value(requested_at, connection))
    params.extend(pin for pin in (classic_id, version_id) if pin is not None)
    params.extend(states)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


# --- statements, written once per database alias -------------------------------------------------

@dataclass(frozen=True)
class _Part:
    """The columns of one model in a joined row, and how to make its instance."""

    model: type[Model]
    attnames: tuple[str, ...]
    start: int  # index of its first column in the row: its primary key

    def instance(self, alias: str, values: list) -> Model | None:
        row = values[self.start:self.start + len(self.attnames)]
        if row[0] is None:  # an outer join that found nothing
            return None
        return self.model.from_db(alias, self.attnames, row)


@dataclass(frozen=True)
class _Read:
    sql: str
    parts: tuple[_Part, ...]
    extra: int  # index of the first column that belongs to no part
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]  # (column, converters, expression)

    def fetch(self, alias: str, params: list) -> list | None:
        """The one row, its values as the ORM returns them (aware datetimes, UUIDs, decoded JSON)."""
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        values = list(row)
        for index, converters, expression in self.converters:
            for converter in converters:
                values[index] = converter(values[index], expression, connection)
        return values


class _Select:
    """Builds a SELECT list of whole models and single columns, with each column's converters."""

    def __init__(self, alias: str):
        self.connection = connections[alias]
        self.quote = self.connection.ops.quote_name
        self.columns: list[str] = []
        self.fields: list[Field | None] = []
        self.parts: list[_Part] = []

    def model(self, model: type[Model], table_alias: str, only: tuple[str, ...] = ()) -> None:
        fields = [f for f in model._meta.concrete_fields if not only or f.name in only]
        fields.sort(key=lambda f: not f.primary_key)  # primary key first: _Part.instance tests it
        self.parts.append(_Part(model, tuple(f.attname for f in fields), len(self.columns)))
        for field in fields:
            self.column(f"{table_alias}.{self.quote(field.column)}", field)

    def column(self, sql: str, field: Field | None = None) -> None:
        self.columns.append(sql)
        self.fields.append(field)

    def read(self, from_where: str) -> _Read:
        converters = []
        for index, field in enumerate(self.fields):
            if field is None:
                continue
            expression = field.get_col(field.model._meta.db_table)
            found = (*self.connection.ops.get_db_converters(expression), *expression.get_db_converters(self.connection))
            if found:
                converters.append((index, found, expression))
        extra = sum(len(part.attnames) for part in self.parts)
        return _Read(f"SELECT {', '.join(self.columns)} {from_where}", tuple(self.parts), extra, tuple(converters))


def _names(alias: str) -> Callable[..., str]:
    """``name(Model)`` is its quoted table, ``name(Model, "field")`` its quoted column."""
    quote = connections[alias].ops.quote_name

    def name(model: type[Model], field: str | None = None) -> str:
        if field is None:
            return quote(model._meta.db_table)
        return quote(model._meta.get_field(field).column)

    return name


@cache
def _request_read(alias: str, by_key: bool) -> _Read:
    name = _names(alias)
    issued, completion, assignment = IssuedCertificate, Completion, CertificateAssignment
    select = _Select(alias)
    select.model(Training, "t")
    select.column(f"(SELECT i.{name(issued, 'id')} FROM {name(issued)} i"
                  f" WHERE i.{name(issued, 'user')} = %s AND i.{name(issued, 'training')} = t.{name(Training, 'id')})")
    select.column(f"(SELECT COUNT(*) FROM {name(completion)} c WHERE c.{name(completion, 'user')} = %s"
                  f" AND c.{name(completion, 'training')} = t.{name(Training, 'id')}"
                  f" AND c.{name(completion, 'revoked_at')} IS NULL)")
    newest = (f"(SELECT MAX(n.{name(assignment, 'id')}) FROM {name(assignment)} n"
              f" WHERE n.{name(assignment, 'training')} = t.{name(Training, 'id')})")
    for pin in ("classic", "version"):
        select.column(f"(SELECT a.{name(assignment, pin)} FROM {name(assignment)} a"
                      f" WHERE a.{name(assignment, 'id')} = {newest})")
    where = f"t.{name(Training, 'key' if by_key else 'id')} = %s"
    return select.read(f"FROM {name(Training)} t WHERE {where}")


@cache
def _generation_read(alias: str) -> _Read:
    name = _names(alias)
    quote = connections[alias].ops.quote_name
    user_model = get_user_model()
    issued, version = IssuedCertificate, AuthorCertificateVersion
    select = _Select(alias)
    select.model(issued, "i")
    select.model(Training, "t")
    select.model(user_model, "u")
    select.model(ClassicCertificate, "k")
    select.model(version, "v", _VERSION_FIELDS)
    select.model(user_model, "e")
    select.column(f"c.{name(Completion, 'completed_at')}", Completion._meta.get_field("completed_at"))
    profile = compat.learner_profile_table()
    if profile is None:
        select.column("NULL")
        profile_join = ""
    else:
        table, user_column, name_column = profile
        select.column(f"p.{quote(name_column)}")
        profile_join = f" LEFT JOIN {quote(table)} p ON p.{quote(user_column)} = i.{name(issued, 'user')}"
    user_pk = quote(user_model._meta.pk.column)
    return select.read(
        f"FROM {name(issued)} i"
        f" INNER JOIN {name(Training)} t ON t.{name(Training, 'id')} = i.{name(issued, 'training')}"
        f" INNER JOIN {name(user_model)} u ON u.{user_pk} = i.{name(issued, 'user')}"
        f" LEFT JOIN {name(ClassicCertificate)} k ON k.{name(ClassicCertificate, 'id')} = i.{name(issued, 'classic')}"
        f" LEFT JOIN {name(version)} v ON v.{name(version, 'id')} = i.{name(issued, 'version')}"
        f" LEFT JOIN {name(user_model)} e ON e.{user_pk} = v.{name(version, 'created_by')}"
        # At most one completion per learner and training (ac_completion_unique).
        f" LEFT JOIN {name(Completion)} c ON c.{name(Completion, 'user')} = i.{name(issued, 'user')}"
        f" AND c.{name(Completion, 'training')} = i.{name(issued, 'training')}"
        f"{profile_join}"
        f" WHERE i.{name(issued, 'id')} = %s"
    )


@cache
def _insert_sql(alias: str) -> tuple[tuple[Field, ...], str]:
    connection = connections[alias]
    name = _names(alias)
    meta = IssuedCertificate._meta
    fields = tuple(field for field in meta.concrete_fields if not field.primary_key)
    sql = (f"INSERT INTO {name(IssuedCertificate)} ({', '.join(name(IssuedCertificate, f.name) for f in fields)})"
           f" VALUES ({', '.join(['%s'] * len(fields))})")
    if connection.features.can_return_columns_from_insert:
        returning, _ = connection.ops.return_insert_columns([meta.pk])
        sql = f"{sql} {returning}"
    return fields, sql


@cache
def _update_sql(alias: str, names: tuple[str, ...], classic_is_null: bool, version_is_null: bool, states: int) -> str:
    name = _names(alias)
    issued = IssuedCertificate
    assignments = ", ".join(f"{name(issued, field)} = %s" for field in names)
    attempts = name(issued, "attempts")

    def pinned(field: str, is_null: bool) -> str:
        return f"{name(issued, field)} IS NULL" if is_null else f"{name(issued, field)} = %s"

    return (
        f"UPDATE {name(issued)} SET {assignments}, {attempts} = {attempts} + 1"
        f" WHERE {name(issued, 'id')} = %s AND {name(issued, 'requested_at')} = %s"
        f" AND {pinned('classic', classic_is_null)} AND {pinned('version', version_is_null)}"
        f" AND {name(issued, 'state')} IN ({', '.join(['%s'] * states)})"
    )
