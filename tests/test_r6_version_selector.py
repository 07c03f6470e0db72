"""R6: the version selector shows each version's number, edit date and editor, newest first."""

import datetime

import pytest

from author_certificates import api
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db


def test_r6_versions_newest_first_with_date_and_editor(author_version, make_user, now, django_assert_num_queries):
    editor = make_user("editor")
    for day in (1, 2):
        api.save_new_version(
            certificate=author_version.certificate,
            html=SIMPLE_HTML + f"<p>{day}</p>",
            edited_by=editor,
            now=now + datetime.timedelta(days=day),
        )
    with django_assert_num_queries(1):
        rows = [
            (v.number, v.created_at, v.created_by.username)
            for v in api.list_versions(certificate=author_version.certificate)
        ]
    assert rows == [
        (3, now + datetime.timedelta(days=2), "editor"),
        (2, now + datetime.timedelta(days=1), "editor"),
        (1, now, "author"),
    ]
