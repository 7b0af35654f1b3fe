"""Choosing the reader: lxml for well-formed feeds, feedparser for the rest, never silently.

A feed lxml rejects is read by feedparser with a warning that names the fault and the reader
(a :class:`~statuskit.ParseError` in strict mode).  A feed cut off in the middle (a truncated
download) gives the entries before the cut: the last entry, if the cut falls inside it, is
dropped rather than reported half-read.  Malformed input larger than
:data:`FALLBACK_MAX_BYTES` is refused instead of handed to the slower lenient parser.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from .._source import Source
from ..limits import ParseContext
from ._feedfallback import read_feedparser
from ._feedxml import FeedShapeError, RawFeed, read_lxml

__all__ = ["ENGINES", "FALLBACK_MAX_BYTES", "read_feed"]

ENGINES = ("auto", "feedparser")
"""``auto``: lxml, feedparser for what lxml rejects; ``feedparser``: feedparser's records for
every feed (the same checks and warnings otherwise; tests use it to prove both readers agree)."""

FALLBACK_MAX_BYTES = 512 * 1024
"""Largest malformed feed handed to feedparser: its pure-Python lenient parser takes about a
second per megabyte of ordinary feed, and up to ten times that on hostile input."""

_DECLARED = re.compile(r"^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2", re.IGNORECASE)
_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:entry|item)[\s>]")
_CLOSE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:entry|item)\s*>")


def _xml_bytes(source: Source) -> bytes:
    text = source._text  # set when the caller gave a str (or someone decoded the bytes)
    if text is None:
        return source.data
    encoded = text.encode("utf-8", "surrogatepass")
    if source.data and source.data != encoded:
        return source.data  # bytes given (and decoded by someone): libxml2 reads them itself
    # Text given as str: its XML declaration may name an encoding the text no longer has.
    if text[:5] == "<?xml":
        head = _DECLARED.sub(r"\1", text[:256], count=1)
        if len(head) != min(len(text), 256):
            encoded = (head + text[256:]).encode("utf-8", "surrogatepass")
    return encoded


def read_feed(source: Source, ctx: ParseContext, engine: str = "auto") -> RawFeed:
    """The feed records of *source*, through the reader *engine* names."""
    data = _xml_bytes(source)
    limit = ctx.limits.max_items
    try:
        try:
            feed, count = read_lxml(data, limit)
        except etree.XMLSyntaxError as exc:
            feed, count = _lenient(data, ctx, exc)
        else:
            if engine == "feedparser":
                # well-formed, but read by feedparser all the same: to prove both agree
                feed, count = read_feedparser(data, limit)
    except FeedShapeError as exc:
        ctx.fail(f"not an Atom or RSS feed: {exc}", "/", source.head[:80])
    if count > limit:
        ctx.warn(f"feed of {count} entries cut to max_items={limit}", "/")
    return feed


_POSITION = re.compile(r",? line \d+, column \d+$")


def _describe(exc: etree.XMLSyntaxError) -> str:
    msg = " ".join(str(exc.msg or exc).split())
    return _POSITION.sub("", msg)[:160]


def _lenient(data: bytes, ctx: ParseContext, exc: etree.XMLSyntaxError) -> tuple[RawFeed, int]:
    where = f"line {exc.lineno}" if exc.lineno else None
    reason = _describe(exc)
    if len(data) > FALLBACK_MAX_BYTES:
        ctx.fail(
            f"not well-formed XML ({reason}) and larger than {FALLBACK_MAX_BYTES} bytes: "
            "not read leniently",
            where,
        )
    if not data.strip():
        ctx.fail("empty document", "/")
    cut = _truncated(data, exc)
    if cut:
        dropped = _inside_entry(data)
        ctx.warn(
            f"feed is truncated ({reason}): read the entries before the cut with feedparser"
            + ("; the entry cut in the middle is left out" if dropped else ""),
            where,
        )
    else:
        dropped = False
        ctx.warn(f"feed is not well-formed XML ({reason}): read with feedparser", where)
    feed, count = read_feedparser(data, ctx.limits.max_items)
    if dropped and feed.entries:
        feed = attrs.evolve(feed, entries=feed.entries[:-1])
        count -= 1
    return feed, count


def _truncated(data: bytes, exc: etree.XMLSyntaxError) -> bool:
    """True when lxml stopped at the end of the input: the document was cut off."""
    text = " ".join(str(exc.msg or exc).split()).lower()
    if "premature end" in text or "end of data" in text:
        return True
    lines = data.count(b"\n") + 1
    tail_line = exc.lineno is not None and exc.lineno >= lines
    return tail_line and ("not found" in text or "expected" in text or "couldn't find" in text)


def _inside_entry(data: bytes) -> bool:
    """True when the last entry opened is not closed (the cut falls inside it)."""
    last_open = max((m.start() for m in _OPEN.finditer(data)), default=-1)
    if last_open < 0:
        return False
    last_close = max((m.start() for m in _CLOSE.finditer(data)), default=-1)
    return last_open > last_close
