"""How the staff pages answer the public API's refusals: one decorator instead of a try/except in
each view.

The statuses come from ``presentation.http_answer``, the table the REST API uses too: a malformed
training key or another invalid input -> 400 with the message as plain text (an upload too large
-> 413); PermissionDenied -> Django's 403 page; NotFound and WrongTenant -> Django's 404 page (the
existence of another tenant's object is not revealed). A request Django refuses to read (5000
query parameters: TooManyFieldsSent) -> 400 too. Anything else (NothingAssigned, which each page
words its own way, and bugs) goes on up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ..exceptions import AuthorCertificatesError
from ..presentation import http_answer, public_message


def bad_request(message: str, status: int = 400) -> HttpResponse:
    """A plain-text refusal: what was wrong with the request."""
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def answers_refusals(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a page view (inside ``login_required``): the API's refusals become 400/403/404."""

    @wraps(view)
    def answered(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except AuthorCertificatesError as error:
            answer = http_answer(error)
            if answer is None or answer[0] == 409:
                raise
            status = answer[0]
            if status == 403:
                raise DjangoPermissionDenied(public_message(error)) from None
            if status == 404:
                raise Http404(public_message(error)) from None
            return bad_request(public_message(error), status)
        except SuspiciousOperation as error:  # TooManyFieldsSent and its kind, raised while reading
            return bad_request(_("The request could not be read: %(reason)s") % {"reason": error})

    return answered
