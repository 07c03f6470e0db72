"""A design problem as a whole sentence in the page's language (docs/decisions/0117).

The rendering layer is pure (no Django, no gettext) and describes each problem in English, the
language of the REST API, the logs and the command line. The editor page translates them here:
each known English message, Jinja's own syntax errors included, is matched by a pattern and
rewritten as a translated sentence with its names kept. A message no pattern knows (a Jinja
syntax error of a rare kind, WeasyPrint's own failure) becomes a translated sentence that quotes
the English detail, so a page never mixes a translated "Line 2:" with an English clause.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

# Most specific first; each pattern is matched against the whole English message.
_SYNTAX = "syntax error: "
_SYNTAX_SENTENCES = (
    (r".*Encountered unknown tag '(?P<tag>end\w*)'.*The innermost block that needs to be closed is '(?P<block>\w+)'.*",
     _("{%% %(tag)s %%} does not close the open {%% %(block)s %%} block: close it with {%% end%(block)s %%}.")),
    (r".*The innermost block that needs to be closed is '(?P<block>\w+)'.*",
     _("the {%% %(block)s %%} block is never closed: add {%% end%(block)s %%} where it ends.")),
    (r"Encountered unknown tag '(?P<tag>[^']+)'.*",
     _("{%% %(tag)s %%} is not a tag designs can use (or a block it closes was never opened).")),
    (r"unexpected end of template, expected 'end of print statement'.*",
     _("a {{ placeholder }} is not closed: add }} after it.")),
    (r"unexpected end of template, expected 'end of statement block'.*",
     _("a {%% tag %%} is not closed: add %%} after it.")),
    (r"unexpected end of template.*", _("the template ends in the middle of a {{ placeholder }} or {%% tag %%}.")),
    (r"expected token 'end of print statement', got '(?P<got>[^']*)'",
     _("a {{ placeholder }} has '%(got)s' where }} should close it.")),
    (r"expected token 'end of statement block', got '(?P<got>[^']*)'",
     _("a {%% tag %%} has '%(got)s' where %%} should close it.")),
    (r"Expected an expression, got 'end of print statement'|unexpected 'end of print statement'",
     _("a {{ placeholder }} is empty or its expression is unfinished.")),
    (r"Expected an expression, got 'end of statement block'|unexpected 'end of statement block'",
     _("a {%% tag %%} is missing its expression or its expression is unfinished.")),
    (r"Expected an expression, got '(?P<got>[^']*)'", _("an expression is missing before '%(got)s'.")),
    (r"No filter named '(?P<name>[^']+)'\.?", _("there is no filter named '%(name)s'.")),
    (r"No test named '(?P<name>[^']+)'\.?", _("there is no test named '%(name)s'.")),
    (r"the template is too complex to compile.*", _("the template is too complex to compile.")),
    (r"the template is nested too deeply", _("the template is nested too deeply.")),
    (r"unexpected char (?P<char>.+?) at \d+", _("the character %(char)s cannot be used here.")),
    (r"unexpected '(?P<got>[^']*)'", _("'%(got)s' is not expected here.")),
    (r"unexpected (?P<got>.+)", _("%(got)s is not expected here.")),
)
_SENTENCES = (
    (r"unknown placeholder '(?P<name>[^']+)'",
     _("'%(name)s' is not a placeholder: use one of those listed beside the editor.")),
    (r"attribute '(?P<name>[^']+)' is not allowed", _("the attribute '%(name)s' is not allowed.")),
    (r"asset\(\) takes one asset name.*",
     _('asset() takes exactly one file name, for example asset("background.jpg").')),
    (r"unknown asset '(?P<name>[^']+)'.*",
     _("there is no uploaded file named '%(name)s': upload it or correct the name.")),
    (r"a design cannot include, import or extend other templates",
     _("a design cannot include, import or extend other templates.")),
    (r"@font-face src: local\(\) is not supported.*",
     _("fonts from local() cannot be used: upload the font file, or name an installed font in font-family.")),
    (r'asset\("(?P<name>[^"]*)"\) does not work in the CSS.*',
     _('asset("%(name)s") does not work in the CSS: write url("asset:%(name)s") instead.')),
    (r"'(?P<name>[^']+)' is (?P<size>[\d.]+ MB), more than the (?P<limit>[\d.]+ MB) limit",
     _("'%(name)s' is %(size)s, more than the %(limit)s a file may have.")),
    (r"'(?P<name>[^']+)' is more than the (?P<limit>[\d.]+ MB) limit",
     _("'%(name)s' is more than the %(limit)s a file may have.")),
    (r"two assets are named '(?P<name>[^']+)'", _("two files are named '%(name)s'.")),
    (r"an asset has no file name", _("a file has no name.")),
    (r"'(?P<name>[^']+)' is not an image .*",
     _("'%(name)s' is not an image (PNG, JPEG, GIF, WebP, SVG) or a font (TTF, OTF, WOFF, WOFF2).")),
    (r"'(?P<name>[^']+)' is (?P<size>\d+x\d+) pixels, too large to print \(at most (?P<most>\d+) million pixels\)",
     _("'%(name)s' is %(size)s pixels, too large to print (at most %(most)s million pixels).")),
    (r"'(?P<name>[^']+)' is an SVG with XML entities, which are not allowed",
     _("'%(name)s' is an SVG with XML entities, which are not allowed.")),
    (r"the URL '(?P<url>.+)' is not allowed: there is no uploaded asset named '(?P<name>.+)'",
     _("there is no uploaded file named '%(name)s'.")),
    (r"the URL '(?P<url>.+)' is not allowed: relative URLs are not resolved.*",
     _('the address \'%(url)s\' cannot be used: upload the file and write asset("its name").')),
    (r"the URL '(?P<url>.+)' is not allowed: designs cannot read files.*",
     _("the address '%(url)s' cannot be used: designs cannot read files; upload it instead.")),
    (r"the URL '(?P<url>.+)' is not allowed: malformed data: URI",
     _("the data: address '%(url)s' is malformed.")),
    (r"the URL '(?P<url>.+)' is not allowed: .*",
     _("the address '%(url)s' cannot be used: designs may only use their uploaded files and data: addresses.")),
    (r"attachments are not allowed \(rel=\"attachment\" to '(?P<url>.+)'\)",
     _("attachments are not allowed (rel=\"attachment\" to '%(url)s').")),
    (r"building a text of (?P<length>[\d,]+) characters is not allowed \(at most (?P<most>[\d,]+)\)",
     _("building a text of %(length)s characters is not allowed (at most %(most)s).")),
    (r"building a list of (?P<length>[\d,]+) items is not allowed \(at most (?P<most>[\d,]+)\)",
     _("building a list of %(length)s items is not allowed (at most %(most)s).")),
    (r"a format width or precision above (?P<most>\d+) is not allowed",
     _("a format width or precision above %(most)s is not allowed.")),
    (r"str\.(?P<name>\w+)\(\) is not allowed in a design", _("str.%(name)s() is not allowed in a design.")),
    (r"a number that large is not allowed|an exponent that large is not allowed",
     _("a number that large is not allowed.")),
    (r"formatting text with % is not allowed", _("formatting text with %% is not allowed.")),
    (r"the design produces more than 16 MB of HTML", _("the design produces more than 16 MB of HTML.")),
    (r"filling in the design took more than (?P<seconds>[\d.]+) seconds.*",
     _("filling in the design took more than %(seconds)s seconds (a loop or a macro that runs too long?).")),
    (r"a macro calls itself too many times", _("a macro calls itself too many times.")),
    (r"blocks are nested more than (?P<most>\d+) deep.*", _("blocks are nested more than %(most)s deep.")),
    (r"parentheses or brackets are nested more than (?P<most>\d+) deep",
     _("parentheses or brackets are nested more than %(most)s deep.")),
    (r"more than (?P<most>\d+) operators in a row.*", _("more than %(most)s operators are written in a row.")),
    (r"this expression is too deeply nested.*",
     _("this expression is nested too deeply: split it with {%% set %%}.")),
    (r"the trial render with sample data exceeded .*",
     _("the trial render with sample data took too long or too much memory: simplify the design "
       "(fewer elements or loops, smaller images).")),
    (r"unknown page size .*", _("choose a page size from the list.")),
    (r"unknown orientation .*", _("choose an orientation from the list.")),
)
_SYNTAX_PATTERNS = tuple((re.compile(pattern, re.DOTALL), sentence) for pattern, sentence in _SYNTAX_SENTENCES)
_PATTERNS = tuple((re.compile(pattern, re.DOTALL), sentence) for pattern, sentence in _SENTENCES)

_FIELD_NAMES = {"html": _("HTML"), "css": _("CSS")}


def problem_sentence(message: str) -> str:
    """The English ``message`` of a DesignProblem as a sentence in the active language (no line)."""
    if message.startswith(_SYNTAX):
        detail = message[len(_SYNTAX):]
        for pattern, sentence in _SYNTAX_PATTERNS:
            found = pattern.fullmatch(detail)
            if found:
                return _("the template has a syntax error: %(sentence)s") % {
                    "sentence": str(sentence) % found.groupdict()}
        return _("the template has a syntax error (the template engine says: “%(detail)s”).") % {"detail": detail}
    for pattern, sentence in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            return str(sentence) % found.groupdict()
    return _("the design could not be used (the renderer says: “%(detail)s”).") % {"detail": message}


def located_sentence(message: str, *, line: int | None, field: str) -> str:
    """The whole sentence shown next to a field: "Line 3 of the HTML: ..." in the page's language."""
    sentence = problem_sentence(message)
    if line and field in _FIELD_NAMES:
        return _("Line %(line)s of the %(field)s: %(sentence)s") % {
            "line": line, "field": _FIELD_NAMES[field], "sentence": sentence}
    if line:
        return _("Line %(line)s: %(sentence)s") % {"line": line, "sentence": sentence}
    return sentence[:1].upper() + sentence[1:]
