"""Reading Atom 1.0, RSS 2.0 (and 0.9x) and RSS 1.0 documents into plain entry records.

Two readers fill the same records (:class:`RawFeed`, :class:`RawEntry`): lxml for well-formed
feeds (the fast path: one C parse, then a walk over the entries' direct children) and feedparser
for feeds lxml rejects (see :mod:`._feedfallback`).  The model is built from the records by one
shared code path, so both readers give the same Snapshot.

What the records hold, for both readers:

* texts are the XML-decoded strings, stripped (titles as written, bodies as published HTML);
* an Atom entry's body is its ``content`` else its ``summary``; an RSS item's is its
  ``content:encoded`` else its ``description``;
* ``published`` is atom:published / pubDate / dcterms:issued, ``updated`` atom:updated /
  dc:date / dcterms:modified, as raw strings (the dates are read later, by ``_dates``);
* an RSS item's link is its ``<link>``, else its ``<guid>`` unless ``isPermaLink="false"``.

The tree comes from statuskit's one safe XML reader (:func:`statuskit._xml.read_xml`: no
entity expanded, no DTD, no network, DOCTYPE removed, limits checked); malformed input is never
"recovered" silently: the caller decides (:func:`statuskit.adapters._feedread.read_feed`).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import attrs
from lxml import etree

__all__ = ["ATOM", "FeedShapeError", "RawEntry", "RawFeed", "read_lxml"]

ATOM = "http://www.w3.org/2005/Atom"
_ATOM03 = "http://purl.org/atom/ns#"
_RSS1 = "http://purl.org/rss/1.0/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_XHTML = "http://www.w3.org/1999/xhtml"

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@attrs.frozen
class RawEntry:
    """One Atom entry or RSS item, as strings."""

    id: str | None = None
    title: str | None = None
    title_html: bool | None = None
    """True when the feed declares the title HTML, False when it declares text, None (RSS)
    when it does not say."""
    link: str | None = None
    published: str | None = None
    updated: str | None = None
    body: str | None = None
    body_html: bool = True
    """False for an Atom ``type="text"`` body (plain text, not markup)."""
    categories: tuple[str, ...] = ()


@attrs.frozen
class RawFeed:
    """A whole feed, as strings."""

    kind: str
    """"atom", "rss" (2.0 and 0.9x) or "rdf" (RSS 1.0)."""
    title: str | None = None
    link: str | None = None
    updated: str | None = None
    published: str | None = None
    generator: str | None = None
    id: str | None = None
    entries: tuple[RawEntry, ...] = ()
    engine: str = "lxml"
    """Which reader produced the records ("lxml" or "feedparser")."""


class FeedShapeError(ValueError):
    """Well-formed XML that is not an Atom or RSS feed."""


def read_lxml(root: etree._Element, max_items: int) -> tuple[RawFeed, int]:
    """The feed whose root element is *root* and how many entries it held (entries beyond
    *max_items* are left out).  Raises :class:`FeedShapeError` when it is not a feed."""
    tag = root.tag
    if not isinstance(tag, str):
        raise FeedShapeError("no root element")
    ns, _, name = tag[1:].partition("}") if tag[:1] == "{" else ("", "", tag)
    if name == "feed" and ns in (ATOM, _ATOM03, ""):
        return _atom(root, ns, max_items)
    if name == "rss" and ns == "":
        channel = next((c for c in root if c.tag == "channel"), None)
        return _rss(root, channel, "", max_items)
    if name == "RDF" and ns == _RDF:
        channel = next((c for c in root if c.tag == f"{{{_RSS1}}}channel"), None)
        return _rss(root, channel, _RSS1, max_items)
    raise FeedShapeError(f"root element <{name}> is not <feed>, <rss> or <rdf:RDF>")


# -- text of an element ---------------------------------------------------------------------


def _text(el: etree._Element) -> str:
    """The element's content as a string: its text, or (mixed content) its inner markup."""
    if len(el) == 0:
        return (el.text or "").strip()
    parts: list[str] = [escape(el.text or "", quote=False)]
    for child in el:
        _serialize(child, parts)
    return "".join(parts).strip()


