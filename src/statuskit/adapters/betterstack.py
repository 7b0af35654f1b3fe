"""``betterstack.json``: Better Stack (formerly Better Uptime) status pages, ``/index.json``.

The document is JSON:API: ``data`` is the status page (``aggregate_state``, the page's zone as a
Rails name such as "Eastern Time (US & Canada)"), ``included`` holds its sections
(``status_page_section``), resources (``status_page_resource``: the rows, with ``status``,
``availability`` and 90 days of ``status_history``), reports (``status_report``: ``manual``,
``automatic`` or ``maintenance``) and their posts (``status_update``).

Reports and their posts are read by :mod:`statuskit.adapters._betterstack_reports`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._source import Source
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
from ..status import ComponentStatus
from ._betterstack_reports import AGGREGATE_STATE, RESOURCE_STATUS, read_report
from ._json import as_dict, as_int, as_str, date, lookup
from ._jsonapi import Index, index_included, related
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
        included = index_included(doc, ctx)
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
        for rid, item, path in related(
            data, "$.data", "status_reports", "status_report", included, ctx
        ):
            inc = read_report(rid, item, path, included, names, current, page, ctx)
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


# -- resources --------------------------------------------------------------------------------


def _components(
    data: Mapping[str, Any], included: Index, ctx: ParseContext
) -> tuple[Component, ...]:
    sections: dict[str, tuple[str | None, int]] = {}
    for (kind, key), (item, path) in included.items():
        if kind == "status_page_section":
            a = as_dict(item.get("attributes"), ctx, f"{path}.attributes") or {}
            pos = as_int(a.get("position"), ctx, f"{path}.attributes.position")
            name = as_str(a.get("name"), ctx, f"{path}.attributes.name")
            sections[key] = (name or None, pos if pos is not None else 1 << 30)
    rows: list[tuple[tuple[int, int, int], Component]] = []
    linked = related(data, "$.data", "resources", "status_page_resource", included, ctx)
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
