"""``betterstack.json``: Better Stack (formerly Better Uptime) status pages, ``/index.json``.

The document is JSON:API: ``data`` is the status page (``aggregate_state``, the page's zone as a
Rails name such as "Eastern Time (US & Canada)"), ``included`` holds its sections
(``status_page_section``), resources (``status_page_resource``: the rows, with ``status``,
``availability`` and 90 days of ``status_history``), reports (``status_report``: ``manual``,
``automatic`` or ``maintenance``) and their posts (``status_update``).

Better Stack has no incident life cycle (no "identified", no "monitoring"): a report is open or
resolved, and each post says what state it put resources in.  So an open report, and a post that
leaves a resource down or degraded, are INVESTIGATING; a post that marks every resource resolved
is RESOLVED (COMPLETED for maintenance); a post that names no resource has no status of its own
(UNKNOWN).  The report's ``aggregate_state`` is trusted over ``ends_at``: Better Stack leaves
``ends_at`` null on reports it resolved.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import (
    Component,
    ComponentChange,
    ComponentRef,
    Coverage,
    Incident,
    Page,
    Scope,
    Snapshot,
    Update,
)
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_int, as_list, as_str, date, lookup, omit
from ._rails_zones import iana_zone
from .base import Sniff

__all__ = [
    "AGGREGATE_STATE",
    "RESOURCE_STATUS",
    "BetterStackJSON",
    "DayStatus",
    "availability",
    "status_history",
]

AGGREGATE_STATE: dict[str, ComponentStatus] = {
    "operational": ComponentStatus.OPERATIONAL,
    "degraded": ComponentStatus.DEGRADED_PERFORMANCE,
    "downtime": ComponentStatus.MAJOR_OUTAGE,
    "maintenance": ComponentStatus.UNDER_MAINTENANCE,
}
"""The page's ``aggregate_state``."""

RESOURCE_STATUS: dict[str, ComponentStatus] = {
    **AGGREGATE_STATE,
    # "not being monitored during this period": a known word that tells no state
    "not_monitored": ComponentStatus.UNKNOWN,
    # what a report or a post sets a resource to when it closes
    "resolved": ComponentStatus.OPERATIONAL,
}
"""A resource's ``status``, and the states reports and posts give resources."""

_IMPACT = {
    ComponentStatus.MAJOR_OUTAGE: Impact.CRITICAL,
    ComponentStatus.PARTIAL_OUTAGE: Impact.MAJOR,
    ComponentStatus.DEGRADED_PERFORMANCE: Impact.MINOR,
}
_REPORT_TYPES = {"manual": IncidentKind.INCIDENT, "automatic": IncidentKind.INCIDENT}
_OPEN_WORDS = ("degraded", "downtime")
_CLOSED_WORDS = ("resolved", "operational")


@attrs.frozen
class DayStatus:
    """One day of a resource's ``status_history``."""

    day: str
    """The day, ``YYYY-MM-DD`` (in the page's zone)."""
    status: ComponentStatus
    raw_status: str | None
    downtime_seconds: float = 0.0
    maintenance_seconds: float = 0.0


def availability(component: Component) -> float | None:
    """The share of time (0 to 1) the resource was up over Better Stack's window, or None."""
    value = component.raw.get("availability")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def status_history(component: Component) -> tuple[DayStatus, ...]:
    """The resource's daily history (oldest first), as Better Stack published it."""
    out: list[DayStatus] = []
    for entry in component.raw.get("status_history") or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("day"), str):
            continue
        raw = entry.get("status")
        status = (
            RESOURCE_STATUS.get(raw, ComponentStatus.UNKNOWN)
            if isinstance(raw, str)
            else (ComponentStatus.UNKNOWN)
        )
        out.append(
            DayStatus(
                day=entry["day"],
                status=status,
                raw_status=raw if isinstance(raw, str) else None,
                downtime_seconds=_seconds(entry.get("downtime_duration")),
                maintenance_seconds=_seconds(entry.get("maintenance_duration")),
            )
        )
    return tuple(out)