def _serialize(el: etree._Element, parts: list[str]) -> None:
    # embedded (X)HTML as HTML text with local names; iterative, so depth costs no recursion
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag: object = node.tag
        if not isinstance(tag, str):  # an unexpanded entity reference: keep it as written
            parts.append(str(node))
            if node.tail:
                parts.append(escape(node.tail, quote=False))
            continue
        name = etree.QName(tag).localname
        if closing:
            parts.append(f"</{name}>")
            if node.tail:
                parts.append(escape(node.tail, quote=False))
            continue
        attrs_text = "".join(
            f' {etree.QName(k).localname}="{escape(str(v))}"' for k, v in node.attrib.items()
        )
        if name in _VOID and len(node) == 0 and not node.text:
            parts.append(f"<{name}{attrs_text} />")
            if node.tail:
                parts.append(escape(node.tail, quote=False))
            continue
        parts.append(f"<{name}{attrs_text}>")
        if node.text:
            parts.append(escape(node.text, quote=False))
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))


def _atom_text(el: etree._Element) -> tuple[str, bool]:
    """An Atom text construct: (string, is_html)."""
    kind = (el.get("type") or "text").lower()
    if kind == "xhtml":
        div = next((c for c in el if c.tag == f"{{{_XHTML}}}div"), None)
        if div is None:
            return _text(el), True
        return _text(div), True
    if kind in ("html", "text/html"):
        return _text(el), True
    if kind in ("text", "text/plain"):
        return _text(el), False
    return _text(el), kind.endswith(("html", "xml"))


# -- Atom -----------------------------------------------------------------------------------


def _atom(root: etree._Element, ns: str, max_items: int) -> tuple[RawFeed, int]:
    p = f"{{{ns}}}" if ns else ""
    t_entry, t_title, t_link, t_updated = p + "entry", p + "title", p + "link", p + "updated"
    fields: dict[str, str | None] = {}
    entries: list[RawEntry] = []
    count = 0
    for child in root:
        tag = child.tag
        if tag == t_entry:
            count += 1
            if count <= max_items:
                entries.append(_atom_entry(child, p))
        elif tag == t_title and "title" not in fields:
            fields["title"] = _atom_text(child)[0]
        elif tag == t_link and "link" not in fields and _alternate(child):
            fields["link"] = child.get("href")
        elif tag in (t_updated, p + "modified", f"{{{_DC}}}date") and "updated" not in fields:
            fields["updated"] = _text(child)
        elif tag == p + "generator" and "generator" not in fields:
            fields["generator"] = _text(child) or child.get("uri")
        elif tag == p + "id" and "id" not in fields:
            fields["id"] = _text(child)
    return _feed("atom", fields, entries), count


def _feed(kind: str, fields: dict[str, str | None], entries: list[RawEntry]) -> RawFeed:
    return RawFeed(
        kind=kind,
        title=fields.get("title"),
        link=fields.get("link"),
        updated=fields.get("updated"),
        published=fields.get("published"),
        generator=fields.get("generator"),
        id=fields.get("id"),
        entries=tuple(entries),
    )


def _alternate(link: etree._Element) -> bool:
    rel = link.get("rel")
    return (rel is None or rel == "alternate") and link.get("href") is not None


@lru_cache(maxsize=8)
def _atom_fields(p: str) -> dict[str, str]:
    """Entry child tags (in namespace prefix *p*) by the field they fill."""
    return {
        p + "id": "id",
        p + "title": "title",
        p + "link": "link",
        p + "published": "published",
        p + "issued": "published",
        f"{{{_DCTERMS}}}issued": "published",
        p + "updated": "updated",
        p + "modified": "updated",
        f"{{{_DC}}}date": "updated",
        f"{{{_DCTERMS}}}modified": "updated",
        p + "content": "content",
        p + "summary": "summary",
        p + "category": "category",
    }


