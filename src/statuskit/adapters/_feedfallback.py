"""The lenient reader: feedparser, for feeds lxml rejects (malformed or truncated XML).

feedparser is only ever handed a ``BytesIO`` (given a str or bytes it would treat the value as a
path or a URL and read it) of what :func:`statuskit._xml.feedparser_bytes` prepared: the text
libxml2 refused, already without its DOCTYPE (feedparser hands the entities it finds to expat,
which expands them: a "billion laughs" takes seconds) and with its character references and
undeclared entities repaired (feedparser raises ValueError, OverflowError, UnicodeEncodeError or
re.error on them), its author fields cut and its unclosed escaped comments opened up (its
quadratic paths), and no larger than the caller's bound.  HTML sanitizing and relative-URI
rewriting are off, so that bodies stay as published (and the sanitizer's quadratic path is never
taken).  Its output is copied into the same :class:`~._feedxml.RawFeed` records the lxml reader
fills, with the same rules, and never leaves this module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

from ._feedxml import FeedShapeError, RawEntry, RawFeed

__all__ = ["read_feedparser"]

_VOID_PAIR = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|source|wbr)\b([^<>]*?)\s*/?>\s*</\1>",
    re.IGNORECASE,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feedparser(prepared: bytes, max_items: int) -> tuple[RawFeed, int]:
    """The feed in *prepared* (the output of :func:`statuskit._xml.feedparser_bytes`, never
    anything else) as feedparser reads it, and how many entries it held.  Raises
    :class:`~._feedxml.FeedShapeError` when feedparser finds no feed at all."""
    import feedparser  # noqa: PLC0415 - imported on the rare fallback only

    try:
        result = feedparser.parse(
            io.BytesIO(prepared), sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser's crash is a ParseError
        raise FeedShapeError(f"unreadable by the lenient parser ({type(exc).__name__})") from None
    get = _get
    version = str(get(result, "version") or "")
    if not version:
        raise FeedShapeError("no Atom or RSS feed found")
    kind = (
        "atom" if version.startswith("atom") else "rdf" if version in ("rss090", "rss10") else "rss"
    )
    meta: Mapping[str, Any] = get(result, "feed") or {}
    all_entries = list(get(result, "entries") or ())
    entries = tuple(_entry(e, kind) for e in all_entries[:max_items])
    feed = RawFeed(
        kind=kind,
        title=_str(get(meta, "title")),
        link=_alternate(meta, kind),
        updated=_str(get(meta, "updated")) or _str(get(meta, "published")),
        published=_str(get(meta, "published")),
        generator=_str(get(meta, "generator")),
        id=_str(get(meta, "id")) if kind == "atom" else None,
        entries=entries,
        engine="feedparser",
    )
    return feed, len(all_entries)


def _get(obj: object, key: str) -> Any:
    """``dict.get``, not FeedParserDict's: its key aliases ("updated" falling back to
    "published", with a DeprecationWarning) are not what the lxml reader reads."""
    return dict.get(obj, key) if isinstance(obj, dict) else None


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None


def _alternate(obj: Mapping[str, Any], kind: str) -> str | None:
    if kind != "atom":
        return _str(_get(obj, "link"))
    # feedparser falls back to the entry id for an Atom entry without a link: the lxml reader
    # does not, so take the first alternate link from the list
    for link in _get(obj, "links") or ():
        if isinstance(link, Mapping) and (link.get("rel") or "alternate") == "alternate":
            href = _str(link.get("href"))
            if href:
                return href
    return None


def _is_html(detail: object) -> bool:
    kind = detail.get("type") if isinstance(detail, Mapping) else None
    return not isinstance(kind, str) or kind in _HTML_TYPES


def _markup(value: str, detail: object) -> str:
    kind = detail.get("type") if isinstance(detail, Mapping) else None
    if kind == "application/xhtml+xml" and "</" in value:
        # feedparser re-serializes embedded XHTML with "<br></br>": write void elements as
        # the lxml reader does
        value = _VOID_PAIR.sub(lambda m: f"<{m.group(1)}{m.group(2)} />", value)
    return value


def _entry(e: Mapping[str, Any], kind: str) -> RawEntry:
    get = _get
    title = _str(get(e, "title"))
    title_html: bool | None = None
    if kind == "atom" and title is not None:
        title_html = _is_html(get(e, "title_detail"))
        title = _markup(title, get(e, "title_detail"))
    body: str | None = None
    body_html = True
    for content in get(e, "content") or ():
        value = _str(content.get("value")) if isinstance(content, Mapping) else None
        if value:
            body, body_html = _markup(value, content), _is_html(content)
            break
    if body is None:
        summary = _str(get(e, "summary"))
        if summary:
            body = _markup(summary, get(e, "summary_detail"))
            body_html = _is_html(get(e, "summary_detail"))
    categories = tuple(
        term.strip()
        for tag in get(e, "tags") or ()
        if isinstance(tag, Mapping)
        for term in (tag.get("term"),)
        if isinstance(term, str) and term.strip()
    )
    published = _str(get(e, "published"))
    return RawEntry(
        id=_str(get(e, "id")),
        title=title,
        title_html=title_html,
        link=_alternate(e, kind),
        published=published,
        updated=_str(get(e, "updated")) or published,
        body=body,
        body_html=body_html,
        categories=categories,
    )
