"""Learning Records: the learner's completed trainings in tabs by kind, each with its certificate control.

The page works as plain links and forms: tabs are links (``?tab=pathway``) and "Generate
certificate" / "Try again" are POST forms that redirect back (post/redirect/get). The script
``learning-records.js`` upgrades the links to ARIA tabs and the forms to calls of the JSON API
that follow the generation without a reload.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import api, conf
from ..exceptions import AuthorCertificatesError
from ..keys import COURSE, KINDS, PATHWAY, PROGRAM
from ..presentation import http_answer


def follow_requested_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the page in ``?lang=xx`` when it is one of the site's languages, and remember it.

    Otherwise LocaleMiddleware has already chosen from the language cookie and Accept-Language.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        requested = request.GET.get("lang", "")
        available = {code for code, _name in settings.LANGUAGES}
        if requested not in available:
            return view(request, *args, **kwargs)
        with translation.override(requested):
            request.LANGUAGE_CODE = requested
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, requested, samesite="Lax",
                            max_age=settings.LANGUAGE_COOKIE_AGE)
        return response

    return wrapper


def page_context() -> dict:
    """What every learner page's base template shows."""
    return {"platform_name": conf.platform_name()}


class RowLinks:
    """The per-row URLs of one page, each built from one ``reverse()`` per page instead of one per row
    (300 trainings made 600 reversals): the placeholder in a reversed URL is replaced by the row's value."""

    _KEY = "training-key-placeholder"
    _UUID = uuid.UUID(int=0)

    def __init__(self) -> None:
        self._record = reverse("author_certificates:api_record_certificate", kwargs={"training_key": self._KEY})
        self._open = reverse("author_certificates:open_certificate", kwargs={"uuid": self._UUID})
        self._verify = reverse("author_certificates:verify", kwargs={"uuid": self._UUID})

    def record_api(self, training_key: str) -> str:
        # Quoted as reverse() quotes a URL (keys keep their ":" and "+").
        return self._record.replace(self._KEY, quote(training_key, safe=RFC3986_SUBDELIMS + "/~:@"))

    def open_certificate(self, certificate_uuid) -> str:
        return self._open.replace(str(self._UUID), str(certificate_uuid))

    def verify(self, request: HttpRequest, certificate_uuid) -> str:
        """The public verification page's absolute address, as printed on the certificate when
        AUTHOR_CERTIFICATES_VERIFICATION_BASE_URL is set, else on this site."""
        path = self._verify.replace(str(self._UUID), str(certificate_uuid))
        base = conf.get("VERIFICATION_BASE_URL")
        return f"{base.rstrip('/')}{path}" if base else request.build_absolute_uri(path)


LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def linkedin_add_to_profile(*, training_title: str, issued, verify_url: str) -> str:
    """LinkedIn's "Add to profile" link for a certificate (its Licenses & certifications form, filled in).

    The documented parameters of LinkedIn's Add to Profile for certifications: ``startTask=
    CERTIFICATION_NAME``, ``name``, ``organizationName``, ``issueYear``, ``issueMonth``,
    ``certUrl`` and ``certId`` (docs/decisions/0111).
    """
    issued_on = issued.generated_at
    parameters = {"startTask": "CERTIFICATION_NAME", "name": training_title, "organizationName": conf.platform_name()}
    if issued_on is not None:
        parameters.update(issueYear=str(issued_on.year), issueMonth=str(issued_on.month))
    parameters.update(certUrl=verify_url, certId=str(issued.uuid))
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(parameters)}"


@dataclass(frozen=True)
class Row:
    """One completed training on the page: its record, the words its control shows and its links."""

    record: api.LearningRecord
    api_url: str
    open_url: str
    verify_url: str = ""
    linkedin_url: str = ""

    @property
    def text(self) -> api.CertificateWords:
        return self.record.status.words

    @property
    def status(self) -> api.CertificateStatus:
        return self.record.status

    @property
    def training(self):
        return self.record.training

    @property
    def completed_at(self):
        return self.record.completion.completed_at


