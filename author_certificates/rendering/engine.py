"""Design + context -> PDF/A-3b bytes, with what a saved design derives cached per worker.

A saved version never changes, so its compiled template, parsed CSS, font configuration
(with its @font-face fonts), fetcher and image cache are built once and reused: that is what
makes a warm render take tens of milliseconds instead of hundreds. Unsaved designs (previews,
trial renders) get fresh objects every time and are never cached.
"""

from __future__ import annotations

import html as html_escaping
import re
import threading
import traceback
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from jinja2 import TemplateError, TemplateSyntaxError
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from ..exceptions import DesignProblem, InvalidDesign, RenderingFailed
from .design import CertificateContext, Design
from .fetcher import BASE_URL, DesignFetcher, Refusal, recording_refusals
from .placeholders import placeholder_values
from .sandbox import UnknownAsset, compile_template, render_template, template_problems

PDF_VARIANT = "pdf/a-3b"
MAX_CACHED_DESIGNS = 64
MAX_CACHED_IMAGES = 32  # per design: its assets, plus a few data: URIs
_FULL_DOCUMENT = re.compile(r"<html[\s>]|<!doctype", re.IGNORECASE)
# Before the author's CSS so that they can override it: a certificate is usually full-bleed.
_DEFAULT_CSS = "@page { margin: 0 } html, body { margin: 0; padding: 0 }"


class BoundedCache(dict):
    """WeasyPrint's image cache (a plain dict to it), emptied between renders past a limit.

    A template may build data: URIs from placeholders, one per learner (the QR code is one):
    without a bound the cache of a long-lived worker would grow with every certificate. It is
    never trimmed entry by entry: WeasyPrint keeps an image under its URL and the image's bytes
    under a second key, and a render that finds the one without the other fails (KeyError).
    Dropping the oldest entry on each insertion did that to every design with more than 16
    raster images, on its first render.
    """

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def trim(self) -> None:
        """Empty the cache if it holds more than its limit; call it between renders only."""
        if len(self) > self.limit:
            self.clear()


@dataclass
class Prepared:
    """Everything derived from one design that does not depend on the learner."""

    template: object
    fetcher: DesignFetcher
    font_config: FontConfiguration
    stylesheets: list[CSS]
    image_cache: BoundedCache = field(default_factory=lambda: BoundedCache(MAX_CACHED_IMAGES))


class SharedFontConfiguration(FontConfiguration):
    """The font configuration of every design without @font-face rules: system fonts only.

    Creating a FontConfiguration and warming its font map costs tens of milliseconds, too
    much for every preview and trial render. Being shared, it ignores @font-face (a rule that
    slipped past the text check, e.g. with a CSS escape): one design's fonts must never
    change how another design, maybe another tenant's, is printed.
    """

    def add_font_face(self, rule_descriptors, url_fetcher):
        return None


_cache: OrderedDict[Design, Prepared] = OrderedDict()
_cache_lock = threading.Lock()
_shared_fonts: SharedFontConfiguration | None = None
# WeasyPrint (pango, fontconfig, its caches) is not documented as thread-safe and the font
# configuration is shared: a threaded worker renders one certificate at a time. Rendering is
# CPU-bound Python anyway; throughput comes from more processes, which scale (docs/architecture.md).
RENDER_LOCK = threading.RLock()


def font_configuration(design: Design) -> FontConfiguration:
    global _shared_fonts
    if "font-face" in design.css.lower() or "font-face" in design.html.lower():
        return FontConfiguration()  # its own: the design's fonts stay its own
    if _shared_fonts is None:
        _shared_fonts = SharedFontConfiguration()
    return _shared_fonts


