"""A/B of the QR code's drawing inside one render (docs/decisions/0075): vector paths or a PNG.

    .venv/bin/python -m bench.ab_qr [PAIRS]

Renders the bench certificate through render_pdf, alternating the two ways of drawing the QR
code in one process (each pair within one of the machine's speed phases), and prints the
medians and the median of the pairs' differences. "paths" is the SVG the placeholder printed
until 0075 (byte for byte segno's own svg_inline: one stroked path of every row's dark runs).
"""

from __future__ import annotations

import datetime
import statistics
import sys
import time


def paths_svg(url: str):
    import segno
    from markupsafe import Markup

    from author_certificates.rendering.placeholders import QR_BORDER, QR_ERROR, QR_MASK

    qr = segno.make_qr(url or " ", error=QR_ERROR, mask=QR_MASK)
    return Markup(qr.svg_inline(omitsize=True, border=QR_BORDER, svgclass="qr-code", lineclass=None))  # noqa: S704


def main(pairs: int) -> None:
    from author_certificates.rendering import Asset, CertificateContext, Design, placeholders, render_pdf

    from . import certificate

    png_svg = placeholders.qr_code_svg
    design = Design(html=certificate.HTML, css=certificate.CSS, title="Bench", cache_key="bench:ab-qr", assets=tuple(
        Asset(name=name, content_type="image/jpeg" if name.endswith(".jpg") else "font/ttf", data=data)
        for name, data in certificate.design_assets().items()))

    def render(drawing, index: int) -> float:
        printed = certificate.sample_printed(index)
        context = CertificateContext(
            learner_full_name=printed.learner, learner_username="learner", training_title=printed.training,
            training_kind="course", completion_date=datetime.date(2026, 3, 14),
            generation_date=datetime.date(2026, 3, 15), certificate_code=printed.code,
            verification_url=printed.url, platform_name=certificate.PLATFORM_NAME)
        placeholders.qr_code_svg = drawing
        try:
            started = time.perf_counter()
            render_pdf(design, context)
            return time.perf_counter() - started
        finally:
            placeholders.qr_code_svg = png_svg

    for index in range(3):
        render(paths_svg, index), render(png_svg, index)
    times = [(render(paths_svg, index), render(png_svg, index)) for index in range(pairs)]
    paths, png = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
    saving = statistics.median(t[0] - t[1] for t in times)
    print(f"render with QR as paths {paths * 1000:.1f} ms, as PNG {png * 1000:.1f} ms; "
          f"paired saving {saving * 1000:.1f} ms ({saving / paths:.0%} of the render), {pairs} pairs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