def _atom_entry(entry: etree._Element, p: str) -> RawEntry:
    f: dict[str, object] = {}
    content: tuple[str, bool] | None = None
    summary: tuple[str, bool] | None = None
    categories: list[str] = []
    field = _atom_fields(p).get
    for child in entry:
        key = field(child.tag)  # comments and entities have no str tag: None
        if key is None:
            continue
        if key in ("id", "published", "updated"):
            if key not in f:
                f[key] = _text(child)
        elif key == "title":
            if "title" not in f:
                f["title"], f["title_html"] = _atom_text(child)
        elif key == "link":
            if "link" not in f and _alternate(child):
                f["link"] = child.get("href")
        elif key == "content":
            if content is None and child.get("src") is None:
                content = _atom_text(child)
        elif key == "summary":
            if summary is None:
                summary = _atom_text(child)
        else:  # category
            term = child.get("term")
            if term and term.strip():
                categories.append(term.strip())
    body = content if content is not None and content[0] else summary
    if body is not None:
        f["body"], f["body_html"] = body
    f.setdefault("updated", f.get("published"))  # as feedparser does: one rule, both readers
    return RawEntry(categories=tuple(categories), **f)  # type: ignore[arg-type]


# -- RSS 2.0 / 0.9x and RSS 1.0 -------------------------------------------------------------


def _rss(
    root: etree._Element, channel: etree._Element | None, ns: str, max_items: int
) -> tuple[RawFeed, int]:
    p = f"{{{ns}}}" if ns else ""
    fields: dict[str, str | None] = {}
    if channel is not None:
        for child in channel:
            tag = child.tag
            if tag == p + "title":
                fields.setdefault("title", _text(child))
            elif tag == p + "link":
                fields.setdefault("link", _text(child))
            elif tag in (p + "lastBuildDate", f"{{{_DC}}}date", f"{{{ATOM}}}updated"):
                fields.setdefault("updated", _text(child))
            elif tag == p + "pubDate":
                fields.setdefault("published", _text(child))
            elif tag == p + "generator":
                fields.setdefault("generator", _text(child))
    # RSS 2.0 items sit in the channel; RSS 1.0 items beside it, under rdf:RDF
    holder = root if ns else channel
    items: list[RawEntry] = []
    count = 0
    if holder is not None:
        t_item = p + "item"
        for child in holder:
            if child.tag == t_item:
                count += 1
                if count <= max_items:
                    items.append(_rss_item(child, p))
    kind = "rdf" if ns else "rss"
    fields.setdefault("updated", fields.get("published"))
    return _feed(kind, fields, items), count


@lru_cache(maxsize=8)
def _rss_fields(p: str) -> dict[str, str]:
    """Item child tags (in namespace prefix *p*) by the field they fill."""
    return {
        p + "title": "title",
        p + "link": "link",
        p + "guid": "guid",
        p + "pubDate": "published",
        f"{{{_DCTERMS}}}issued": "published",
        f"{{{_DC}}}date": "updated",
        f"{{{_DCTERMS}}}modified": "updated",
        f"{{{ATOM}}}updated": "updated",
        p + "description": "description",
        f"{{{_CONTENT}}}encoded": "encoded",
        p + "category": "category",
    }


def _rss_item(item: etree._Element, p: str) -> RawEntry:
    f: dict[str, object] = {}
    categories: list[str] = []
    guid_link: str | None = None
    field = _rss_fields(p).get
    for child in item:
        key = field(child.tag)
        if key is None:
            continue
        if key == "category":
            text = _text(child)
            if text:
                categories.append(text)
        elif key in f:
            continue  # the first of a repeated element counts
        elif key == "guid":
            f["guid"] = guid_text = _text(child)
            if (child.get("isPermaLink") or "true").strip().lower() != "false":
                guid_link = guid_text
        elif key == "link":
            f["link"] = _text(child) or None
        else:
            f[key] = _text(child)
    description = f.pop("description", None)
    encoded = f.pop("encoded", None)
    guid = f.pop("guid", None)
    if guid is not None:
        f["id"] = guid
    elif p:
        about = item.get(f"{{{_RDF}}}about")
        if about:
            f["id"] = about.strip()
    if not f.get("link") and guid_link:
        f["link"] = guid_link
    body = encoded or description
    if body:
        f["body"] = body
    f.setdefault("updated", f.get("published"))
    return RawEntry(categories=tuple(categories), **f)  # type: ignore[arg-type]
