"""Check a design before it is saved as a version, reporting every problem at once.

Static checks first (page setup, assets, template syntax and names), then, when the template
compiles, a trial render with sample data through the same code path as a real certificate:
whatever the trial render refuses (a URL, an attachment, a runtime error) is a problem too.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote

from ..exceptions import DesignProblem, InvalidDesign
from .assets import sniff_asset
from .design import ORIENTATIONS, PAGE_SIZES, Design
from .engine import RENDER_LOCK, attachment_problems, layout, prepare, write_pdf
from .fetcher import Refusal, recording_refusals
from .samples import sample_context
from .sandbox import template_problems

_LOCAL_FONT = re.compile(r"\blocal\s*\(", re.IGNORECASE)
# The CSS is not a template: {{ asset("x") }} stays as written there and breaks the rule it is in.
_CSS_ASSET_CALL = re.compile(r"""(?:\{\{\s*)?\basset\s*\(\s*(?:["']([^"']*)["'])?""")


def validate_design(design: Design, *, max_asset_bytes: int = 5 * 1024 * 1024) -> None:
    """Raise InvalidDesign listing every problem of the design; return None when it is fine.

    Problems: page size or orientation unknown; an asset without a name, named twice, larger
    than `max_asset_bytes` or not really an image or a font; a template syntax error, unknown
    placeholder, private attribute, include, or unknown asset("name") (each with its line);
    CSS `local()` fonts; any URL the fetcher refuses and any attachment, found by a trial
    render with sample_context(design.language), which must also succeed.
    """
    problems = _page_problems(design) + _asset_problems(design, max_asset_bytes)
    problems += _css_problems(design.css)
    static = template_problems(design.html, [asset.name for asset in design.assets])
    problems += static
    if not any(problem.message.startswith("syntax error") for problem in static):
        # A line already reported statically fails at render time too: say it once.
        static_lines = {problem.line for problem in static}
        problems += [
            problem
            for problem in _trial_render_problems(design, skip_local_fonts=bool(_LOCAL_FONT.search(design.css)))
            if not (
                problem.field == "html" and problem.line in static_lines and "is not allowed" not in problem.message
            )
        ]
    if problems:
        raise InvalidDesign(list(dict.fromkeys(problems)))


def _page_problems(design: Design) -> list[DesignProblem]:
    problems = []
    if design.page_size not in PAGE_SIZES:
        problems.append(DesignProblem(f"unknown page size '{design.page_size}' (use A4 or Letter)", field="page_size"))
    if design.orientation not in ORIENTATIONS:
        problems.append(
            DesignProblem(
                f"unknown orientation '{design.orientation}' (use landscape or portrait)", field="orientation"
            )
        )
    return problems


def _asset_problems(design: Design, max_bytes: int) -> list[DesignProblem]:
    problems = []
    for name, count in Counter(asset.name for asset in design.assets).items():
        if count > 1:
            problems.append(DesignProblem(f"two assets are named '{name}'", field="assets"))
    for asset in design.assets:
        if len(asset.data) > max_bytes:
            problems.append(
                DesignProblem(
                    f"'{asset.name}' is {megabytes(len(asset.data))}, more than the {megabytes(max_bytes)} limit",
                    field="assets",
                )
            )
            continue
        try:
            sniff_asset(asset.name, asset.data)
        except InvalidDesign as error:
            problems.extend(error.problems)
    return problems


def _css_problems(css: str) -> list[DesignProblem]:
    problems = []
    for number, text in enumerate(css.splitlines(), start=1):
        if _LOCAL_FONT.search(text):
            problems.append(DesignProblem(
                "@font-face src: local() is not supported: upload the font as an asset, "
                "or name a system font family in font-family",
                line=number,
                field="css",
            ))
        call = _CSS_ASSET_CALL.search(text)
        if call:
            name = call.group(1) or "name.png"
            problems.append(DesignProblem(
                f'asset("{name}") does not work in the CSS: write url("asset:{name}") there',
                line=number,
                field="css",
            ))
    return problems


def _trial_render_problems(design: Design, *, skip_local_fonts: bool) -> list[DesignProblem]:
    """Render with sample data, collecting refusals instead of stopping at the first one."""
    with RENDER_LOCK, recording_refusals() as refusals:
        try:
            prepared = prepare(design, trial=True)
            document, attachments = layout(prepared, design, sample_context(design.language))
            write_pdf(document, prepared)
        except InvalidDesign as error:
            return [_locate_problem(problem, design) for problem in error.problems] + _refusals(
                refusals, design, skip_local_fonts
            )
        except MemoryError:
            raise  # a render process answers it as its memory limit
        except Exception as error:  # noqa: BLE001 -- WeasyPrint fails in many ways on odd input: report it
            return [DesignProblem(f"the trial render failed: {type(error).__name__}: {error}")] + _refusals(
                refusals, design, skip_local_fonts
            )
    return _refusals(refusals, design, skip_local_fonts) + [
        _locate_problem(problem, design) for problem in attachment_problems(attachments)
    ]


def _refusals(refusals: list[Refusal], design: Design, skip_local_fonts: bool) -> list[DesignProblem]:
    problems = []
    for refusal in dict.fromkeys(refusals):
        where = _find(refusal.url, design)
        if where is None and skip_local_fonts and refusal.url.startswith("file:"):
            continue  # the file a local() font resolved to: reported by _css_problems already
        field, line = where or ("html", None)
        problems.append(DesignProblem(refusal.message, line=line, field=field))
    return problems


def _locate_problem(problem: DesignProblem, design: Design) -> DesignProblem:
    if problem.line is not None:
        return problem
    match = re.search(r"'([^']+)'", problem.message)
    where = _find(match.group(1), design) if match else None
    return DesignProblem(problem.message, line=where[1], field=where[0]) if where else problem


def _find(url: str, design: Design) -> tuple[str, int] | None:
    """The field and line where a URL appears in the source (as written or %-decoded)."""
    candidates = {url, unquote(url)}
    for field, text in (("css", design.css), ("html", design.html)):
        for number, line in enumerate(text.splitlines(), start=1):
            if any(candidate and candidate in line for candidate in candidates):
                return field, number
    return None


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
