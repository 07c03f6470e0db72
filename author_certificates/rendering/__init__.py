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

from __future__ import annotations

import importlib
from typing import Any

# Public name -> the submodule that defines it. Loaded on first use (PEP 562), so importing the
# plugin (LMS and Studio start-up, ``manage.py check``/``migrate``) never loads WeasyPrint,
# Pango, Pillow or fontTools: only a process that renders, validates or normalises does
# (docs/decisions/0090-boots-without-pango.md).
_EXPORTS = {
    "sniff_asset": "assets",
    "check_design": "bounded",
    "preview_pdf": "bounded",
    "render_pdf": "bounded",
    "CLASSIC_LANGUAGES": "classic",
    "classic_design": "classic",
    "Asset": "design",
    "CertificateContext": "design",
    "Design": "design",
    "RenderLimitExceeded": "limits",
    "RenderLimits": "limits",
    "normalise_assets": "normalise",
    "PLACEHOLDERS": "placeholders",
    "sample_context": "samples",
    "validate_design": "validation",
}

# The Debian/Ubuntu packages a rendering process needs (WeasyPrint's own install notes);
# README "Install into Open edX" installs them in the worker image.
DEBIAN_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core"
)


class RenderingLibrariesMissing(ImportError):
    """The system libraries WeasyPrint loads (Pango, HarfBuzz, fontconfig) are not installed."""


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except OSError as error:
        # WeasyPrint raises OSError ("cannot load library 'libpango-1.0-0'") when Pango is absent.
        raise RenderingLibrariesMissing(
            f"Rendering certificates needs Pango, HarfBuzz and fontconfig, which this process cannot load "
            f"({error}). On Debian/Ubuntu install: apt-get install {DEBIAN_PACKAGES}. "
            "Only the LMS Celery workers that generate certificates (and Studio, for previews) need them."
        ) from error
    value = getattr(module, name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


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
