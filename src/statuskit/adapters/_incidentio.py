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
from typing import Any

from ..limits import ParseContext
from ..model import Component
from ..status import ComponentStatus, Impact, IncidentStatus, worst
from ._json import as_dict, as_list, as_str, lookup, omit

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "LISTS",
    "affected_states",
    "component_id",
    "state_word",
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


def component_id(obj: Mapping[str, Any]) -> object:
    return obj.get("component_id", obj.get("id"))


def state_word(obj: Mapping[str, Any]) -> object:
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
        cid = as_str(component_id(item), ctx, f"{path}[{i}].component_id")
        if cid is None:
            continue
        out[cid] = lookup(
            COMPONENT_STATUS,
            state_word(item),
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
    cid = as_str(component_id(obj), ctx, f"{path}.component_id")
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
