"""Pagination of the REST lists: ``{"count", "next", "previous", "results"}`` with absolute links.

Lists that are read a page at a time from the API (keyset pages: each page names the cursor of
the next) answer through ``CursorLinkPagination``: the view hands it the page's results, the
total count and the next page's cursor, and the ``next`` link is the request's own URL with the
``cursor`` parameter replaced, so every filter and the sort carry over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


class CursorLinkPagination(BasePagination):
    """Links for pages that the API has already cut: ``cursor`` names where a page starts."""

    cursor_query_param = "cursor"

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
