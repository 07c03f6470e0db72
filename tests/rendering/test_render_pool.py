"""Renders run in a pool of bounded render processes: CPU time, memory and wall time limits
stop a design that exceeds them (naming the limit), a slow render never holds up another,
warm processes keep their designs, and render processes end with the process that started them."""

import io
import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from PIL import Image

from author_certificates.exceptions import InvalidDesign, RenderingFailed
from author_certificates.rendering import (
    Asset,
    Design,
    RenderLimitExceeded,
    RenderLimits,
    check_design,
    classic_design,
    preview_pdf,
    render_pdf,
)
from author_certificates.rendering.pool import RenderPool, pool_for, shutdown_pools

from .pdfcheck import flat_text, make_context

# Lays out 20,000 paragraphs: a minute of WeasyPrint (issue 15), though it fills in at once.
SLOW = Design(html="{% for a in 'x' * 20000 %}<p>paragraph {{ loop.index }}</p>{% endfor %}", css="")
FAST = Design(html="<p>{{ learner_full_name }}</p>", css="")
SAMPLE_NAME = "Ana María Müller-Šťastná"  # the sample data of previews
ROOMY = RenderLimits(processes=2, cpu_seconds=120, memory_bytes=2048 * 1024 * 1024, wall_seconds=300)


@pytest.fixture(autouse=True)
def fresh_pools():
    shutdown_pools()
    yield
    shutdown_pools()


def big_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10000, 10000), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


def test_a_render_in_the_pool_prints_what_a_render_here_prints():
    pdf = render_pdf(classic_design("en"), make_context(), limits=ROOMY)

    assert flat_text(pdf) == flat_text(render_pdf(classic_design("en"), make_context()))
    assert pool_for(ROOMY).process_ids() and os.getpid() not in pool_for(ROOMY).process_ids()


def test_a_broken_design_keeps_its_problems_and_lines_across_the_process_boundary():
    with pytest.raises(InvalidDesign) as raised:
        preview_pdf(Design(html="<p>\n{{ nope }}</p>", css=""), limits=ROOMY)

    assert [(problem.message, problem.line) for problem in raised.value.problems] == [
        ("unknown placeholder 'nope'", 2)]


def test_past_the_cpu_time_limit_the_render_is_stopped_and_the_process_replaced():
    limits = RenderLimits(processes=1, cpu_seconds=1, memory_bytes=ROOMY.memory_bytes, wall_seconds=300)

    with pytest.raises(RenderLimitExceeded) as raised:
        render_pdf(SLOW, make_context(), limits=limits)

    assert raised.value.limit == "CPU time"
    assert str(raised.value) == "rendering the design exceeded its CPU time limit (1 s)"
    assert "Grace Hopper" in flat_text(render_pdf(FAST, make_context(), limits=limits))


def test_past_the_wall_time_limit_the_render_process_is_killed():
    limits = RenderLimits(processes=1, cpu_seconds=120, memory_bytes=ROOMY.memory_bytes, wall_seconds=1)
    pool = pool_for(limits)

    with pytest.raises(RenderLimitExceeded, match=r"wall time limit \(1 s\)"):
        render_pdf(SLOW, make_context(), limits=limits)

    assert pool.process_ids() == []


def test_past_the_memory_limit_the_render_fails_naming_it():
    limits = RenderLimits(processes=1, cpu_seconds=120, memory_bytes=500 * 1024 * 1024, wall_seconds=300)
    # Not checked as a save would (too many pixels): WeasyPrint decodes 100 Mpx, 300 MB.
    design = Design(html="<img src=\"{{ asset('big.png') }}\" alt=''>", css="",
                    assets=(Asset("big.png", "image/png", big_png()),))

    with pytest.raises(RenderLimitExceeded) as raised:
        render_pdf(design, make_context(), limits=limits)

    assert raised.value.limit == "memory"
    assert "memory limit (500 MB)" in str(raised.value)


def test_a_trial_render_past_a_limit_refuses_the_design_naming_the_limit():
    limits = RenderLimits(processes=1, cpu_seconds=1, memory_bytes=ROOMY.memory_bytes, wall_seconds=300)

    with pytest.raises(InvalidDesign) as raised:
        check_design(title="Slow", html=SLOW.html, css="", page_size="A4", orientation="landscape",
                     language="en", assets={}, max_asset_bytes=1000, limits=limits)

    [problem] = raised.value.problems
    assert problem.message.startswith("the trial render with sample data exceeded its CPU time limit (1 s)")


def test_a_fast_preview_completes_while_a_slow_one_is_running():
    slow_started = threading.Event()
    outcome = {}

    def slow():
        slow_started.set()
        try:
            preview_pdf(SLOW, limits=ROOMY)
            outcome["slow"] = "done"
        except RenderingFailed as error:
            outcome["slow"] = error

    render_pdf(FAST, make_context(), limits=ROOMY)  # one warm process; the slow one starts another
    thread = threading.Thread(target=slow)
    thread.start()
    slow_started.wait()
    while pool_for(ROOMY)._idle and thread.is_alive():  # noqa: SLF001 -- until the slow one holds the warm process
        time.sleep(0.01)

    fast = preview_pdf(FAST, limits=ROOMY)

    assert thread.is_alive(), outcome  # the slow preview is still being laid out
    assert SAMPLE_NAME in flat_text(fast)
    for worker in list(pool_for(ROOMY)._all):  # noqa: SLF001 -- end the slow one now
        worker.process.kill()
    thread.join(60)
    assert isinstance(outcome["slow"], RenderingFailed)


def test_a_saved_design_is_sent_once_and_again_only_to_a_process_without_it():
    design = Design(html=FAST.html, css="", cache_key="version:test-sent-once")
    pool = RenderPool(RenderLimits(processes=1, cpu_seconds=60, memory_bytes=ROOMY.memory_bytes, wall_seconds=300))
    try:
        pool.run("render", design, make_context())
        [worker] = pool._idle  # noqa: SLF001
        assert list(worker.sent_designs) == ["version:test-sent-once"]
        pool.run("render", design, make_context())  # sent as a reference
        worker.sent_designs["version:never-sent"] = True
        other = Design(html="<p>other {{ learner_username }}</p>", css="", cache_key="version:never-sent")

        pdf = pool.run("render", other, make_context())  # the process asks for it: sent in full

        assert "other ghopper" in flat_text(pdf)
    finally:
        pool.shutdown()


def test_render_processes_end_when_the_process_that_started_them_dies():
    script = textwrap.dedent("""
        import os
        from author_certificates.rendering import Design, RenderLimits, preview_pdf
        from author_certificates.rendering.pool import pool_for
        limits = RenderLimits(processes=1, cpu_seconds=60, memory_bytes=2 ** 31, wall_seconds=300)
        preview_pdf(Design(html="<p>x</p>", css=""), limits=limits)
        print(*pool_for(limits).process_ids(), flush=True)
        os._exit(0)  # no atexit: as a killed web or worker process
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    [pid] = [int(pid) for pid in result.stdout.split()]

    for _ in range(500):
        if not _alive(pid):
            break
        time.sleep(0.02)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False

