"""``cachet.json``: Cachet 2.x's public API v1 (``/api/v1/...``).

Every list endpoint wraps its records as ``{"meta": {"pagination": {...}}, "data": [...]}``; a
single record comes as ``{"data": {...}}``.  Which endpoint a body is comes from its records:

=================================  ============================================================
endpoint                           record keys that tell it
=================================  ============================================================
``/components``                    ``status`` (1-4), ``status_name``, ``group_id``, ``enabled``
``/components/groups``             ``enabled_components``, ``collapsed``, ``lowest_human_status``
``/incidents``                     ``human_status``, ``latest_status``, ``component_id``,
                                   ``visible``, ``updates`` (2.4)
``/schedules`` (2.4)               ``scheduled_at`` and ``completed_at``, status 0-2
=================================  ============================================================

Vocabularies: component status 0 Unknown, 1 Operational, 2 Performance Issues, 3 Partial Outage,
4 Major Outage; incident status 0 Scheduled (maintenance, before 2.4), 1 Investigating,
2 Identified, 3 Watching, 4 Fixed; schedule status 0 Upcoming, 1 In Progress, 2 Complete.

Quirks:

* In 2.4 an incident's own ``status`` is its status when it was opened; its updates move it on,
  and ``latest_status`` is where it stands.  Before 2.4 (no ``updates``, no ``latest_status``)
  ``status`` is where it stands and a fixed incident's ``updated_at`` is its resolution time.
  The incident's ``message`` is its first post.
* Group ids and component ids are separate sequences: group rows are keyed ``group:<id>``.
* Times are ``"2015-08-01 12:00:00"`` in the installation's own time zone, which the API does
  not state: they are read as UTC with one warning per body.
* A body that is one page of several (``total_pages`` > ``current_page``) does not cover all
  components: ``coverage.components`` is then False.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import Component, ComponentRef, Coverage, Incident, Page, Scope, Snapshot, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus, worst
from ._json import as_dict, as_int, as_list, as_str, omit
from ._platforms import find_keys, get_path, head_kind, parse_in_zone, str_id, url_has
from .base import Sniff

__all__ = ["COMPONENT_STATUS", "INCIDENT_STATUS", "SCHEDULE_STATUS", "CachetJSON"]

COMPONENT_STATUS: dict[int, ComponentStatus] = {
    0: ComponentStatus.UNKNOWN,  # Cachet's own "Unknown"
    1: ComponentStatus.OPERATIONAL,
    2: ComponentStatus.DEGRADED_PERFORMANCE,  # "Performance Issues"
    3: ComponentStatus.PARTIAL_OUTAGE,
    4: ComponentStatus.MAJOR_OUTAGE,
}

INCIDENT_STATUS: dict[int, IncidentStatus] = {
    0: IncidentStatus.SCHEDULED,
    1: IncidentStatus.INVESTIGATING,
    2: IncidentStatus.IDENTIFIED,
    3: IncidentStatus.MONITORING,  # "Watching"
    4: IncidentStatus.RESOLVED,  # "Fixed"
}

SCHEDULE_STATUS: dict[int, IncidentStatus] = {
    0: IncidentStatus.SCHEDULED,  # "Upcoming"
    1: IncidentStatus.IN_PROGRESS,
    2: IncidentStatus.COMPLETED,
}

_MARKERS = (
    "status_name",
    "human_status",
    "lowest_human_status",
    "enabled_components",
    "latest_status",
    "component_id",
    "scheduled_at",
    "occurred_at",
    "collapsed",
)


class CachetJSON:
    """Adapter for Cachet's API v1 (components, component groups, incidents, schedules)."""

    name = "cachet.json"
    platform = "cachet"

    def sniff(self, source: Source) -> Sniff | None:
        if head_kind(source) != "{":
            return None
        head = source.head
        envelope = find_keys(head, "meta", "pagination", "data")
        markers = find_keys(head, *_MARKERS)
        if "data" in envelope and markers:
            score = 0.75 + 0.05 * min(len(markers), 3)
            if "pagination" in envelope:
                score += 0.05
            return Sniff(score, "Cachet API keys " + ", ".join(envelope + markers[:3]))
        if url_has(source, "/api/v1/components", "/api/v1/incidents", "/api/v1/schedules"):
            return Sniff(0.3, "Cachet API v1 url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if not isinstance(doc, dict) or "data" not in doc:
            ctx.fail(
                "expected a JSON object with data", "$", doc if not isinstance(doc, dict) else None
            )
        return _Reader(ctx).read(doc)


def _kind(rec: Mapping[str, Any]) -> str:
    if "enabled_components" in rec or "collapsed" in rec or "lowest_human_status" in rec:
        return "group"
    if "completed_at" in rec and "scheduled_at" in rec:
        return "schedule"
    if any(
        k in rec for k in ("human_status", "latest_status", "visible", "component_id", "updates")
    ):
        return "incident"
    if any(k in rec for k in ("status_name", "group_id", "enabled", "link")):
        return "component"
    return ""


class _Reader:
    """One body's reading: the zone-less times are counted so that one warning says so."""

    def __init__(self, ctx: ParseContext) -> None:
        self.ctx = ctx
        self.naive = 0

    def date(self, obj: Mapping[str, Any], key: str, path: str) -> datetime | None:
        value = obj.get(key)
        if value is None or value == "":
            return None
        # the caller's time_zone= (the installation's zone) when given, else UTC, said once
        zone = self.ctx.time_zone
        when, naive = parse_in_zone(value, zone, self.ctx, f"{path}.{key}")
        self.naive += naive and zone is None
        return when

    def read(self, doc: Mapping[str, Any]) -> Snapshot:
        ctx = self.ctx
        data = doc.get("data")
        records = [data] if isinstance(data, dict) else as_list(data, ctx, "$.data")
        record_kinds = [_kind(r) if isinstance(r, dict) else "" for r in records]
        kinds = set(record_kinds)
        components: list[Component] = []
        incidents: list[Incident] = []
        seen: set[str] = set()
        for i, rec in enumerate(records):
            path = f"$.data[{i}]" if isinstance(data, list) else "$.data"
            if not isinstance(rec, dict):
                ctx.warn(f"expected a record object, got {type(rec).__name__}", path, rec)
                continue
            kind = record_kinds[i]
            if kind == "component":
                self._add(components, seen, self.component(rec, path, None, None))
            elif kind == "group":
                self.group(rec, path, components, seen)
            elif kind in ("incident", "schedule"):
                inc = self.incident(rec, path, schedule=kind == "schedule")
                if inc is not None:
                    incidents.append(inc)
            else:
                ctx.warn("record of no known Cachet kind skipped", path, rec)
        if self.naive:
            ctx.warn(
                f"{self.naive} times carry no zone (Cachet serves the installation's local "
                "time): read as UTC; pass parse(..., time_zone=...) to read them right"
            )
        complete = _complete(doc)
        listed_components = bool(kinds & {"component", "group"})
        incident_scope = Scope.RECENT if "incident" in kinds else Scope.NONE
        scheduled = "schedule" in kinds or any(
            k == "incident" and "scheduled_at" in r
            for r, k in zip(records, record_kinds, strict=True)
        )
        return Snapshot(
            page=Page(),
            components=tuple(components),
            incidents=tuple(incidents),
            platform="cachet",
            adapter=ctx.adapter,
            warnings=tuple(ctx.warnings),
            coverage=Coverage(
                components=listed_components and complete,
                incidents=incident_scope if complete else Scope.NONE,
                maintenances=Scope.RECENT if scheduled and complete else Scope.NONE,
            ),
        )

    @staticmethod
    def _add(out: list[Component], seen: set[str], comp: Component | None) -> None:
        if comp is not None and comp.id not in seen:
            seen.add(comp.id)
            out.append(comp)

    def component(
        self, rec: Mapping[str, Any], path: str, group: str | None, group_key: str | None
    ) -> Component | None:
        ctx = self.ctx
        cid = str_id(rec.get("id"), ctx, f"{path}.id")
        name = as_str(rec.get("name"), ctx, f"{path}.name") or ""
        if cid is None:
            ctx.warn("component without id: skipped", f"{path}.id", name)
            return None
        status, raw = _status(rec.get("status"), ctx, f"{path}.status")
        gid = as_int(rec.get("group_id"), ctx, f"{path}.group_id")
        if group_key is None and gid:
            group_key = f"group:{gid}"
        desc = as_str(rec.get("description"), ctx, f"{path}.description")
        return Component(
            id=cid,
            name=name,
            status=status,
            raw_status=raw,
            group=group,
            description=desc or None,
            position=as_int(rec.get("order"), ctx, f"{path}.order"),
            group_id=group_key,
            updated_at=self.date(rec, "updated_at", path),
            raw=rec,
        )

    def group(
        self, rec: Mapping[str, Any], path: str, out: list[Component], seen: set[str]
    ) -> None:
        ctx = self.ctx
        gid = str_id(rec.get("id"), ctx, f"{path}.id")
        name = as_str(rec.get("name"), ctx, f"{path}.name") or ""
        if gid is None:
            ctx.warn("group without id: skipped", f"{path}.id", name)
            return
        key = f"group:{gid}"
        members = []
        for j, item in enumerate(
            as_list(rec.get("enabled_components"), ctx, f"{path}.enabled_components")
        ):
            mpath = f"{path}.enabled_components[{j}]"
            if not isinstance(item, dict):
                ctx.warn("expected a component object", mpath, item)
                continue
            comp = self.component(item, mpath, name, key)
            if comp is not None:
                members.append(comp)
        # Cachet's group status is its "lowest" (worst) enabled component
        status = worst(m.status for m in members) or ComponentStatus.UNKNOWN
        self._add(
            out,
            seen,
            Component(
                id=key,
                name=name,
                status=status,
                raw_status=as_str(
                    rec.get("lowest_human_status"), ctx, f"{path}.lowest_human_status"
                ),
                position=as_int(rec.get("order"), ctx, f"{path}.order"),
                is_group=True,
                updated_at=self.date(rec, "updated_at", path),
                raw=omit(rec, "enabled_components", "enabled_components_lowest"),
            ),
        )
        for m in members:
            self._add(out, seen, m)

    def incident(self, rec: Mapping[str, Any], path: str, *, schedule: bool) -> Incident | None:
        ctx = self.ctx
        iid = str_id(rec.get("id"), ctx, f"{path}.id")
        title = as_str(rec.get("name"), ctx, f"{path}.name") or ""
        if iid is None:
            ctx.warn("incident without id: skipped", f"{path}.id", title)
            return None
        table = SCHEDULE_STATUS if schedule else INCIDENT_STATUS
        first, raw_first = _lookup(table, rec.get("status"), ctx, f"{path}.status")
        opened = self.date(rec, "occurred_at", path) or self.date(rec, "created_at", path)
        scheduled_for = self.date(rec, "scheduled_at", path)
        if not schedule and first is not IncidentStatus.SCHEDULED:
            scheduled_for = None  # 2.3 fills scheduled_at on every incident
        # 2.4 keeps the opening status on the incident and moves on through updates; before
        # that, editing the incident changed its status, so the text has no status of its own
        timeline = not schedule and ("updates" in rec or "latest_status" in rec)
        updates = []
        message = as_str(rec.get("message"), ctx, f"{path}.message")
        if message:
            updates.append(
                Update(
                    id=None,
                    status=first if timeline else IncidentStatus.UNKNOWN,
                    raw_status=raw_first if timeline else None,
                    body=ctx.text(message, f"{path}.message"),
                    created_at=opened,
                )
            )
        for j, item in enumerate(as_list(rec.get("updates"), ctx, f"{path}.updates")):
            upd = self.update(item, f"{path}.updates[{j}]")
            if upd is not None:
                updates.append(upd)
        status, raw_status = first, raw_first
        if "latest_status" in rec and not schedule:
            status, raw_status = _lookup(
                table, rec.get("latest_status"), ctx, f"{path}.latest_status"
            )
        maintenance = (
            schedule or status is IncidentStatus.SCHEDULED or first is IncidentStatus.SCHEDULED
        )
        refs = []
        comp_id = rec.get("component_id")
        if comp_id:
            refs.append(ComponentRef(id=str_id(comp_id, ctx, f"{path}.component_id")))
        for j, c in enumerate(as_list(rec.get("components"), ctx, f"{path}.components")):
            if isinstance(c, dict):
                refs.append(
                    ComponentRef(
                        id=str_id(c.get("id"), ctx, f"{path}.components[{j}].id"),
                        name=as_str(c.get("name"), ctx, f"{path}.components[{j}].name"),
                    )
                )
        return Incident.build(
            id=iid,
            title=title,
            kind=IncidentKind.MAINTENANCE if maintenance else IncidentKind.INCIDENT,
            status=status,
            raw_status=raw_status,
            # Cachet rates no impact; its maintenance is maintenance
            impact=Impact.MAINTENANCE if maintenance else Impact.UNKNOWN,
            created_at=self.date(rec, "created_at", path),
            started_at=None if maintenance else opened,
            # before 2.4 the last edit is the only trace of when an incident was fixed
            resolved_at=None if timeline or schedule else self.date(rec, "updated_at", path),
            updated_at=self.date(rec, "updated_at", path),
            scheduled_for=scheduled_for,
            scheduled_until=self.date(rec, "completed_at", path) if schedule else None,
            url=safe_url(rec.get("permalink")),
            updates=updates,
            components=refs,
            raw=omit(rec, "updates", "components", "message"),
        )

    def update(self, item: object, path: str) -> Update | None:
        ctx = self.ctx
        u = as_dict(item, ctx, path)
        if u is None:
            return None
        status, raw = _lookup(INCIDENT_STATUS, u.get("status"), ctx, f"{path}.status")
        body = as_str(u.get("message"), ctx, f"{path}.message") or ""
        return Update(
            id=str_id(u.get("id"), ctx, f"{path}.id"),
            status=status,
            raw_status=raw,
            body=ctx.text(body, f"{path}.message"),
            created_at=self.date(u, "created_at", path),
            raw=omit(u, "message"),
        )


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _status(value: object, ctx: ParseContext, path: str) -> tuple[ComponentStatus, str | None]:
    code = _number(value)
    if code is not None and code in COMPONENT_STATUS:
        return COMPONENT_STATUS[code], str(code)
    if value is None:
        return ComponentStatus.UNKNOWN, None
    ctx.warn("unknown component status mapped to UNKNOWN", path, value)
    return ComponentStatus.UNKNOWN, str(value)


def _lookup(
    table: Mapping[int, IncidentStatus], value: object, ctx: ParseContext, path: str
) -> tuple[IncidentStatus, str | None]:
    code = _number(value)
    if code is not None and code in table:
        return table[code], str(code)
    if value is None:
        return IncidentStatus.UNKNOWN, None
    ctx.warn("unknown incident status mapped to UNKNOWN", path, value)
    return IncidentStatus.UNKNOWN, str(value)


def _complete(doc: Mapping[str, Any]) -> bool:
    """False when the body is one page of several (the other pages' records are missing)."""
    pagination = get_path(doc, "meta", "pagination")
    if not isinstance(pagination, dict):
        return True
    total = _number(pagination.get("total_pages"))
    current = _number(pagination.get("current_page"))
    return total is None or current is None or (total <= 1 and current <= 1)
