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

libxml2 is always handed UTF-8 that Python decoded (BOM, the caller's HTTP charset, the XML
declaration, else UTF-8: see :mod:`statuskit._encoding`), and told to read it as UTF-8 whatever
the declaration says.  The repairs above (:mod:`statuskit._xmlrepair`) cost a few passes over
the text, so :func:`read_xml` first hands libxml2 the document as it is (when it has no
DOCTYPE) and repairs only what libxml2 refused: a document libxml2 accepts is one none of the
repairs would change, so both ways give the same tree.  :func:`read_xml` is what an adapter with a fallback of its own (the feeds, which hand
malformed feeds to feedparser) calls; :func:`parse_xml` raises on malformed XML.

:func:`feedparser_bytes` prepares a body for the feedparser fallback in the same way, and bounds
the fields feedparser handles in quadratic time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NoReturn

from lxml import etree

from . import _compiled
from ._encoding import sniff_encoding
from ._markup import check_markup
from ._parsers import thread_parser
from ._xmlrepair import drop_encoding, neutralise, strip_doctype
from .limits import ParseContext

if TYPE_CHECKING:
    from ._source import Source

__all__ = [
    "XMLReading",
    "check_tree",
    "feedparser_bytes",
    "neutralise",
    "parse_xml",
    "read_xml",
    "strip_doctype",
    "xml_parser",
]


def xml_parser(*, comments: bool = True, utf8: bool = False) -> etree.XMLParser:
    """This thread's XML parser (lxml parsers must not be shared between threads): entities
    unresolved, no DTD, no network, libxml2's default size and depth bounds, no recovery.
    With ``comments=False`` comments and processing instructions are left out of the tree
    (the feed reader's choice: an entry's text is its text, not its comments); with
    ``utf8=True`` the input is read as UTF-8 whatever encoding its declaration names (for text
    statuskit decoded and encoded again)."""
    return thread_parser(
        ("xml", comments, utf8),
        lambda: etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            huge_tree=False,
            recover=False,
            collect_ids=False,
            remove_blank_text=False,
            remove_comments=not comments,
            remove_pis=not comments,
            encoding="utf-8" if utf8 else None,
        ),
    )


# -- parsing --------------------------------------------------------------------------------


_LIBXML2_DEPTH = 256
"""libxml2's own nesting bound without ``huge_tree`` (which statuskit never sets)."""


@lru_cache(maxsize=16)
def _too_deep(limit: int) -> etree.XPath:
    # an element `limit` steps below the root sits at depth limit + 1
    return etree.XPath("boolean(" + "/".join(["*"] * limit) + ")")


@lru_cache(maxsize=16)
def _crowded(limit: int) -> etree.XPath:
    return etree.XPath(f"boolean(descendant-or-self::*[count(@*) > {limit}])")


def check_tree(
    root: etree._Element, ctx: ParseContext, path: str | None = None, *, attributes: bool = True
) -> None:
    """Raise :class:`~statuskit.InputLimitError` when the tree under *root* nests deeper than
    ``max_depth`` or (*attributes*) an element has more than ``max_attributes`` attributes
    (XPath, in C)."""
    limits = ctx.limits
    deeper = _compiled.deeper_than
    if limits.max_depth < _LIBXML2_DEPTH and (
        _too_deep(limits.max_depth)(root) if deeper is None else deeper(root, limits.max_depth)
    ):
        ctx.over_limit("max_depth", f"markup nested deeper than max_depth={limits.max_depth}", path)
    if attributes and _crowded(limits.max_attributes)(root):
        ctx.over_limit(
            "max_attributes",
            f"an element has more than max_attributes={limits.max_attributes} attributes",
            path,
        )