@dataclass(frozen=True)
class Tab:
    """One tab: a kind of training, its label, how many trainings it lists and, for the tab that is
    shown, its rows (the others are read when they are opened)."""

    kind: str
    label: str
    count: int
    rows: list[Row] | None
    selected: bool


def _tab_labels() -> dict[str, str]:
    return {COURSE: _("Courses"), PATHWAY: _("Pathways"), PROGRAM: _("Learning programs")}


def _selected_kind(value: str | None) -> str:
    return value if value in KINDS else COURSE


def _rows(request: HttpRequest, kind: str) -> list[Row]:
    """The rows of one tab, with their links and words."""
    links = RowLinks()
    records = api.list_learning_records(user=request.user, kind=kind, tenant=api.tenant_of_request(request=request))
    rows = []
    for record in records:
        issued = record.status.issued
        row = Row(record=record, api_url=links.record_api(record.training.key),
                  open_url=links.open_certificate(issued.uuid) if issued else "")
        if issued is not None and record.status.state == api.GENERATED:
            verify_url = links.verify(request, issued.uuid)
            row = Row(record=record, api_url=row.api_url, open_url=row.open_url, verify_url=verify_url,
                      linkedin_url=linkedin_add_to_profile(training_title=record.training.title, issued=issued,
                                                           verify_url=verify_url))
        rows.append(row)
    return rows


@require_GET
@login_required
@follow_requested_language
def learning_records_page(request: HttpRequest) -> HttpResponse:
    """GET: the learner's completed trainings in three tabs, each with its certificate control (R12).

    Only the tab asked for (``?tab=``) is read and rendered, with the three counts: two queries
    for the records and one for the counts, whatever their number. The other tabs load when they
    are opened: the script asks for ``?tab=<kind>&panel=1`` (just that panel's HTML); without
    JavaScript each tab is a link to its page.
    """
    selected = _selected_kind(request.GET.get("tab"))
    context = {**page_context(), "request_url": reverse("author_certificates:learning_records_request")}
    if request.GET.get("panel") == "1":
        panel = Tab(kind=selected, label=_tab_labels()[selected], count=0, rows=_rows(request, selected),
                    selected=True)
        return render(request, "author_certificates/_records_panel.html", {**context, "tab": panel})
    counts = api.count_learning_records(user=request.user, tenant=api.tenant_of_request(request=request))
    labels = _tab_labels()
    tabs = [
        Tab(kind=kind, label=labels[kind], count=counts[kind], selected=kind == selected,
            rows=_rows(request, kind) if kind == selected else None)
        for kind in KINDS
    ]
    return render(
        request,
        "author_certificates/learning_records.html",
        {
            **context,
            "tabs": tabs,
            "selected_kind": selected,
            "client_text": {
                "download": _("Download"),
                "what_happened": _("What happened"),
                "generating": api.certificate_words(state=api.GENERATING).status,
                "still_generating": _("This is taking longer than usual. Refresh the page to see the certificate."),
                "request_failed": _("The request could not be sent. Check your connection and try again."),
            },
        },
    )


@require_POST
@login_required
def request_certificate_form(request: HttpRequest) -> HttpResponse:
    """POST (no-JavaScript form): ask for a certificate, then go back to Learning Records (PRG)."""
    training_key = request.POST.get("training_key", "")
    tab = _selected_kind(request.POST.get("tab"))
    anchor = ""
    try:
        issued = api.request_certificate(
            user=request.user, training=training_key, tenant=api.tenant_of_request(request=request)
        )
        tab, anchor = issued.training.kind, f"#training-{issued.training_id}"
    except AuthorCertificatesError as error:
        if http_answer(error) is None:
            raise
        messages.error(request, _("The certificate could not be requested: %(reason)s") % {"reason": error})
    return HttpResponseRedirect(f"{reverse('author_certificates:learning_records')}?tab={tab}{anchor}")
