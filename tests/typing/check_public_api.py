"""Type-checked by mypy --strict (not run by pytest): the public API reads well to a type checker."""

from __future__ import annotations

from datetime import timedelta

import statuskit
from statuskit import ComponentStatus, Incident, Snapshot


def overall_of(body: bytes) -> ComponentStatus:
    snap: Snapshot = statuskit.parse(body, url="https://status.example.com/api/v2/summary.json")
    return snap.overall


def open_durations(snap: Snapshot) -> list[tuple[str, timedelta | None]]:
    return [(inc.title, inc.duration) for inc in snap.incidents if not inc.is_resolved]


def impacted_names(inc: Incident) -> list[str | None]:
    return [ref.name for ref in inc.impacted_components]


def round_trip(snap: Snapshot) -> bool:
    return statuskit.loads(statuskit.dumps(snap)) == snap


def adapter_names() -> list[str]:
    return sorted(statuskit.adapters())


def detection(body: bytes) -> tuple[str, str, float]:
    det = statuskit.detect(body)
    return det.adapter, det.platform, det.confidence


def recoveries(old: Snapshot, new: Snapshot) -> list[tuple[str, str]]:
    return [
        (c.name, c.at.isoformat())
        for c in statuskit.diff(old, new)
        if isinstance(c, statuskit.ComponentStatusChanged) and not c.new.is_outage
    ]


def change_wire(change: statuskit.Change) -> statuskit.Change:
    return statuskit.loads_change(statuskit.dumps_change(change))


def uptime_of(snaps: list[Snapshot], component_id: str) -> float | None:
    tl: statuskit.Timeline = statuskit.timeline(snaps, max_gap=timedelta(minutes=15))
    return tl.uptime(component_id)


def edits(old: Snapshot, new: Snapshot) -> list[str]:
    out: list[str] = []
    for c in statuskit.diff(old, new):
        match c:
            case statuskit.IncidentRetitled(old_title=was, title=now):
                out.append(f"{was} -> {now}")
            case statuskit.ComponentMoved(old_group=was, group=now):
                out.append(f"{was} -> {now}")
            case statuskit.MaintenanceRescheduled(scheduled_for=start) if start is not None:
                out.append(start.isoformat())
            case statuskit.MaintenanceCancelled(inferred=inferred):
                out.append(str(inferred))
    return out
