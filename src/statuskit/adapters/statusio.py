"""``statusio.json``: status.io's Public Status API, ``https://api.status.io/1.0/status/<page id>``.

The body is ``{"result": {...}}`` with:

* ``status_overall``: ``{updated, status, status_code}``, the page's indicator;
* ``status``: the components, each ``{id, name, updated, status, status_code, containers}``;
  containers are the places a component runs in (data centres, regions), each with its own
  ``status_code``.  A component's own code is status.io's aggregate of its containers;
* ``incidents``: the open incidents, each with ``_id``, ``name``, ``datetime_open``,
  ``components_affected``, ``containers_affected`` and ``messages`` (``details``, ``datetime``,
  ``state`` and ``status`` codes, ``components`` / ``containers`` id lists);
* ``maintenance``: ``{active: [...], upcoming: [...]}`` with ``datetime_planned_start`` /
  ``datetime_planned_end``.

Status codes (the vocabulary every status field uses): 100 Operational, 200 Planned Maintenance,
300 Degraded Performance, 400 Partial Service Disruption, 500 Service Disruption, 600 Security
Event.  A security event says nothing about availability: it maps to UNKNOWN (ranked between
maintenance and degraded performance), never to an outage by guess and never to operational;
the code stays in ``raw_status`` ("600").  Incident states: 100 Investigating, 200 Identified,
300 Monitoring.

Components are rows that are groups (``is_group``) when they have containers; each container is
a member row with id ``<component id>/<container id>`` (container ids repeat across components),
its name, and the component as its group.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .._source import Source
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
from ._json import as_dict, as_list, as_str, date, omit
from ._platforms import dedupe, find_keys, head_kind, str_id, url_has
from .base import Sniff

__all__ = ["IMPACT", "INCIDENT_STATE", "STATUS", "StatusioJSON"]

STATUS: dict[int, ComponentStatus] = {
    100: ComponentStatus.OPERATIONAL,
    200: ComponentStatus.UNDER_MAINTENANCE,
    300: ComponentStatus.DEGRADED_PERFORMANCE,
    400: ComponentStatus.PARTIAL_OUTAGE,
    500: ComponentStatus.MAJOR_OUTAGE,
    600: ComponentStatus.UNKNOWN,  # Security Event: not a statement about availability
}

IMPACT: dict[int, Impact] = {
    100: Impact.NONE,
    200: Impact.MAINTENANCE,
    300: Impact.MINOR,
    400: Impact.MAJOR,
    500: Impact.CRITICAL,
    600: Impact.UNKNOWN,
}

INCIDENT_STATE: dict[int, IncidentStatus] = {
    100: IncidentStatus.INVESTIGATING,
    200: IncidentStatus.IDENTIFIED,
    300: IncidentStatus.MONITORING,
}

_NEVER = datetime(1, 1, 1, tzinfo=timezone.utc)

# when a record has no code, its text ("Partial Service Disruption") is read instead
_BY_TEXT: dict[str, int] = {
    "operational": 100,
    "planned maintenance": 200,
    "degraded performance": 300,
    "partial service disruption": 400,
    "service disruption": 500,
    "security event": 600,
}


class StatusioJSON:
    """Adapter for status.io's Public Status API."""

    name = "statusio.json"
    platform = "statusio"

    def sniff(self, source: Source) -> Sniff | None:
        if head_kind(source) != "{":
            return None
        keys = find_keys(source.head, "result", "status_overall", "status_code", "containers")
        if {"result", "status_overall"} <= set(keys):
            score = 0.9 + (0.05 if "status_code" in keys else 0.0)
            return Sniff(score, "status.io keys " + ", ".join(keys))
        if url_has(source, "api.status.io/"):
            return Sniff(0.35, "api.status.io url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if not isinstance(doc, dict):
            ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
        result = as_dict(doc.get("result"), ctx, "$.result")
        if result is None:
            ctx.fail("no result object", "$.result")
        return _read(result, ctx)


def _code(
    obj: Mapping[str, Any], ctx: ParseContext, path: str, key: str = "status_code"
) -> tuple[int | None, str | None]:
    """The status code of *obj* (from its text when the code is missing) and the raw word."""
    code = obj.get(key)
    if isinstance(code, str) and code.strip().isdigit():
        code = int(code.strip())
    if isinstance(code, int) and not isinstance(code, bool):
        if code not in STATUS:
            ctx.warn(f"unknown status code {code} mapped to UNKNOWN", f"{path}.{key}")
        return code, str(code)
    text = obj.get("status")
    if isinstance(text, str) and text.strip().lower() in _BY_TEXT:
        found = _BY_TEXT[text.strip().lower()]
        return found, str(found)
    if code is not None or text is not None:
        ctx.warn("unknown status mapped to UNKNOWN", f"{path}.{key}", code if code else text)
        return None, str(code if code is not None else text)
    return None, None


def _status(code: int | None) -> ComponentStatus:
    return (
        STATUS.get(code, ComponentStatus.UNKNOWN) if code is not None else ComponentStatus.UNKNOWN
    )


def _read(result: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    overall = as_dict(result.get("status_overall"), ctx, "$.result.status_overall")
    indicator = raw_indicator = description = None
    updated = None
    if overall is not None:
        code, raw_indicator = _code(overall, ctx, "$.result.status_overall")
        indicator = _status(code)
        description = as_str(overall.get("status"), ctx, "$.result.status_overall.status")
        updated = date(overall, "updated", ctx, "$.result.status_overall")
    components, names = _components(result, ctx)
    incidents: list[Incident] = []
    for i, item in enumerate(as_list(result.get("incidents"), ctx, "$.result.incidents")):
        inc = _event(item, ctx, f"$.result.incidents[{i}]", names, None)
        if inc is not None:
            incidents.append(inc)
    maint = as_dict(result.get("maintenance"), ctx, "$.result.maintenance") or {}
    for key, status in (
        ("active", IncidentStatus.IN_PROGRESS),
        ("upcoming", IncidentStatus.SCHEDULED),
    ):
        path = f"$.result.maintenance.{key}"
        for i, item in enumerate(as_list(maint.get(key), ctx, path)):
            inc = _event(item, ctx, f"{path}[{i}]", names, status)
            if inc is not None:
                incidents.append(inc)
    page_id = next(
        (str(i.raw["statuspage"]) for i in incidents if isinstance(i.raw.get("statuspage"), str)),
        None,
    )
    return Snapshot(
        page=Page(updated_at=updated, id=page_id),
        components=components,
        incidents=tuple(incidents),
        platform="statusio",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=raw_indicator,
        description=description,
        coverage=Coverage(
            components="status" in result,
            indicator=overall is not None,
            incidents=Scope.OPEN if "incidents" in result else Scope.NONE,
            maintenances=Scope.OPEN if "maintenance" in result else Scope.NONE,
        ),
    )


def _components(
    result: Mapping[str, Any], ctx: ParseContext
) -> tuple[tuple[Component, ...], dict[str, str]]:
    out: list[Component] = []
    names: dict[str, str] = {}
    for i, item in enumerate(as_list(result.get("status"), ctx, "$.result.status")):
        path = f"$.result.status[{i}]"
        obj = as_dict(item, ctx, path)
        if obj is None:
            continue
        cid = str_id(obj.get("id", obj.get("_id")), ctx, f"{path}.id")
        name = as_str(obj.get("name"), ctx, f"{path}.name") or ""
        if cid is None:
            ctx.warn("component without id: keyed by its name", f"{path}.id")
            cid = f"name:{name}"
        names[cid] = name
        code, raw = _code(obj, ctx, path)
        containers = as_list(obj.get("containers"), ctx, f"{path}.containers")
        out.append(
            Component(
                id=cid,
                name=name,
                status=_status(code),
                raw_status=raw,
                position=i,
                is_group=bool(containers),
                updated_at=date(obj, "updated", ctx, path),
                raw=omit(obj, "containers"),
            )
        )
        for j, cont in enumerate(containers):
            cpath = f"{path}.containers[{j}]"
            c = as_dict(cont, ctx, cpath)
            if c is None:
                continue
            kid = str_id(c.get("id", c.get("_id")), ctx, f"{cpath}.id")
            kname = as_str(c.get("name"), ctx, f"{cpath}.name") or ""
            key = f"{cid}/{kid if kid is not None else 'name:' + kname}"
            names[key] = kname
            kcode, kraw = _code(c, ctx, cpath)
            out.append(
                Component(
                    id=key,
                    name=kname,
                    status=_status(kcode),
                    raw_status=kraw,
                    group=name,
                    position=j,
                    group_id=cid,
                    updated_at=date(c, "updated", ctx, cpath),
                    raw=c,
                )
            )
    return dedupe(out, ctx, "$.result.status"), names


def _ids(value: object, ctx: ParseContext, path: str) -> list[str]:
    """Ids from a list of id strings or of objects with ``_id`` / ``id``."""
    out = []
    for j, item in enumerate(as_list(value, ctx, path)):
        ref = item.get("_id", item.get("id")) if isinstance(item, dict) else item
        rid = str_id(ref, ctx, f"{path}[{j}]")
        if rid is not None:
            out.append(rid)
    return out


def _event(
    item: object,
    ctx: ParseContext,
    path: str,
    names: Mapping[str, str],
    maintenance: IncidentStatus | None,
) -> Incident | None:
    obj = as_dict(item, ctx, path)
    if obj is None:
        return None
    iid = str_id(obj.get("_id", obj.get("id")), ctx, f"{path}._id")
    title = as_str(obj.get("name"), ctx, f"{path}.name") or ""
    if iid is None:
        ctx.warn("event without id: skipped", f"{path}._id", title)
        return None
    refs: list[ComponentRef] = []
    for j, ca in enumerate(
        as_list(obj.get("components_affected"), ctx, f"{path}.components_affected")
    ):
        cpath = f"{path}.components_affected[{j}]"
        c = as_dict(ca, ctx, cpath)
        if c is None:
            continue
        cid = str_id(c.get("_id", c.get("id")), ctx, f"{cpath}._id")
        cname = as_str(c.get("name"), ctx, f"{cpath}.name") or (names.get(cid) if cid else None)
        refs.append(ComponentRef(id=cid, name=cname))
        for kid in _ids(c.get("containers"), ctx, f"{cpath}.containers"):
            key = f"{cid}/{kid}"
            if key in names:
                refs.append(ComponentRef(id=key, name=names[key]))
    posts: list[tuple[Update, int | None, str | None]] = []
    for j, msg in enumerate(as_list(obj.get("messages"), ctx, f"{path}.messages")):
        upd, code, raw = _message(msg, ctx, f"{path}.messages[{j}]", names, maintenance)
        if upd is not None:
            posts.append((upd, code, raw))
    updates = [p[0] for p in posts]
    # the newest message (status.io lists them newest first, but time decides) sets the state
    newest = max(posts, key=_post_time) if posts else None
    latest_code, latest_raw = (newest[1], newest[2]) if newest else (None, None)
    if maintenance is not None:
        kind, status, raw_status = IncidentKind.MAINTENANCE, maintenance, None
        impact, raw_impact = Impact.MAINTENANCE, None
    else:
        kind = IncidentKind.INCIDENT
        if newest is not None and newest[0].status is not IncidentStatus.UNKNOWN:
            status, raw_status = newest[0].status, newest[0].raw_status
        else:
            status, raw_status = IncidentStatus.INVESTIGATING, None  # listed among the open
        impact = (
            IMPACT.get(latest_code, Impact.UNKNOWN) if latest_code is not None else Impact.UNKNOWN
        )
        raw_impact = latest_raw
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_impact,
        created_at=date(obj, "datetime_open", ctx, path),
        scheduled_for=date(obj, "datetime_planned_start", ctx, path),
        scheduled_until=date(obj, "datetime_planned_end", ctx, path),
        updated_at=newest[0].created_at if newest else None,
        updates=updates,
        components=refs,
        raw=omit(obj, "messages", "components_affected", "containers_affected"),
    )


def _post_time(post: tuple[Update, int | None, str | None]) -> datetime:
    return post[0].created_at or _NEVER


def _message(
    item: object,
    ctx: ParseContext,
    path: str,
    names: Mapping[str, str],
    maintenance: IncidentStatus | None,
) -> tuple[Update | None, int | None, str | None]:
    m = as_dict(item, ctx, path)
    if m is None:
        return None, None, None
    status, raw_status = IncidentStatus.UNKNOWN, None
    state = m.get("state")
    if state is not None:
        raw_status = str(state)
        if maintenance is None:  # maintenance messages use their own, undocumented states
            found = INCIDENT_STATE.get(state) if isinstance(state, int) else None
            if found is None:
                ctx.warn("unknown incident state mapped to UNKNOWN", f"{path}.state", state)
            else:
                status = found
    code, raw_code = _code(m, ctx, path, "status") if "status" in m else (None, None)
    changes = []
    if code is not None and maintenance is None:
        new = _status(code)
        comps = _ids(m.get("components"), ctx, f"{path}.components")
        conts = set(_ids(m.get("containers"), ctx, f"{path}.containers"))
        for cid in comps:
            changes.append(ComponentChange(cid, names.get(cid), None, new, raw_new=raw_code))
            for key in names:
                if key.startswith(cid + "/") and key.split("/", 1)[1] in conts:
                    changes.append(ComponentChange(key, names[key], None, new, raw_new=raw_code))
    body = as_str(m.get("details"), ctx, f"{path}.details") or ""
    upd = Update(
        id=str_id(m.get("_id", m.get("id")), ctx, f"{path}._id"),
        status=status,
        raw_status=raw_status,
        body=ctx.text(body, f"{path}.details"),
        created_at=date(m, "datetime", ctx, path),
        component_changes=tuple(changes),
        raw=omit(m, "details"),
    )
    return upd, code, raw_code
