"""Production settings: the operator's values (e.g. from Tutor's yaml) override the defaults."""

from author_certificates.settings.common import plugin_settings as common_settings


def plugin_settings(settings) -> None:
    common_settings(settings)
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name, value in env_tokens.items():
        if name.startswith("AUTHOR_CERTIFICATES_"):
            setattr(settings, name, value)
