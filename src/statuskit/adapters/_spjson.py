"""Reading the Atlassian Statuspage v2 JSON shape.

Shared by ``statuspage.json`` and ``incidentio.json`` (incident.io serves a Statuspage-shaped
summary).  One reader covers every public v2 endpoint, told apart by the keys present:

=================================  ==============================================================
endpoint                           keys
=================================  ==============================================================
summary.json                       page, status, components, incidents, scheduled_maintenances
status.json                        page, status
components.json                    page, components
incidents.json, unresolved.json    page, incidents
scheduled-maintenances(/upcoming,  page, scheduled_maintenances
/active).json
=================================  ==============================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from operator import itemgetter
from typing import Any

from .._dates import parse_datetime
from .._text import safe_url
from ..limits import ParseContext
from ..model import (
    Component,
    Coverage,
    Incident,
    Page,
    Scope,
    Snapshot,
)
from ..status import ComponentStatus, IncidentKind, IncidentStatus
from ._fastbuild import new_component
from ._json import as_dict, as_int, as_list, as_str, date, lookup
from ._spincidents import read_incident
from ._spwords import COMPONENT_STATUS, IMPACT, INCIDENT_STATUS, INDICATOR

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "INDICATOR",
    "read_statuspage",
    "sniff_statuspage_shape",
]

UTC = timezone.utc
_fromiso = datetime.fromisoformat
_KNOWN_KEYS = ("page", "status", "components", "incidents", "scheduled_maintenances")


def read_statuspage(
    doc: Any, ctx: ParseContext, *, platform: str, url: str | None = None
) -> Snapshot:
    """Read a decoded Statuspage v2 document into a Snapshot.  *url* (where the body came from)
    only refines which incidents the reading covers (``/unresolved``, ``/upcoming``, ...)."""
    if not isinstance(doc, dict):
        ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
    if not any(k in doc for k in _KNOWN_KEYS[1:]):
        ctx.fail("none of status, components, incidents, scheduled_maintenances present", "$")

    page = _page(doc, ctx)
    if page.time_zone and ctx.time_zone is None:
        ctx.time_zone = page.time_zone

    indicator = raw_indicator = description = None
    status = as_dict(doc.get("status"), ctx, "$.status")
    if status is not None:
        indicator, raw_indicator = lookup(
            INDICATOR,
            status.get("indicator"),
            ComponentStatus.UNKNOWN,
            ctx,
            "$.status.indicator",
            "indicator",
        )
        description = as_str(status.get("description"), ctx, "$.status.description")

    components = _components(doc, ctx) if "components" in doc else ()
    if "components" in doc and not components:
        ctx.warn("the page lists no components", "$.components")

    incidents: list[Incident] = []
    for i, item in enumerate(as_list(doc.get("incidents"), ctx, "$.incidents")):
        inc = read_incident(item, ctx, f"$.incidents[{i}]", page.url, maintenance=False)
        if inc is not None:
            incidents.append(inc)
    for i, item in enumerate(
        as_list(doc.get("scheduled_maintenances"), ctx, "$.scheduled_maintenances")
    ):
        inc = read_incident(item, ctx, f"$.scheduled_maintenances[{i}]", page.url, maintenance=True)
        if inc is not None:
            incidents.append(inc)

    coverage = _coverage(doc, incidents, (url or "").lower())
    return Snapshot(
        page=page,
        components=components,
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=raw_indicator,
        description=description,
        coverage=coverage,
    )


def _page(doc: Mapping[str, Any], ctx: ParseContext) -> Page:
    raw = as_dict(doc.get("page"), ctx, "$.page")
    if raw is None:
        return Page()
    tz = as_str(raw.get("time_zone"), ctx, "$.page.time_zone")
    if tz is not None and ctx.time_zone is None:
        ctx.time_zone = tz  # before any date on the page is read
    return Page(
        name=as_str(raw.get("name"), ctx, "$.page.name"),
        url=safe_url(raw.get("url")),
        time_zone=tz,
        updated_at=date(raw, "updated_at", ctx, "$.page"),
        id=as_str(raw.get("id"), ctx, "$.page.id"),
    )


_ROW_KEYS = ("id", "name", "status", "group_id", "description", "position", "updated_at", "group")
_ROW = itemgetter(*_ROW_KEYS)
"""A component's fields, fetched in one call (:func:`_rows`)."""
_STATUS_WORD = COMPONENT_STATUS.get


