"""What every Statuspage HTML page shares: vocabularies, times, updates, the page itself.

Statuspage renders times in the page's zone with its abbreviation and without a year ("Oct 18,
15:32 UTC", "Aug 22, 10:06 PDT"); the year comes from the nearest dated thing on the page (the
day heading of the past-incident list, or the ``<meta name="issued">`` render time), the zone
through :func:`statuskit._dates.parse_partial`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

import attrs
from lxml import etree

from .._dates import ZONE_ABBREVIATIONS, from_epoch, parse_partial, resolve_zone
from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import Page, Update
from ..status import IncidentStatus
from ._html import fragment, text_of
from ._spaffected import split_affected
from ._spwords import MAINTENANCE_STATUSES, UPDATE_WORDS

__all__ = [
    "FIXED_ZONES",
    "MAINTENANCE_STATUSES",
    "UPDATE_WORDS",
    "PageInfo",
    "carry_update_status",
    "incident_code",
    "nearest_time",
    "origin",
    "page_info",
    "parse_day",
    "parse_when",
    "parse_window",
    "shown_time",
    "split_affected",
    "split_post",
    "update_status",
]

# UPDATE_WORDS (from _spwords): the status words Statuspage prints on updates.  "Update" is not
# a status: it marks a post that left the status as it was (see carry_update_status).

_CARRY = "update"


_CODE = re.compile(r"/incidents/([A-Za-z0-9]{1,64})(?:[/?#]|$)")
_DAY = re.compile(r"([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_WINDOW = re.compile(
    r"""^\s*(?P<d1>[A-Za-z]{3,9}\.?\s+\d{1,2}),?\s*(?:(?P<y1>\d{4})\s*,?\s*)?
        (?P<t1>\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)\s*(?P<z1>[A-Za-z]{1,5})?\s*[-\u2013]\s*
        (?:(?P<d2>[A-Za-z]{3,9}\.?\s+\d{1,2}),?\s*(?:(?P<y2>\d{4})\s*,?\s*)?)?
        (?P<t2>\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)\s*(?P<z2>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$""",
    re.VERBOSE,
)
_POSTED = re.compile(r"^\s*posted(?:\s+on)?\s*", re.IGNORECASE)
_SHORT = re.compile(r"([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{1,2}):(\d{2}) ([A-Z]{2,5})$")
_PAGE_CODE = re.compile(rb"page_code=([a-z0-9]{12})\b")
_PAGE_CODE_WINDOW = 64 * 1024
"""The subscription links sit in the page's header, before the components."""


@attrs.frozen
class PageInfo:
    """The page and the clock it was rendered by."""

    page: Page
    issued: datetime | None
    """``<meta name="issued">``: when Statuspage rendered the page."""
    kind: str
    """"index", "incident", "history" or "" (from the body's classes)."""
    indicator_word: str | None
    """The ``status-<word>`` class of ``<body>`` (the page's indicator)."""


def page_info(root: etree._Element, source: Source, ctx: ParseContext) -> PageInfo:
    """Name, address, id, render time and page kind from the document's head and body."""
    # the document's children and the head's read directly: ElementPath's find() costs
    # more than these loops
    head = body = None
    for child in root:
        if child.tag == "head" and head is None:
            head = child
        elif child.tag == "body" and body is None:
            body = child
    name = url = None
    issued: datetime | None = None
    if head is not None:
        title_el = None
        for el in head:
            tag = el.tag
            if tag == "link":
                rel = (el.get(b"rel") or "").lower()
                href = el.get(b"href")
                if (
                    url is None
                    and href
                    and (rel == "canonical" or (rel == "alternate" and "/history." in href))
                ):
                    url = origin(href)
            elif tag == "meta" and el.get(b"name") == "issued":
                issued = from_epoch(el.get(b"content"), ctx, "head/meta[@name=issued]")
            elif tag == "title" and title_el is None:
                title_el = el
        title = text_of(title_el)
        name = re.split(r"\s+-\s+|\s+\|\s+", title, maxsplit=1)[0] if title else None
        if name and name.endswith(" Status"):
            name = name[: -len(" Status")].rstrip() or name
    if url is None and source.url:
        url = origin(source.url)
    tokens = (body.get(b"class") or "").split() if body is not None else []
    kind = next((t for t in tokens if t in ("index", "incident", "history")), "")
    word = next((t[7:] for t in tokens if t.startswith("status-") and len(t) > 7), None)
    # the subscription links carry the page's id; a regex over the bytes is far cheaper
    # than visiting every link of the page
    raw = source.raw
    at = raw.find(b"page_code=", 0, _PAGE_CODE_WINDOW)
    m = _PAGE_CODE.match(raw, at) if at >= 0 else None
    page_id = m.group(1).decode("ascii") if m else None
    return PageInfo(Page(name=name or None, url=url, id=page_id), issued, kind, word)


def origin(href: str | None) -> str | None:
    """The scheme and host of *href* (http or https only), or None."""
    url = safe_url(href)
    if url is None:
        return None
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def incident_code(href: str | None) -> str | None:
    """The incident code of an ``/incidents/<code>`` link (the JSON API's incident id)."""
    if not href:
        return None
    m = _CODE.search(href)
    return m.group(1) if m else None


def parse_day(text: str) -> datetime | None:
    """A day heading ("Oct 18, 2021") as noon UTC of that day, or None."""
    m = _DAY.search(text)
    if m is None:
        return None
    month = _MONTHS.get(m.group(1).lower())
    if month is None:
        return None
    try:
        # positional: datetime() reads keyword arguments several times slower
        return datetime(int(m.group(3)), month, int(m.group(2)), 12, 0, 0, 0, timezone.utc)
    except ValueError:
        return None


def parse_when(
    text: str, reference: datetime | None, ctx: ParseContext, path: str
) -> datetime | None:
    """A displayed time ("Oct 18, 15:32 UTC", "Posted on Aug 1, 12:54 PDT", "Dec 21, 2019 -
    12:31 UTC") as aware UTC; the year, when absent, is the one nearest *reference*."""
    if text[:6].lower() == "posted":
        text = _POSTED.sub("", text)
    if not text:
        return None
    m = _SHORT.match(text) if reference is not None else None
    if m is not None and reference is not None:
        # the page's usual form, read without dateutil or three candidate years
        found = _short(m, reference, ctx)
        if found is not None:
            return found
    return parse_partial(text, reference, ctx, path)


def shown_time(
    small: etree._Element, reference: datetime | None, ctx: ParseContext, path: str
) -> datetime | None:
    """The time of a post, printed as ``Oct <var data-var='date'>18</var>, <var
    data-var='time'>15:32</var> UTC``: read from the two ``var`` elements when it has exactly
    that shape (most posts), from its text otherwise."""
    if len(small) == 2:
        day_el, time_el = small[0], small[1]
        found = _shown(
            small.text, day_el.text, day_el.tail, time_el.text, time_el.tail, reference, ctx
        )
        if found is not None:
            return found
    return parse_when(text_of(small), reference, ctx, path)


def shown_parts(
    parts: tuple[str | None, str | None, str | None, str | None, str | None],
    reference: datetime | None,
    ctx: ParseContext,
    path: str,
) -> datetime | None:
    """:func:`shown_time` of a ``<small>`` given as its five texts (its text, then the text and
    tail of each of its two children, which hold no elements), as the compiled walker reads
    them."""
    found = _shown(*parts, reference, ctx)
    if found is not None:
        return found
    return parse_when(" ".join("".join([p or "" for p in parts]).split()), reference, ctx, path)


def _shown(
    lead: str | None,
    day_text: str | None,
    day_tail: str | None,
    clock: str | None,
    zone_text: str | None,
    reference: datetime | None,
    ctx: ParseContext,
) -> datetime | None:
    """The usual ``Oct <var>18</var>, <var>15:32</var> UTC``, read without a parser."""
    if reference is None or ctx.time_zone is not None:
        return None
    month = _MONTHS.get((lead or "").strip()[:3].lower())
    clock = clock or ""
    zone = FIXED_ZONES.get((zone_text or "").strip())
    if month and zone and len(clock) == 5 and clock[2] == ":" and (day_tail or "").strip() == ",":
        day = (day_text or "").strip()
        # ASCII digits only: isdigit() also accepts "¹", which int() refuses
        if (
            day.isascii()
            and day.isdigit()
            and clock.isascii()
            and clock[:2].isdigit()
            and clock[3:].isdigit()
        ):
            return nearest_time(reference, month, int(day), int(clock[:2]), int(clock[3:]), zone)
    return None


def nearest_time(
    reference: datetime, month: int, day: int, hour: int, minute: int, zone: timezone
) -> datetime | None:
    """Month/day/time in *zone* in the year nearest *reference*, as aware UTC (None when no
    such time)."""
    if hour > 23 or minute > 59:
        return None
    year = reference.year
    delta = month - reference.month
    if delta > 6:
        year -= 1
    elif delta < -6:
        year += 1
    elif delta in (6, -6):
        try:
            days = (date(year, month, day) - reference.date()).days
        except ValueError:
            return None
        year += -1 if days > 183 else 1 if days < -183 else 0
    try:
        found = datetime(year, month, day, hour, minute, 0, 0, zone)  # positional: faster
    except ValueError:
        return None
    return found if zone is timezone.utc else found.astimezone(timezone.utc)


def _short(m: re.Match[str], reference: datetime, ctx: ParseContext) -> datetime | None:
    month = _MONTHS.get(m[1].lower())
    if month is None:
        return None
    day, hour, minute = int(m[2]), int(m[3]), int(m[4])
    zone = FIXED_ZONES.get(m[5]) if ctx.time_zone is None else None
    if zone is not None:
        return nearest_time(reference, month, day, hour, minute, zone)
    # the page's own zone decides what the abbreviation means (daylight time included)
    found = nearest_time(reference, month, day, hour, minute, timezone.utc)
    if found is None:
        return None
    wall = found.replace(tzinfo=None)
    resolved = resolve_zone(m[5], ctx.time_zone, wall)
    if resolved is None:
        return None
    return wall.replace(tzinfo=resolved).astimezone(timezone.utc)


FIXED_ZONES = {
    name: timezone.utc if offset == 0 else timezone(timedelta(seconds=offset), name)
    for name, offset in ZONE_ABBREVIATIONS.items()
}
"""Zones by abbreviation for pages whose own zone is unknown (the explicit table)."""


def parse_window(
    text: str, reference: datetime | None, ctx: ParseContext, path: str
) -> tuple[datetime | None, datetime | None]:
    """A time range ("Aug 27, 22:00-23:00 PDT", "Sep 1, 23:59 - Sep 2, 00:00 PDT") as (start,
    end); a single time gives (start, None)."""
    m = _WINDOW.match(text)
    if m is None:
        return parse_when(text, reference, ctx, path), None
    zone = m["z2"] or m["z1"] or ""
    year1 = f" {m['y1']}," if m["y1"] else ""
    start = parse_partial(f"{m['d1']},{year1} {m['t1']} {m['z1'] or zone}", reference, ctx, path)
    day2 = m["d2"] or m["d1"]
    year2 = f" {m['y2']}," if m["y2"] else year1
    end = parse_partial(f"{day2},{year2} {m['t2']} {zone}", start or reference, ctx, path)
    if start is not None and end is not None and end < start and not m["d2"]:
        end += timedelta(days=1)  # "23:00-01:00": the window ends the next day
    return start, end


def update_status(raw: str, ctx: ParseContext, path: str) -> IncidentStatus:
    """The status an update's word names; "Update" (status unchanged) gives UNKNOWN here and is
    resolved by :func:`carry_update_status`; an unknown word warns."""
    word = " ".join(raw.lower().split())
    found = UPDATE_WORDS.get(word)
    if found is not None:
        return found
    if word != _CARRY:
        ctx.warn(f"unknown update status {raw!r} mapped to UNKNOWN", path)
    return IncidentStatus.UNKNOWN


def carry_update_status(updates: Sequence[Update]) -> list[Update]:
    """*updates* (oldest first) with each "Update" post given the status it left unchanged."""
    out: list[Update] = []
    last: IncidentStatus | None = None
    for u in updates:
        if u.status is IncidentStatus.UNKNOWN and (u.raw_status or "").lower() == _CARRY:
            out.append(u if last is None else attrs.evolve(u, status=last))
            continue
        if u.status is not IncidentStatus.UNKNOWN:
            last = u.status
        out.append(u)
    return out


def split_post(el: etree._Element) -> tuple[str | None, str, str, etree._Element | None]:
    """An index-style post ``<strong>Status</strong> - body <br> <small>time</small>`` as
    (status word or None, body html, body text, the time element or None), in one pass."""
    kids = list(el)
    strong_at = -1
    small_at = len(kids)
    for i, child in enumerate(kids):
        tag = child.tag
        if tag == "strong" and strong_at < 0 and i == 0:
            strong_at = i
        elif tag == "small":
            small_at = i
    strong = kids[strong_at] if strong_at >= 0 else None
    lead = (strong.tail if strong is not None else el.text) or ""
    html, text = fragment(lead, kids[strong_at + 1 : small_at], lead_mark=_DASHES)
    word = text_of(strong) or None if strong is not None else None
    return word, html, text, kids[small_at] if small_at < len(kids) else None


_DASHES = "-\u2013\u2014"
