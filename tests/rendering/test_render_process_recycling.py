"""A render process is replaced after RENDER_PROCESS_MAX_RENDERS renders, so that the native memory
WeasyPrint keeps for every design it prepares is given back; 0 keeps it for ever."""

from author_certificates import designs
from author_certificates.rendering import Design, RenderLimits
from author_certificates.rendering.pool import RenderPool

from .pdfcheck import flat_text, make_context

DESIGN = Design(html="<p>{{ learner_username }}</p>", css="")


def limits(max_renders: int) -> RenderLimits:
    return RenderLimits(processes=1, cpu_seconds=60, memory_bytes=2**31, wall_seconds=300, max_renders=max_renders)


def render_three_times(pool: RenderPool) -> list[list[int]]:
    """The render processes alive after each of three renders (each render's PDF checked)."""
    alive = []
    for _ in range(3):
        assert "ghopper" in flat_text(pool.run("render", DESIGN, make_context()))
        alive.append(pool.process_ids())
    return alive


def test_a_render_process_is_replaced_after_its_number_of_renders():
    pool = RenderPool(limits(max_renders=2))
    try:
        after_first, after_second, after_third = render_three_times(pool)
    finally:
        pool.shutdown()
    # After its second render the process ends; the third render starts a new one.
    assert len(after_first) == 1
    assert after_second == []
    assert len(after_third) == 1 and after_third != after_first


def test_zero_keeps_the_render_process():
    pool = RenderPool(limits(max_renders=0))
    try:
        alive = render_three_times(pool)
    finally:
        pool.shutdown()
    assert alive[0] == alive[1] == alive[2] and len(alive[0]) == 1


def test_the_setting_reaches_the_limits(settings):
    settings.AUTHOR_CERTIFICATES_RENDER_PROCESS_MAX_RENDERS = 7
    assert designs.render_limits().max_renders == 7
