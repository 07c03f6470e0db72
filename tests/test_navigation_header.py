"""The header links to the plugin's pages the signed-in user may use, worked out at sign-in (no
query per page) and refreshed after NAVIGATION_SECONDS."""

from __future__ import annotations

import re

import pytest

from author_certificates import api
from author_certificates.views import navigation

pytestmark = pytest.mark.django_db


def _links(client, path="/author-certificates/learning-records/") -> list[str]:
    page = client.get(path).content.decode()
    nav = re.search(r'<nav aria-label="Main" class="site-nav">(.*?)</nav>', page, re.S)
    return re.findall(r">([^<>]+)</a>", nav.group(1)) if nav else []


def test_a_learner_sees_learning_records_only(client, learner):
    client.force_login(learner)
    assert _links(client) == ["Learning Records"]


def test_a_trainer_sees_trainings_and_an_author_the_author_tool(client, make_user, author, course):
    trainer = make_user("trainer")
    api.grant_role(user=trainer, role="trainer", training=course)
    client.force_login(trainer)
    assert _links(client) == ["Trainings", "Learning Records"]
    client.force_login(author)
    assert _links(client) == ["Trainings", "Author tool", "Learning Records"]


def test_the_links_are_kept_in_the_session_and_refreshed_after_a_while(client, learner, course):
    client.force_login(learner)
    client.get("/author-certificates/trainings/")
    api.grant_role(user=learner, role="inspector", training=course)
    assert _links(client) == ["Learning Records"], "kept from sign-in"
    session = client.session
    session[navigation.SESSION_KEY]["at"] -= navigation.NAVIGATION_SECONDS + 1
    session.save()
    assert _links(client) == ["Trainings", "Learning Records"]



def test_the_header_and_the_trainings_page_speak_spanish(client, staff, course):
    client.force_login(staff)
    page = client.get("/author-certificates/trainings/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert ">Formaciones</a>" in page and "Herramienta de autoría" in page
    assert "Buscar por título o clave" in page and "Informe de progreso" in page


def test_a_failing_role_lookup_never_breaks_signing_in(client, staff, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("roles service down")

    monkeypatch.setattr(api, "may_manage_trainings", broken)
    answer = client.post("/login/", {"username": "staff", "password": "pass"})
    assert answer.status_code == 302
    assert "could not be worked out" in caplog.text
    assert _links(client) == ["Author tool", "Learning Records"]
