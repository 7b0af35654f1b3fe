"""Reading incident.io's own JSON (besides its Statuspage-compatible API, read by ``_spjson``).

=====================================================  ===========================================
shape                                                  keys
=====================================================  ===========================================
Widget API (``/api/v1/summary``, the widget URL of     ``page_title``, ``page_url``,
the page's settings; ``/proxy/<host>/widget``)         ``ongoing_incidents``,
                                                       ``in_progress_maintenances``,
                                                       ``scheduled_maintenances``
the page's data (``/proxy/<host>``), also embedded     ``summary`` with ``components``,
in its HTML                                            ``affected_components``, ``structure``,
                                                       ``ongoing_incidents``, ...
one incident (``/proxy/<host>/incidents/<id>``)        ``incident`` with ``updates``
=====================================================  ===========================================

A widget incident carries ``current_worst_impact`` (``degraded_performance``, ``partial_outage``,
``full_outage``), its ``affected_components`` (id, name, ``group_name``) and only its latest
update (``last_update_at`` / ``last_update_message``).  The page data lists the components, the
state of each affected one (a component it does not list is operational: that is how the page
draws it) and the groups (``structure.items``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._dates import parse_datetime
from .._text import safe_url
from ..limits import ParseContext
from ..model import Component, ComponentChange, ComponentRef, Incident, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus, worst
from ._json import as_dict, as_list, as_str, date, lookup, omit

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "affected_states",
    "event",
    "events",
    "structure_components",
]

COMPONENT_STATUS: dict[str, ComponentStatus] = {
    "operational": ComponentStatus.OPERATIONAL,
    "degraded_performance": ComponentStatus.DEGRADED_PERFORMANCE,
    "partial_outage": ComponentStatus.PARTIAL_OUTAGE,
    "full_outage": ComponentStatus.MAJOR_OUTAGE,
    "major_outage": ComponentStatus.MAJOR_OUTAGE,
    "under_maintenance": ComponentStatus.UNDER_MAINTENANCE,
}
"""Component states (incident.io says ``full_outage`` where Statuspage says ``major_outage``)."""

IMPACT: dict[str, Impact] = {
    "operational": Impact.NONE,
    "degraded_performance": Impact.MINOR,
    "partial_outage": Impact.MAJOR,
    "full_outage": Impact.CRITICAL,
    "major_outage": Impact.CRITICAL,
    "under_maintenance": Impact.MAINTENANCE,
}
"""An incident's worst impact, on the incident scale."""

INCIDENT_STATUS: dict[str, IncidentStatus] = {
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
    "maintenance_scheduled": IncidentStatus.SCHEDULED,
    "maintenance_in_progress": IncidentStatus.IN_PROGRESS,
    "maintenance_complete": IncidentStatus.COMPLETED,
    "maintenance_completed": IncidentStatus.COMPLETED,
    "scheduled": IncidentStatus.SCHEDULED,
    "in_progress": IncidentStatus.IN_PROGRESS,
    "completed": IncidentStatus.COMPLETED,
}
"""Incident and maintenance statuses."""

# list key -> (is a maintenance, status when the record does not say)
LISTS: dict[str, tuple[bool, IncidentStatus]] = {
    "ongoing_incidents": (False, IncidentStatus.UNKNOWN),
    "in_progress_maintenances": (True, IncidentStatus.IN_PROGRESS),
    "scheduled_maintenances": (True, IncidentStatus.SCHEDULED),
}


def _cid(obj: Mapping[str, Any]) -> object:
    return obj.get("component_id", obj.get("id"))


def _state(obj: Mapping[str, Any]) -> object:
    for key in ("current_status", "component_status", "status"):
        if obj.get(key) is not None:
            return obj[key]
    return None


