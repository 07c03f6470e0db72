"""The MFE harness: the author-certificates widgets mounted as the MFE slots mount them.

`?slot=course_card_action` plays the learner dashboard: a card per course of the site (its
`cardId`, course name and course run, the shape of the dashboard's own course data), each with
the card action slot. `?slot=course_outline_sidebar&course=<key>` plays the authoring MFE's
course outline sidebar, which passes `courseId`. The widgets call the REST API of this same
server as an MFE calls the LMS and Studio. The bundle is built by `make frontend`.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

from author_certificates import api
from author_certificates.models import Training

SLOTS = ("course_card_action", "course_outline_sidebar")
BUNDLE = Path(__file__).resolve().parent / "static" / "demo" / "mfe-harness" / "harness.js"


@login_required
@ensure_csrf_cookie  # the widgets' writes send it back as X-CSRFToken
def mfe_harness(request: HttpRequest) -> HttpResponse:
    slot = request.GET.get("slot", SLOTS[0])
    if slot not in SLOTS:
        return HttpResponseBadRequest(f"slot must be one of {', '.join(SLOTS)}", content_type="text/plain")
    courses = Training.objects.filter(kind="course", tenant=api.tenant_of_request(request=request)).order_by("key")
    cards = [
        {"cardId": f"card-{index}", "course": {"courseName": course.title}, "courseRun": {"courseId": course.key}}
        for index, course in enumerate(courses)
    ]
    site = request.build_absolute_uri("/").rstrip("/")
    return render(request, "demo/mfe_harness.html", {
        "slot": slot,
        "course_key": request.GET.get("course", ""),
        "cards_json": json.dumps(cards),
        "site": site,
        "bundle_built": BUNDLE.exists(),
    })
