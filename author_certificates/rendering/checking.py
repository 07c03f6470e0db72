"""Everything done to a design before it is saved or previewed, as one step a render process runs.

Sizes first (an oversized asset is never parsed), then what each asset really is, then
validation with its trial render, then the images re-encoded for fast renders.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..exceptions import DesignProblem, InvalidDesign
from .assets import sniff_asset
from .design import Asset, Design
from .normalise import normalise_assets
from .validation import megabytes, validate_design


def check_design(*, title: str, html: str, css: str, page_size: str, orientation: str, language: str,
                 assets: Mapping[str, bytes], max_asset_bytes: int) -> Design:
    """The Design to save (or preview): assets sniffed, validated, normalised.

    Raises InvalidDesign listing every problem: an asset over ``max_asset_bytes`` (named, and
    not parsed), an asset that is not an image or font, and everything validate_design finds.
    """
    problems: list[DesignProblem] = []
    sniffed: list[Asset] = []
    for name, data in assets.items():
        if len(data) > max_asset_bytes:
            problems.append(DesignProblem(
                f"'{name}' is {megabytes(len(data))}, more than the {megabytes(max_asset_bytes)} limit",
                field="assets"))
            continue
        try:
            sniffed.append(sniff_asset(name, bytes(data)))
        except InvalidDesign as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidDesign(problems)
    design = Design(title=title, html=html, css=css, page_size=page_size, orientation=orientation,
                    language=language, assets=tuple(sniffed))
    validate_design(design, max_asset_bytes=max_asset_bytes)
    return Design(title=title, html=html, css=css, page_size=page_size, orientation=orientation,
                  language=language, assets=normalise_assets(design.assets))
