"""Stand-in for edx-platform's ``openedx.core.djangoapps.site_configuration.helpers``.

``get_value(name, default)`` answers the current site's configuration value, else ``default``
(as the platform's does when the site has no SiteConfiguration). Tests put a site's values in
``SITE_VALUES``.
"""

from __future__ import annotations

from typing import Any

SITE_VALUES: dict[str, Any] = {}


def get_value(val_name: str, default: Any = None, **kwargs: Any) -> Any:
    return SITE_VALUES.get(val_name, default)
