"""The Jinja2 sandbox author HTML runs in, and the static checks made before it runs.

Authors are semi-trusted and learners (whose names are placeholders) are untrusted, so:
an immutable sandbox with autoescaping; none of Jinja's default globals (range, lipsum, cycler,
joiner, namespace, dict); an allow-list of harmless filters (no `safe`, which would turn a
learner's name into markup); no templates including other templates; operators that could
build gigabyte strings refused, and every other way to grow a text or list bounded as it grows
(growth.py); nesting limits checked before parsing (nesting.py); and a time limit on filling a
design in, which nested loops and recursive macros would otherwise not have. See
docs/decisions/0010-jinja-sandbox.md, 0028-template-fill-time-limit.md and
0060-bounded-growth-and-nesting.md.
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from functools import update_wrapper

from jinja2 import TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from markupsafe import Markup

from ..exceptions import DesignProblem
from . import growth
from .fetcher import asset_url
from .nesting import token_nesting_problem, tree_depth_problem, unclosed_block_line
from .placeholders import PLACEHOLDERS

# Filters that only reshape text or short lists: useful in a certificate, harmless in a sandbox.
ALLOWED_FILTERS = (
    "abs",
    "capitalize",
    "count",
    "d",
    "default",
    "e",
    "escape",
    "first",
    "float",
    "int",
    "join",
    "last",
    "length",
    "list",
    "lower",
    "replace",
    "reverse",
    "round",
    "sort",
    "string",
    "striptags",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "urlencode",
    "wordcount",
)
# Names Jinja itself defines inside loops and macros.
IMPLICIT_NAMES = frozenset({"loop", "caller", "varargs", "kwargs"})
MAX_OUTPUT_CHARS = 16 * 1024 * 1024
_MAX_EXPONENT = 64
_MAX_INT_BITS = 4096
# A certificate fills in in well under a millisecond; nested loops over long texts or a macro
# calling itself twice can take hours, blocking a worker (or the author's save request, whose
# trial render would hang). Past this, filling in fails like any other broken design.
FILL_TIME_LIMIT_SECONDS = 2.0
_CHECK_EVERY = 256  # loop iterations between two looks at the clock
_deadline: ContextVar[float | None] = ContextVar("author_certificates_fill_deadline", default=None)
# The loop guard's name in the compiled template: an author cannot write it (unknown placeholder).
_LOOP_GUARD = "__loop_within_time_limit__"


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class UnknownAsset(LookupError):
    """asset("name") named no uploaded asset; turned into a DesignProblem by the callers."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class FillTimeLimitExceeded(SecurityError):
    """Filling in a design took longer than FILL_TIME_LIMIT_SECONDS."""


def _check_time_limit() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise FillTimeLimitExceeded(
            f"filling in the design took more than {FILL_TIME_LIMIT_SECONDS:g} seconds"
            " (a loop or a macro that runs too long?)"
        )


def _loop_within_time_limit(iterable):
    """What every {% for %} iterates: the author's iterable, with a look at the clock now and then."""
    _check_time_limit()
    for count, item in enumerate(iterable, start=1):
        if count % _CHECK_EVERY == 0:
            _check_time_limit()
        yield item


class _BoundedFormatter(SandboxedFormatter):
    """str.format in templates: Jinja's sandboxed formatter, with widths and precisions bounded."""

    def format_field(self, value, format_spec: str):
        growth.check_format_spec(format_spec)
        return growth.check_result(super().format_field(value, format_spec))


class _BoundedEscapeFormatter(_BoundedFormatter, SandboxedEscapeFormatter):
    """The same for Markup.format (values escaped)."""


class _BoundedCodeGenerator(CodeGenerator):
    def visit_Concat(self, node, frame) -> None:
        # `a ~ b ~ c`: its result is checked as soon as it is built, so that doubling a text
        # again and again (a macro calling itself) stops at the bound.
        self.write("environment.within_bound(")
        super().visit_Concat(node, frame)
        self.write(")")


