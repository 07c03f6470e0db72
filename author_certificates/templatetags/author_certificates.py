"""Template tags shared by every page of the plugin."""

from django import template

from .. import conf

register = template.Library()


@register.simple_tag
def platform_name() -> str:
    """The platform's name for the page header, whichever view renders the page."""
    return conf.platform_name()


@register.simple_tag(takes_context=True)
def header_links(context) -> list:
    """The header's links to the plugin's pages the signed-in user may use (views/navigation.py)."""
    from ..views.navigation import header_links as links

    return links(context.get("request"))