def prepare(design: Design, *, trial: bool = False) -> Prepared:
    """Compile and parse a design.

    Raises InvalidDesign when the template breaks the static rules (syntax, unknown names,
    private attributes, includes): enforced here too, not only by validate_design, so that a
    design that skipped validation (a preview) is held to the same rules. validate_design
    passes trial=True: it has made those checks, and wants the trial render to go on past an
    unknown asset so that it reports the other problems too.
    """
    asset_names = [asset.name for asset in design.assets]
    problems = [] if trial else template_problems(design.html, asset_names)
    if problems:
        raise InvalidDesign(problems)
    try:
        template = compile_template(design.html, asset_names, strict_assets=not trial)
    except TemplateSyntaxError as error:  # template_problems() compiled it already: not expected
        raise InvalidDesign(DesignProblem(f"syntax error: {error.message}", line=error.lineno)) from error
    fetcher = DesignFetcher(design.assets)
    font_config = font_configuration(design)
    stylesheets = [
        CSS(string=_DEFAULT_CSS, font_config=font_config, url_fetcher=fetcher, base_url=BASE_URL),
        CSS(string=design.css, font_config=font_config, url_fetcher=fetcher, base_url=BASE_URL),
        # Last, so the design's page size and orientation win over any @page size in its CSS.
        CSS(
            string=f"@page {{ size: {design.page_size} {design.orientation} }}",
            font_config=font_config,
            url_fetcher=fetcher,
            base_url=BASE_URL,
        ),
    ]
    return Prepared(template=template, fetcher=fetcher, font_config=font_config, stylesheets=stylesheets)


def prepared_for(design: Design) -> Prepared:
    """The cached preparation of a saved design, or a fresh one for an unsaved design.

    Keyed by the design itself (not only its cache_key) so that a caller reusing a key for
    different content can never be served a stale template.
    """
    if design.cache_key is None:
        return prepare(design)
    with _cache_lock:
        prepared = _cache.get(design)
        if prepared is not None:
            _cache.move_to_end(design)
            return prepared
    with recording_refusals() as refusals:
        prepared = prepare(design)
    if refusals:
        # Not cached: a refused @import/@font-face is only reported while the CSS is parsed.
        raise InvalidDesign(refusal_problems(refusals))
    with _cache_lock:
        prepared = _cache.setdefault(design, prepared)
        _cache.move_to_end(design)
        while len(_cache) > MAX_CACHED_DESIGNS:
            _cache.popitem(last=False)
    return prepared


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def cache_size() -> int:
    return len(_cache)


def render_pdf(design: Design, context: CertificateContext, *, author: str = "") -> bytes:
    """Render one certificate as PDF/A-3b bytes, with title, author, subject and language set.

    Raises InvalidDesign when the design is broken (a syntax error, an unknown asset, a URL the
    fetcher refuses, an attachment: nothing outside the design is ever fetched or embedded),
    RenderingFailed when WeasyPrint fails for another reason.
    """
    with RENDER_LOCK, recording_refusals() as refusals:
        try:
            prepared = prepared_for(design)
            prepared.image_cache.trim()
            document, attachments = layout(prepared, design, context, author=author)
            if not (refusals or attachments):
                # Images inside SVG images are only fetched while drawing: check again after.
                pdf = write_pdf(document, prepared)
            if refusals or attachments:
                # The image cache remembers a refused URL as "no image": forget it, so that a
                # later render refuses it again instead of silently skipping it.
                prepared.image_cache.clear()
                raise InvalidDesign(refusal_problems(refusals) + attachment_problems(attachments))
            return pdf
        except (InvalidDesign, RenderingFailed, MemoryError):
            raise  # MemoryError: a render process answers it as its memory limit
        except Exception as error:
            raise RenderingFailed(f"rendering the certificate failed: {type(error).__name__}: {error}") from error


def write_pdf(document, prepared: Prepared) -> bytes:
    """The laid-out document as PDF/A-3b bytes."""
    return document.write_pdf(pdf_variant=PDF_VARIANT, cache=prepared.image_cache, finisher=without_interpolation)


