"""Better Stack status reports (``status_report``) and their posts (``status_update``).

Better Stack has no incident life cycle (no "identified", no "monitoring"): a report is open or
resolved, and each post says what state it put resources in.  So an open report, and a post that
leaves a resource down or degraded, are INVESTIGATING; a post that marks every resource resolved
is RESOLVED (COMPLETED for maintenance); a post that names no resource has no status of its own
(UNKNOWN).  The report's ``aggregate_state`` is trusted over ``ends_at``: Better Stack leaves
``ends_at`` null on reports it resolved.  A maintenance whose resources are not in maintenance
yet and that starts after "now" is SCHEDULED: now is the reading's time when the caller passed
``read_at=``, else the page's last change (``updated_at``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._text import safe_url
from ..limits import ParseContext
from ..model import ComponentChange, ComponentRef, Incident, Page, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_list, as_str, date, lookup, omit
from ._jsonapi import Index, related

__all__ = ["AGGREGATE_STATE", "RESOURCE_STATUS", "read_report"]

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


# -- reports ----------------------------------------------------------------------------------


def read_report(
    rid: str,
    item: Mapping[str, Any],
    path: str,
    included: Index,
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
        for uid, u, upath in related(item, path, "status_updates", "status_update", included, ctx)
    ]
    now = ctx.read_at or page.updated_at  # the reading's time when the caller gave it
    status = _report_status(kind, state, starts, affected, current, now, ctx, apath)
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
