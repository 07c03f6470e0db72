"""Production settings: the operator's values (Tutor's yaml / ENV_TOKENS) override the defaults."""

from __future__ import annotations

from typing import Any

from author_certificates.conf import PREFIX
from author_certificates.settings.common import plugin_settings as common_settings


def plugin_settings(settings: Any) -> None:
    """Common settings, then every ``AUTHOR_CERTIFICATES_*`` key of ``ENV_TOKENS`` (lms.yml/cms.yml)."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name, value in env_tokens.items():
        if name.startswith(PREFIX):
            setattr(settings, name, value)
    common_settings(settings)