class XMLReading:
    """What :func:`read_xml` made of a document."""

    __slots__ = ("_raw", "_text", "error", "root")

    def __init__(
        self,
        root: etree._Element | None,
        error: etree.XMLSyntaxError | None,
        text: str | None,
        raw: bytes = b"",
    ) -> None:
        self.root = root
        """The root element; None when the document is not well-formed XML."""
        self.error = error
        """libxml2's refusal of the repaired document (None when it was read)."""
        self._text = text
        self._raw = raw

    @property
    def text(self) -> str:
        """The document as libxml2 was last handed it: decoded (as UTF-8, whatever its
        declaration says), and repaired (DOCTYPE removed, references fixed, declared encoding
        dropped) when it needed to be.  Line numbers are those of the input.  This is what a
        fallback parser should read (through :func:`feedparser_bytes`)."""
        if self._text is None:
            # bytes libxml2 read as they were: UTF-8 it accepted
            self._text = self._raw.decode("utf-8", "replace")
        return self._text


def _as_utf8(data: Source | str | bytes) -> bytes | None:
    """*data* as bytes libxml2 may read as they are, or None: bytes that statuskit's rules
    (:func:`~statuskit._encoding.sniff_encoding`: BOM, HTTP charset, declaration) read as
    UTF-8, without a DOCTYPE (libxml2 only knows ``<!DOCTYPE``, spelled so in UTF-8)."""
    if isinstance(data, str):
        return None
    if isinstance(data, bytes):
        raw = data  # read as UTF-8, as documented
    else:
        raw = data.data
        if not raw:
            return None  # given as str: decoded already
        encoding, skip = sniff_encoding(raw[:1024], data.content_type)
        if encoding != "utf-8":
            return None
        if skip:
            raw = raw[skip:]
    return None if b"<!DOCTYPE" in raw else raw


def _decoded(data: Source | str | bytes, ctx: ParseContext) -> str:
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    if isinstance(data, str):
        return data
    return data.text(ctx)


def _too_deep_error(ctx: ParseContext, path: str | None) -> NoReturn:
    limit = ctx.limits.max_depth
    if limit < _LIBXML2_DEPTH:
        ctx.over_limit("max_depth", f"markup nested deeper than max_depth={limit}", path)
    ctx.over_limit(
        "max_depth",
        f"markup nested deeper than libxml2's bound of {_LIBXML2_DEPTH} levels (max_depth={limit})",
        path,
    )


def _parse(
    body: bytes, parser: etree.XMLParser, ctx: ParseContext, path: str | None
) -> etree._Element | etree.XMLSyntaxError:
    """The root of *body*, or libxml2's XMLSyntaxError; nesting past libxml2's own bound (256)
    raises InputLimitError."""
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        if "xcessive depth" in str(exc.msg or exc):
            _too_deep_error(ctx, path)
        # kept as a value: without its traceback, which holds this call's frames and with
        # them the whole document (twice), in a cycle only the garbage collector would free
        return exc.with_traceback(None)


def read_xml(
    data: Source | str | bytes,
    ctx: ParseContext,
    *,
    path: str | None = None,
    comments: bool = True,
) -> XMLReading:
    """The XML document *data* (a Source, decoded text, or bytes read as UTF-8) read safely
    (see the module doc), malformed or not: raises only for a limit exceeded
    (:class:`~statuskit.InputLimitError`) or a DOCTYPE that never ends
    (:class:`~statuskit.ParseError`).  *comments*: see :func:`xml_parser`."""
    # UTF-8 whatever the declaration says (statuskit decoded the text, or found it UTF-8)
    parser = xml_parser(comments=comments, utf8=True)
    checked = False
    # No DOCTYPE: hand libxml2 the document as it is (bytes found UTF-8 untouched, else the
    # decoded text).  What it accepts, no repair of neutralise() would change: libxml2 refuses
    # bytes that are not UTF-8, forbidden characters, bad character references and undeclared
    # entities.  The limits hold all the same.
    raw = _as_utf8(data)
    text: str | None = None
    if raw is None:
        text = _decoded(data, ctx)
        stripped = strip_doctype(text)
        if stripped is not None and stripped[0] is text:
            raw = text.encode("utf-8")
    if raw is not None:
        check_markup(raw, ctx, path=path, xml=True)
        checked = True
        root = _parse(raw, parser, ctx, path)
        if not isinstance(root, etree.XMLSyntaxError):
            # check_markup counted the attributes (namespace declarations too) before parsing
            check_tree(root, ctx, path, attributes=False)
            return XMLReading(root, None, text, raw)
    if text is None:
        text = _decoded(data, ctx)
    text = neutralise(text, ctx, path=path, checked=checked)
    body = text.encode("utf-8")
    root = _parse(body, parser, ctx, path)
    if isinstance(root, etree.XMLSyntaxError):
        _check_depth_past_fault(body, ctx, path)
        return XMLReading(None, root, text)
    check_tree(root, ctx, path, attributes=False)
    return XMLReading(root, None, text)


