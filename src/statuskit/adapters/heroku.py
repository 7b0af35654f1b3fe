"""``heroku.json``: Heroku's status API v4 (status.heroku.com/api/v4/...).

* ``current-status``: ``{status: [{system, status}], incidents: [...], scheduled: [...]}``;
  systems are "Apps", "Data", "Tools" and their status a colour.
* ``incidents`` (a list) and ``incidents/<id>`` (one object): ``{id, title, created_at,
  updated_at, resolved, upcoming, state, full_url, status_dev, status_prod, systems, updates}``;
  each update has ``update_type``, ``contents``, ``created_at`` and its own colours.

Colours: green operational, yellow degraded performance, red major outage (an incident's impact
is its worst colour: yellow minor, red critical).  ``update_type``: issue (investigating),
identified, monitoring, resolved, scheduled, in progress, completed; ``update`` is a progress
post that changes no stage (UNKNOWN).  ``state``, when present, is where the incident stands and
wins over a ``resolved`` flag that contradicts it (Heroku has shown ``resolved: true`` on
incidents still being updated).  Upcoming and scheduled entries are maintenance.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
from ._json import as_dict, as_list, as_str, date, lookup, omit
from ._platforms import dedupe, find_keys, head_kind, incident_head, str_id, url_has
from .base import Sniff

__all__ = ["COLOURS", "IMPACT", "STAGES", "HerokuJSON"]

COLOURS: dict[str, ComponentStatus] = {
    "green": ComponentStatus.OPERATIONAL,
    "yellow": ComponentStatus.DEGRADED_PERFORMANCE,
    "red": ComponentStatus.MAJOR_OUTAGE,
}

IMPACT: dict[str, Impact] = {"green": Impact.NONE, "yellow": Impact.MINOR, "red": Impact.CRITICAL}

STAGES: dict[str, IncidentStatus] = {
    "issue": IncidentStatus.INVESTIGATING,
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
    "scheduled": IncidentStatus.SCHEDULED,
    "in progress": IncidentStatus.IN_PROGRESS,
    "in_progress": IncidentStatus.IN_PROGRESS,
    "completed": IncidentStatus.COMPLETED,
    "update": IncidentStatus.UNKNOWN,  # a progress post: no change of stage
}

# the colour fields updates carry, and the part of the platform each one rates
_COLOUR_FIELDS = {"status_prod": "Production", "status_dev": "Development"}
_MAINTENANCE = frozenset(
    {IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.COMPLETED}
)
_RANK = {"green": 0, "yellow": 1, "red": 2}
PAGE = Page(name="Heroku", url="https://status.heroku.com")


class HerokuJSON:
    """Adapter for Heroku's status API v4 (current status and incidents)."""

    name = "heroku.json"
    platform = "heroku"

    def sniff(self, source: Source) -> Sniff | None:
        kind = head_kind(source)
        head = source.head
        if kind == "{":
            keys = find_keys(head, "status", "system", "incidents", "scheduled")
            if {"status", "system"} <= set(keys) and '"system"' in head:
                return Sniff(0.9, "Heroku current-status keys " + ", ".join(keys))
        if kind:
            keys = find_keys(
                head, "update_type", "status_prod", "status_dev", "full_url", "contents"
            )
            if "update_type" in keys and len(keys) >= 3:
                return Sniff(0.9, "Heroku incident keys " + ", ".join(keys))
        if url_has(source, "status.heroku.com/api/"):
            return Sniff(0.35, "status.heroku.com API url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if isinstance(doc, dict) and isinstance(doc.get("status"), list):
            return _current(doc, ctx)
        if isinstance(doc, dict) and ("updates" in doc or "title" in doc):
            return _listing([doc], ctx, "$", single=True)
        if isinstance(doc, list):
            return _listing(doc, ctx, "", single=False)
        ctx.fail("neither a current-status object nor incidents", "$", doc)


def _colour(value: object, ctx: ParseContext, path: str) -> tuple[ComponentStatus, str | None]:
    return lookup(COLOURS, value, ComponentStatus.UNKNOWN, ctx, path, "colour")


def _current(doc: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    components = []
    for i, item in enumerate(as_list(doc.get("status"), ctx, "$.status")):
        obj = as_dict(item, ctx, f"$.status[{i}]")
        if obj is None:
            continue
        name = as_str(obj.get("system"), ctx, f"$.status[{i}].system")
        if not name:
            ctx.warn("system without name: skipped", f"$.status[{i}].system")
            continue
        status, raw = _colour(obj.get("status"), ctx, f"$.status[{i}].status")
        components.append(
            Component(id=name, name=name, status=status, raw_status=raw, position=i, raw=obj)
        )
    incidents = _incidents(doc.get("incidents"), ctx, "$.incidents", maintenance=False)
    incidents += _incidents(doc.get("scheduled"), ctx, "$.scheduled", maintenance=True)
    return Snapshot(
        page=PAGE,
        components=dedupe(components, ctx, "$.status"),
        incidents=tuple(incidents),
        platform="heroku",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(
            components=True,
            incidents=Scope.OPEN if "incidents" in doc else Scope.NONE,
            maintenances=Scope.OPEN if "scheduled" in doc else Scope.NONE,
        ),
    )


def _listing(items: list[Any], ctx: ParseContext, path: str, *, single: bool) -> Snapshot:
    incidents = _incidents(items, ctx, path, maintenance=False) if not single else []
    if single:
        inc = _incident(items[0], ctx, "$", maintenance=False)
        incidents = [inc] if inc is not None else []
    return Snapshot(
        page=PAGE,
        incidents=tuple(incidents),
        platform="heroku",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(
            incidents=Scope.NONE if single else Scope.RECENT,
            maintenances=Scope.NONE if single else Scope.RECENT,
        ),
    )


def _incidents(value: object, ctx: ParseContext, path: str, *, maintenance: bool) -> list[Incident]:
    out = []
    for i, item in enumerate(as_list(value, ctx, path or "$")):
        inc = _incident(item, ctx, f"{path or '$'}[{i}]", maintenance=maintenance)
        if inc is not None:
            out.append(inc)
    return out


def _incident(item: object, ctx: ParseContext, path: str, *, maintenance: bool) -> Incident | None:
    head = incident_head(item, ctx, path)
    if head is None:
        return None
    obj, iid, title = head
    updates = []
    colours: list[str] = []
    for j, u in enumerate(as_list(obj.get("updates"), ctx, f"{path}.updates")):
        upd = _update(u, ctx, f"{path}.updates[{j}]", colours)
        if upd is not None:
            updates.append(upd)
    refs = []
    for j, s in enumerate(as_list(obj.get("systems"), ctx, f"{path}.systems")):
        spath = f"{path}.systems[{j}]"
        sys = as_dict(s, ctx, spath)
        if sys is None:
            continue
        name = as_str(sys.get("name", sys.get("system")), ctx, f"{spath}.name")
        st = raw = None
        if sys.get("status") is not None:
            st, raw = _colour(sys.get("status"), ctx, f"{spath}.status")
            if raw in _RANK:
                colours.append(raw)
        refs.append(ComponentRef(id=name, name=name, status=st, raw_status=raw))
    for key in _COLOUR_FIELDS:
        if isinstance(obj.get(key), str) and obj[key] in _RANK:
            colours.append(obj[key])
    # where the incident stands: `state` if given, else the `resolved` flag, else its posts
    state = obj.get("state")
    if state is not None:
        status, raw_status = lookup(
            STAGES, state, IncidentStatus.UNKNOWN, ctx, f"{path}.state", "state"
        )
    elif obj.get("resolved") is True:
        status, raw_status = IncidentStatus.RESOLVED, None  # a flag, kept in raw
    else:
        status, raw_status = IncidentStatus.UNKNOWN, None  # the updates tell
        if obj.get("resolved") is False and not updates:
            status = IncidentStatus.INVESTIGATING
    is_maint = (
        maintenance
        or obj.get("upcoming") is True
        or status in _MAINTENANCE
        or any(u.status in _MAINTENANCE for u in updates)
    )
    worst_colour = max(colours, key=_RANK.__getitem__) if colours else None
    if is_maint:
        impact, raw_impact = Impact.MAINTENANCE, worst_colour
        if status is IncidentStatus.RESOLVED:
            status = IncidentStatus.COMPLETED
    elif worst_colour is not None:
        impact, raw_impact = IMPACT[worst_colour], worst_colour
    else:
        impact, raw_impact = Impact.UNKNOWN, None
    return Incident.build(
        id=iid,
        title=title,
        kind=IncidentKind.MAINTENANCE if is_maint else IncidentKind.INCIDENT,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_impact,
        created_at=date(obj, "created_at", ctx, path),
        updated_at=date(obj, "updated_at", ctx, path),
        scheduled_for=date(obj, "scheduled_for", ctx, path) or date(obj, "starts_at", ctx, path),
        scheduled_until=date(obj, "scheduled_until", ctx, path) or date(obj, "ends_at", ctx, path),
        url=safe_url(obj.get("full_url")),
        updates=updates,
        components=refs,
        raw=omit(obj, "updates", "systems"),
    )


def _update(item: object, ctx: ParseContext, path: str, colours: list[str]) -> Update | None:
    u = as_dict(item, ctx, path)
    if u is None:
        return None
    status, raw = lookup(
        STAGES,
        u.get("update_type"),
        IncidentStatus.UNKNOWN,
        ctx,
        f"{path}.update_type",
        "update type",
    )
    changes = []
    for key, part in _COLOUR_FIELDS.items():
        if u.get(key) is None:
            continue
        new, raw_new = _colour(u.get(key), ctx, f"{path}.{key}")
        if raw_new in _RANK:
            colours.append(raw_new)
        changes.append(ComponentChange(None, part, None, new, raw_new=raw_new))
    body = as_str(u.get("contents"), ctx, f"{path}.contents") or ""
    return Update(
        id=str_id(u.get("id"), ctx, f"{path}.id"),
        status=status,
        raw_status=raw,
        body=ctx.text(body.replace("\r\n", "\n"), f"{path}.contents"),
        created_at=date(u, "created_at", ctx, path),
        component_changes=tuple(changes),
        raw=omit(u, "contents"),
    )