class _CertificateSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _BoundedCodeGenerator

    @staticmethod
    def within_bound(value):
        return growth.check_result(value)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        # Every call a template makes comes here: a macro calling itself is bounded too, and a
        # str method is refused before it builds a text past the bound (center(1500000000)).
        _check_time_limit()
        args = growth.check_method_call(__obj, args, kwargs)
        return growth.check_result(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value):
        """str.format / format_map, as Jinja sandboxes them, with bounded field widths."""
        if getattr(value, "__name__", None) not in ("format", "format_map") or not isinstance(
            getattr(value, "__self__", None), str
        ):
            return None
        text = value.__self__
        formatter = _BoundedEscapeFormatter(self, escape=text.escape) if isinstance(text, Markup) else (
            _BoundedFormatter(self))

        def bounded_format(*args, **kwargs):
            if value.__name__ == "format_map":
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return type(text)(growth.check_result(formatter.vformat(text, args, kwargs)))

        return update_wrapper(bounded_format, value)

    def call_binop(self, context, op: str, left, right):
        # Everything else in the sandbox is bounded by the size of the inputs; these operators
        # are not ("x" * 10**9, 10 ** 10 ** 9, "%0999999999d" % 1, a text added to itself).
        if op == "+":
            growth.check_addition(left, right)
            return operator.add(left, right)
        if op == "*":
            growth.check_repeat(left, right)
            growth.check_repeat(right, left)
            if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > _MAX_INT_BITS:
                raise SecurityError("a number that large is not allowed")
            return operator.mul(left, right)
        if op == "**":
            if isinstance(right, (int, float)) and abs(right) > _MAX_EXPONENT:
                raise SecurityError("an exponent that large is not allowed")
            if _is_int(left) and _is_int(right) and left.bit_length() * right > _MAX_INT_BITS:
                raise SecurityError("a number that large is not allowed")
            return operator.pow(left, right)
        if isinstance(left, str):
            raise SecurityError("formatting text with % is not allowed")
        return operator.mod(left, right)


def make_environment() -> ImmutableSandboxedEnvironment:
    env = _CertificateSandbox(autoescape=True, auto_reload=False, cache_size=0)
    env.globals.clear()
    jinja_filters = env.filters
    env.filters = {name: growth.bounded_filter(jinja_filters[name]) for name in ALLOWED_FILTERS}
    env.filters["replace"] = growth.bounded_replace_filter(jinja_filters["replace"])
    env.filters["join"] = growth.bounded_join_filter(jinja_filters["join"])
    # Tests (`is defined`, `is odd`...) cannot reach objects: keep Jinja's.
    return env


ENVIRONMENT = make_environment()


def asset_function(asset_names: Iterable[str], *, strict: bool = True) -> Callable[[str], str]:
    names = frozenset(asset_names)

    def asset(name: str) -> str:
        """The URL our fetcher serves for an uploaded asset."""
        if strict and (not isinstance(name, str) or name not in names):
            raise UnknownAsset(str(name))
        # Not strict (a trial render): let the fetcher refuse it, so that the render goes on
        # and reports every other problem too.
        return asset_url(str(name))

    return asset


def compile_template(source: str, asset_names: Iterable[str], *, strict_assets: bool = True):
    """Compile author HTML. Raises jinja2.TemplateSyntaxError (with .lineno) when it does not.

    Every loop is compiled to iterate through the time-limit guard (see render_template).
    """
    tree = parse_template(source)
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name(_LOOP_GUARD, "load"), [loop.iter], [], None, None, lineno=loop.lineno)
    try:
        return ENVIRONMENT.from_string(tree, globals={
            "asset": asset_function(asset_names, strict=strict_assets),
            _LOOP_GUARD: _loop_within_time_limit,
        })
    except TemplateSyntaxError:
        raise
    except (RecursionError, SyntaxError, MemoryError) as error:
        # Not expected within the nesting limits; a safety net so that it is still the author's problem.
        raise TemplateSyntaxError(f"the template is too complex to compile ({type(error).__name__})", 1) from None


