"""Files chosen in the editor survive a failed save (issue 12): they are kept in the private
storage under a token signed for the author, shown as "kept: name (size)", and used by the next
save without being chosen again; the token is the author's alone and expires."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from author_certificates import api
from author_certificates.models import AuthorCertificate
from tests.conftest import SIMPLE_HTML

pytestmark = pytest.mark.django_db

NEW_URL = reverse("author_certificates:studio-new")


def _png(color=(200, 10, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, format="PNG")
    return buffer.getvalue()


def _post(**overrides):
    data = {"title": "Diploma", "html": SIMPLE_HTML, "css": "", "page_size": "A4", "orientation": "landscape",
            "language": "en", "action": "save"}
    data.update(overrides)
    return data


def _kept_token(body: str) -> str:
    marker = 'name="kept_uploads" value="'
    assert marker in body, "the failed save's page carries the kept files' token"
    return body.split(marker, 1)[1].split('"', 1)[0]


def test_a_failed_save_keeps_the_chosen_file_and_the_next_save_uses_it(client, author, tmp_path):
    client.force_login(author)
    logo = _png()
    failed = client.post(NEW_URL, _post(html='<p>{{ learner_full_name }</p><img src="{{ asset(\'logo.png\') }}">',
                                        assets=SimpleUploadedFile("logo.png", logo, content_type="image/png")))
    body = failed.content.decode()
    assert failed.status_code == 400
    assert f"kept: logo.png ({len(logo)}\xa0bytes)" in body
    assert not AuthorCertificate.objects.exists()
    kept_files = [path for path in (tmp_path / "certificates").rglob("*") if path.is_file()]
    assert len(kept_files) == 1 and "kept-uploads" in kept_files[0].as_posix(), "kept in the private storage"

    saved = client.post(NEW_URL, _post(html='<p>{{ learner_full_name }}</p><img src="{{ asset(\'logo.png\') }}">',
                                       kept_uploads=_kept_token(body)))
    assert saved.status_code == 302
    version = AuthorCertificate.objects.get().versions.get()
    assert [row.name for row in version.assets.all()] == ["logo.png"]
    assert not [path for path in (tmp_path / "certificates").rglob("*") if path.is_file()], "removed once used"


def test_a_file_chosen_again_replaces_the_kept_one_and_failures_keep_both(client, author):
    client.force_login(author)
    first = client.post(NEW_URL, _post(html="{% if %}", assets=SimpleUploadedFile("a.png", _png(), "image/png")))
    token = _kept_token(first.content.decode())
    second = client.post(NEW_URL, _post(html="{% if %}", kept_uploads=token,
                                        assets=SimpleUploadedFile("b.png", _png((1, 2, 3)), "image/png")))
    body = second.content.decode()
    assert "kept: a.png" in body and "kept: b.png" in body
    assert api.kept_uploads(user=author, token=token) == {}, "the earlier set was replaced"


def test_the_token_is_the_authors_alone_and_expires(author, staff, monkeypatch):
    kept = api.keep_uploads(user=author, files={"logo.png": b"PNG bytes"})
    assert kept.files == (("logo.png", 9),)
    assert api.kept_uploads(user=author, token=kept.token) == {"logo.png": b"PNG bytes"}
    assert api.kept_uploads(user=staff, token=kept.token) == {}, "another user's token is refused"
    assert api.kept_uploads(user=author, token=kept.token + "x") == {}, "a tampered token is refused"
    later = time.time() + api.KEEP_SECONDS + 5
    monkeypatch.setattr(time, "time", lambda: later)
    assert api.kept_uploads(user=author, token=kept.token) == {}, "an expired token is refused"


def test_a_set_larger_than_the_upload_limit_is_not_kept_whole(author, settings):
    settings.AUTHOR_CERTIFICATES_MAX_DESIGN_UPLOAD_BYTES = 10
    kept = api.keep_uploads(user=author, files={"small.png": b"12345678", "big.png": b"12345678"})
    assert kept.files == (("small.png", 8),)
    assert kept.not_kept == ("big.png",)
    assert api.kept_uploads(user=author, token=kept.token) == {"small.png": b"12345678"}


def test_expired_sets_are_removed_when_another_is_kept(author, monkeypatch, tmp_path):
    old = api.keep_uploads(user=author, files={"old.png": b"old"})
    later = time.time() + api.KEEP_SECONDS + 5
    monkeypatch.setattr(time, "time", lambda: later)
    api.keep_uploads(user=author, files={"new.png": b"new"})
    remaining = sorted(path.read_bytes() for path in (tmp_path / "certificates").rglob("*") if path.is_file())
    assert remaining == [b"new"]
    assert old.token


def test_a_refused_file_is_not_kept_and_a_kept_file_can_be_left_out(client, author):
    client.force_login(author)
    failed = client.post(NEW_URL, _post(html="<p>{{ learner_full_name }}</p>", assets=[
        SimpleUploadedFile("notes.png", b"not an image at all", "image/png"),
        SimpleUploadedFile("logo.png", _png(), "image/png")]))
    body = failed.content.decode()
    assert failed.status_code == 400
    assert "&#x27;notes.png&#x27; is not an image" in body
    assert "kept: logo.png" in body and "kept: notes.png" not in body, "a refused file would fail again"

    saved = client.post(NEW_URL, _post(kept_uploads=_kept_token(body), forget_kept="logo.png"))
    assert saved.status_code == 302
    assert not AuthorCertificate.objects.get().versions.get().assets.exists(), "'Do not use' left it out"