def _check_depth_past_fault(body: bytes, ctx: ParseContext, path: str | None) -> None:
    """``max_depth`` for a document libxml2 refused, so that it holds for whatever reads it
    next (a fallback parser): libxml2 stopped at the fault, and nothing says what follows it
    is shallow.  The nesting is measured on the tree libxml2's recovery builds, which is only
    measured and then dropped (never read: recovery silently drops what it cannot place)."""
    parser = _recovering_parser()
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return  # nothing recoverable: nothing nested either
    if any("xcessive depth" in (e.message or "") for e in parser.error_log):
        _too_deep_error(ctx, path)
    if root is not None:
        check_tree(root, ctx, path, attributes=False)


def _recovering_parser() -> etree.XMLParser:
    # as safe as xml_parser(), recovering: for _check_depth_past_fault only
    return thread_parser(
        "xml-recovering",
        lambda: etree.XMLParser(
            recover=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            collect_ids=False,
            remove_comments=True,
            remove_pis=True,
            encoding="utf-8",
        ),
    )


def parse_xml(
    data: Source | str | bytes,
    ctx: ParseContext,
    *,
    path: str | None = None,
    comments: bool = True,
) -> etree._Element:
    """The root element of the XML document *data* (a Source, decoded text, or bytes read as
    UTF-8), parsed safely (see the module doc).  *path* says where the document sits when it
    is part of a larger input (an XML string inside JSON).  Malformed XML raises
    :class:`~statuskit.ParseError` with the line and column of the fault."""
    reading = read_xml(data, ctx, path=path, comments=comments)
    if reading.root is None:
        exc = reading.error
        assert exc is not None
        where = path or f"line {exc.lineno} column {exc.offset}"
        ctx.fail(f"malformed XML: {exc.msg or exc}", where)
    return reading.root


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
    data: Source | str | XMLReading,
    ctx: ParseContext,
    *,
    max_bytes: int = FEEDPARSER_MAX_BYTES,
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

    Given the :class:`XMLReading` of a document libxml2 refused, the repairs are not made (and
    reported) twice: its text has had them.

    feedparser reads about a MiB a second, so bodies over *max_bytes* (3 MiB) raise
    ``InputLimitError(limit="max_bytes")``: a fallback that size would break the 5-second
    bound on any input.
    """
    if isinstance(data, XMLReading):
        text = drop_encoding(data.text)  # a document libxml2 accepted kept its declaration
    else:
        text = data if isinstance(data, str) else data.text(ctx)
    if len(text) > max_bytes:
        ctx.over_limit("max_bytes", f"more than {max_bytes} characters for feedparser")
    if not isinstance(data, XMLReading):
        text = neutralise(text, ctx)
    if _AUTHORISH.search(text) is not None:
        text, cut = _AUTHORISH.subn(r"\1\2", text)
        ctx.warn(f"{cut} author or e-mail field(s) cut to {_FIELD} characters")
    opened = text.count(_ESCAPED_COMMENT)
    if opened and opened > text.count("--&gt;"):
        text = text.replace(_ESCAPED_COMMENT, "&lt;!- -")
        ctx.warn(f"{opened} escaped comment(s) that never close opened up")
    return text.encode("utf-8")
