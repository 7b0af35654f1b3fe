"""Is this input a feed, and whose?  Decided from the first few KB (and the URL, if given).

The root element tells a feed: ``<rss>``, ``<feed>`` in the Atom namespace, ``<rdf:RDF>`` with
the RSS 1.0 namespace.  The prolog before it is skipped with the DOCTYPE grammar of the safe XML
reader (:func:`statuskit._xml.strip_doctype`); a DOCTYPE whose internal subset runs past the
first few KB hides the root, and then its name (``<!DOCTYPE rss``, ``feed``, ``rdf:RDF``) tells
the kind, with lower confidence: the reader decides (and reports the subset it ignores).  The platform comes from markers in the same text, checked in this order
(first match wins):

==============  ===============================================================================
platform        markers
==============  ===============================================================================
aws             ``status.aws.amazon.com``, "AWS Service Health Dashboard"
azure           ``azure.status.microsoft``, ``azurestatus``, "<title>Azure Status</title>"
gcp             ``status.cloud.google.com``, "Google Cloud Service Health"
slack           ``status.slack.com``
instatus        ``.instatus.com``, "Instatus"
betterstack     ``betteruptime.com``, ``betterstack.com``, "Better Stack", "Better Uptime"
incidentio      an incident link with a ULID (``/incidents/01H...``), ``incident.io``
statuspage      an entry id ``tag:<host>,2005:Incident/<n>``, a channel described as
                "Statuspage", Statuspage's ``data-var`` date markup
==============  ===============================================================================
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from .._source import Source
from .._xml import strip_doctype
from ._feedxml import RawFeed

__all__ = ["FeedGuess", "classify", "guess_feed", "platform_of"]


@attrs.frozen
class FeedGuess:
    """What the head of an input says."""

    kind: str
    """"atom", "rss" or "rdf"."""
    platform: str | None
    evidence: str
    sure: bool = True
    """False when only the DOCTYPE's name was seen (the root lies beyond the head)."""


_ROOT = re.compile(r"<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>?")
_PROLOG = re.compile(r"\A(?:\s|<\?[^>]*\?>|<!--.*?-->)*", re.S)
_DOCTYPE_NAME = re.compile(r"<!DOCTYPE\s+(rss|feed|rdf:RDF)[\s\[>]", re.I)
_DOCTYPE_KINDS = {"rss": "rss", "feed": "atom", "rdf:rdf": "rdf"}

MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws", re.compile(r"status\.aws\.amazon\.com|AWS Service Health Dashboard")),
    (
        "azure",
        re.compile(r"azure\.status\.microsoft|azurestatus|status\.azure\.com|<title>Azure Status<"),
    ),
    ("gcp", re.compile(r"status\.cloud\.google\.com|Google Cloud Service Health")),
    ("slack", re.compile(r"status\.slack\.com")),
    ("instatus", re.compile(r"\.instatus\.com|\bInstatus\b")),
    ("betterstack", re.compile(r"betteruptime\.com|betterstack\.com|Better (?:Stack|Uptime)")),
    ("incidentio", re.compile(r"/incidents/01[0-9A-HJKMNP-TV-Z]{24}\b|\bincident\.io\b")),
    (
        "statuspage",
        re.compile(
            r",2005:Incident/\d|<description>\s*Statuspage\s*</description>"
            r"|data-var=(?:&apos;|&#39;|&quot;|'|\")(?:date|time)"
        ),
    ),
)


def guess_feed(source: Source) -> FeedGuess | None:
    """:func:`classify` of the source's head and url, asked once per Source (the nine feed
    adapters all ask: one hash of the 4 KB head for the cache, not nine lookups)."""
    return source.memo("feed-guess", _classify_source)


def _classify_source(source: Source) -> FeedGuess | None:
    # through the cache: a feed polled again often has the same head, and classifying it
    # (the platform markers' patterns over 4 KB) costs far more than the lookup
    return classify(source.head, source.url)


def _classify(head: str, url: str | None = None) -> FeedGuess | None:
    """What *head* (the first KB of an input) is, or None when it is no feed."""
    stripped = strip_doctype(head)
    if stripped is None:  # a DOCTYPE that does not end within the head: its name must do
        named = _DOCTYPE_NAME.search(head)
        if named is None:
            return None
        kind = _DOCTYPE_KINDS[named.group(1).lower()]
        return FeedGuess(kind, None, f"DOCTYPE names <{named.group(1)}>", sure=False)
    body = stripped[0]
    prolog = _PROLOG.match(body)
    m = _ROOT.match(body, prolog.end() if prolog else 0)
    if m is None:
        return None
    prefix, name, rest = m.group(1) or "", m.group(2), m.group(3) or ""
    if name == "rss" and not prefix:
        kind = "rss"
    elif name == "feed" and ("http://www.w3.org/2005/Atom" in rest or "purl.org/atom" in rest):
        kind = "atom"
    elif name == "RDF" and "http://purl.org/rss/1.0/" in head:
        kind = "rdf"
    else:
        return None
    text = head if url is None else f"{head}\n{url}"
    for platform, pattern in MARKERS:
        found = pattern.search(text)
        if found is not None:
            return FeedGuess(kind, platform, f"{kind} feed; {platform} marker {found.group(0)!r}")
    if url and re.search(r"/history\.(?:atom|rss)(?:\?|$)", url):
        return FeedGuess(kind, "statuspage", f"{kind} feed; Statuspage history url")
    return FeedGuess(kind, None, f"{kind} feed")


classify = lru_cache(maxsize=256)(_classify)
"""What *head* (the first KB of an input) is, or None when it is no feed (cached by head)."""


def platform_of(feed: RawFeed) -> str | None:
    """The platform markers in a whole feed's records (for inputs whose first KB had none)."""
    parts = [feed.title or "", feed.link or "", feed.id or "", feed.generator or ""]
    for entry in feed.entries[:5]:
        parts += [entry.id or "", entry.link or "", (entry.body or "")[:2000]]
    text = "\n".join(parts)
    for platform, pattern in MARKERS:
        if pattern.search(text):
            return platform
    return None
