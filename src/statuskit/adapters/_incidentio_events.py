"""incident.io incidents and maintenances: widget entries (latest update only), the page
data's entries and incident pages (whole timelines).  See :mod:`._incidentio`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._dates import parse_datetime
from .._text import safe_url
from ..limits import ParseContext
from ..model import ComponentChange, ComponentRef, Incident, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus, worst
from ._incidentio import COMPONENT_STATUS, IMPACT, INCIDENT_STATUS, LISTS, component_id, state_word
from ._json import as_list, as_str, date, lookup, omit

__all__ = ["event", "events"]


def _body(u: Mapping[str, Any], ctx: ParseContext, path: str) -> str:
    msg = u.get("message_string")
    if msg is None:
        msg = u.get("message")
    if isinstance(msg, dict):  # a rich-text document: keep its plain text if it has one
        msg = msg.get("text") or msg.get("markdown")
    return ctx.text(as_str(msg, ctx, f"{path}.message") or "", f"{path}.message").strip()


def _updates(
    item: Mapping[str, Any], ctx: ParseContext, path: str, names: Mapping[str, str]
) -> list[Update]:
    out = []
    for j, u in enumerate(as_list(item.get("updates"), ctx, f"{path}.updates")):
        where = f"{path}.updates[{j}]"
        if not isinstance(u, dict):
            continue
        raw = u.get("to_status") or u.get("incident_status") or u.get("maintenance_status")
        status, raw_status = lookup(
            INCIDENT_STATUS, raw, IncidentStatus.UNKNOWN, ctx, f"{where}.to_status", "status"
        )
        changes = []
        for k, c in enumerate(
            as_list(u.get("component_statuses"), ctx, f"{where}.component_statuses")
        ):
            if not isinstance(c, dict):
                continue
            new, raw_new = lookup(
                COMPONENT_STATUS,
                state_word(c),
                ComponentStatus.UNKNOWN,
                ctx,
                f"{where}.component_statuses[{k}].status",
                "component status",
            )
            cid = as_str(component_id(c), ctx, f"{where}.component_statuses[{k}].component_id")
            changes.append(
                ComponentChange(cid, names.get(cid or "") or None, None, new, raw_new=raw_new)
            )
        out.append(
            Update(
                id=as_str(u.get("id"), ctx, f"{where}.id"),
                status=status,
                raw_status=raw_status,
                body=_body(u, ctx, where),
                created_at=date(u, "published_at", ctx, where),
                component_changes=tuple(changes),
                raw=omit(u, "component_statuses"),
            )
        )
    return out


def event(
    item: object,
    ctx: ParseContext,
    path: str,
    *,
    maintenance: bool,
    default: IncidentStatus,
    base: str | None,
    names: Mapping[str, str],
) -> Incident | None:
    """One incident or maintenance of the widget, the page data or an incident page."""
    if not isinstance(item, dict):
        ctx.warn(f"expected an incident object, got {type(item).__name__}", path, item)
        return None
    iid = as_str(item.get("id"), ctx, f"{path}.id")
    if iid is None:
        ctx.warn("incident without id: skipped", f"{path}.id", item.get("name"))
        return None
    if item.get("status") is None:
        status, raw_status = default, None
    else:
        status, raw_status = lookup(
            INCIDENT_STATUS,
            item["status"],
            IncidentStatus.UNKNOWN,
            ctx,
            f"{path}.status",
            "maintenance status" if maintenance else "incident status",
        )
    refs = []
    for j, c in enumerate(
        as_list(item.get("affected_components"), ctx, f"{path}.affected_components")
    ):
        if not isinstance(c, dict):
            continue
        where = f"{path}.affected_components[{j}]"
        cid = as_str(component_id(c), ctx, f"{where}.id")
        word = state_word(c)
        state = None
        if word is not None:
            state, word = lookup(
                COMPONENT_STATUS,
                word,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{where}.status",
                "component status",
            )
        refs.append(
            ComponentRef(
                id=cid,
                name=as_str(c.get("name"), ctx, f"{where}.name") or names.get(cid or ""),
                status=state,
                raw_status=word if isinstance(word, str) else None,
            )
        )
    impact, raw_impact = _impact(item, refs, ctx, path, maintenance=maintenance)
    updates = _updates(item, ctx, path, names)
    last_at = date(item, "last_update_at", ctx, path)
    latest: Update | None = None
    if not updates and (last_at is not None or item.get("last_update_message")):
        # the widget carries the latest post only: it is attached after the timing rules ran,
        # so that it does not pass for the first post (the widget gives no start time)
        latest = Update(
            id=None,
            status=status,
            raw_status=raw_status,
            body=ctx.text(
                as_str(item.get("last_update_message"), ctx, f"{path}.last_update_message") or "",
                f"{path}.last_update_message",
            ).strip(),
            created_at=last_at,
        )
    started = date(item, "started_at", ctx, path)
    url = safe_url(item.get("url"), base)
    if url is None and base and not maintenance:
        url = safe_url(f"{base.rstrip('/')}/incidents/{iid}")
    inc = Incident.build(
        id=iid,
        title=as_str(item.get("name"), ctx, f"{path}.name") or "",
        kind=IncidentKind.MAINTENANCE if maintenance else IncidentKind.INCIDENT,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_impact,
        created_at=date(item, "published_at", ctx, path),
        started_at=started,
        updated_at=last_at or date(item, "updated_at", ctx, path),
        scheduled_for=_first(item, ("starts_at", "scheduled_start_at"), ctx, path),
        scheduled_until=_first(item, ("ends_at", "scheduled_end_at"), ctx, path),
        url=url,
        updates=updates,
        components=refs,
        raw=omit(item, "updates", "affected_components", "component_impacts"),
    )
    changes: dict[str, Any] = {}
    if latest is not None:
        changes["updates"] = (latest,)
    if maintenance and started is not None and (inc.started_at is None or started < inc.started_at):
        # the widget says when the work began; a later "in progress" post does not move it
        changes["started_at"] = started
    return attrs.evolve(inc, **changes) if changes else inc


def _first(
    item: Mapping[str, Any], keys: tuple[str, ...], ctx: ParseContext, path: str
) -> datetime | None:
    for key in keys:
        if item.get(key) is not None:
            return parse_datetime(item[key], ctx, f"{path}.{key}")
    return None


def _impact(
    item: Mapping[str, Any],
    refs: list[ComponentRef],
    ctx: ParseContext,
    path: str,
    *,
    maintenance: bool,
) -> tuple[Impact, str | None]:
    word = item.get("current_worst_impact", item.get("worst_impact"))
    if word is not None:
        return lookup(IMPACT, word, Impact.UNKNOWN, ctx, f"{path}.current_worst_impact", "impact")
    if maintenance:
        return Impact.MAINTENANCE, None
    states = [r.status for r in refs if r.status is not None]
    if states:  # the page data: the worst state among the affected components
        state = worst(states)
        return {
            ComponentStatus.OPERATIONAL: Impact.NONE,
            ComponentStatus.DEGRADED_PERFORMANCE: Impact.MINOR,
            ComponentStatus.PARTIAL_OUTAGE: Impact.MAJOR,
            ComponentStatus.MAJOR_OUTAGE: Impact.CRITICAL,
            ComponentStatus.UNDER_MAINTENANCE: Impact.MAINTENANCE,
        }.get(state or ComponentStatus.UNKNOWN, Impact.UNKNOWN), None
    return Impact.UNKNOWN, None


def events(
    doc: Mapping[str, Any],
    ctx: ParseContext,
    path: str,
    base: str | None,
    names: Mapping[str, str],
) -> list[Incident]:
    """The incidents and maintenances of the three lists, in that order (duplicates dropped)."""
    out: dict[str, Incident] = {}
    for key, (maintenance, default) in LISTS.items():
        for i, item in enumerate(as_list(doc.get(key), ctx, f"{path}.{key}")):
            inc = event(
                item,
                ctx,
                f"{path}.{key}[{i}]",
                maintenance=maintenance,
                default=default,
                base=base,
                names=names,
            )
            if inc is not None:
                out.setdefault(inc.id, inc)
    return list(out.values())