def _rows(items: list[Any]) -> list[tuple[Any, ...] | None]:
    """Each component's fields (:data:`_ROW_KEYS`; None for a missing key), or None for an
    item that is no object."""
    getter = _ROW
    if items and type(items[0]) is dict:
        # json and orjson give every occurrence of a key the same string object: looked up
        # with those objects, a key is found by identity instead of by comparing its text
        own = {key: key for key in items[0]}
        getter = itemgetter(*[own.get(key, key) for key in _ROW_KEYS])
    try:
        return list(map(getter, items))  # the common case: every item an object with every key
    except (KeyError, TypeError):
        return [tuple(map(item.get, _ROW_KEYS)) if type(item) is dict else None for item in items]


def _components(doc: Mapping[str, Any], ctx: ParseContext) -> tuple[Component, ...]:
    items = as_list(doc.get("components"), ctx, "$.components")
    rows = _rows(items)
    groups: dict[str, str] = {
        row[0]: row[1]
        for row in rows
        if row is not None and row[7] is True and type(row[0]) is str and type(row[1]) is str
    }
    group_of = groups.get
    out: list[Component] = []
    append = out.append
    for i, row in enumerate(rows):
        # The common case (every field of the expected type, a known word, a group on the page,
        # a UTC time) builds no path and calls no helper: this runs once per component.
        if row is not None:
            cid, name, raw_status, group_id, desc, pos, updated, is_group = row
            status = _STATUS_WORD(raw_status) if type(raw_status) is str else None
            if group_id is None:
                group = None
            else:
                group = group_of(group_id) if type(group_id) is str else None
                if group is None:
                    status = None
            if updated is not None:
                try:  # the usual "2026-07-29T17:04:41.000Z" (Python >= 3.11)
                    updated = _fromiso(updated)
                    if updated.tzinfo is not UTC:
                        status = None
                except (TypeError, ValueError):
                    status = None
            if (
                status is not None
                and type(cid) is str
                and type(name) is str
                and (desc is None or type(desc) is str)
                and (pos is None or type(pos) is int)
            ):
                append(
                    new_component(
                        cid,
                        name,
                        status,
                        raw_status,
                        group,
                        desc,
                        pos,
                        group_id,
                        is_group is True,
                        updated,
                        items[i],
                    )
                )
                continue
        comp = _checked_component(items[i], row, i, groups, ctx)
        if comp is not None:
            append(comp)
    return tuple(out)


def _checked_component(
    item: object, row: tuple[Any, ...] | None, i: int, groups: dict[str, str], ctx: ParseContext
) -> Component | None:
    """The component of *row* (read from *item*, ``$.components[i]``), every field checked,
    with a warning for each one that is not what it should be."""
    if row is None:
        ctx.warn(
            f"expected a component object, got {type(item).__name__}", f"$.components[{i}]", item
        )
        return None
    cid, name, raw_status, group_id, desc, pos, updated, is_group = row
    if type(name) is not str:
        name = as_str(name, ctx, f"$.components[{i}].name")
    if type(cid) is not str:
        cid = as_str(cid, ctx, f"$.components[{i}].id")
        if cid is None:
            ctx.warn("component without id: keyed by its name", f"$.components[{i}].id")
            cid = f"name:{name}"
    status = _STATUS_WORD(raw_status) if type(raw_status) is str else None
    if status is None:
        status, raw_status = lookup(
            COMPONENT_STATUS,
            raw_status,
            ComponentStatus.UNKNOWN,
            ctx,
            f"$.components[{i}].status",
            "component status",
        )
    group = None
    if group_id is not None:
        if type(group_id) is not str:
            ctx.warn("group_id is not a string", f"$.components[{i}].group_id", group_id)
            group_id = None
        else:
            group = groups.get(group_id)
            if group is None:
                ctx.warn(f"group {group_id!r} is not on the page", f"$.components[{i}].group_id")
    if desc is not None and type(desc) is not str:
        desc = as_str(desc, ctx, f"$.components[{i}].description")
    if pos is not None and type(pos) is not int:
        pos = as_int(pos, ctx, f"$.components[{i}].position")
    when = None
    if updated is not None:
        try:  # the usual "2026-07-29T17:04:41.000Z" (Python >= 3.11), without a call
            when = _fromiso(updated)
            if when.tzinfo is not UTC:
                raise ValueError
        except (TypeError, ValueError):
            when = parse_datetime(updated, ctx, f"$.components[{i}].updated_at")
    return new_component(
        cid,
        name or "",
        status,
        raw_status,
        group,
        desc,
        pos,
        group_id,
        is_group is True,
        when,
        item,
    )


