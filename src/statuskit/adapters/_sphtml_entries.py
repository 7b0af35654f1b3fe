"""The incident entries of the Statuspage index page: unresolved incidents, scheduled
maintenances and the past-incident list, each with its ``div.update`` posts (see
:mod:`._sphtml_index` for the markup)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from lxml import etree

from .. import _compiled
from .._dates import from_epoch
from ..limits import ParseContext
from ..model import Incident, Page, Update
from ..status import Impact, IncidentKind, IncidentStatus
from ._fastbuild import new_update
from ._html import first_class, fragment, line, text_of
from ._json import lookup
from ._sphtml import (
    FIXED_ZONES,
    MAINTENANCE_STATUSES,
    UPDATE_WORDS,
    incident_code,
    nearest_time,
    parse_window,
    shown_parts,
    shown_time,
    update_status,
)
from ._spjson import IMPACT

__all__ = ["child_div", "read_past", "read_scheduled", "read_unresolved"]

_NO_RAW: Mapping[str, Any] = MappingProxyType({})
"""Shared by every post (read-only): the page has no record beyond the model."""


def child_div(el: etree._Element, cls: str) -> etree._Element | None:
    for child in el:
        value = child.get(b"class")
        if value and cls in value and child.tag == "div" and cls in value.split():
            return child
    return None


def _updates(
    container: etree._Element | None, reference: datetime | None, ctx: ParseContext, path: str
) -> list[Update]:
    """The ``div.update`` posts of *container* (newest first on the page), oldest first.

    Written for speed (a page has hundreds of posts): one pass over each post's children, and
    "Update" posts given the status they left unchanged as the list is built."""
    if container is None:
        return []
    limit = ctx.limits.max_items
    whole = _compiled.read_posts
    if whole is not None and ctx.time_zone is None:
        # the usual container, every post of the usual shape: read whole by the walker
        done = whole(
            container,
            reference,
            FIXED_ZONES,
            nearest_time,
            UPDATE_WORDS,
            IncidentStatus.UNKNOWN,
            new_update,
            _NO_RAW,
            limit,
            ctx.limits.max_text,
        )
        if done is not None:
            return done
    posts: list[tuple[str | None, str, str, datetime | None]] = []
    scan = _compiled.scan_posts
    # (0, element) | (1, texts of the usual shape) | (2, the post read whole)
    items: Iterable[tuple[int, Any]] = (
        ((0, el) for el in container.iterchildren("div"))
        if scan is None
        else scan(container, None if ctx.time_zone else reference, FIXED_ZONES, nearest_time)
    )
    for kind, el in items:
        if kind == 0:
            cls = el.get(b"class")
            if cls is None or "update" not in cls.split():
                continue
        if len(posts) >= limit:
            ctx.warn(f"more than max_items={limit} updates; the rest ignored", path)
            break
        if kind == 2:
            # read whole by the compiled walker: (word, html, text, time)
            posts.append(el)
            continue
        if kind == 1:
            # read by the compiled walker: <strong>, text, <br>s with their tails, <small>
            word_text, lead, tails, parts = el
            html, text = fragment(lead or "", [_Br(t) for t in tails], lead_mark=_DASHES)
            when = shown_parts(parts, reference, ctx, f"{path}.update[{len(posts)}]")
            posts.append((line(word_text) or None, html, text, when))
            continue
        kids = list(el)
        n = len(kids)
        strong = kids[0] if n and kids[0].tag == "strong" else None
        end = n - 1  # the time is the last <small>, almost always the last child
        while end >= 0 and kids[end].tag != "small":
            end -= 1
        small = kids[end] if end >= 0 else None
        if small is None:
            end = n
        lead = (strong.tail if strong is not None else el.text) or ""
        html, text = fragment(lead, kids[1 if strong is not None else 0 : end], lead_mark=_DASHES)
        word = text_of(strong) or None if strong is not None else None
        when = None
        if small is not None:
            when = shown_time(small, reference, ctx, f"{path}.update[{len(posts)}]")
        posts.append((word, html, text, when))
    out: list[Update] = []
    last = IncidentStatus.UNKNOWN
    for k, (word, html, text, when) in enumerate(reversed(posts)):
        if word is None:
            status = IncidentStatus.UNKNOWN
        else:
            status = UPDATE_WORDS.get(word.lower()) or update_status(
                word, ctx, f"{path}.update[{len(posts) - 1 - k}]/strong"
            )
            if status is IncidentStatus.UNKNOWN and word.lower() == "update":
                status = last  # "Update": a post that left the status as it was
            else:
                last = status
        out.append(
            new_update(None, status, word, ctx.text(text, path), html or None, when, (), _NO_RAW)
        )
    return out


_DASHES = "-\u2013\u2014"


class _Br:
    """A ``<br>`` as :func:`fragment` reads it (its tag and tail), from the compiled walker."""

    __slots__ = ("tail",)
    tag = "br"

    def __init__(self, tail: str | None) -> None:
        self.tail = tail


def _title_link(el: etree._Element | None) -> tuple[str | None, str, str | None]:
    """(code, title, href) of an incident title block."""
    if el is None:
        return None, "", None
    # the link is the first child on Statuspage's pages: no tag matcher to build then
    link = el[0] if len(el) and el[0].tag == "a" else next(el.iter("a"), None)
    if link is None:
        return None, text_of(el), None
    href = link.get("href")
    return incident_code(href), text_of(link) or (link.get("title") or ""), href


def _url(page: Page, code: str) -> str | None:
    return f"{page.url}/incidents/{code}" if page.url else None


def _kind(impact: Impact, updates: list[Update]) -> IncidentKind:
    if impact is Impact.MAINTENANCE or any(u.status in MAINTENANCE_STATUSES for u in updates):
        return IncidentKind.MAINTENANCE
    return IncidentKind.INCIDENT


def _impact(word: str | None, ctx: ParseContext, path: str) -> tuple[Impact, str | None]:
    if word is None:
        return Impact.UNKNOWN, None
    return lookup(IMPACT, word, Impact.UNKNOWN, ctx, f"{path}@class", "impact")


def _entry_head(
    el: etree._Element, what: str, ctx: ParseContext, path: str
) -> tuple[etree._Element | None, str, str] | None:
    """(title element, incident code, title) of an entry; None, with a warning, when it has no
    ``/incidents/`` link to key it by."""
    title_el = child_div(el, "incident-title")
    code, title, _ = _title_link(title_el)
    if code is None:
        ctx.warn(f"{what} without an /incidents/ link: skipped", path, title)
        return None
    return title_el, code, title


def read_unresolved(
    el: etree._Element, reference: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    head = _entry_head(el, "unresolved incident", ctx, path)
    if head is None:
        return None
    _, code, title = head
    impact, raw_impact = _impact(first_class(el, "impact-"), ctx, path)
    updates = _updates(child_div(el, "updates"), reference, ctx, path)
    return Incident.build(
        id=code,
        title=title,
        kind=_kind(impact, updates),
        impact=impact,
        raw_impact=raw_impact,
        url=_url(page, code),
        updates=updates,
        raw={"section": "unresolved"},
    )


def read_scheduled(
    el: etree._Element, reference: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    head = _entry_head(el, "scheduled maintenance", ctx, path)
    if head is None:
        return None
    title_el, code, title = head
    start = end = None
    window = next((c for c in title_el if c.tag == "small"), None) if title_el is not None else None
    if window is not None:
        start, end = parse_window(text_of(window), reference, ctx, f"{path}/small")
        unix = window.get("data-unix-time")
        if unix:
            exact = from_epoch(unix, ctx, f"{path}/small@data-unix-time")
            if exact is not None:
                if end is not None and start is not None:
                    end = exact + (end - start)
                start = exact
    updates = [
        u
        if u.status is not IncidentStatus.UNKNOWN
        else Update(
            id=u.id,
            status=IncidentStatus.SCHEDULED,
            raw_status=u.raw_status,
            body=u.body,
            body_html=u.body_html,
            created_at=u.created_at,
        )
        for u in _updates(child_div(el, "updates-container"), reference, ctx, path)
    ]
    return Incident.build(
        id=code,
        title=title,
        kind=IncidentKind.MAINTENANCE,
        status=IncidentStatus.SCHEDULED,
        impact=Impact.MAINTENANCE,
        scheduled_for=start,
        scheduled_until=end,
        created_at=updates[0].created_at if updates else None,
        url=_url(page, code),
        updates=updates,
        raw={"section": "scheduled"},
    )


def read_past(
    el: etree._Element, day: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    fast = _compiled.past_entry
    parts = fast(el) if fast is not None else None
    code = incident_code(parts[0]) if parts is not None else None
    if parts is not None and code is not None:
        # the usual entry, read by the compiled walker
        _, title, word, container = parts
    else:
        head = _entry_head(el, "past incident", ctx, path)
        if head is None:
            return None
        title_el, code, title = head
        word = first_class(title_el, "impact-") if title_el is not None else None
        container = child_div(el, "updates-container")
    impact, raw_impact = _impact(word, ctx, path)
    updates = _updates(container, day, ctx, path)
    kind = _kind(impact, updates)
    raw: dict[str, str] = {"section": "past"}
    status = IncidentStatus.UNKNOWN
    if not any(u.status is not IncidentStatus.UNKNOWN for u in updates):
        # The list prints open incidents as "Unresolved incident: ..." lines, never as entries:
        # an entry without a status of its own is over.
        status = (
            IncidentStatus.COMPLETED
            if kind is IncidentKind.MAINTENANCE
            else IncidentStatus.RESOLVED
        )
        raw["status_inferred"] = "listed among past incidents"
    return Incident.build(
        id=code,
        title=title,
        kind=kind,
        status=status,
        impact=impact,
        raw_impact=raw_impact,
        url=_url(page, code),
        updates=updates,
        raw=raw,
    )
