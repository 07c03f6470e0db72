"""Bounds on every way a template can build a long text or list, checked before it is built.

A template's inputs are short (a learner's name, a title, the template itself), so a value can
only become huge by growing: repeated (`*`), joined (`~`, `+`, `join`), padded (`center`,
`ljust`, `rjust`, `zfill`, format widths), expanded (`expandtabs`, `replace`). Each of these is
checked here against the size of what it would build, before Python allocates it: a check made
only when a call starts (the fill time limit) comes too late once one call allocates gigabytes.
Operations that grow a value by a small factor (escaping, `upper`, `urlencode`) are checked on
their result, so that applying them again and again (a macro calling itself) is bounded too.
See docs/decisions/0060-bounded-growth-and-nesting.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps

from jinja2.exceptions import SecurityError

# Longest text, or list, one operation of a template may build (a macro's output included). A
# whole certificate's HTML is a few kilobytes; the filled-in output is capped separately
# (sandbox.MAX_OUTPUT_CHARS).
MAX_BUILT_LENGTH = 1_000_000
# Largest width or precision in a str.format field ("{:>1000}"): enough for any layout.
MAX_FORMAT_NUMBER = 1000
_SPEC_NUMBER = re.compile(r"\d+")
# str methods whose first argument is the width of the result.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
# str methods a template never needs and whose growth depends on a table it builds.
_REFUSED_METHODS = frozenset({"translate", "maketrans"})


class TooLarge(SecurityError):
    """A template tried to build a text or list longer than MAX_BUILT_LENGTH."""


def refuse_if_longer(length: int, what: str = "text") -> None:
    if length > MAX_BUILT_LENGTH:
        unit = "characters" if what == "text" else "items"
        raise TooLarge(f"building a {what} of {length:,} {unit} is not allowed (at most {MAX_BUILT_LENGTH:,})")


def _is_sized(value) -> bool:
    return isinstance(value, (str, list, tuple, dict))


def check_result(value):
    """Refuse a text, list or mapping that has grown past the bound; return it otherwise."""
    if _is_sized(value):
        refuse_if_longer(len(value), "text" if isinstance(value, str) else "list")
    return value


def check_repeat(sequence, count) -> None:
    """`sequence * count` for a text or list."""
    if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
        refuse_if_longer(len(sequence) * max(count, 0), "text" if isinstance(sequence, str) else "list")


def check_addition(left, right) -> None:
    """`left + right` for texts or lists (numbers are bounded by the sandbox's number rules)."""
    if _is_sized(left) and _is_sized(right):
        refuse_if_longer(len(left) + len(right), "text" if isinstance(left, str) else "list")


def check_method_call(method, args: tuple, kwargs: dict) -> tuple:
    """Before a str method runs: refuse widths and expansions that would build too much.

    Returns the arguments to call it with (an iterable given to join() is read once, here).
    """
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", "")
    if not isinstance(owner, str):
        return args
    if name in _REFUSED_METHODS:
        raise SecurityError(f"str.{name}() is not allowed in a design")
    if name in _WIDTH_METHODS:
        width = args[0] if args else kwargs.get("width", 0)
        if isinstance(width, int):
            refuse_if_longer(width)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            refuse_if_longer(len(owner) + owner.count("\t") * max(size, 0))
    elif name == "replace":
        check_replace(owner, *args[:3], **kwargs)
    elif name == "join":
        if args:
            items = list(args[0])
            args = (items, *args[1:])
            check_join(owner, items)
    return args


def check_replace(text, old=None, new=None, count=-1, **_ignored) -> None:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    occurrences = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        occurrences = min(occurrences, count)
    refuse_if_longer(len(text) + occurrences * (len(new) - len(old)))


def check_join(separator: str, items: list) -> None:
    refuse_if_longer(len(items), "list")
    size = sum(len(item) for item in items if isinstance(item, str)) + len(separator) * max(len(items) - 1, 0)
    refuse_if_longer(size)


def check_format_spec(format_spec: str) -> None:
    """A str.format field's spec ("{:>20}", "{:.2f}"): no width or precision past the bound."""
    for number in _SPEC_NUMBER.findall(format_spec):
        if len(number) > 6 or int(number) > MAX_FORMAT_NUMBER:
            raise TooLarge(f"a format width or precision above {MAX_FORMAT_NUMBER} is not allowed")


def bounded_filter(function: Callable) -> Callable:
    """A Jinja filter whose result is held to the bound (replace and join also checked before)."""

    @wraps(function)  # keeps Jinja's pass_eval_context / pass_context marker
    def bounded(*args, **kwargs):
        return check_result(function(*args, **kwargs))

    return bounded


def bounded_replace_filter(function: Callable) -> Callable:
    @wraps(function)
    def replace(eval_ctx, value, old, new, count=None):
        check_replace(str(value), str(old), str(new), -1 if count is None else count)
        return check_result(function(eval_ctx, value, old, new, count))

    return replace


def bounded_join_filter(function: Callable) -> Callable:
    @wraps(function)
    def join(eval_ctx, value, d="", attribute=None):
        items = list(value)
        check_join(str(d), [str(item) for item in items] if attribute is None else items)
        return check_result(function(eval_ctx, items, d, attribute))

    return join

