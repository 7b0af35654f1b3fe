"""Reading the legacy AWS Service Health Dashboard ``status.aws.amazon.com/data.json``.

``{"archive": [...], "current": [...]}``: each event has ``service`` (``ec2-us-east-2``),
``service_name`` ("Amazon Elastic Compute Cloud (Ohio)"), ``summary`` ("[RESOLVED] ..."),
``date`` (epoch seconds, as a string), ``status`` ("1" to "3") and its posts as HTML in
``description``: ``<div><span class="yellowfg">12:53 PM PDT</span>&nbsp;text</div>``.  Times
are US Pacific and carry their date ("Aug 7, 1:50 AM PDT") only when a post is not on the
event's first day; an undated time earlier than the post before it is on the next day.

An archived event, or one whose summary starts with "[RESOLVED]", is resolved: its last post is
the resolving one.  Every other post is INVESTIGATING (the format has no per-post status).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
from lxml import html as lxml_html

from .._dates import from_epoch, parse_partial, resolve_zone, zone_info
from .._markup import check_markup
from .._text import clean, html_to_text
from ..limits import ParseContext
from ..model import ComponentRef, Incident, Update
from ..status import IncidentStatus
from ._aws_events import SERVICE_STATE, build_event, status_code
from ._json import as_str, omit

__all__ = ["read_legacy_event"]

_RESOLVED_PREFIX = re.compile(r"^\s*\[RESOLVED\]\s*", re.I)
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?\s*([A-Za-z]{2,5})?\s*$")
_DATED = re.compile(r"^[A-Za-z]{3,9}\.? \d{1,2},? ")
_PACIFIC = "America/Los_Angeles"


def read_legacy_event(
    item: Mapping[str, Any], ctx: ParseContext, path: str, *, archived: bool
) -> Incident | None:
    """One event of the legacy ``data.json`` (*archived*: it came from ``archive``)."""
    service = as_str(item.get("service"), ctx, f"{path}.service")
    start = from_epoch(item.get("date"), ctx, f"{path}.date")
    if not service:
        ctx.warn("event without service: skipped", f"{path}.service")
        return None
    summary = as_str(item.get("summary"), ctx, f"{path}.summary") or ""
    resolved = archived or bool(_RESOLVED_PREFIX.match(summary))
    top = status_code(item.get("status"))
    description = as_str(item.get("description"), ctx, f"{path}.description") or ""
    updates = _legacy_posts(description, start, ctx, f"{path}.description")
    if resolved and updates:
        updates[-1] = attrs.evolve(updates[-1], status=IncidentStatus.RESOLVED)
    service_name = as_str(item.get("service_name"), ctx, f"{path}.service_name")
    raw = omit(item, "description")
    return build_event(
        f"{service}:{item.get('date')}",
        title=_RESOLVED_PREFIX.sub("", summary),
        top=top,
        codes=[top],
        resolved=resolved,
        start=start,
        updates=updates,
        refs=[ComponentRef(service, service_name, SERVICE_STATE.get(top or ""), top)],
        ctx=ctx,
        path=path,
        raw=raw,
    )


def _legacy_posts(
    markup: str, start: datetime | None, ctx: ParseContext, path: str
) -> list[Update]:
    if not markup.strip():
        return []
    check_markup(markup, ctx, path=path)  # libxml2 checks attributes pairwise: bound them first
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml.html also asserts ("too many bodies") on odd input
        root = None
    blocks = [el for el in root if el.tag == "div"] if root is not None else []
    if not blocks:  # one post without the usual markup
        return [
            Update(None, IncidentStatus.INVESTIGATING, None, html_to_text(markup), markup, start)
        ]
    out: list[Update] = []
    previous = start
    for k, block in enumerate(blocks[: ctx.limits.max_items]):
        stamp = next((s for s in block.iter("span") if "yellowfg" in (s.get("class") or "")), None)
        when = None
        if stamp is not None:
            when = _time_of_day(
                stamp.text_content(), previous, ctx, f"{path}.div[{k}]", first=k == 0
            )
        if when is not None:
            previous = when
        body_html = lxml_html.tostring(block, encoding="unicode")
        text = html_to_text(body_html)
        if stamp is not None:
            label = clean(stamp.text_content())
            text = text[len(label) :].lstrip() if text.startswith(label) else text
        out.append(
            Update(
                id=None,
                status=IncidentStatus.INVESTIGATING,
                raw_status=None,
                body=ctx.text(text, f"{path}.div[{k}]"),
                body_html=ctx.text(body_html, f"{path}.div[{k}]"),
                created_at=when,
            )
        )
    return out


def _time_of_day(
    text: str, previous: datetime | None, ctx: ParseContext, path: str, *, first: bool
) -> datetime | None:
    """ "12:53 PM PDT" as the first such time not before *previous*; for the *first* post, the
    one closest to the event's start (*previous*).  AWS prints US Pacific times, with the date
    ("Aug 7, 1:50 AM PDT") only when a post is not on the event's first day."""
    text = " ".join(text.replace("\xa0", " ").split())
    if _DATED.match(text):
        # a post on a later day carries its date: "Aug 7, 1:50 AM PDT"
        return parse_partial(text, previous, ctx, path)
    m = _TIME.match(text)
    if m is None or previous is None:
        ctx.warn("unreadable time of day", path, text)
        return None
    hour, minute = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0), int(m.group(2))
    abbr = (m.group(4) or "").upper()
    local = previous.astimezone(zone_info(_PACIFIC) or timezone.utc)
    zone = resolve_zone(abbr, _PACIFIC, local) if abbr else zone_info(_PACIFIC)
    if zone is None:
        ctx.warn(f"unknown time zone {abbr!r}", path, text)
        return None
    best: datetime | None = None
    for days in (-1, 0, 1):
        day = local.date() + timedelta(days=days)
        try:
            cand = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        except ValueError:
            continue
        cand = cand.astimezone(timezone.utc)
        if first:
            if best is None or abs(cand - previous) < abs(best - previous):
                best = cand
        # a later post is never earlier than the one before it: the first candidate that is
        # not is the answer
        elif cand >= previous and (best is None or cand < best):
            best = cand
    if best is None:
        ctx.warn("time of day before the previous post", path, text)
    return best
