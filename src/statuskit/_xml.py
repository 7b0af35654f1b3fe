"""Safe XML parsing for adapters: feeds, Atom, RSS, any XML a status page serves.

:func:`parse_xml` is the one way statuskit reads XML.  Whatever the input:

* no entity is ever expanded, no DTD loaded, nothing fetched from the network or read from
  disk, no XInclude processed (lxml only does so when asked, and statuskit never asks);
* a DOCTYPE is removed before parsing, so an internal subset (billion laughs, external
  entities pointing at ``/etc/passwd`` or ``http://``, attribute defaults) is never obeyed, only
  reported; a reference to an entity the page declared is then kept as text;
* HTML's named entities (``&nbsp;``, ``&eacute;``, which feeds use without declaring) read as
  their characters; unknown ones are kept as text, with a warning;
* character references to characters XML cannot hold (``&#x110000;``, ``&#xD800;``,
  ``&#99999999999;``, ``&#0;``) and raw characters XML forbids read as U+FFFD, with a warning;
* more than ``Limits.max_attributes`` attributes on one element is refused before parsing, and
  nesting beyond ``Limits.max_depth`` after it (libxml2 itself stops at 256), both as
  :class:`~statuskit.InputLimitError`;
* malformed XML is a :class:`~statuskit.ParseError` with line and column: never ``recover=True``,
  which silently drops what follows the fault.

:func:`feedparser_bytes` prepares a body for the feedparser fallback in the same way, and bounds
the fields feedparser handles in quadratic time.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html.entities import html5
from typing import TYPE_CHECKING

from lxml import etree

from ._markup import check_markup, fix_char_refs, fix_xml_chars
from .limits import ParseContext

if TYPE_CHECKING:
    from ._source import Source

__all__ = [
    "check_tree",
    "feedparser_bytes",
    "neutralise",
    "parse_xml",
    "strip_doctype",
    "xml_parser",
]

_local = threading.local()


def xml_parser() -> etree.XMLParser:
    """This thread's XML parser (lxml parsers must not be shared between threads): entities
    unresolved, no DTD, no network, libxml2's default size and depth bounds, no recovery."""
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            huge_tree=False,
            recover=False,
            collect_ids=False,
            remove_blank_text=False,
        )
        _local.parser = parser
    return parser


# -- the prolog -----------------------------------------------------------------------------

_DECL = re.compile(r"^\s*<\?xml\s[^>]{0,300}?\?>")
_ENCODING_ATTR = re.compile(r"""\s+encoding\s*=\s*(?:"[^"]*"|'[^']*')""")
_PROLOG_STEP = re.compile(r"\s*(<\?|<!--|<!DOCTYPE|<!doctype)")
_SUBSET_TOKEN = re.compile(r"""["'\[\]>]|<!--|<\?""")


def strip_doctype(text: str) -> tuple[str, bool] | None:
    """*text* without its DOCTYPE declaration, and whether it had an internal subset; None when
    the DOCTYPE never ends.  Only the prolog is looked at; linear in its length."""
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
            return text[: m.start(1)] + text[end:], subset


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


def neutralise(text: str, ctx: ParseContext, *, path: str | None = None) -> str:
    """*text* (a whole XML document) made safe for :func:`xml_parser`, with a warning for each
    repair; raises :class:`~statuskit.InputLimitError` for an element with too many
    attributes and :class:`~statuskit.ParseError` for a DOCTYPE that never ends."""
    decl = _DECL.match(text)
    if decl is not None and "encoding" in decl.group(0):
        # the text is decoded already: an encoding declaration would make lxml decode it again
        text = text[: decl.start()] + _ENCODING_ATTR.sub("", decl.group(0)) + text[decl.end() :]
    stripped = strip_doctype(text)
    if stripped is None:
        ctx.fail("DOCTYPE declaration never ends", path)
    text, subset = stripped
    if subset:
        ctx.warn("DOCTYPE internal subset ignored (statuskit never expands entities)", path)
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


# -- parsing --------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _too_deep(limit: int) -> etree.XPath:
    # an element `limit` steps below the root sits at depth limit + 1
    return etree.XPath("boolean(" + "/".join(["*"] * limit) + ")")