def without_interpolation(document, pdf) -> None:
    """WeasyPrint finisher: `/Interpolate false` on every image XObject and soft mask.

    PDF/A (ISO 19005-2/3, 6.2.8) forbids `/Interpolate true`, which WeasyPrint writes for every
    raster image whose CSS `image-rendering` is `auto` (the default), images inside SVG
    included: every certificate with a PNG or JPEG failed veraPDF's rule 6.2.8-3. The finisher
    sees the PDF's objects before they are written, after every image (and its SMask, a
    separate object by then) was added. See docs/decisions/0062-pdfa-without-interpolation.md.
    """
    for pdf_object in pdf.objects:
        extra = getattr(pdf_object, "extra", None)
        if isinstance(extra, dict) and extra.get("Subtype") == "/Image" and "Interpolate" in extra:
            extra["Interpolate"] = "false"


def layout(prepared: Prepared, design: Design, context: CertificateContext, *, author: str = ""):
    """Fill the template and lay the pages out, metadata set, attachments removed.

    Returns the weasyprint Document and the URLs of the attachments the HTML asked for.
    """
    markup = fill_template(prepared.template, design, context)
    html = HTML(string=as_document(markup, design), base_url=BASE_URL, url_fetcher=prepared.fetcher)
    document = html.render(
        font_config=prepared.font_config,
        stylesheets=prepared.stylesheets,
        pdf_variant=PDF_VARIANT,
        cache=prepared.image_cache,
    )
    metadata = document.metadata
    metadata.title = design.title or context.training_title
    metadata.authors = [author or context.platform_name]
    metadata.description = f"{context.training_title} – {context.learner_full_name or context.learner_username}"
    metadata.lang = design.language
    metadata.created = metadata.modified = context.generation_date.isoformat()
    metadata.custom = {}
    return document, strip_attachments(html, document)


def strip_attachments(html: HTML, document) -> list[str]:
    """Remove what WeasyPrint would embed as files: <link rel="attachment"> (document level) and
    <a rel="attachment"> (file annotations). Returns their URLs so callers can refuse them."""
    urls = [
        element.get("href", "")
        for element in html.etree_element.iter()
        if element.tag in ("link", "a") and "attachment" in str(element.get("rel", "")).lower().split()
    ]
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]
    return urls


def refusal_problems(refusals: list[Refusal]) -> list[DesignProblem]:
    return [DesignProblem(refusal.message) for refusal in dict.fromkeys(refusals)]


def attachment_problems(urls: list[str]) -> list[DesignProblem]:
    return [DesignProblem(f"attachments are not allowed (rel=\"attachment\" to '{url}')") for url in urls]


def fill_template(template, design: Design, context: CertificateContext) -> str:
    try:
        return render_template(template, placeholder_values(context, design.language))
    except UnknownAsset as error:
        raise InvalidDesign(DesignProblem(f"unknown asset '{error.name}'", line=template_line(error))) from error
    except TemplateError as error:  # includes the sandbox's SecurityError and UndefinedError
        raise InvalidDesign(DesignProblem(str(error.message or error), line=template_line(error))) from error
    except (TypeError, ValueError, ArithmeticError, LookupError) as error:
        raise InvalidDesign(DesignProblem(f"{type(error).__name__}: {error}", line=template_line(error))) from error
    except RecursionError as error:
        raise InvalidDesign(DesignProblem("a macro calls itself too many times", line=template_line(error))) from None


def template_line(error: BaseException) -> int | None:
    """The template line an exception was raised on: Jinja rewrites tracebacks so that frames of
    compiled templates carry the template's own file name ("<template>") and line numbers."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = lineno
    return line


def as_document(markup: str, design: Design) -> str:
    """Body content becomes a full HTML document; a full document is left as the author wrote it."""
    if _FULL_DOCUMENT.search(markup[:2048]):
        return markup
    lang = html_escaping.escape(design.language, quote=True)
    title = html_escaping.escape(design.title)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{markup}</body></html>"
    )


def preview_pdf(design: Design, *, platform_name: str = "Open edX") -> bytes:
    """Render the design with sample data (sample_context), never cached."""
    from .samples import sample_context

    return render_pdf(replace(design, cache_key=None), sample_context(design.language, platform_name=platform_name))
