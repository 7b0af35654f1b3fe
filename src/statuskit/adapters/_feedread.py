"""Choosing the reader: lxml for well-formed feeds, feedparser for the rest, never silently.

Every feed goes through statuskit's one safe XML reader, :func:`statuskit._xml.read_xml`: the
limits (``max_nodes`` and ``max_attributes`` before libxml2 sees the text, ``max_depth`` after;
libxml2's own bound of 256 levels is an InputLimitError too, never a truncation) and the repairs
(DOCTYPE removed with a warning when it had an internal subset, character references and
characters XML cannot hold read as U+FFFD, HTML's named entities as their characters; each
with a warning but the named entities) are those of every XML reader in statuskit.  A feed that
needed a repair is still read by lxml.

A feed lxml rejects even so is read by feedparser with a warning that names the fault and the
reader (a :class:`~statuskit.ParseError` in strict mode), from the repaired text prepared by
:func:`statuskit._xml.feedparser_bytes`.  A feed cut off in the middle (a truncated download)
gives the entries before the cut: the last entry, if the cut falls inside it, is dropped rather
than reported half-read.  Malformed input larger than :data:`FALLBACK_MAX_BYTES` is refused
instead of handed to the slower lenient parser.  Entries beyond ``max_items`` are left out with
a warning, by either reader.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from .._source import Source
from .._xml import XMLReading, feedparser_bytes, read_xml
from ..limits import ParseContext
from ._feedfallback import read_feedparser
from ._feedxml import FeedShapeError, RawFeed, read_lxml

__all__ = ["ENGINES", "FALLBACK_MAX_BYTES", "read_feed"]

ENGINES = ("auto", "feedparser")
"""``auto``: lxml, feedparser for what lxml rejects; ``feedparser``: feedparser's records for
every feed (the same checks and warnings otherwise; tests use it to prove both readers agree)."""

FALLBACK_MAX_BYTES = 512 * 1024
"""Largest malformed feed handed to feedparser: its pure-Python lenient parser takes about a
second per megabyte of ordinary feed, and up to ten times that on hostile input.  (Tighter than
:data:`statuskit._xml.FEEDPARSER_MAX_BYTES`, and refused as a ParseError that names the XML
fault: a feed that size is better fixed than read leniently.)"""

_OPEN = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:entry|item)[\s>]")
_CLOSE = re.compile(r"</(?:[A-Za-z_][\w.-]*:)?(?:entry|item)\s*>")


def read_feed(source: Source, ctx: ParseContext, engine: str = "auto") -> RawFeed:
    """The feed records of *source*, through the reader *engine* names."""
    limit = ctx.limits.max_items
    reading = read_xml(source, ctx, comments=False)
    try:
        if reading.root is None:
            feed, count = _lenient(reading, ctx)
        elif engine == "feedparser":
            # well-formed, but read by feedparser all the same: to prove both agree
            feed, count = read_feedparser(feedparser_bytes(reading, ctx), limit)
        else:
            feed, count = read_lxml(reading.root, limit)
    except FeedShapeError as exc:
        ctx.fail(f"not an Atom or RSS feed: {exc}", "/", source.head[:80])
    if count > limit:
        ctx.warn(f"feed of {count} entries cut to max_items={limit}", "/")
    return feed


_POSITION = re.compile(r",? line \d+, column \d+$")


def _describe(exc: etree.XMLSyntaxError) -> str:
    msg = " ".join(str(exc.msg or exc).split())
    return _POSITION.sub("", msg)[:160]


def _lenient(reading: XMLReading, ctx: ParseContext) -> tuple[RawFeed, int]:
    exc = reading.error
    assert exc is not None
    text = reading.text
    where = f"line {exc.lineno}" if exc.lineno else None
    reason = _describe(exc)
    if len(text) > FALLBACK_MAX_BYTES:
        ctx.fail(
            f"not well-formed XML ({reason}) and larger than {FALLBACK_MAX_BYTES} bytes: "
            "not read leniently",
            where,
        )
    if not text.strip():
        ctx.fail("empty document", "/")
    cut = _truncated(text, exc)
    if cut:
        dropped = _inside_entry(text)
        ctx.warn(
            f"feed is truncated ({reason}): read the entries before the cut with feedparser"
            + ("; the entry cut in the middle is left out" if dropped else ""),
            where,
        )
    else:
        dropped = False
        ctx.warn(f"feed is not well-formed XML ({reason}): read with feedparser", where)
    prepared = feedparser_bytes(reading, ctx, max_bytes=FALLBACK_MAX_BYTES)
    feed, count = read_feedparser(prepared, ctx.limits.max_items)
    if dropped and feed.entries:
        feed = attrs.evolve(feed, entries=feed.entries[:-1])
        count -= 1
    return feed, count


def _truncated(text: str, exc: etree.XMLSyntaxError) -> bool:
    """True when lxml stopped at the end of the input: the document was cut off."""
    message = " ".join(str(exc.msg or exc).split()).lower()
    if "premature end" in message or "end of data" in message:
        return True
    lines = text.count("\n") + 1
    tail_line = exc.lineno is not None and exc.lineno >= lines
    return tail_line and (
        "not found" in message or "expected" in message or "couldn't find" in message
    )


def _inside_entry(text: str) -> bool:
    """True when the last entry opened is not closed (the cut falls inside it)."""
    last_open = max((m.start() for m in _OPEN.finditer(text)), default=-1)
    if last_open < 0:
        return False
    last_close = max((m.start() for m in _CLOSE.finditer(text)), default=-1)
    return last_open > last_close
