"""``slack.json``: Slack's own status API, version 2.0.0 (slack-status.com, formerly
status.slack.com).

Two endpoints, told apart by their shape:

* ``/api/v2.0.0/current``: an object ``{status, date_created, date_updated, active_incidents}``.
  ``status`` is ``ok`` when all is well and ``active`` while anything is posted.
* ``/api/v2.0.0/history``: a top-level array of the same incident objects, past ones included.

Each incident has ``id``, ``title``, ``type`` (``incident``, ``outage`` or ``notice``),
``status`` (``active`` or ``resolved``; ``scheduled``, ``completed`` or ``cancelled`` for planned
work), ``url``, ``services`` (names, no ids) and ``notes`` (``date_created`` and ``body``, no
status of their own).  Times carry offsets such as ``-07:00``.

Mapping (Slack publishes no component states, only the services an incident touches):

* ``type``: ``incident`` is an INCIDENT of minor impact, ``outage`` an INCIDENT of major impact,
  ``notice`` a NOTICE of impact none (informational, never an outage).
* ``status``: ``active`` is Slack's only open state and reads as INVESTIGATING; ``resolved`` is
  RESOLVED; ``scheduled`` SCHEDULED; ``completed`` and ``cancelled`` are COMPLETED (the raw word
  tells a cancellation apart).  Notes carry no status: their updates are UNKNOWN.
* A terminal incident's ``resolved_at`` is its last note (Slack posts the resolution as the final
  note), else its ``date_updated``; a cancelled one's is its ``date_updated`` (cancellations often
  come without a note).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import ComponentRef, Coverage, Incident, Page, Scope, Snapshot, Update
from ..status import TERMINAL_STATUSES, ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_list, as_str, date, lookup, omit
from ._platforms import find_keys, head_kind, incident_head, url_has
from .base import Sniff

__all__ = ["INCIDENT_STATUS", "INDICATOR", "TYPES", "SlackJSON"]

INDICATOR: dict[str, ComponentStatus | None] = {
    "ok": ComponentStatus.OPERATIONAL,
    # something is posted: how bad is for the incidents to say (a notice alone is not an outage)
    "active": None,
}

TYPES: dict[str, tuple[IncidentKind, Impact]] = {
    "incident": (IncidentKind.INCIDENT, Impact.MINOR),
    "outage": (IncidentKind.INCIDENT, Impact.MAJOR),
    "notice": (IncidentKind.NOTICE, Impact.NONE),
}

INCIDENT_STATUS: dict[str, IncidentStatus] = {
    "active": IncidentStatus.INVESTIGATING,
    "resolved": IncidentStatus.RESOLVED,
    "scheduled": IncidentStatus.SCHEDULED,
    "completed": IncidentStatus.COMPLETED,
    "cancelled": IncidentStatus.COMPLETED,
    "canceled": IncidentStatus.COMPLETED,
}

PAGE_URL = "https://slack-status.com"
_CANCELLED = frozenset({"cancelled", "canceled"})


class SlackJSON:
    """Adapter for Slack's status API v2.0.0 (``current`` and ``history``)."""

    name = "slack.json"
    platform = "slack"

    def sniff(self, source: Source) -> Sniff | None:
        kind = head_kind(source)
        head = source.head
        if kind == "{":
            keys = find_keys(head, "active_incidents", "date_created", "date_updated", "status")
            if "active_incidents" in keys and len(keys) >= 3:
                return Sniff(0.92, "Slack current status keys " + ", ".join(keys))
        elif kind == "[":
            keys = find_keys(head, "notes", "services", "date_created", "type", "title", "url")
            if {"notes", "services", "date_created", "type"} <= set(keys):
                return Sniff(0.88, "Slack history incident keys " + ", ".join(keys))
        if url_has(source, "slack-status.com/api/", "status.slack.com/api/"):
            return Sniff(0.35, "slack-status.com API url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if isinstance(doc, list):
            return _history(doc, ctx)
        if isinstance(doc, dict):
            return _current(doc, ctx)
        ctx.fail(f"expected a JSON object or array, got {type(doc).__name__}", "$", doc)


def _current(doc: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    if "active_incidents" not in doc and "status" not in doc:
        ctx.fail("neither status nor active_incidents present", "$")
    raw_indicator = doc.get("status")
    indicator: ComponentStatus | None = None
    if isinstance(raw_indicator, str) and raw_indicator.strip().lower() in INDICATOR:
        indicator = INDICATOR[raw_indicator.strip().lower()]
    else:
        indicator, raw_indicator = lookup(
            {}, raw_indicator, ComponentStatus.UNKNOWN, ctx, "$.status", "Slack status"
        )
    incidents = _incidents(doc.get("active_incidents"), ctx, "$.active_incidents")
    if raw_indicator == "ok" and any(i.is_active for i in incidents):
        ctx.warn("status is ok but an incident is active", "$.status")
    return Snapshot(
        page=Page(name="Slack", url=PAGE_URL, updated_at=date(doc, "date_updated", ctx, "$")),
        incidents=incidents,
        platform="slack",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=as_str(raw_indicator, ctx, "$.status"),
        coverage=Coverage(indicator=True, incidents=Scope.OPEN),
    )


def _history(doc: list[Any], ctx: ParseContext) -> Snapshot:
    incidents = _incidents(doc, ctx, "$")
    return Snapshot(
        page=Page(name="Slack", url=PAGE_URL),
        incidents=incidents,
        platform="slack",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(incidents=Scope.RECENT),
    )


def _incidents(value: object, ctx: ParseContext, path: str) -> tuple[Incident, ...]:
    out = []
    for i, item in enumerate(as_list(value, ctx, path)):
        inc = _incident(item, ctx, f"{path}[{i}]")
        if inc is not None:
            out.append(inc)
    return tuple(out)


def _incident(item: object, ctx: ParseContext, path: str) -> Incident | None:
    head = incident_head(item, ctx, path)
    if head is None:
        return None
    obj, iid, title = head
    raw_type = obj.get("type")
    if isinstance(raw_type, str) and raw_type.strip().lower() in TYPES:
        kind, impact = TYPES[raw_type.strip().lower()]
    else:
        _, raw_type = lookup({}, raw_type, Impact.UNKNOWN, ctx, f"{path}.type", "incident type")
        kind, impact = IncidentKind.INCIDENT, Impact.UNKNOWN
    status, raw_status = lookup(
        INCIDENT_STATUS,
        obj.get("status"),
        IncidentStatus.UNKNOWN,
        ctx,
        f"{path}.status",
        "incident status",
    )
    updates = []
    for j, note in enumerate(as_list(obj.get("notes"), ctx, f"{path}.notes")):
        npath = f"{path}.notes[{j}]"
        n = as_dict(note, ctx, npath)
        if n is None:
            continue
        body = as_str(n.get("body"), ctx, f"{npath}.body") or ""
        updates.append(
            Update(
                id=None,
                status=IncidentStatus.UNKNOWN,
                body=ctx.text(body.replace("\r\n", "\n"), f"{npath}.body"),
                created_at=date(n, "date_created", ctx, npath),
                raw=omit(n, "body"),
            )
        )
    refs = [
        ComponentRef(id=None, name=name)
        for j, svc in enumerate(as_list(obj.get("services"), ctx, f"{path}.services"))
        if (name := as_str(svc, ctx, f"{path}.services[{j}]"))
    ]
    updated = date(obj, "date_updated", ctx, path)
    resolved_at = None
    if status in TERMINAL_STATUSES:
        times = [u.created_at for u in updates if u.created_at is not None]
        # a cancellation is often posted without a note: its time is the last change
        cancelled = raw_status is not None and raw_status.strip().lower() in _CANCELLED
        resolved_at = max(times) if times and not cancelled else updated
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_type if isinstance(raw_type, str) else None,
        created_at=date(obj, "date_created", ctx, path),
        resolved_at=resolved_at,
        updated_at=updated,
        url=safe_url(obj.get("url")),
        updates=updates,
        components=refs,
        raw=omit(obj, "notes", "services"),
    )
