"""The repairs made to an XML document's text before libxml2 sees it (see :mod:`._xml`).

* :func:`strip_doctype`: the DOCTYPE goes (an internal subset is never obeyed: billion laughs,
  external entities, parameter entities, attribute defaults), its line breaks stay;
* the declared encoding goes from the XML declaration (the text is decoded already);
* HTML's named entities become numeric references, unknown names text (``&amp;name;``);
* character references and raw characters XML cannot hold become U+FFFD (:mod:`._markup`).

:func:`neutralise` makes them all, each reported as a warning (HTML's entities excepted: feeds
use them without declaring them, and they read as what they mean), and checks the markup's
bounds (:func:`~statuskit._markup.check_markup`) before any parser sees it.
"""

from __future__ import annotations

import re
from html.entities import html5

from ._markup import check_markup, fix_char_refs, fix_xml_chars
from .limits import ParseContext

__all__ = ["drop_encoding", "neutralise", "strip_doctype"]


# -- the prolog -----------------------------------------------------------------------------

_DECL = re.compile(r"^\s*<\?xml\s[^>]{0,300}?\?>")
_ENCODING_ATTR = re.compile(r"""\s+encoding\s*=\s*(?:"[^"]*"|'[^']*')""")
_PROLOG_STEP = re.compile(r"\s*(<\?|<!--|<!DOCTYPE|<!doctype)")
_SUBSET_TOKEN = re.compile(r"""["'\[\]>]|<!--|<\?""")


def strip_doctype(text: str) -> tuple[str, bool] | None:
    """*text* without its DOCTYPE declaration, and whether it had an internal subset; None when
    the DOCTYPE never ends.  Only the prolog is looked at; linear in its length.  The
    declaration's line breaks stay (as whitespace in the prolog), so that line numbers in
    parser errors still point into the document as published.  Without a DOCTYPE, *text* itself
    is returned."""
    pos = 0
    while True:
        m = _PROLOG_STEP.match(text, pos)
        if m is None:
            return text, False
        token = m.group(1)
        if token == "<?":
            end = text.find("?>", m.end())
            if end < 0:
                return text, False  # the parser reports it
            pos = end + 2
        elif token == "<!--":
            end = text.find("-->", m.end())
            if end < 0:
                return text, False
            pos = end + 3
        else:
            end, subset = _doctype_end(text, m.end())
            if end < 0:
                return None
            lines = "\n" * text.count("\n", m.start(1), end)
            return text[: m.start(1)] + lines + text[end:], subset


def _doctype_end(text: str, pos: int) -> tuple[int, bool]:
    """Index just past the DOCTYPE's closing ">" (or -1), and whether it had a subset."""
    depth = 0
    subset = False
    while True:
        m = _SUBSET_TOKEN.search(text, pos)
        if m is None:
            return -1, subset
        token = m.group(0)
        if token in ('"', "'"):
            end = text.find(token, m.end())
            if end < 0:
                return -1, subset
            pos = end + 1
        elif token == "[":
            depth += 1
            subset = True
            pos = m.end()
        elif token == "]":
            depth = max(depth - 1, 0)
            pos = m.end()
        elif token == ">":
            if depth == 0:
                return m.end(), subset
            pos = m.end()
        else:  # a comment or processing instruction inside the subset
            closing = "-->" if token == "<!--" else "?>"
            end = text.find(closing, m.end())
            if end < 0:
                return -1, subset
            pos = end + len(closing)


# -- entities -------------------------------------------------------------------------------

_NAMED_HINT = re.compile(r"&(?!(?:lt|gt|amp|quot|apos);)[A-Za-z_:]")
# CDATA sections and comments are matched whole (to be copied untouched; unterminated ones run
# to the end, so the pass never backtracks), entity references by name.
_ENTITY_STEP = re.compile(
    r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)|&([A-Za-z_:][\w.:-]{0,63});", re.S
)
_PREDEFINED = {n: f"&{n};" for n in ("lt", "gt", "amp", "quot", "apos")}


def _fix_entities(text: str) -> tuple[str, list[str]]:
    """Named entity references other than XML's five, outside CDATA and comments: HTML's as
    numeric references, others escaped as text.  Returns (text, unknown names)."""
    if _NAMED_HINT.search(text) is None:
        return text, []
    unknown: list[str] = []
    known = dict(_PREDEFINED)

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name is None:
            return m.group(0)
        found = known.get(name)
        if found is None:
            chars = html5.get(name + ";")
            if chars is None:
                unknown.append(name)
                return "&amp;" + name + ";"
            found = known[name] = "".join(f"&#{ord(c)};" for c in chars)
        return found

    return _ENTITY_STEP.sub(repl, text), unknown


def drop_encoding(text: str) -> str:
    """*text* without the encoding of its XML declaration: the text is decoded already, and a
    declared encoding would make libxml2 decode the UTF-8 it is handed again."""
    decl = _DECL.match(text)
    if decl is not None and "encoding" in decl.group(0):
        return text[: decl.start()] + _ENCODING_ATTR.sub("", decl.group(0)) + text[decl.end() :]
    return text


def neutralise(
    text: str, ctx: ParseContext, *, path: str | None = None, checked: bool = False
) -> str:
    """*text* (a whole XML document) made safe for :func:`xml_parser`, with a warning for each
    repair; raises :class:`~statuskit.InputLimitError` for too many elements or an element with
    too many attributes (*checked*: :func:`~statuskit._markup.check_markup` already ran on this
    text) and :class:`~statuskit.ParseError` for a DOCTYPE that never ends."""
    text = drop_encoding(text)
    stripped = strip_doctype(text)
    if stripped is None:
        ctx.fail("DOCTYPE declaration never ends", path)
    text, subset = stripped
    if subset:
        ctx.warn("DOCTYPE internal subset ignored (statuskit never expands entities)", path)
    if not checked:
        check_markup(text, ctx, path=path, xml=True)
    text, bad_chars = fix_xml_chars(text)
    if bad_chars:
        ctx.warn(f"{bad_chars} character(s) XML forbids replaced by U+FFFD", path)
    text, bad_refs = fix_char_refs(text)
    if bad_refs:
        ctx.warn(f"{bad_refs} invalid character reference(s) replaced by U+FFFD", path)
    text, unknown = _fix_entities(text)
    if unknown:
        names = ", ".join(f"&{n};" for n in dict.fromkeys(unknown[:5]))
        ctx.warn(f"{len(unknown)} undeclared entity reference(s) kept as text ({names})", path)
    return text
