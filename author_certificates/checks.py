"""Django system checks that name a misconfiguration at start-up (``manage.py check``).

Each message names the setting and what is wrong with it; ids are ``author_certificates.E0xx``
(errors: the plugin cannot work) and ``author_certificates.W0xx`` (warnings: a feature degrades).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.apps import apps as django_apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.files.storage import FileSystemStorage
from django.utils.module_loading import import_string

from . import compat, conf
from .settings.common import FILTER_STEPS, FILTERS_SETTING
from .storage import certificate_storage, storage_alias_in_use

TENANT_SPEC_KEYS = {"domains", "orgs"}
# S3-style canned ACLs that make every object readable by anyone.
PUBLIC_ACLS = {"public-read", "public-read-write"}


def _setting(name: str) -> str:
    return conf.PREFIX + name


def _check_tenants() -> list:
    errors: list = []
    name = _setting("TENANTS")
    mapping = conf.get("TENANTS")
    if mapping in (None, {}):
        return errors
    if not isinstance(mapping, dict):
        return [Error(f"{name} must be a dict of tenant key -> {{'domains': [...], 'orgs': [...]}}; "
                      f"it is a {type(mapping).__name__}.", id="author_certificates.E001")]
    owners: dict[tuple[str, str], str] = {}
    for tenant, spec in mapping.items():
        if not isinstance(tenant, str) or not tenant.strip():
            errors.append(Error(f"{name}: tenant keys must be non-empty strings (got {tenant!r}).",
                                id="author_certificates.E001"))
            continue
        if not isinstance(spec, dict) or set(spec) - TENANT_SPEC_KEYS:
            errors.append(Error(
                f"{name}['{tenant}'] must be a dict with the keys 'domains' and/or 'orgs' (got {spec!r}).",
                id="author_certificates.E001"))
            continue
        for field in ("domains", "orgs"):
            values = spec.get(field, [])
            if isinstance(values, str) or not isinstance(values, (list, tuple, set)) or not all(
                isinstance(value, str) and value.strip() for value in values
            ):
                errors.append(Error(f"{name}['{tenant}']['{field}'] must be a list of non-empty strings "
                                    f"(got {values!r}).", id="author_certificates.E001"))
                continue
            for value in values:
                owner = owners.setdefault((field, value.strip().lower()), tenant)
                if owner != tenant:
                    what = "domain" if field == "domains" else "organisation"
                    errors.append(Error(
                        f"{name}: the {what} '{value}' is mapped to two tenants, '{owner}' and '{tenant}'.",
                        hint="A site or an organisation belongs to exactly one tenant.",
                        id="author_certificates.E002"))
    return errors


def _check_importable(setting: str) -> list:
    path = conf.get(setting)
    if not path:
        return []
    try:
        target = import_string(path)
    except ImportError as error:
        return [Error(f"{_setting(setting)} names '{path}', which cannot be imported: {error}",
                      id="author_certificates.E003")]
    if not callable(target):
        return [Error(f"{_setting(setting)} names '{path}', which is not a function.", id="author_certificates.E003")]
    return []


def _check_storage_alias() -> list:
    # The default alias may be absent (storage.py then uses the private folder); only an alias the
    # operator chose and then forgot to declare in STORAGES is a mistake.
    name = _setting("STORAGE_ALIAS")
    alias = conf.get("STORAGE_ALIAS")
    storages = getattr(settings, "STORAGES", {}) or {}
    if alias == conf.DEFAULTS["STORAGE_ALIAS"] and alias not in storages:
        return []
    if not alias or alias not in storages:
        return [Error(f"{name} is '{alias}', but settings.STORAGES has no such alias "
                      f"(it has: {', '.join(sorted(storages)) or 'none'}).",
                      hint="Add the alias to STORAGES, or remove the setting to keep PDFs in the private folder "
                           f"{_setting('PRIVATE_ROOT')}.",
                      id="author_certificates.E004")]
    return []


def _served_folders() -> list[tuple[str, Path]]:
    folders = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        value = getattr(settings, name, None)
        if value:
            folders.append((name, Path(value).resolve()))
    return folders


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_certificates_are_private() -> list:
    # Issued PDFs are served only through the access-checked views (owner, staff, trainers,
    # inspectors); a folder a web server publishes or a bucket with public URLs would bypass them.
    target = certificate_storage()
    where = (f"settings.STORAGES['{conf.get('STORAGE_ALIAS')}']" if storage_alias_in_use()
             else _setting("PRIVATE_ROOT"))
    location = getattr(target, "location", None)
    if isinstance(target, FileSystemStorage) and location:
        path = Path(location).resolve()
        for setting_name, folder in _served_folders():
            if _is_within(path, folder):
                return [Error(f"Issued certificates would be stored in {path}, inside {setting_name} ({folder}), "
                              f"which the web server publishes: anyone with a file's URL could download it ({where}).",
                              hint=f"Point {where} at a folder outside {setting_name} (the default is "
                                   "<MEDIA_ROOT>-private/author-certificates).",
                              id="author_certificates.E009")]
    if getattr(target, "querystring_auth", True) is False or getattr(target, "default_acl", None) in PUBLIC_ACLS:
        return [Error(f"{where} gives issued certificates public URLs (querystring_auth=False or a public-read ACL).",
                      hint="Use a private bucket with querystring_auth=True (short-lived signed URLs) and no "
                           "public ACL; the plugin serves files through its access-checked views.",
                      id="author_certificates.E010")]
    return []


def _check_max_asset_bytes() -> list:
    value = conf.get("MAX_ASSET_BYTES")
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return [Error(f"{_setting('MAX_ASSET_BYTES')} must be a positive whole number of bytes (got {value!r}).",
                      id="author_certificates.E005")]
    return []


# Render limits and upload size: whole numbers, positive (RENDER_PROCESSES: 0 renders in-process;
# RENDER_PROCESS_MAX_RENDERS: 0 never replaces a render process).
_LIMIT_SETTINGS = {"MAX_DESIGN_UPLOAD_BYTES": 1, "RENDER_PROCESSES": 0, "RENDER_CPU_SECONDS": 1,
                   "RENDER_MEMORY_MB": 1, "RENDER_WALL_SECONDS": 1, "RENDER_PROCESS_MAX_RENDERS": 0}


def _check_limits() -> list:
    return [
        Error(f"{_setting(name)} must be a whole number of at least {minimum} (got {value!r}).",
              id="author_certificates.E007")
        for name, minimum in _LIMIT_SETTINGS.items()
        if isinstance(value := conf.get(name), bool) or not isinstance(value, int) or value < minimum
    ]


def _check_verification_url() -> list:
    if conf.get("VERIFICATION_BASE_URL") or getattr(settings, "LMS_ROOT_URL", ""):
        return []
    return [Warning(f"Neither {_setting('VERIFICATION_BASE_URL')} nor LMS_ROOT_URL is set.",
                    hint="Certificates print a verification link and its QR code, which need an absolute URL "
                         "such as https://lms.example.com.",
                    id="author_certificates.W001")]


def _check_rest_framework() -> list:
    if django_apps.is_installed("rest_framework"):
        return []
    return [Error("'rest_framework' is not in INSTALLED_APPS; the REST API of author-certificates needs it.",
                  id="author_certificates.E006")]


def _pipeline_of(entry: Any) -> list[str]:
    if isinstance(entry, dict):
        entry = entry.get("pipeline", [])
    if isinstance(entry, str):
        return [entry]
    return list(entry or [])


def _check_filters() -> list:
    # Only an Open edX host runs the filters; a plain Django host has nothing to configure.
    if not hasattr(settings, FILTERS_SETTING) and not compat.is_open_edx_host():
        return []
    config = getattr(settings, FILTERS_SETTING, {}) or {}
    missing = [
        f"{step} (for {filter_type})"
        for filter_type, step in FILTER_STEPS.items()
        if step not in _pipeline_of(config.get(filter_type) if isinstance(config, dict) else None)
    ]
    if not missing:
        return []
    return [Warning(f"{FILTERS_SETTING} lacks the steps of author-certificates: {'; '.join(missing)}.",
                    hint="Courses with an author certificate will show the platform's certificate instead. "
                         "Let edx-django-utils load the plugin settings (add_plugins), or call "
                         "author_certificates.settings.common.plugin_settings on your settings module.",
                    id="author_certificates.W002")]


@register(Tags.compatibility)
def check_configuration(app_configs=None, **kwargs) -> list:
    """Every author-certificates check (Django calls this on start-up and on ``manage.py check``)."""
    return [
        *_check_tenants(),
        *_check_importable("TENANT_RESOLVER"),
        *_check_importable("ROLE_RESOLVER"),
        *_check_storage_alias(),
        *_check_certificates_are_private(),
        *_check_max_asset_bytes(),
        *_check_limits(),
        *_check_verification_url(),
        *_check_rest_framework(),
        *_check_filters(),
    ]
