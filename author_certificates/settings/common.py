"""Settings the plugin adds to an Open edX host (read by edx-django-utils' plugin settings)."""

from author_certificates.conf import DEFAULTS, PREFIX


def plugin_settings(settings) -> None:
    """Give every AUTHOR_CERTIFICATES_* setting its default unless the host already set it."""
    for name, default in DEFAULTS.items():
        if not hasattr(settings, PREFIX + name):
            setattr(settings, PREFIX + name, default)