@lru_cache(maxsize=16)
def _crowded(limit: int) -> etree.XPath:
    return etree.XPath(f"boolean(descendant-or-self::*[count(@*) > {limit}])")


def check_tree(root: etree._Element, ctx: ParseContext, path: str | None = None) -> None:
    """Raise :class:`~statuskit.InputLimitError` when the tree under *root* nests deeper than
    ``max_depth`` or an element has more than ``max_attributes`` attributes (XPath, in C)."""
    limits = ctx.limits
    if limits.max_depth < 256 and _too_deep(limits.max_depth)(root):
        ctx.over_limit("max_depth", f"markup nested deeper than max_depth={limits.max_depth}", path)
    if _crowded(limits.max_attributes)(root):
        ctx.over_limit(
            "max_attributes",
            f"an element has more than max_attributes={limits.max_attributes} attributes",
            path,
        )


def parse_xml(
    data: Source | str | bytes, ctx: ParseContext, *, path: str | None = None
) -> etree._Element:
    """The root element of the XML document *data* (a Source, decoded text, or bytes read as
    UTF-8), parsed safely (see the module doc).  *path* says where the document sits when it
    is part of a larger input (an XML string inside JSON)."""
    if isinstance(data, bytes):
        text = data.decode("utf-8", "replace")
    elif isinstance(data, str):
        text = data
    else:
        text = data.text(ctx)
    text = neutralise(text, ctx, path=path)
    try:
        root = etree.fromstring(text.encode("utf-8"), xml_parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc)
        if "xcessive depth" in message:
            ctx.over_limit(
                "max_depth", f"markup nested deeper than max_depth={ctx.limits.max_depth}", path
            )
        where = path or f"line {exc.lineno} column {exc.offset}"
        ctx.fail(f"malformed XML: {message}", where)
    check_tree(root, ctx, path)
    return root


# -- feedparser ---------------------------------------------------------------------------

_FIELD = 256
_AUTHORISH = re.compile(
    r"(<(?:[\w.-]{1,32}:)?(?:author|managingEditor|webMaster|creator|contributor|publisher"
    r"|email|name)\b[^<>]{0,512}>)([^<]{" + str(_FIELD) + r"})[^<]+"
)
_ESCAPED_COMMENT = "&lt;!--"


FEEDPARSER_MAX_BYTES = 3 * 1024 * 1024
"""feedparser reads about one MiB a second: larger bodies are refused for it."""


def feedparser_bytes(
    data: Source | str, ctx: ParseContext, *, max_bytes: int = FEEDPARSER_MAX_BYTES
) -> bytes:
    """The body prepared for feedparser, to be handed over as ``io.BytesIO`` (never as str or
    bytes, which feedparser may take for a path or URL and open)::

        feedparser.parse(io.BytesIO(feedparser_bytes(source, ctx)),
                         sanitize_html=False, resolve_relative_uris=False)

    Repairs as :func:`neutralise` (DOCTYPE gone, entities and character references made
    harmless: feedparser raises ValueError, OverflowError, UnicodeEncodeError or re.error on
    them) and bounds feedparser's quadratic paths: author and e-mail fields are cut to 256
    characters, and escaped comments that never close (``&lt;!--``) are opened up.  Its HTML
    sanitizer is the other quadratic path: keep ``sanitize_html=False`` (statuskit never
    renders bodies; it keeps them as published and as plain text).

    feedparser reads about a MiB a second, so bodies over *max_bytes* (3 MiB) raise
    ``InputLimitError(limit="max_bytes")``: a fallback that size would break the 5-second
    bound on any input.
    """
    text = data if isinstance(data, str) else data.text(ctx)
    if len(text) > max_bytes:
        ctx.over_limit("max_bytes", f"more than {max_bytes} characters for feedparser")
    text = neutralise(text, ctx)
    if _AUTHORISH.search(text) is not None:
        text, cut = _AUTHORISH.subn(r"\1\2", text)
        ctx.warn(f"{cut} author or e-mail field(s) cut to {_FIELD} characters")
    opened = text.count(_ESCAPED_COMMENT)
    if opened and opened > text.count("--&gt;"):
        text = text.replace(_ESCAPED_COMMENT, "&lt;!- -")
        ctx.warn(f"{opened} escaped comment(s) that never close opened up")
    return text.encode("utf-8")
