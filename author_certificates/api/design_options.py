"""The page set-ups a design may choose, for the forms and endpoints that offer them."""

from __future__ import annotations

from ..models import Orientation, PageSize

# (value, translated label) pairs, as Django form fields take them.
DESIGN_PAGE_SIZES: list[tuple[str, str]] = PageSize.choices
DESIGN_ORIENTATIONS: list[tuple[str, str]] = Orientation.choices
DEFAULT_PAPER_SIZE: str = PageSize.A4.value
DEFAULT_ORIENTATION: str = Orientation.LANDSCAPE.value
