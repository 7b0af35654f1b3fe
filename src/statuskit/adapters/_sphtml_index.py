"""The Statuspage index page (``/``): components, the page-status banner, unresolved incidents,
scheduled maintenances and the past-incident list.

Markup read (one pass over the page's ``<div>`` elements, by class):

* ``div.component-inner-container[data-component-id][data-component-status]``: a component;
  inside ``div.component-container.is-group`` the first one is the group row and the others sit
  in ``div.child-components-container``.
* ``div.page-status.status-<indicator>`` (shown only when no incident is open) or the
  ``status-<indicator>`` class of ``<body>``: the page's indicator.
* ``div.unresolved-incident.impact-<impact>``: an open incident (or a maintenance in progress)
  with ``div.update`` posts, newest first: ``<strong>Status</strong> - body <small>time</small>``.
* ``div.scheduled-maintenance``: an upcoming maintenance, its window in ``small[data-unix-time]``.
* ``div.incidents-list div.status-day``: one day of the past-incident list, its heading
  ("Oct 18, 2021") dating the updates below it; ``div.incident-container`` entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from lxml import etree

from .._dates import from_epoch
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._html import first_class, fragment, has_class, text_of
from ._json import lookup
from ._sphtml import (
    MAINTENANCE_STATUSES,
    UPDATE_WORDS,
    incident_code,
    parse_day,
    parse_window,
    shown_time,
    update_status,
)
from ._spjson import COMPONENT_STATUS, IMPACT, INDICATOR

__all__ = ["IndexPage", "read_index"]

_NO_RAW: Mapping[str, Any] = MappingProxyType({})
"""Shared by every component and post (read-only): the page has no record beyond the model."""


class IndexPage:
    """What the index page yields, before it becomes a Snapshot."""

    __slots__ = ("components", "coverage", "description", "incidents", "indicator", "raw_indicator")

    def __init__(self) -> None:
        self.components: list[Component] = []
        self.incidents: list[Incident] = []
        self.indicator: ComponentStatus | None = None
        self.raw_indicator: str | None = None
        self.description: str | None = None
        self.coverage = Coverage()


def read_index(
    root: etree._Element,
    page: Page,
    issued: datetime | None,
    body_word: str | None,
    ctx: ParseContext,
) -> IndexPage:
    """Read an index page (see the module docstring for the markup)."""
    out = IndexPage()
    limit = ctx.limits.max_items
    unresolved: list[etree._Element] = []
    scheduled: list[etree._Element] = []
    days: list[etree._Element] = []
    banner: etree._Element | None = None
    group: tuple[str, str] | None = None  # (id, name) of the group whose members follow
    expect_group_row = False
    for el in root.iter("div"):
        # substring tests first: most divs are none of these, and splitting every class
        # attribute would cost more than reading the components
        cls = el.get("class")
        if not cls:
            continue
        if "component-inner-container" in cls:
            if len(out.components) >= limit:
                ctx.warn(f"more than max_items={limit} components; the rest ignored", "$")
                break
            comp = _component(el, group, expect_group_row, len(out.components), ctx)
            if comp is not None:
                if expect_group_row:
                    group = (comp.id, comp.name)
                out.components.append(comp)
            expect_group_row = False
            continue
        if "component-container" in cls:
            # a new top-level entry: a group (its first row is the group's) or a component
            expect_group_row = "is-group" in cls.split()
            group = None
        elif "status-day" in cls:
            if "status-day" in cls.split():
                days.append(el)
        elif "unresolved-incident" in cls:
            if "unresolved-incident" in cls.split():
                unresolved.append(el)
        elif "scheduled-maintenance" in cls:
            if "scheduled-maintenance" in cls.split():
                scheduled.append(el)
        elif "page-status" in cls and banner is None and "page-status" in cls.split():
            banner = el

    _indicator(out, banner, body_word, ctx)
    today = parse_day(text_of(_child_div(days[0], "date"))) if days else None
    reference = issued or today
    seen: set[str] = set()
    for i, el in enumerate(unresolved[:limit]):
        inc = _unresolved(el, reference, page, ctx, f"unresolved-incident[{i}]")
        if inc is not None and inc.id not in seen:
            seen.add(inc.id)
            out.incidents.append(inc)
    for i, el in enumerate(scheduled[:limit]):
        inc = _scheduled(el, reference, page, ctx, f"scheduled-maintenance[{i}]")
        if inc is not None and inc.id not in seen:
            seen.add(inc.id)
            out.incidents.append(inc)
    for d, day in enumerate(days):
        when = parse_day(text_of(_child_div(day, "date"))) or reference
        for j, el in enumerate(c for c in day if has_class(c, "incident-container")):
            if len(out.incidents) >= limit:
                break
            inc = _past(el, when, page, ctx, f"status-day[{d}].incident-container[{j}]")
            if inc is not None and inc.id not in seen:
                seen.add(inc.id)
                out.incidents.append(inc)
    if not out.components:
        ctx.warn("the page shows no components", "div.components-section")
    # The index lists every open incident, upcoming and running maintenance, and (when the
    # past-incident list is shown) everything of its last days: a recent window.
    window = Scope.RECENT if days else Scope.OPEN
    out.coverage = Coverage(
        components=bool(out.components),
        indicator=out.indicator is not None,
        incidents=window,
        maintenances=window,
    )
    return out


def _child_div(el: etree._Element, cls: str) -> etree._Element | None:
    for child in el:
        value = child.get("class")
        if value and cls in value and child.tag == "div" and cls in value.split():
            return child
    return None


def _component(
    el: etree._Element,
    group: tuple[str, str] | None,
    is_group: bool,
    position: int,
    ctx: ParseContext,
) -> Component | None:
    """One ``div.component-inner-container``; *group* is the (id, name) of the group it sits in,
    *is_group* says it is a group's own row.  (Hundreds per page: kept lean.)"""
    get = el.get
    cid = get("data-component-id")
    raw_status = get("data-component-status")
    name = description = None
    # Statuspage writes span.name first and the optional span.tooltip-base second
    size = len(el)
    first = el[0] if size else None
    if first is not None and (first.get("class") or "").startswith("name"):
        name = text_of(first)
        if size > 1:
            second = el[1]
            if "tooltip-base" in (second.get("class") or ""):
                description = second.get("title") or None
    else:
        for child in el:
            cls = child.get("class") or ""
            if name is None and "name" in cls.split():
                name = text_of(child)
            elif "tooltip-base" in cls:
                description = child.get("title") or None
    name = name or ""
    if not cid:
        path = f"div.component-inner-container[{position}]"
        if not name:
            ctx.warn("component without id or name: skipped", path)
            return None
        ctx.warn("component without data-component-id: keyed by its name", path, name)
        cid = f"name:{name}"
    status = COMPONENT_STATUS.get(raw_status) if raw_status else None
    if status is None:
        path = f"div.component-inner-container[{position}]"
        if raw_status is None:
            ctx.warn("component without data-component-status", path, name)
        status, raw_status = lookup(
            COMPONENT_STATUS,
            raw_status,
            ComponentStatus.UNKNOWN,
            ctx,
            f"{path}@data-component-status",
            "component status",
        )
    if is_group or group is None:
        return Component(
            cid,
            name,
            status,
            raw_status,
            None,
            description,
            position,
            None,
            is_group,
            None,
            _NO_RAW,
        )
    return Component(
        cid,
        name,
        status,
        raw_status,
        group[1],
        description,
        position,
        group[0],
        False,
        None,
        _NO_RAW,
    )


