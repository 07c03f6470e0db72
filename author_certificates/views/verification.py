"""Public verification page of an issued certificate."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .. import api
from ..exceptions import UnknownCertificate


def verify_page(request: HttpRequest, uuid) -> HttpResponse:
    try:
        issued = api.get_issued_certificate(uuid_=uuid)
    except UnknownCertificate:
        raise Http404("No such certificate.") from None
    return render(request, "author_certificates/verify.html", {"issued": issued})
