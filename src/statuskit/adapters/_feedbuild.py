"""From feed records to the model: what every feed flavour shares.

* Identity: an incident's id is the code in its link (``/incidents/<code>``, as the vendor's API
  names it) when there is one, else the entry id / guid, else the link, else a digest of title
  and date.  Entries that share an id are the updates of one incident (Google Cloud, Better
  Stack and other feeds post one entry per update).
* Bodies keep both forms: the published HTML (``body_html``) and its plain text, entities
  decoded once.  An Atom ``type="text"`` body is text (``body_html`` None).
* Coverage: a feed lists recent incidents and maintenances, no components, no indicator.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from .._dates import parse_datetime, resolve_zone
from .._text import clean, safe_url
from ..limits import ParseContext
from ..model import Coverage, Incident, Page, Scope, Snapshot, Update
from ..status import Impact, IncidentKind, IncidentStatus
from ._feedwords import infer_impact, infer_kind, infer_status, title_marker
from ._feedxml import RawEntry, RawFeed
from ._spbody import fast_clean, html_text

__all__ = [
    "RECENT",
    "Entry",
    "body_of",
    "date_of",
    "entries_of",
    "entry_raw",
    "generic_incidents",
    "group_entries",
    "identity",
    "incident_code",
    "link_url",
    "make_snapshot",
    "oldest_first",
    "page_of",
    "title_of",
    "worst_impact",
]

RECENT = Coverage(incidents=Scope.RECENT, maintenances=Scope.RECENT)

_CODE = re.compile(r"/incidents?/+([A-Za-z0-9][A-Za-z0-9_-]{2,63})/?(?:[?#][^/]*)?$")
_MARKUP = re.compile(r"<[A-Za-z/!]")
_IMPACT_RANK = {Impact.MINOR: 1, Impact.MAJOR: 2, Impact.CRITICAL: 3}


class Entry:
    """A feed entry with its place in the document and its dates read."""

    __slots__ = ("path", "published", "raw", "updated")

    def __init__(self, raw: RawEntry, path: str, ctx: ParseContext) -> None:
        self.raw = raw
        self.path = path
        self.published = date_of(raw.published, ctx, f"{path}/published")
        self.updated = (
            self.published
            if raw.updated == raw.published
            else date_of(raw.updated, ctx, f"{path}/updated")
        )

    @property
    def when(self) -> datetime | None:
        """When the entry was posted (published, else updated)."""
        return self.published or self.updated

    @property
    def latest(self) -> datetime | None:
        """When the entry last changed (updated, else published)."""
        return self.updated or self.published


def entries_of(feed: RawFeed, ctx: ParseContext) -> list[Entry]:
    """Every entry of *feed* with its XPath-like location (``/feed/entry[3]``)."""
    where = {"atom": "/feed/entry", "rss": "/rss/channel/item", "rdf": "/rdf:RDF/item"}[feed.kind]
    return [Entry(e, f"{where}[{i + 1}]", ctx) for i, e in enumerate(feed.entries)]


_RFC822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s+(?:([+-])(\d{2})(\d{2})|([A-Za-z]{1,5}))\s*"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_UTC_NAMES = frozenset({"Z", "UT", "UTC", "GMT"})
_OFFSETS: dict[int, timezone] = {}
"""Fixed-offset zones by minutes east of UTC, made once (a feed repeats its offset)."""


def date_of(value: str | None, ctx: ParseContext, path: str) -> datetime | None:
    """A feed date (RFC 822 or ISO 8601) as aware UTC, or None (with a warning if unreadable).

    The common RFC 822 forms ("Tue, 21 Jan 2020 21:00:29 +0000", "... 16:22:00 PST") are read
    here, zone names through the same table as :func:`statuskit._dates.parse_datetime`;
    everything else goes to that function, and so does a date longer than
    ``Limits.max_date_length`` (which it refuses with a warning)."""
    if not value:
        return None
    if value[:4].isdigit() or len(value) > ctx.limits.max_date_length:
        m = None
    else:
        m = _RFC822.fullmatch(value)
    if m is not None:
        month = _MONTHS.get(m.group(2).lower())
        if month is not None:
            try:
                wall = datetime(
                    int(m.group(3)),
                    month,
                    int(m.group(1)),
                    int(m.group(4)),
                    int(m.group(5)),
                    int(m.group(6) or 0),
                )
            except ValueError:
                wall = None
            if wall is not None:
                name = m.group(10)
                if name is None:
                    minutes = int(m.group(8)) * 60 + int(m.group(9))
                    if minutes == 0:
                        return wall.replace(tzinfo=timezone.utc)
                    if minutes < 24 * 60:
                        if m.group(7) == "-":
                            minutes = -minutes
                        zone = _OFFSETS.get(minutes)
                        if zone is None:
                            zone = _OFFSETS[minutes] = timezone(timedelta(minutes=minutes))
                        return wall.replace(tzinfo=zone).astimezone(timezone.utc)
                elif name.upper() in _UTC_NAMES and ctx.time_zone is None:
                    return wall.replace(tzinfo=timezone.utc)
                else:
                    tz = resolve_zone(name, ctx.time_zone, wall)
                    if tz is not None:
                        return wall.replace(tzinfo=tz).astimezone(timezone.utc)
    return parse_datetime(value, ctx, path)


def title_of(entry: RawEntry) -> str:
    """The entry's title as plain text."""
    title = entry.title or ""
    if entry.title_html or (entry.title_html is None and _MARKUP.search(title)):
        return html_text(title)
    return fast_clean(title)


_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\s<>\"\\^`{|}]*)?")


