"""Test settings of the plugin inside a host's test run: the common ones."""

from author_certificates.settings.common import plugin_settings

__all__ = ["plugin_settings"]
