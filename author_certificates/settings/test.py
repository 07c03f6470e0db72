"""Test settings of the plugin inside a host's test run."""

from author_certificates.settings.common import plugin_settings  # noqa: F401