def link_url(link: str | None, base: str | None) -> str | None:
    """*link* as a safe absolute http(s) URL (see :func:`statuskit._text.safe_url`), or None;
    a plain absolute URL is taken as it is without splitting it."""
    if not link:
        return None
    if len(link) <= 4096 and _PLAIN_URL.fullmatch(link):
        return link
    return safe_url(link, base)


def body_of(entry: RawEntry, ctx: ParseContext, path: str) -> tuple[str, str | None]:
    """The entry's body: (plain text, published HTML or None)."""
    body = entry.body
    if not body:
        return "", None
    body = ctx.text(body, f"{path}/body")
    if not entry.body_html:
        return fast_clean(body), None
    return html_text(body, ctx, f"{path}/body"), body


def incident_code(link: str | None) -> str | None:
    """The incident code in a link such as ``https://status.example.com/incidents/abc123``."""
    if not link:
        return None
    m = _CODE.search(link)
    return m.group(1) if m else None


def identity(entry: RawEntry) -> str:
    """The id an entry's incident goes by (see the module docstring)."""
    code = incident_code(entry.link)
    if code:
        return code
    if entry.id:
        return entry.id
    if entry.link:
        return entry.link
    digest = hashlib.sha256(
        "\x1f".join((entry.title or "", entry.published or "", entry.updated or "")).encode(
            "utf-8", "surrogatepass"
        )
    ).hexdigest()
    return f"entry:{digest[:16]}"


def entry_raw(entry: RawEntry) -> dict[str, Any]:
    """The entry's record for ``raw`` (JSON-compatible; the body is on the updates)."""
    raw: dict[str, Any] = {}
    for key in ("id", "title", "link", "published", "updated"):
        value = getattr(entry, key)
        if value:
            raw[key] = value
    if entry.categories:
        raw["categories"] = list(entry.categories)
    return raw


def page_of(feed: RawFeed, ctx: ParseContext, url: str | None) -> Page:
    """The page the feed belongs to."""
    link = safe_url(feed.link, url) if feed.link else None
    return Page(
        name=clean(feed.title) if feed.title else None,
        url=link,
        updated_at=date_of(
            feed.updated,
            ctx,
            "/feed/updated" if feed.kind == "atom" else "/rss/channel/lastBuildDate",
        ),
    )


def worst_impact(impacts: Iterable[Impact]) -> Impact:
    """The worst known impact of *impacts* (MAINTENANCE and NONE count, UNKNOWN does not)."""
    best = Impact.UNKNOWN
    for impact in impacts:
        if impact is Impact.UNKNOWN:
            continue
        if best is Impact.UNKNOWN or _IMPACT_RANK.get(impact, 0) > _IMPACT_RANK.get(best, 0):
            best = impact
    return best


def make_snapshot(
    feed: RawFeed,
    ctx: ParseContext,
    incidents: Iterable[Incident],
    *,
    platform: str,
    url: str | None,
    coverage: Coverage = RECENT,
) -> Snapshot:
    """The Snapshot of a feed reading."""
    return Snapshot(
        page=page_of(feed, ctx, url),
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=coverage,
    )


# -- generic feeds: one incident per entry (or per group of entries sharing an id) ----------


def group_entries(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries by incident id, in document order."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(identity(entry.raw), []).append(entry)
    return groups


def oldest_first(group: list[Entry]) -> list[Entry]:
    """The group's entries oldest first (feeds list newest first; undated entries keep the
    reverse of their document order)."""
    if all(e.when is not None for e in group):
        return sorted(group, key=lambda e: e.when)  # type: ignore[arg-type,return-value]
    return list(reversed(group))


def generic_incidents(
    feed: RawFeed, ctx: ParseContext, url: str | None, entries: list[Entry] | None = None
) -> list[Incident]:
    """Incidents of a feed without status markup, statuses and impacts read from words."""
    base = safe_url(feed.link, url) if feed.link else url
    out: list[Incident] = []
    for iid, group in group_entries(
        entries if entries is not None else entries_of(feed, ctx)
    ).items():
        ordered = oldest_first(group)
        titles = [title_of(e.raw) for e in ordered]
        kind = IncidentKind.INCIDENT
        for title, e in zip(titles, ordered, strict=True):
            if infer_kind(title, e.raw.categories) is IncidentKind.MAINTENANCE:
                kind = IncidentKind.MAINTENANCE
        updates: list[Update] = []
        impacts: list[Impact] = []
        for title, e in zip(titles, ordered, strict=True):
            text, markup = body_of(e.raw, ctx, e.path)
            status, word = infer_status(title, text, kind)
            impacts.append(infer_impact(title, text, kind))
            updates.append(
                Update(
                    id=e.raw.id,
                    status=status,
                    raw_status=word,
                    body=text,
                    body_html=markup,
                    created_at=e.when,
                )
            )
        last = ordered[-1]
        marker = title_marker(titles[-1])
        title = marker[2] if marker else titles[-1]
        raw: Mapping[str, Any] = (
            entry_raw(last.raw)
            if len(ordered) == 1
            else {"entries": [entry_raw(e.raw) for e in ordered]}
        )
        created = min((e.when for e in ordered if e.when), default=None)
        latest = max((e.latest for e in ordered if e.latest), default=None)
        out.append(
            Incident.build(
                id=iid,
                title=title,
                kind=kind,
                status=IncidentStatus.UNKNOWN,
                raw_status=updates[-1].raw_status,
                impact=worst_impact(impacts),
                created_at=created,
                updated_at=latest,
                url=link_url(last.raw.link, base),
                updates=updates,
                raw=raw,
            )
        )
    return out
