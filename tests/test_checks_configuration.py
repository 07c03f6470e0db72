"""System checks name each misconfiguration at start-up (``manage.py check``)."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import override_settings

from author_certificates.checks import check_configuration
from author_certificates.settings.common import merged_filters_config


def _ids(**overrides):
    with override_settings(**overrides):
        return {message.id for message in check_configuration()}


def _messages(**overrides):
    with override_settings(**overrides):
        return check_configuration()


def test_the_test_host_is_correctly_configured():
    assert check_configuration() == []


def test_the_check_runs_with_djangos_own_checks():
    with override_settings(AUTHOR_CERTIFICATES_MAX_ASSET_BYTES=0):
        ids = {message.id for message in checks.run_checks(tags=[checks.Tags.compatibility])}

    assert "author_certificates.E005" in ids


@pytest.mark.parametrize("tenants", [
    ["acme"],
    {"acme": ["lms.acme.test"]},
    {"acme": {"domains": "lms.acme.test"}},
    {"acme": {"domains": ["lms.acme.test"], "sites": ["x"]}},
    {"": {"orgs": ["AcmeX"]}},
    {"acme": {"orgs": [""]}},
])
def test_a_malformed_tenants_mapping_is_an_error(tenants):
    messages = _messages(AUTHOR_CERTIFICATES_TENANTS=tenants)

    assert [m.id for m in messages] == ["author_certificates.E001"]
    assert "AUTHOR_CERTIFICATES_TENANTS" in messages[0].msg


def test_a_domain_mapped_to_two_tenants_is_named():
    messages = _messages(AUTHOR_CERTIFICATES_TENANTS={
        "acme": {"domains": ["lms.acme.test", "studio.acme.test"]},
        "globex": {"domains": ["Studio.Acme.test"]},
    })

    assert [m.id for m in messages] == ["author_certificates.E002"]
    assert "'Studio.Acme.test'" in messages[0].msg and "'acme' and 'globex'" in messages[0].msg


def test_an_org_mapped_to_two_tenants_is_named():
    assert _ids(AUTHOR_CERTIFICATES_TENANTS={"a": {"orgs": ["X"]}, "b": {"orgs": ["x"]}}) == {
        "author_certificates.E002"}


def test_a_well_formed_mapping_passes():
    assert _ids(AUTHOR_CERTIFICATES_TENANTS={"acme": {"domains": ["lms.acme.test", "studio.acme.test"],
                                                      "orgs": ["AcmeX"]}}) == set()


@pytest.mark.parametrize("setting", ["AUTHOR_CERTIFICATES_TENANT_RESOLVER", "AUTHOR_CERTIFICATES_ROLE_RESOLVER"])
@pytest.mark.parametrize("path", ["no_such_module.resolve", "author_certificates.tenancy.no_such_function",
                                  "author_certificates.conf.PREFIX"])
def test_an_unimportable_or_uncallable_resolver_is_an_error(setting, path):
    messages = _messages(**{setting: path})

    assert [m.id for m in messages] == ["author_certificates.E003"]
    assert setting in messages[0].msg and path in messages[0].msg


def test_an_importable_resolver_passes():
    assert _ids(AUTHOR_CERTIFICATES_TENANT_RESOLVER="author_certificates.tenancy.tenant_for_org") == set()


def test_an_explicit_storage_alias_must_exist_in_storages(settings):
    messages = _messages(AUTHOR_CERTIFICATES_STORAGE_ALIAS="certificates-s3")

    assert [m.id for m in messages] == ["author_certificates.E004"]
    assert "certificates-s3" in messages[0].msg


def test_the_default_storage_alias_may_be_absent(settings):
    storages = {key: value for key, value in settings.STORAGES.items() if key != "author_certificates"}

    assert _ids(STORAGES=storages) == set()


@pytest.mark.parametrize("value", [0, -5, "5MB", 2.5, True, None])
def test_max_asset_bytes_must_be_a_positive_int(value):
    assert _ids(AUTHOR_CERTIFICATES_MAX_ASSET_BYTES=value) == {"author_certificates.E005"}


def test_without_any_absolute_url_qr_codes_warn():
    messages = _messages(AUTHOR_CERTIFICATES_VERIFICATION_BASE_URL="", LMS_ROOT_URL="")

    assert [(m.id, m.level) for m in messages] == [("author_certificates.W001", checks.WARNING)]
    assert "QR code" in messages[0].hint


def test_a_verification_base_url_alone_is_enough():
    assert _ids(AUTHOR_CERTIFICATES_VERIFICATION_BASE_URL="https://verify.example.com", LMS_ROOT_URL="") == set()


def test_rest_framework_must_be_installed(settings):
    apps = [app for app in settings.INSTALLED_APPS if app != "rest_framework"]

    with override_settings(INSTALLED_APPS=apps):
        ids = {message.id for message in check_configuration()}

    assert ids == {"author_certificates.E006"}


def test_a_filters_config_without_our_steps_warns():
    messages = _messages(OPEN_EDX_FILTERS_CONFIG={
        "org.openedx.learning.certificate.render.started.v1": {"pipeline": ["host.A"], "fail_silently": False}})

    assert [m.id for m in messages] == ["author_certificates.W002"]
    assert "ServeAuthorCertificate" in messages[0].msg and "RecordCompletionOnCertificateCreation" in messages[0].msg


def test_a_merged_filters_config_passes():
    assert _ids(OPEN_EDX_FILTERS_CONFIG=merged_filters_config({"x": ["host.A"]})) == set()


def test_an_open_edx_host_without_any_filters_config_warns(monkeypatch):
    from author_certificates import compat

    monkeypatch.setattr(compat, "is_open_edx_host", lambda: True)

    assert _ids() == {"author_certificates.W002"}


def test_a_private_root_inside_media_root_is_an_error(settings, tmp_path):
    storages = {key: value for key, value in settings.STORAGES.items() if key != "author_certificates"}

    messages = _messages(STORAGES=storages, MEDIA_ROOT=str(tmp_path / "media"),
                         AUTHOR_CERTIFICATES_PRIVATE_ROOT=str(tmp_path / "media" / "certificates"))

    assert [m.id for m in messages] == ["author_certificates.E009"]
    assert "MEDIA_ROOT" in messages[0].msg and "AUTHOR_CERTIFICATES_PRIVATE_ROOT" in messages[0].msg


def test_a_storage_alias_inside_static_root_is_an_error(settings, tmp_path):
    storages = {**settings.STORAGES, "author_certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "static" / "pdf")}}}

    messages = _messages(STORAGES=storages, STATIC_ROOT=str(tmp_path / "static"))

    assert [m.id for m in messages] == ["author_certificates.E009"]
    assert "STATIC_ROOT" in messages[0].msg and "STORAGES['author_certificates']" in messages[0].msg


def test_the_default_private_root_beside_media_root_passes(settings, tmp_path):
    storages = {key: value for key, value in settings.STORAGES.items() if key != "author_certificates"}

    assert _ids(STORAGES=storages, MEDIA_ROOT=str(tmp_path / "media"), AUTHOR_CERTIFICATES_PRIVATE_ROOT="") == set()


class PublicBucketStorage:
    """What django-storages' S3Storage looks like with public URLs (querystring_auth=False)."""

    querystring_auth = False
    default_acl = None


class PublicAclBucketStorage:
    querystring_auth = True
    default_acl = "public-read"


class SignedUrlBucketStorage:
    querystring_auth = True
    default_acl = None


@pytest.mark.parametrize(("backend", "expected"), [
    ("tests.test_checks_configuration.PublicBucketStorage", {"author_certificates.E010"}),
    ("tests.test_checks_configuration.PublicAclBucketStorage", {"author_certificates.E010"}),
    ("tests.test_checks_configuration.SignedUrlBucketStorage", set()),
])
def test_a_bucket_with_public_urls_is_an_error(settings, backend, expected):
    storages = {**settings.STORAGES, "author_certificates": {"BACKEND": backend}}

    assert _ids(STORAGES=storages) == expected