def affected_states(
    value: object, ctx: ParseContext, path: str
) -> dict[str, tuple[ComponentStatus, str | None]]:
    """``affected_components`` of the page data: component id -> (state, vendor word)."""
    out: dict[str, tuple[ComponentStatus, str | None]] = {}
    for i, item in enumerate(as_list(value, ctx, path)):
        if not isinstance(item, dict):
            continue
        cid = as_str(_cid(item), ctx, f"{path}[{i}].component_id")
        if cid is None:
            continue
        out[cid] = lookup(
            COMPONENT_STATUS,
            _state(item),
            ComponentStatus.UNKNOWN,
            ctx,
            f"{path}[{i}].status",
            "component status",
        )
    return out


def _member(
    obj: Mapping[str, Any],
    ctx: ParseContext,
    path: str,
    names: Mapping[str, str],
    states: Mapping[str, tuple[ComponentStatus, str | None]],
    group: tuple[str | None, str | None],
    position: int,
) -> Component | None:
    cid = as_str(_cid(obj), ctx, f"{path}.component_id")
    if cid is None or obj.get("hidden") is True:
        return None
    name = as_str(obj.get("name"), ctx, f"{path}.name") or names.get(cid, "")
    status, raw = states.get(cid, (ComponentStatus.OPERATIONAL, None))
    return Component(
        id=cid,
        name=name,
        status=status,
        raw_status=raw,
        group=group[0],
        description=as_str(obj.get("description"), ctx, f"{path}.description") or None,
        position=position,
        group_id=group[1],
        raw=obj,
    )


def structure_components(
    summary: Mapping[str, Any],
    ctx: ParseContext,
    path: str,
    states: Mapping[str, tuple[ComponentStatus, str | None]],
) -> tuple[Component, ...]:
    """The page's components in its order (``structure.items``: groups and single components),
    then any listed component the structure does not place.  Hidden ones are left out; a group
    row's state is the worst of its members'."""
    names: dict[str, str] = {}
    for c in as_list(summary.get("components"), ctx, f"{path}.components"):
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("name"), str):
            names[c["id"]] = c["name"]
    out: list[Component] = []
    structure = as_dict(summary.get("structure"), ctx, f"{path}.structure")
    items = as_list(structure.get("items"), ctx, f"{path}.structure.items") if structure else []
    for i, item in enumerate(items):
        where = f"{path}.structure.items[{i}]"
        if not isinstance(item, dict):
            continue
        grp = item.get("group")
        if isinstance(grp, dict):
            if grp.get("hidden") is True:
                continue
            gid = as_str(grp.get("id"), ctx, f"{where}.group.id") or f"group:{i}"
            gname = as_str(grp.get("name"), ctx, f"{where}.group.name") or ""
            members = []
            for j, m in enumerate(as_list(grp.get("components"), ctx, f"{where}.group.components")):
                if isinstance(m, dict):
                    comp = _member(
                        m, ctx, f"{where}.group.components[{j}]", names, states, (gname, gid), j
                    )
                    if comp is not None:
                        members.append(comp)
            state = worst(c.status for c in members) or ComponentStatus.OPERATIONAL
            out.append(
                Component(
                    id=gid,
                    name=gname,
                    status=state,
                    position=i,
                    is_group=True,
                    description=as_str(grp.get("description"), ctx, f"{where}.group.description"),
                    raw=omit(grp, "components"),
                )
            )
            out.extend(members)
        elif isinstance(item.get("component"), dict):
            comp = _member(
                item["component"], ctx, f"{where}.component", names, states, (None, None), i
            )
            if comp is not None:
                out.append(comp)
    placed = {c.id for c in out}
    for cid, name in names.items():
        if cid not in placed and not structure:
            status, raw = states.get(cid, (ComponentStatus.OPERATIONAL, None))
            out.append(Component(id=cid, name=name, status=status, raw_status=raw))
    return tuple(out)


# -- incidents and maintenances -----------------------------------------------------------------


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
                _state(c),
                ComponentStatus.UNKNOWN,
                ctx,
                f"{where}.component_statuses[{k}].status",
                "component status",
            )
            cid = as_str(_cid(c), ctx, f"{where}.component_statuses[{k}].component_id")
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
        cid = as_str(_cid(c), ctx, f"{where}.id")
        word = _state(c)
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