def _coverage(doc: Mapping[str, Any], incidents: list[Incident], url: str) -> Coverage:
    inc_scope = Scope.NONE
    if "incidents" in doc:
        listed = [i for i in incidents if i.kind is IncidentKind.INCIDENT]
        if "scheduled_maintenances" in doc or "components" in doc or "/unresolved" in url:
            inc_scope = Scope.OPEN  # summary.json and incidents/unresolved.json
        elif "/incidents.json" in url or any(i.is_resolved for i in listed):
            inc_scope = Scope.RECENT
        else:
            # nothing resolved in the list: the unresolved endpoint (the 50 latest would
            # hold resolved ones on any page that has a history)
            inc_scope = Scope.OPEN
    m_scope = Scope.NONE
    if "scheduled_maintenances" in doc:
        maints = [i for i in incidents if i.kind is IncidentKind.MAINTENANCE]
        if "/upcoming" in url:
            m_scope = Scope.UPCOMING
        elif "/active" in url:
            m_scope = Scope.ACTIVE
        elif "incidents" in doc or "components" in doc:
            m_scope = Scope.OPEN  # summary.json: upcoming and in progress
        elif any(m.is_resolved for m in maints) or not maints:
            m_scope = Scope.RECENT
        elif all(m.status is IncidentStatus.SCHEDULED for m in maints):
            m_scope = Scope.UPCOMING
        elif all(m.status is not IncidentStatus.SCHEDULED for m in maints):
            m_scope = Scope.ACTIVE
        else:
            m_scope = Scope.OPEN
    elif "incidents" in doc and inc_scope is Scope.RECENT:
        m_scope = Scope.RECENT  # incidents.json carries maintenances among its incidents
    return Coverage(
        components="components" in doc,
        indicator="status" in doc,
        incidents=inc_scope,
        maintenances=m_scope,
    )


# -- sniffing -------------------------------------------------------------------------------

_PAGE_ID = re.compile(r'"page"\s*:\s*\{[^{}]{0,600}?"id"\s*:\s*"([^"]{1,64})"')
_MARKERS = (
    '"incident_updates"',
    '"scheduled_maintenances"',
    '"indicator"',
    '"group_id"',
    '"only_show_if_degraded"',
    '"shortlink"',
    '"affected_components"',
    '"time_zone"',
)
_OWN_DOCUMENT = re.compile(r'\{\s*"statuskit"\s*:\s*\d+\s*,\s*"kind"\s*:')
ULID = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
STATUSPAGE_ID = re.compile(r"^[a-z0-9]{12}$")


def sniff_statuspage_shape(head: str) -> tuple[float, str, str | None]:
    """How much *head* looks like Statuspage v2 JSON: (score, evidence, page id or None)."""
    if not head.startswith("{") or '"page"' not in head:
        return 0.0, "", None
    if '"activeIncidents"' in head or '"activeMaintenances"' in head:
        return 0.0, "", None  # Instatus's summary also has a "page" object: not ours
    if _OWN_DOCUMENT.match(head):
        return 0.0, "", None  # statuskit's own dumps() output: read it with statuskit.loads
    markers = [m for m in _MARKERS if m in head]
    m = _PAGE_ID.search(head)
    page_id = m.group(1) if m else None
    if not markers:
        return 0.0, "", page_id
    score = 0.6 + 0.1 * min(len(markers), 3)
    return score, "Statuspage v2 keys " + ", ".join(markers[:3]), page_id