def _indicator(
    out: IndexPage, banner: etree._Element | None, body_word: str | None, ctx: ParseContext
) -> None:
    word = first_class(banner, "status-") if banner is not None else None
    if banner is not None:
        status_el = next((c for c in banner if has_class(c, "status")), None)
        out.description = text_of(status_el) or None
    word = word or body_word
    if word is None:
        return
    out.indicator, out.raw_indicator = lookup(
        INDICATOR, word, ComponentStatus.UNKNOWN, ctx, "div.page-status", "indicator"
    )


def _updates(
    container: etree._Element | None, reference: datetime | None, ctx: ParseContext, path: str
) -> list[Update]:
    """The ``div.update`` posts of *container* (newest first on the page), oldest first.

    Written for speed (a page has hundreds of posts): one pass over each post's children, and
    "Update" posts given the status they left unchanged as the list is built."""
    if container is None:
        return []
    posts: list[tuple[str | None, str, str, datetime | None]] = []
    limit = ctx.limits.max_items
    for el in container.iterchildren("div"):
        cls = el.get("class")
        if cls is None or "update" not in cls.split():
            continue
        if len(posts) >= limit:
            ctx.warn(f"more than max_items={limit} updates; the rest ignored", path)
            break
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
            Update(None, status, word, ctx.text(text, path), html or None, when, (), _NO_RAW)
        )
    return out


_DASHES = "-\u2013\u2014"


def _title_link(el: etree._Element | None) -> tuple[str | None, str, str | None]:
    """(code, title, href) of an incident title block."""
    if el is None:
        return None, "", None
    link = next(el.iter("a"), None)
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


def _unresolved(
    el: etree._Element, reference: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    title_el = _child_div(el, "incident-title")
    code, title, _ = _title_link(title_el)
    if code is None:
        ctx.warn("unresolved incident without an /incidents/ link: skipped", path, title)
        return None
    impact, raw_impact = _impact(first_class(el, "impact-"), ctx, path)
    updates = _updates(_child_div(el, "updates"), reference, ctx, path)
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


def _scheduled(
    el: etree._Element, reference: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    title_el = _child_div(el, "incident-title")
    code, title, _ = _title_link(title_el)
    if code is None:
        ctx.warn("scheduled maintenance without an /incidents/ link: skipped", path, title)
        return None
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
        for u in _updates(_child_div(el, "updates-container"), reference, ctx, path)
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


def _past(
    el: etree._Element, day: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    title_el = _child_div(el, "incident-title")
    code, title, _ = _title_link(title_el)
    if code is None:
        ctx.warn("past incident without an /incidents/ link: skipped", path, title)
        return None
    impact, raw_impact = _impact(
        first_class(title_el, "impact-") if title_el is not None else None, ctx, path
    )
    updates = _updates(_child_div(el, "updates-container"), day, ctx, path)
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
