"""Template tags shared by every page of the plugin."""

from django import template

from .. import conf

register = template.Library()


@register.simple_tag
def platform_name() -> str:
    """The platform's name for the page header, whichever view renders the page."""
    return conf.platform_name()
