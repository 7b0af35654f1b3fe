"""``uptimekuma.json``: Uptime Kuma status pages (self-hosted monitoring).

A status page is read from two endpoints, each parsed on its own:

* ``/api/status-page/<slug>``: ``config`` (title, description...), the pinned announcement(s),
  ``publicGroupList`` (groups, each with a ``monitorList`` of ``{id, name, ...}``) and
  ``maintenanceList``.  Uptime Kuma 1.x sends one ``incident`` (or null); 2.x sends an
  ``incidents`` list.  This endpoint names the monitors but carries **no state**: its
  components are UNKNOWN.
* ``/api/status-page/heartbeat/<slug>``: ``heartbeatList`` (monitor id -> beats, oldest first,
  each ``{status, time, msg, ping}``; 2.x puts a bare ``0`` for an empty bucket) and
  ``uptimeList`` (keyed ``"<id>_24"`` in 1.x, ``"<id>"`` in 2.x).  States, but no names.

:func:`combine` joins a reading of each into one snapshot with names and states.

Heartbeat status: 0 DOWN (major outage), 1 UP (operational), 2 PENDING (a failed check being
retried; Uptime Kuma's own page counts it as not up: degraded performance), 3 MAINTENANCE.
Announcements have a Bootstrap ``style`` and no life cycle: ``danger`` is an incident of major
impact, ``warning`` one of minor impact, ``info``, ``primary``, ``light`` and ``dark`` are
notices; a listed (pinned) announcement is open and reads as INVESTIGATING.  Times are UTC
without zone ("2023-06-01 12:34:56.789"); maintenance windows are in the maintenance's own
``timezone``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._source import Source
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope, Snapshot, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_list, as_str, omit
from ._platforms import (
    find_keys,
    head_kind,
    incident_head,
    newest_by_text,
    parse_in_zone,
    str_id,
    url_has,
)
from .base import Sniff

__all__ = ["HEARTBEAT", "MAINTENANCE_STATUS", "STYLES", "UptimeKumaJSON", "combine"]

HEARTBEAT: dict[int, ComponentStatus] = {
    0: ComponentStatus.MAJOR_OUTAGE,  # DOWN
    1: ComponentStatus.OPERATIONAL,  # UP
    2: ComponentStatus.DEGRADED_PERFORMANCE,  # PENDING
    3: ComponentStatus.UNDER_MAINTENANCE,  # MAINTENANCE
}
_BEAT_WORDS = {0: "down", 1: "up", 2: "pending", 3: "maintenance"}

STYLES: dict[str, tuple[IncidentKind, Impact]] = {
    "danger": (IncidentKind.INCIDENT, Impact.MAJOR),
    "warning": (IncidentKind.INCIDENT, Impact.MINOR),
    "info": (IncidentKind.NOTICE, Impact.NONE),
    "primary": (IncidentKind.NOTICE, Impact.NONE),
    "light": (IncidentKind.NOTICE, Impact.NONE),
    "dark": (IncidentKind.NOTICE, Impact.NONE),
}

MAINTENANCE_STATUS: dict[str, IncidentStatus] = {
    "under-maintenance": IncidentStatus.IN_PROGRESS,
    "scheduled": IncidentStatus.SCHEDULED,
    "ended": IncidentStatus.COMPLETED,
    # paused, or a recurring window between runs: no stage to tell
    "inactive": IncidentStatus.UNKNOWN,
    "unknown": IncidentStatus.UNKNOWN,
}


_CONFIG_KEYS = ("slug", "published", "showTags", "customCSS", "footerText", "showPoweredBy")


class UptimeKumaJSON:
    """Adapter for Uptime Kuma's status page API (page and heartbeat endpoints)."""

    name = "uptimekuma.json"
    platform = "uptimekuma"

    def sniff(self, source: Source) -> Sniff | None:
        if head_kind(source) != "{":
            return None
        keys = find_keys(source.head, "publicGroupList", "heartbeatList", "uptimeList", "config")
        if "publicGroupList" in keys:
            return Sniff(0.95, "Uptime Kuma status page keys " + ", ".join(keys))
        if "heartbeatList" in keys:
            return Sniff(0.95 if "uptimeList" in keys else 0.85, "Uptime Kuma heartbeat keys")
        if "config" in keys:
            # a long customCSS can push publicGroupList past the head: the config is telling
            cfg = find_keys(source.head, *_CONFIG_KEYS)
            if len(cfg) >= 4:
                return Sniff(0.9, "Uptime Kuma status page config keys " + ", ".join(cfg))
        if url_has(source, "/api/status-page/"):
            return Sniff(0.3, "Uptime Kuma status page url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if not isinstance(doc, dict):
            ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
        # Uptime Kuma stores and serves UTC without saying so
        ctx.time_zone = ctx.time_zone or "Etc/UTC"
        if "heartbeatList" in doc:
            return _heartbeats(doc, ctx)
        if "publicGroupList" in doc or "config" in doc:
            return _page(doc, ctx)
        ctx.fail("neither publicGroupList nor heartbeatList present", "$")


def _date(value: object, ctx: ParseContext, path: str, zone: str | None = None) -> datetime | None:
    return parse_in_zone(value, zone, ctx, path)[0] if value not in (None, "") else None


def _page(doc: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    config = as_dict(doc.get("config"), ctx, "$.config") or {}
    components: list[Component] = []
    seen: set[str] = set()
    for i, item in enumerate(as_list(doc.get("publicGroupList"), ctx, "$.publicGroupList")):
        gpath = f"$.publicGroupList[{i}]"
        group = as_dict(item, ctx, gpath)
        if group is None:
            continue
        gname = as_str(group.get("name"), ctx, f"{gpath}.name")
        gid = str_id(group.get("id"), ctx, f"{gpath}.id")
        for j, mon in enumerate(as_list(group.get("monitorList"), ctx, f"{gpath}.monitorList")):
            mpath = f"{gpath}.monitorList[{j}]"
            m = as_dict(mon, ctx, mpath)
            if m is None:
                continue
            mid = str_id(m.get("id"), ctx, f"{mpath}.id")
            if mid is None or mid in seen:
                if mid is None:
                    ctx.warn("monitor without id: skipped", f"{mpath}.id", m.get("name"))
                continue
            seen.add(mid)
            components.append(
                Component(
                    id=mid,
                    name=as_str(m.get("name"), ctx, f"{mpath}.name") or "",
                    # the page endpoint carries no state: read the heartbeat endpoint for it
                    status=ComponentStatus.UNKNOWN,
                    group=gname,
                    position=len(components),
                    group_id=gid,
                    raw=m,
                )
            )
    incidents: list[Incident] = []
    posts: list[tuple[str, object]] = []
    if isinstance(doc.get("incident"), dict):
        posts.append(("$.incident", doc["incident"]))
    posts.extend(
        (f"$.incidents[{i}]", v)
        for i, v in enumerate(as_list(doc.get("incidents"), ctx, "$.incidents"))
    )
    for path, post in posts:
        inc = _announcement(post, ctx, path)
        if inc is not None and all(inc.id != seen_inc.id for seen_inc in incidents):
            incidents.append(inc)
    for i, item in enumerate(as_list(doc.get("maintenanceList"), ctx, "$.maintenanceList")):
        inc = _maintenance(item, ctx, f"$.maintenanceList[{i}]")
        if inc is not None:
            incidents.append(inc)
    return Snapshot(
        page=Page(
            name=as_str(config.get("title"), ctx, "$.config.title"),
            id=as_str(config.get("slug"), ctx, "$.config.slug"),
        ),
        components=tuple(components),
        incidents=tuple(incidents),
        platform="uptimekuma",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(
            components="publicGroupList" in doc,
            incidents=Scope.OPEN if "incident" in doc or "incidents" in doc else Scope.NONE,
            maintenances=Scope.ACTIVE if "maintenanceList" in doc else Scope.NONE,
        ),
    )


def _announcement(item: object, ctx: ParseContext, path: str) -> Incident | None:
    head = incident_head(item, ctx, path)
    if head is None:
        return None
    obj, iid, title = head
    style = obj.get("style")
    if isinstance(style, str) and style.strip().lower() in STYLES:
        kind, impact = STYLES[style.strip().lower()]
    else:
        ctx.warn("unknown incident style mapped to UNKNOWN impact", f"{path}.style", style)
        kind, impact = IncidentKind.INCIDENT, Impact.UNKNOWN
    created = _date(obj.get("createdDate"), ctx, f"{path}.createdDate")
    updated = _date(obj.get("lastUpdatedDate"), ctx, f"{path}.lastUpdatedDate")
    body = as_str(obj.get("content"), ctx, f"{path}.content") or ""
    update = Update(
        id=None,
        status=IncidentStatus.INVESTIGATING,
        body=ctx.text(body, f"{path}.content"),  # Markdown, shown as written
        created_at=updated or created,
    )
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=IncidentStatus.INVESTIGATING,  # pinned = open; there is no other state
        impact=impact,
        raw_impact=style if isinstance(style, str) else None,
        created_at=created,
        updated_at=updated,
        updates=[update] if body else [],
        raw=omit(obj, "content"),
    )


def _maintenance(item: object, ctx: ParseContext, path: str) -> Incident | None:
    obj = as_dict(item, ctx, path)
    if obj is None:
        return None
    iid = str_id(obj.get("id"), ctx, f"{path}.id")
    title = as_str(obj.get("title"), ctx, f"{path}.title") or ""
    if iid is None:
        ctx.warn("maintenance without id: skipped", f"{path}.id", title)
        return None
    raw_status = obj.get("status")
    if isinstance(raw_status, str) and raw_status in MAINTENANCE_STATUS:
        status = MAINTENANCE_STATUS[raw_status]
    else:
        ctx.warn("unknown maintenance status mapped to UNKNOWN", f"{path}.status", raw_status)
        status = IncidentStatus.UNKNOWN
    zone = obj.get("timezone") if isinstance(obj.get("timezone"), str) else None
    start = end = None
    slots = as_list(obj.get("timeslotList"), ctx, f"{path}.timeslotList")
    if slots and isinstance(slots[0], dict):
        start = _date(slots[0].get("startDate"), ctx, f"{path}.timeslotList[0].startDate", zone)
        end = _date(slots[0].get("endDate"), ctx, f"{path}.timeslotList[0].endDate", zone)
    body = as_str(obj.get("description"), ctx, f"{path}.description") or ""
    return Incident.build(
        id=f"maintenance:{iid}",  # announcements and maintenances number separately
        title=title,
        kind=IncidentKind.MAINTENANCE,
        status=status,
        raw_status=raw_status if isinstance(raw_status, str) else None,
        impact=Impact.MAINTENANCE,
        scheduled_for=start,
        scheduled_until=end,
        updates=[Update(id=None, status=IncidentStatus.UNKNOWN, body=body)] if body else [],
        raw=omit(obj, "description"),
    )


def _heartbeats(doc: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    beats = as_dict(doc.get("heartbeatList"), ctx, "$.heartbeatList") or {}
    uptimes = as_dict(doc.get("uptimeList"), ctx, "$.uptimeList") or {}
    components: list[Component] = []
    for mid, value in beats.items():
        path = f"$.heartbeatList[{mid!r}]"
        latest: Mapping[str, Any] | None = None
        latest_at: datetime | None = None
        beats_of: list[Mapping[str, Any]] = []
        for j, beat in enumerate(as_list(value, ctx, path)):
            if isinstance(beat, dict):
                beats_of.append(beat)
            elif beat != 0:  # 0 is Uptime Kuma 2's empty bucket
                ctx.warn("expected a heartbeat object", f"{path}[{j}]", beat)
        # a hundred beats a monitor: pick the newest by its text when that is safe
        latest = newest_by_text(beats_of, "time")
        if latest is not None:
            latest_at = _date(latest.get("time"), ctx, f"{path}.time")
        else:
            for j, beat in enumerate(beats_of):
                at = _date(beat.get("time"), ctx, f"{path}[{j}].time")
                if latest is None or latest_at is None or (at is not None and at >= latest_at):
                    latest, latest_at = beat, at
        status, raw = ComponentStatus.UNKNOWN, None  # no beat yet: nothing known
        if latest is not None:
            code = latest.get("status")
            if isinstance(code, int) and not isinstance(code, bool) and code in HEARTBEAT:
                status, raw = HEARTBEAT[code], _BEAT_WORDS[code]
            else:
                ctx.warn("unknown heartbeat status mapped to UNKNOWN", f"{path}.status", code)
                raw = str(code)
        uptime = uptimes.get(f"{mid}_24", uptimes.get(mid))
        components.append(
            Component(
                id=str(mid),
                name=f"#{mid}",  # names come from the page endpoint: see combine()
                status=status,
                raw_status=raw,
                position=len(components),
                updated_at=latest_at,
                raw={"monitorID": mid, "latest": latest, "uptime": uptime},
            )
        )
    return Snapshot(
        page=Page(),
        components=tuple(components),
        platform="uptimekuma",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(components=True),
    )


def combine(page: Snapshot, heartbeats: Snapshot) -> Snapshot:
    """One snapshot from a reading of ``/api/status-page/<slug>`` (*page*: names, groups,
    announcements, maintenance) and one of ``/api/status-page/heartbeat/<slug>``
    (*heartbeats*: states).  A monitor the heartbeat reading lacks stays UNKNOWN; warnings of
    both are kept."""
    states = {c.id: c for c in heartbeats.components}
    components: list[Component] = []
    for c in page.components:
        beat = states.get(c.id)
        if beat is None:
            components.append(c)
            continue
        components.append(
            attrs.evolve(
                c,
                status=beat.status,
                raw_status=beat.raw_status,
                updated_at=beat.updated_at,
            )
        )
    coverage = attrs.evolve(
        page.coverage, components=page.coverage.components and heartbeats.coverage.components
    )
    return attrs.evolve(
        page,
        components=tuple(components),
        warnings=tuple(dict.fromkeys((*page.warnings, *heartbeats.warnings))),
        coverage=coverage,
        read_at=heartbeats.read_at or page.read_at,
    )
