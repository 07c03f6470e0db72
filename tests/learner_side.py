"""Helpers shared by the learner-side tests (Learning Records, REST, open, verify, browser)."""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse

from author_certificates import api

COURSE_KEY = "course-v1:DemoX+CS101+2026"


def records_url(**query: str) -> str:
    base = reverse("author_certificates:learning_records")
    return base + ("?" + "&".join(f"{name}={value}" for name, value in query.items()) if query else "")


def certificate_api_url(training_key: str) -> str:
    return reverse("author_certificates:api_record_certificate", kwargs={"training_key": training_key})


def assign_classic(training, classic, staff, now: datetime.datetime):
    return api.assign_certificate(training=training, classic=classic, assigned_by=staff, now=now)


def complete(learner, training, when: datetime.datetime):
    return api.record_completion(user=learner, training=training, completed_at=when)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def generate_now(user, training, now, capture) -> object:
    """Request and run the generation (the captured on-commit task); the refreshed issued certificate."""
    with capture(execute=True):
        issued = api.request_certificate(user=user, training=training, now=now)
    issued.refresh_from_db()
    return issued
