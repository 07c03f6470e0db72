"""Nesting limits of a design's template, checked before Jinja parses or compiles it.

Jinja parses nested blocks and parentheses by recursion and compiles a template to Python
code whose nesting follows the template's: 2000 nested `{% if %}` or 100 parentheses exceed
Python's recursion limit while parsing, 21 nested `{% for %}` exceed Python's limit of 20
nested loops when compiling, and a long chain of operators or filters exceeds it when
generating code. Each would be a RecursionError or SyntaxError (a 500) instead of a problem
the author can fix, so the token stream is checked first (blocks, brackets, unary operators:
what the parser recurses on), then the parsed tree (what the code generator recurses on).
Each limit is far above what a certificate needs, and the problem names the line.
"""

from __future__ import annotations

from jinja2 import nodes

from ..exceptions import DesignProblem

# Blocks ({% if %}, {% for %}, {% macro %}...) inside one another: a certificate uses 2 or 3.
MAX_BLOCK_NESTING = 12
# Parentheses, brackets and braces inside one another, and unary operators in a row.
MAX_BRACKET_NESTING = 20
# Depth of the parsed tree (statements and expressions): what the code generator recurses on.
MAX_TREE_DEPTH = 120

_OPENING_STATEMENTS = frozenset({"for", "if", "macro", "call", "filter", "with", "autoescape", "set", "block"})
_OPENING_BRACKETS = frozenset({"lparen", "lbracket", "lbrace"})
_CLOSING_BRACKETS = frozenset({"rparen", "rbracket", "rbrace"})
_UNARY = frozenset({"sub", "add"})


def token_nesting_problem(tokens) -> DesignProblem | None:
    """The first place where blocks, brackets or unary operators nest past the limits, else None.

    ``tokens`` is Jinja's token stream of the template (``environment.lexer.tokenize``): lexing
    is flat, so this runs before the recursive parser ever sees the template.
    """
    blocks = brackets = unary_run = 0
    tokens = list(tokens)
    for index, token in enumerate(tokens):
        if token.type == "block_begin" and index + 1 < len(tokens) and tokens[index + 1].type == "name":
            keyword = tokens[index + 1].value
            if keyword in _OPENING_STATEMENTS and not (keyword == "set" and _assigns(tokens, index + 1)):
                blocks += 1
                if blocks > MAX_BLOCK_NESTING:
                    return DesignProblem(
                        f"blocks are nested more than {MAX_BLOCK_NESTING} deep ({{% {keyword} %}} inside"
                        f" {MAX_BLOCK_NESTING} other blocks)", line=token.lineno)
            elif keyword.startswith("end"):
                blocks = max(blocks - 1, 0)
        if token.type in _OPENING_BRACKETS:
            brackets += 1
            if brackets > MAX_BRACKET_NESTING:
                return DesignProblem(
                    f"parentheses or brackets are nested more than {MAX_BRACKET_NESTING} deep", line=token.lineno)
        elif token.type in _CLOSING_BRACKETS:
            brackets = max(brackets - 1, 0)
        elif token.type in ("variable_end", "block_end"):
            brackets = 0
        if token.type in _UNARY or (token.type == "name" and token.value == "not"):
            unary_run += 1
            if unary_run > MAX_BRACKET_NESTING:
                return DesignProblem(
                    f"more than {MAX_BRACKET_NESTING} operators in a row ('not', '-' or '+')", line=token.lineno)
        else:
            unary_run = 0
    return None


def _assigns(tokens, start: int) -> bool:
    """True for `{% set x = ... %}` (one statement), False for the block form `{% set x %}...{% endset %}`."""
    for token in tokens[start:]:
        if token.type == "block_end":
            return False
        if token.type == "assign":
            return True
    return False


def tree_depth_problem(tree: nodes.Template) -> DesignProblem | None:
    """The first node deeper than MAX_TREE_DEPTH in the parsed template, else None.

    Walked with an explicit stack: a recursive walk would fail on the very trees it looks for.
    """
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            return DesignProblem(
                "this expression is too deeply nested (too many operators, filters or attributes"
                " inside one another): split it with {% set %}", line=getattr(node, "lineno", None))
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return None


def unclosed_block_line(tokens, block: str) -> int | None:
    """The line of the innermost ``{% block %}`` (e.g. "if") left open at the template's end, else None.

    Jinja reports a block never closed at the line where the template ends; the author needs
    the line where it was opened.
    """
    tokens = list(tokens)
    opened: list[tuple[str, int]] = []
    for index, token in enumerate(tokens):
        if token.type != "block_begin" or index + 1 >= len(tokens) or tokens[index + 1].type != "name":
            continue
        keyword = tokens[index + 1].value
        if keyword in _OPENING_STATEMENTS and not (keyword == "set" and _assigns(tokens, index + 1)):
            opened.append((keyword, token.lineno))
        elif keyword.startswith("end") and opened:
            opened.pop()
    return next((line for keyword, line in reversed(opened) if keyword == block), None)
