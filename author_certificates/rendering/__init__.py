"""The rendering layer: a design and a certificate context in, PDF/A-3b bytes out.

Pure: it never imports Django or the models (callers build `Design` and `CertificateContext`
from them), and it is the only module of the project that imports WeasyPrint and Jinja2.

- design.py       the value types (Asset, Design, CertificateContext)
- placeholders.py the placeholder vocabulary and its values (dates via Babel, QR via segno)
- sandbox.py      the Jinja2 sandbox and the static template checks
- fetcher.py      the URL fetcher: data: URIs and the design's assets, nothing else
- assets.py       what an uploaded file really is (sniff_asset)
- normalise.py    images re-encoded once at save time for fast renders
- engine.py       render_pdf / preview_pdf in this process, and the per-design cache
- validation.py   validate_design: every problem, with its line
- checking.py     check_design: sizes, sniffing, validation, normalisation before a save
- growth.py       bounds on every way a template can grow a text or list
- nesting.py      nesting limits checked before Jinja parses a template
- limits.py       RenderLimits and RenderLimitExceeded
- bounded.py      the entry points: render_pdf / preview_pdf / check_design, in a render
                  process with hard limits when given RenderLimits (pool.py, child.py)
- samples.py      sample data for previews
- classic/        the platform's default certificates, one per language
"""

from .assets import sniff_asset
from .bounded import check_design, preview_pdf, render_pdf
from .classic import CLASSIC_LANGUAGES, classic_design
from .design import Asset, CertificateContext, Design
from .limits import RenderLimitExceeded, RenderLimits
from .normalise import normalise_assets
from .placeholders import PLACEHOLDERS
from .samples import sample_context
from .validation import validate_design

__all__ = [
    "CLASSIC_LANGUAGES",
    "PLACEHOLDERS",
    "Asset",
    "RenderLimitExceeded",
    "RenderLimits",
    "CertificateContext",
    "Design",
    "check_design",
    "classic_design",
    "normalise_assets",
    "preview_pdf",
    "render_pdf",
    "sample_context",
    "sniff_asset",
    "validate_design",
]
