"""Pagination of the REST lists: ``{"count", "next", "previous", "results"}`` with absolute links.

Every list answers through ``CursorLinkPagination``. Lists that are read a page at a time from the
API (the progress report's keyset pages: each page names the cursor of the next) hand it the
page's results, the total count and the next page's cursor (``response``); the other lists, short
by nature (a learner's records, a tenant's certificates, a certificate's versions), are cut here
(``paginate``), the cursor being the position of the page's first item. Either way the ``next``
link is the request's own URL with the ``cursor`` parameter replaced, so every filter carries
over, and ``page_size`` (1-500, default 100) sets the length of a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


class CursorLinkPagination(BasePagination):
    """Links for pages that the API has already cut: ``cursor`` names where a page starts."""

    cursor_query_param = "cursor"
    default_page_size = 100
    max_page_size = 500

    def link(self, request: Request, cursor: str) -> str | None:
        """The request's URL for the page starting at ``cursor`` (None when there is none)."""
        if not cursor:
            return None
        return replace_query_param(request.build_absolute_uri(), self.cursor_query_param, cursor)

    def first_link(self, request: Request) -> str | None:
        """The request's URL without a cursor, when this is not already the first page."""
        url = request.build_absolute_uri()
        if not request.query_params.get(self.cursor_query_param):
            return None
        return remove_query_param(url, self.cursor_query_param)

    def response(
        self, request: Request, *, results: Sequence[Any], count: int, next_cursor: str, extra: dict | None = None
    ) -> Response:
        return Response({
            **(extra or {}),
            "count": count,
            "next": self.link(request, next_cursor),
            "first": self.first_link(request),
            "results": list(results),
        })

    def paginate(
        self, request: Request, items: Sequence[Any], *, page: dict, serialize, extra: dict | None = None
    ) -> Response:
        """A page of ``items`` (already filtered), ``page`` holding the validated ``cursor`` and
        ``page_size`` (serializers.PageQuerySerializer); ``serialize`` turns the page's items into results."""
        cursor = page.get("cursor") or ""
        if cursor and not cursor.isdigit():
            raise ValidationError({self.cursor_query_param: [_("Not a cursor of this list: use the 'next' link.")]})
        start = int(cursor or 0)
        size = page.get("page_size") or self.default_page_size
        items = list(items)
        end = start + size
        return self.response(request, results=serialize(items[start:end]), count=len(items),
                             next_cursor=str(end) if end < len(items) else "", extra=extra)
