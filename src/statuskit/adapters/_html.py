"""Helpers for adapters that read HTML pages with lxml (fast, no network, bounded).

* :func:`parse_document` decodes the body the way a browser would (byte order mark, then the
  caller's Content-Type charset, then a ``<meta charset>`` in the first KB, then UTF-8) and parses
  it with libxml2's HTML parser: no network, no entities fetched, nesting past ``max_depth``
  (or libxml2's own 256 levels) an :class:`~statuskit.InputLimitError`, plain ``etree``
  elements (several times faster to walk than ``lxml.html``'s).
* :func:`text_of` / :func:`fragment` turn elements back into plain text and published HTML.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from lxml import etree

from .._encoding import text_encoding
from .._markup import check_markup
from .._source import Source, sniff_encoding
from .._text import _walk, clean
from .._xml import check_tree
from ..limits import ParseContext

__all__ = [
    "children_between",
    "class_tokens",
    "first_class",
    "fragment",
    "has_class",
    "iter_classed",
    "parse_document",
    "text_of",
]

_local = threading.local()
_META_CHARSET = re.compile(
    r"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    # lxml parsers keep per-parse state: one per thread (and per input encoding)
    parsers: dict[str | None, etree.HTMLParser] | None = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(encoding)
    if parser is None:
        parser = parsers[encoding] = etree.HTMLParser(
            encoding=encoding, no_network=True, huge_tree=False
        )
    return parser


def _encoding(source: Source) -> tuple[str, int]:
    """The codec of a bytes body and the length of its byte order mark: BOM, Content-Type
    charset, ``<meta charset>`` in the first 2 KB, UTF-8."""
    enc, skip = sniff_encoding(source.data[:4], source.content_type)
    if skip or enc != "utf-8":
        return enc, skip
    declared = _META_CHARSET.search(source.head[:2048])
    if declared is not None:
        name = text_encoding(declared.group(1))
        # UTF-16/32 declared in bytes readable as ASCII cannot be true (HTML says: UTF-8);
        # codecs that are no text encoding, or unsafe ones, are ignored
        if name is not None and not name.startswith(("utf-16", "utf-32")):
            return name, 0
    return "utf-8", 0


def decode(source: Source, ctx: ParseContext) -> str:
    """The body as text, decoded as :func:`_encoding` says; bad bytes replaced, with a warning."""
    if not source.data or source.encoding:  # str input, or already decoded
        return source.text(ctx)
    enc, skip = _encoding(source)
    if enc in ("utf-8", "ascii"):
        return source.text(ctx)
    try:
        return source.data[skip:].decode(enc)
    except UnicodeDecodeError:
        ctx.warn(f"invalid {enc} bytes replaced", "$")
        return source.data[skip:].decode(enc, "replace")


def parse_document(source: Source, ctx: ParseContext) -> etree._Element:
    """The root element of the page; ParseError when there is no document at all.

    A UTF-8 body goes to libxml2 as bytes (it replaces bad bytes itself, and we warn), which
    saves decoding and re-encoding the whole page; other encodings are decoded first."""
    root: etree._Element | None
    if source.data and not source.encoding:
        enc, skip = _encoding(source)
        if enc in ("utf-8", "ascii"):
            body = source.data[skip:] if skip else source.data
            check_markup(body, ctx, path="$")  # libxml2 checks attributes pairwise
            parser = _parser("utf-8")
            try:
                root = etree.fromstring(body, parser)
            except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
                ctx.fail(f"unreadable HTML ({exc})", "$", body[:80])
            if parser.error_log and parser.error_log.filter_types(_BAD_BYTES):
                ctx.warn("invalid utf-8 bytes replaced", "$")
            if root is None:
                ctx.fail("empty HTML document", "$", body[:80])
            _check_depth(root, parser, ctx)
            return root
    text = decode(source, ctx)
    check_markup(text, ctx, path="$")
    if text.startswith("<?xml") or text.lstrip().startswith("<?xml"):
        text = _XML_DECL.sub("", text, count=1)  # lxml refuses declarations in str input
    parser = _parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        ctx.fail(f"unreadable HTML ({exc})", "$", text[:80])
    if root is None:
        ctx.fail("empty HTML document", "$", text[:80])
    _check_depth(root, parser, ctx)
    return root


def _check_depth(root: etree._Element, parser: etree.HTMLParser, ctx: ParseContext) -> None:
    # libxml2 drops what lies deeper than 256 levels and goes on: a page with parts missing is
    # never returned (the same rule as statuskit._html.parse_html, for every HTML adapter)
    if any("xcessive depth" in (e.message or "") for e in parser.error_log):
        ctx.over_limit(
            "max_depth", f"markup nested deeper than max_depth={ctx.limits.max_depth}", "$"
        )
    check_tree(root, ctx, "$", attributes=False)  # attributes were bounded before parsing


_BAD_BYTES = [etree.ErrorTypes.ERR_INVALID_ENCODING]


def class_tokens(el: etree._Element) -> list[str]:
    """The element's class names."""
    value = el.get(b"class")  # bytes: lxml neither encodes nor checks the name
    return value.split() if value else []