def parse_template(source: str) -> nodes.Template:
    """Parse author HTML after checking its nesting (nesting.py). Raises TemplateSyntaxError."""
    problem = token_nesting_problem(ENVIRONMENT.lexer.tokenize(source))
    if problem is None:
        try:
            tree = ENVIRONMENT.parse(source)
        except RecursionError:
            raise TemplateSyntaxError("the template is nested too deeply", 1) from None
        problem = tree_depth_problem(tree)
    if problem is not None:
        raise TemplateSyntaxError(problem.message, problem.line or 1)
    return tree


def render_template(template, values: dict[str, object]) -> str:
    """Render within FILL_TIME_LIMIT_SECONDS, refusing output past MAX_OUTPUT_CHARS instead of
    filling the worker's memory. Raises SecurityError (FillTimeLimitExceeded past the limit)."""
    size = 0
    parts = []
    token = _deadline.set(time.monotonic() + FILL_TIME_LIMIT_SECONDS)
    try:
        for chunk in template.generate(values):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise SecurityError("the design produces more than 16 MB of HTML")
            parts.append(chunk)
    finally:
        _deadline.reset(token)
    return "".join(parts)


def template_problems(source: str, asset_names: Iterable[str]) -> list[DesignProblem]:
    """Static checks: syntax, unknown placeholders, private attributes, includes, unknown assets."""
    names = frozenset(asset_names)
    try:
        tree = parse_template(source)
        # Compiling also catches unknown filters and tests, which parse() lets through.
        compile_template(source, names)
    except TemplateSyntaxError as error:
        return [DesignProblem(f"syntax error: {error.message}", line=_syntax_error_line(source, error))]
    return list(_walk_problems(tree, names))


def _syntax_error_line(source: str, error: TemplateSyntaxError) -> int | None:
    """Jinja's line, except for a block never closed: the line that opened it."""
    message = error.message or ""
    unclosed = re.search(r"^Unexpected end of template\..*innermost block that needs to be closed is '(\w+)'",
                         message, re.DOTALL)
    if unclosed:
        try:
            return unclosed_block_line(ENVIRONMENT.lexer.tokenize(source), unclosed.group(1)) or error.lineno
        except TemplateSyntaxError:
            return error.lineno
    return error.lineno


def _walk_problems(tree: nodes.Template, asset_names: frozenset[str]) -> Iterator[DesignProblem]:
    defined = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    defined |= {node.name for node in tree.find_all(nodes.Macro)}
    allowed = set(PLACEHOLDERS) | {"asset"} | IMPLICIT_NAMES | defined
    reported: set[tuple[str, int]] = set()
    for node in tree.find_all(
        (
            nodes.Name,
            nodes.Getattr,
            nodes.Getitem,
            nodes.Call,
            nodes.Extends,
            nodes.Include,
            nodes.Import,
            nodes.FromImport,
        )
    ):
        problem = _node_problem(node, allowed, asset_names)
        if problem and (problem.message, problem.line) not in reported:
            reported.add((problem.message, problem.line))
            yield problem


def _node_problem(node: nodes.Node, allowed: set[str], asset_names: frozenset[str]) -> DesignProblem | None:
    line = node.lineno
    if isinstance(node, nodes.Name):
        if node.ctx == "load" and node.name not in allowed:
            return DesignProblem(f"unknown placeholder '{node.name}'", line=line)
    elif isinstance(node, nodes.Getattr):
        if node.attr.startswith("_"):
            return DesignProblem(f"attribute '{node.attr}' is not allowed", line=line)
    elif isinstance(node, nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
            return DesignProblem(f"attribute '{node.arg.value}' is not allowed", line=line)
    elif isinstance(node, nodes.Call):
        if isinstance(node.node, nodes.Name) and node.node.name == "asset":
            if len(node.args) != 1 or node.kwargs or node.dyn_args or node.dyn_kwargs:
                return DesignProblem('asset() takes one asset name, e.g. asset("background.jpg")', line=line)
            arg = node.args[0]
            if isinstance(arg, nodes.Const) and arg.value not in asset_names:
                return DesignProblem(f"unknown asset '{arg.value}': upload it or fix the name", line=line)
    else:
        return DesignProblem("a design cannot include, import or extend other templates", line=line)
    return None
