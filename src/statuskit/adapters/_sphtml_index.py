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

The incident entries and their posts are read by :mod:`._sphtml_entries`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from lxml import etree

from .. import _compiled
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope
from ..status import ComponentStatus
from ._fastbuild import new_component
from ._html import first_class, has_class, line, text_of
from ._json import lookup
from ._sphtml import parse_day
from ._sphtml_entries import child_div, read_past, read_scheduled, read_unresolved
from ._spjson import COMPONENT_STATUS, INDICATOR

__all__ = ["IndexPage", "read_index"]

_NO_RAW: Mapping[str, Any] = MappingProxyType({})
"""Shared by every component (read-only): the page has no record beyond the model."""
_MAKE_COMPONENT = _compiled.maker(Component, new_component)
"""new_component, or the compiled walker's equivalent (statuskit._compiled.maker)."""


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
    scan = _compiled.scan_index
    if scan is None:
        parts: Iterable[tuple[str, etree._Element]] = _read_divs(root, out, ctx)
    else:
        # the compiled walker reads the component rows itself (as the loop below would)
        # and hands back the other parts of the page
        comps, cut, parts = scan(
            root, COMPONENT_STATUS, _MAKE_COMPONENT, _finish, _component, _NO_RAW, limit, ctx
        )
        out.components = comps
        if cut:
            ctx.warn(f"more than max_items={limit} components; the rest ignored", "$")
    for cls, el in parts:
        if "status-day" in cls:
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
    listed = [_day(day) for day in days]
    today = parse_day(listed[0][0]) if listed else None
    reference = issued or today
    seen: set[str] = set()
    for i, el in enumerate(unresolved[:limit]):
        inc = read_unresolved(el, reference, page, ctx, f"unresolved-incident[{i}]")
        if inc is not None and inc.id not in seen:
            seen.add(inc.id)
            out.incidents.append(inc)
    for i, el in enumerate(scheduled[:limit]):
        inc = read_scheduled(el, reference, page, ctx, f"scheduled-maintenance[{i}]")
        if inc is not None and inc.id not in seen:
            seen.add(inc.id)
            out.incidents.append(inc)
    for d, (heading, entries) in enumerate(listed):
        when = parse_day(heading) or reference
        for j, el in enumerate(entries):
            if len(out.incidents) >= limit:
                break
            inc = read_past(el, when, page, ctx, f"status-day[{d}].incident-container[{j}]")
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


def _read_divs(
    root: etree._Element, out: IndexPage, ctx: ParseContext
) -> Iterator[tuple[str, etree._Element]]:
    """The component rows of the page read into *out* (groups, positions, the max_items cut),
    as the divs go by; (class, element) of every other div, for read_index to sort out.  The
    compiled walker's scan_index does the same in one C walk (tests/test_speedups.py)."""
    limit = ctx.limits.max_items
    group: tuple[str, str] | None = None  # (id, name) of the group whose members follow
    expect_group_row = False
    for el in root.iter("div"):
        cls = el.get(b"class")
        if not cls:
            continue
        if "component-inner-container" in cls:
            if len(out.components) >= limit:
                ctx.warn(f"more than max_items={limit} components; the rest ignored", "$")
                return
            comp = _component(el, group, expect_group_row, len(out.components), ctx)
            if comp is not None:
                if expect_group_row:
                    group = (comp.id, comp.name)
                out.components.append(comp)
            expect_group_row = False
        elif "component-container" in cls:
            # a new top-level entry: a group (its first row is the group's) or a component
            expect_group_row = "is-group" in cls.split()
            group = None
        else:
            yield cls, el


def _day(day: etree._Element) -> tuple[str, list[etree._Element]]:
    """(the text of its ``div.date`` heading, its ``div.incident-container`` entries) of a
    ``div.status-day``, read by the compiled walker when it is built and can."""
    fast = _compiled.day_parts
    found = fast(day) if fast is not None else None
    if found is None:
        found = text_of(child_div(day, "date")), _entries(day)
    return found


def _entries(day: etree._Element) -> list[etree._Element]:
    """The ``div.incident-container`` children of a day (any tag, as :func:`has_class` reads)."""
    out = []
    for child in day:
        value = child.get(b"class")
        if value and "incident-container" in value and "incident-container" in value.split():
            out.append(child)
    return out


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
    cid = get(b"data-component-id")
    raw_status = get(b"data-component-status")
    name = description = None
    # Statuspage writes span.name first and the optional span.tooltip-base second
    size = len(el)
    first = el[0] if size else None
    if first is not None and (first.get(b"class") or "").startswith("name"):
        if len(first):
            name = text_of(first)
        else:  # text_of's common case, without the call: _finish collapses the spaces
            name = first.text
        if size > 1:
            second = el[1]
            if "tooltip-base" in (second.get(b"class") or ""):
                description = second.get(b"title") or None
    else:
        for child in el:
            cls = child.get("class") or ""
            if name is None and "name" in cls.split():
                name = text_of(child)
            elif "tooltip-base" in cls:
                description = child.get("title") or None
    return _finish(cid, raw_status, name, description, group, is_group, position, ctx)


def _finish(
    cid: str | None,
    raw_status: str | None,
    name: str | None,
    description: str | None,
    group: tuple[str, str] | None,
    is_group: bool,
    position: int,
    ctx: ParseContext,
) -> Component | None:
    """The component of one row read by either path (:func:`_component` or the compiled
    walker): *name* as the page has it, collapsed here."""
    name = line(name)
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
        return new_component(
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
    return new_component(
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