def has_class(el: etree._Element, name: str) -> bool:
    """True when *name* is one of the element's class names."""
    value = el.get(b"class")
    return bool(value) and name in value.split()  # type: ignore[union-attr]


def first_class(el: etree._Element, prefix: str) -> str | None:
    """The suffix of the first class name starting with *prefix* ("impact-" -> "major")."""
    for token in class_tokens(el):
        if token.startswith(prefix) and len(token) > len(prefix):
            return token[len(prefix) :]
    return None


def iter_classed(
    root: etree._Element, tag: str, names: Iterable[str]
) -> Iterator[tuple[str, etree._Element]]:
    """Every *tag* element under *root* carrying one of the class *names*, in document order,
    with the (first) matching name."""
    wanted = frozenset(names)
    for el in root.iter(tag):
        value = el.get(b"class")
        if not value:
            continue
        for token in value.split():
            if token in wanted:
                yield token, el
                break


def line(text: str | None) -> str:
    """*text* on one line, runs of whitespace collapsed (None gives "")."""
    if not text:
        return ""
    text = text.strip()
    # printable text has no whitespace but plain spaces: unless two are adjacent, it is
    # already what split-and-join would make of it (and that costs a list per call)
    return text if text.isprintable() and "  " not in text else " ".join(text.split())


def text_of(el: etree._Element | None) -> str:
    """The element's text on one line, runs of whitespace collapsed (None gives "")."""
    if el is None:
        return ""
    if len(el) == 0:  # the common case, and ten times cheaper than serializing
        return line(el.text)
    # one level of children without their own (Statuspage's <var> dates): read them directly
    parts = [el.text or ""]
    for child in el:
        if len(child):
            return " ".join(
                etree.tostring(el, method="text", encoding="unicode", with_tail=False).split()
            )
        if isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def fragment(lead: str, nodes: Sequence[Any], *, lead_mark: str = "") -> tuple[str, str]:
    """The published HTML and the plain text of a run of content: the text *lead*, then the
    sibling elements *nodes* (with their tails; a ``<br>`` may be any object with its ``tag``
    and ``tail``, as the compiled walker gives them).

    Trailing ``<br>`` elements are left out, and so is one leading character of *lead_mark*
    (Statuspage writes "<strong>Resolved</strong> - body")."""
    end = len(nodes)
    while end and nodes[end - 1].tag == "br" and not (nodes[end - 1].tail or "").strip():
        end -= 1
    if lead_mark:
        lead = lead.lstrip()
        if lead and lead[0] in lead_mark:
            lead = lead[1:].lstrip()
    if not end:  # text only: the common case
        lead = lead.strip()
        # a printable line has no control characters and no whitespace but spaces: clean()
        # would only collapse its spaces
        return _escape(lead), " ".join(lead.split()) if lead.isprintable() else clean(lead)
    html_parts = [_escape(lead)] if lead else []
    text_parts = [lead] if lead else []
    for i in range(end):
        child = nodes[i]
        tail = child.tail
        if i == end - 1 and tail:
            tail = tail.rstrip()
        tag = child.tag
        if tag == "br":
            html_parts.append("<br>")
            text_parts.append("\n")
        elif isinstance(tag, str):
            html_parts.append(
                etree.tostring(child, encoding="unicode", method="html", with_tail=False)
            )
            _walk(child, text_parts)
        if tail:
            html_parts.append(_escape(tail))
            text_parts.append(tail)
    return "".join(html_parts).strip(), clean("".join(text_parts))


def children_between(
    parent: etree._Element, after: etree._Element | None, before: etree._Element | None
) -> list[etree._Element]:
    """*parent*'s children strictly between *after* (None: the start) and *before* (None: the
    end)."""
    out: list[etree._Element] = []
    started = after is None
    for child in parent:
        if not started:
            started = child is after
            continue
        if child is before:
            break
        out.append(child)
    return out


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text