def _seconds(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return 0.0


class BetterStackJSON:
    """Adapter for Better Stack's ``/index.json``."""

    name = "betterstack.json"
    platform = "betterstack"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if not head.startswith("{") or '"data"' not in head:
            return None
        markers = [
            m
            for m in (
                '"status_page"',
                '"aggregate_state"',
                '"status_page_resource"',
                '"status_page_section"',
                '"status_report"',
            )
            if m in head
        ]
        if '"status_page"' not in markers or len(markers) < 2:
            return None
        return Sniff(min(0.7 + 0.07 * len(markers), 0.98), "JSON:API " + ", ".join(markers))

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if not isinstance(doc, dict):
            ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
        data = as_dict(doc.get("data"), ctx, "$.data")
        if data is None or data.get("type") != "status_page":
            ctx.fail("no status_page in data", "$.data")
        attrs_ = as_dict(data.get("attributes"), ctx, "$.data.attributes") or {}
        page = _page(data, attrs_, ctx)
        included = _index(doc, ctx)
        indicator, raw_indicator = lookup(
            AGGREGATE_STATE,
            attrs_.get("aggregate_state"),
            ComponentStatus.UNKNOWN,
            ctx,
            "$.data.attributes.aggregate_state",
            "aggregate state",
        )
        components = _components(data, included, ctx)
        if not components:
            ctx.warn("the page lists no resources", "$.included")
        names = {c.id: c.name for c in components}
        current = {c.id: c.raw_status for c in components}
        incidents: list[Incident] = []
        for rid, item, path in _related(
            data, "$.data", "status_reports", "status_report", included, ctx
        ):
            inc = _report(rid, item, path, included, names, current, page, ctx)
            if inc is not None:
                incidents.append(inc)
        announcement = as_str(attrs_.get("announcement"), ctx, "$.data.attributes.announcement")
        return Snapshot(
            page=page,
            components=components,
            incidents=tuple(incidents),
            platform=self.platform,
            adapter=self.name,
            warnings=tuple(ctx.warnings),
            indicator=indicator,
            raw_indicator=raw_indicator,
            description=announcement or None,
            coverage=Coverage(
                components=True, indicator=True, incidents=Scope.RECENT, maintenances=Scope.RECENT
            ),
        )


# -- the page -------------------------------------------------------------------------------


def _page(data: Mapping[str, Any], attrs_: Mapping[str, Any], ctx: ParseContext) -> Page:
    path = "$.data.attributes"
    raw_zone = as_str(attrs_.get("timezone"), ctx, f"{path}.timezone")
    zone = None
    if raw_zone:
        zone = iana_zone(raw_zone)
        if zone is None:
            ctx.warn(f"unknown time zone {raw_zone!r}", f"{path}.timezone")
        elif ctx.time_zone is None:
            ctx.time_zone = zone
    domain = as_str(attrs_.get("custom_domain"), ctx, f"{path}.custom_domain")
    sub = as_str(attrs_.get("subdomain"), ctx, f"{path}.subdomain")
    url = None
    if domain:
        url = safe_url(f"https://{domain.strip().strip('/')}")
    elif sub:
        url = safe_url(f"https://{sub.strip()}.betteruptime.com")
    return Page(
        name=as_str(attrs_.get("company_name"), ctx, f"{path}.company_name"),
        url=url,
        time_zone=zone,
        updated_at=date(attrs_, "updated_at", ctx, path),
        id=as_str(data.get("id"), ctx, "$.data.id"),
    )


_Index = dict[tuple[str, str], tuple[Mapping[str, Any], str]]


def _index(doc: Mapping[str, Any], ctx: ParseContext) -> _Index:
    out: _Index = {}
    for i, item in enumerate(as_list(doc.get("included"), ctx, "$.included")):
        path = f"$.included[{i}]"
        if not isinstance(item, dict):
            ctx.warn("expected an object", path, item)
            continue
        kind, iid = item.get("type"), as_str(item.get("id"), ctx, f"{path}.id")
        if isinstance(kind, str) and iid is not None:
            out[(kind, iid)] = (item, path)
    return out


def _related(
    owner: Mapping[str, Any],
    owner_path: str,
    rel: str,
    kind: str,
    included: _Index,
    ctx: ParseContext,
) -> list[tuple[str, Mapping[str, Any], str]]:
    """The included records *owner* links to through relationship *rel*, in link order;
    records missing from ``included`` are warned about and skipped."""
    path = f"{owner_path}.relationships"
    links = as_dict(owner.get("relationships"), ctx, path) or {}
    entry = as_dict(links.get(rel), ctx, f"{path}.{rel}") or {}
    out = []
    for j, ref in enumerate(as_list(entry.get("data"), ctx, f"{path}.{rel}.data")):
        rpath = f"{path}.{rel}.data[{j}]"
        if not isinstance(ref, dict):
            ctx.warn("expected a resource identifier object", rpath, ref)
            continue
        rid = as_str(ref.get("id"), ctx, f"{rpath}.id")
        if rid is None:
            continue
        found = included.get((kind, rid))
        if found is None:
            ctx.warn(f"{kind} {rid} is linked but not included", rpath)
            continue
        out.append((rid, found[0], found[1]))
    return out


# -- resources --------------------------------------------------------------------------------


def _components(
    data: Mapping[str, Any], included: _Index, ctx: ParseContext
) -> tuple[Component, ...]:
    sections: dict[str, tuple[str | None, int]] = {}
    for (kind, key), (item, path) in included.items():
        if kind == "status_page_section":
            a = as_dict(item.get("attributes"), ctx, f"{path}.attributes") or {}
            pos = as_int(a.get("position"), ctx, f"{path}.attributes.position")
            name = as_str(a.get("name"), ctx, f"{path}.attributes.name")
            sections[key] = (name or None, pos if pos is not None else 1 << 30)
    rows: list[tuple[tuple[int, int, int], Component]] = []
    linked = _related(data, "$.data", "resources", "status_page_resource", included, ctx)
    if not linked:  # a page without relationships: every included resource, in input order
        linked = [
            (rid, item, path)
            for (kind, rid), (item, path) in included.items()
            if kind == "status_page_resource"
        ]
    for order, (rid, item, path) in enumerate(linked):
        a = as_dict(item.get("attributes"), ctx, f"{path}.attributes") or {}
        apath = f"{path}.attributes"
        status, raw_status = lookup(
            RESOURCE_STATUS,
            a.get("status"),
            ComponentStatus.UNKNOWN,
            ctx,
            f"{apath}.status",
            "resource status",
        )
        sid = as_str(a.get("status_page_section_id"), ctx, f"{apath}.status_page_section_id")
        group: str | None = None
        section_pos = 1 << 30
        if sid:
            group, section_pos = sections.get(sid, (None, 1 << 30))
        if sid and sid not in sections:
            ctx.warn(f"section {sid} is not included", f"{apath}.status_page_section_id")
        pos = as_int(a.get("position"), ctx, f"{apath}.position")
        explanation = as_str(a.get("explanation"), ctx, f"{apath}.explanation")
        comp = Component(
            id=rid,
            name=as_str(a.get("public_name"), ctx, f"{apath}.public_name") or "",
            status=status,
            raw_status=raw_status,
            group=group,
            description=explanation or None,
            position=pos,
            group_id=sid,
            raw=a,
        )
        rows.append(((section_pos, pos if pos is not None else 1 << 30, order), comp))
    rows.sort(key=lambda r: r[0])
    return tuple(c for _, c in rows)


# -- reports ----------------------------------------------------------------------------------


def _report(
    rid: str,
    item: Mapping[str, Any],
    path: str,
    included: _Index,
    names: Mapping[str, str],
    current: Mapping[str, str | None],
    page: Page,
    ctx: ParseContext,
) -> Incident | None:
    a = as_dict(item.get("attributes"), ctx, f"{path}.attributes") or {}
    apath = f"{path}.attributes"
    raw_type = as_str(a.get("report_type"), ctx, f"{apath}.report_type")
    if raw_type == "maintenance":
        kind = IncidentKind.MAINTENANCE
    else:
        kind = _REPORT_TYPES.get(raw_type or "", IncidentKind.INCIDENT)
        if raw_type not in _REPORT_TYPES:
            ctx.warn(
                f"unknown report type {raw_type!r} read as an incident", f"{apath}.report_type"
            )
    starts = date(a, "starts_at", ctx, apath)
    ends = date(a, "ends_at", ctx, apath)
    state = as_str(a.get("aggregate_state"), ctx, f"{apath}.aggregate_state")
    affected = _affected(a.get("affected_resources"), names, ctx, f"{apath}.affected_resources")
    updates = [
        _update(uid, u, upath, names, kind, ctx)
        for uid, u, upath in _related(item, path, "status_updates", "status_update", included, ctx)
    ]
    status = _report_status(kind, state, starts, affected, current, page.updated_at, ctx, apath)
    words = [c.raw_new for c in affected] + [
        ch.raw_new for u in updates for ch in u.component_changes
    ]
    if state in _OPEN_WORDS:
        words.append(state)
    impact, raw_impact = _impact(kind, words)
    base = page.url.rstrip("/") if page.url else None
    segment = "maintenance" if kind is IncidentKind.MAINTENANCE else "incident"
    return Incident.build(
        id=rid,
        title=as_str(a.get("title"), ctx, f"{apath}.title") or "",
        kind=kind,
        status=status,
        raw_status=state,
        impact=impact,
        raw_impact=raw_impact,
        started_at=starts if kind is not IncidentKind.MAINTENANCE else None,
        resolved_at=ends if status.is_terminal else None,
        scheduled_for=starts if kind is IncidentKind.MAINTENANCE else None,
        scheduled_until=ends if kind is IncidentKind.MAINTENANCE else None,
        updated_at=max((u.created_at for u in updates if u.created_at), default=None),
        url=safe_url(f"{base}/{segment}/{rid}") if base else None,
        updates=updates,
        components=[
            # a maintenance not begun has put nothing in maintenance yet
            ComponentRef(
                c.component_id,
                c.name,
                None if status is IncidentStatus.SCHEDULED else c.new,
                c.raw_new,
            )
            for c in affected
        ],
        raw=a,
    )


def _report_status(
    kind: IncidentKind,
    state: str | None,
    starts: datetime | None,
    affected: list[ComponentChange],
    current: Mapping[str, str | None],
    reference: datetime | None,
    ctx: ParseContext,
    path: str,
) -> IncidentStatus:
    maintenance = kind is IncidentKind.MAINTENANCE
    if state in _CLOSED_WORDS:
        return IncidentStatus.COMPLETED if maintenance else IncidentStatus.RESOLVED
    if state in _OPEN_WORDS:
        return IncidentStatus.INVESTIGATING
    if state == "maintenance":
        if not maintenance:
            return IncidentStatus.INVESTIGATING
        if any(current.get(c.component_id or "") == "maintenance" for c in affected):
            return IncidentStatus.IN_PROGRESS
        # nothing is in maintenance yet: scheduled when it starts after the page's last change
        if starts is not None and reference is not None and starts > reference:
            return IncidentStatus.SCHEDULED
        return IncidentStatus.IN_PROGRESS
    ctx.warn(f"unknown report state {state!r}", f"{path}.aggregate_state")
    return IncidentStatus.UNKNOWN


def _impact(kind: IncidentKind, words: list[str | None]) -> tuple[Impact, str | None]:
    if kind is IncidentKind.MAINTENANCE:
        return Impact.MAINTENANCE, "maintenance"
    worst_word: str | None = None
    worst_impact = Impact.NONE
    rank = {Impact.NONE: 0, Impact.MINOR: 1, Impact.MAJOR: 2, Impact.CRITICAL: 3}
    for w in words:
        st = RESOURCE_STATUS.get(w or "")
        imp = _IMPACT.get(st) if st is not None else None
        if imp is not None and rank[imp] > rank[worst_impact]:
            worst_impact, worst_word = imp, w
    if worst_word is None:
        return Impact.UNKNOWN, None
    return worst_impact, worst_word


def _affected(
    value: object, names: Mapping[str, str], ctx: ParseContext, path: str
) -> list[ComponentChange]:
    out = []
    for k, entry in enumerate(as_list(value, ctx, path)):
        epath = f"{path}[{k}]"
        if not isinstance(entry, dict):
            ctx.warn("expected an affected resource object", epath, entry)
            continue
        cid = as_str(entry.get("status_page_resource_id"), ctx, f"{epath}.status_page_resource_id")
        new, raw_new = lookup(
            RESOURCE_STATUS,
            entry.get("status"),
            ComponentStatus.UNKNOWN,
            ctx,
            f"{epath}.status",
            "resource status",
        )
        out.append(
            ComponentChange(cid, names.get(cid or ""), None, new, raw_old=None, raw_new=raw_new)
        )
    return out


def _update(
    uid: str,
    item: Mapping[str, Any],
    path: str,
    names: Mapping[str, str],
    kind: IncidentKind,
    ctx: ParseContext,
) -> Update:
    a = as_dict(item.get("attributes"), ctx, f"{path}.attributes") or {}
    apath = f"{path}.attributes"
    changes = _affected(a.get("affected_resources"), names, ctx, f"{apath}.affected_resources")
    words = {c.raw_new for c in changes}
    status = IncidentStatus.UNKNOWN
    if words & set(_OPEN_WORDS):
        status = IncidentStatus.INVESTIGATING
    elif "maintenance" in words:
        status = (
            IncidentStatus.IN_PROGRESS
            if kind is IncidentKind.MAINTENANCE
            else IncidentStatus.INVESTIGATING
        )
    elif words and words <= set(_CLOSED_WORDS):
        maintenance = kind is IncidentKind.MAINTENANCE
        status = IncidentStatus.COMPLETED if maintenance else IncidentStatus.RESOLVED
    body = as_str(a.get("message"), ctx, f"{apath}.message") or ""
    return Update(
        id=uid,
        status=status,
        raw_status=None,
        body=ctx.text(body, f"{apath}.message"),
        body_html=None,
        created_at=date(a, "published_at", ctx, apath),
        component_changes=tuple(changes),
        raw=omit(a, "message"),
    )
