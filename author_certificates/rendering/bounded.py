"""The rendering layer's entry points: in a bounded render process when given limits.

Callers pass `RenderLimits` (read from settings by the Django layers); without limits the
work runs in the calling process, as the rendering tests and the render processes themselves
do. What runs is the same code either way (engine.py, checking.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..exceptions import DesignProblem, InvalidDesign
from . import checking, engine
from .design import CertificateContext, Design
from .limits import RenderLimitExceeded, RenderLimits


def render_pdf(design: Design, context: CertificateContext, *, author: str = "",
               limits: RenderLimits | None = None) -> bytes:
    """Render one certificate as PDF/A-3b bytes (see engine.render_pdf).

    With ``limits``: in a render process; raises RenderLimitExceeded (a RenderingFailed) when
    the render exceeds one of them.
    """
    if limits is None:
        return engine.render_pdf(design, context, author=author)
    from .pool import pool_for

    return pool_for(limits).run("render", design, context, author=author)


def preview_pdf(design: Design, *, platform_name: str = "Open edX", limits: RenderLimits | None = None) -> bytes:
    """Render the design with sample data (see engine.preview_pdf); bounded as render_pdf."""
    if limits is None:
        return engine.preview_pdf(design, platform_name=platform_name)
    from .pool import pool_for

    return pool_for(limits).run("preview", design, platform_name=platform_name)


def check_design(*, title: str, html: str, css: str, page_size: str, orientation: str, language: str,
                 assets: Mapping[str, bytes], max_asset_bytes: int, limits: RenderLimits | None = None) -> Design:
    """The design to save, checked (see checking.check_design); raises InvalidDesign.

    With ``limits``, a trial render past one of them is a problem of the design too: the
    design is refused with a message naming the limit.
    """
    arguments = dict(title=title, html=html, css=css, page_size=page_size, orientation=orientation,
                     language=language, assets=dict(assets), max_asset_bytes=max_asset_bytes)
    if limits is None:
        return checking.check_design(**arguments)
    from .pool import pool_for

    try:
        return pool_for(limits).run("check", **arguments)
    except RenderLimitExceeded as exceeded:
        raise InvalidDesign(DesignProblem(
            f"the trial render with sample data exceeded its {limits.describe(exceeded.limit)}: simplify the"
            " design (fewer elements or loops, smaller images)")) from None
