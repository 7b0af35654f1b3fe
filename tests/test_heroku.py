"""Heroku status API v4: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Heroku's Dev Center article "Heroku Status" (the v3 API: issues with
``resolved``, ``full_url``, updates with ``update_type``, ``contents``, ``status_dev`` /
``status_prod`` colours) and the v4 shape the Heroku CLI reads (``/api/v4/current-status``:
``status`` as a list of ``{system, status}``, ``incidents`` with ``updates``, ``scheduled``).
The ``state`` field and its precedence follow statuskit issue 6; contents are invented.
"""

from __future__ import annotations

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope

from .conftest import FIXTURES

HERE = FIXTURES / "heroku.json"


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes())


def test_systems_and_colours() -> None:
    """Systems are components keyed by name; green, yellow and red are operational, degraded
    and major outage."""
    snap = read("current-status.json")
    assert [(c.id, c.status, c.raw_status) for c in snap.components] == [
        ("Apps", ComponentStatus.MAJOR_OUTAGE, "red"),
        ("Data", ComponentStatus.OPERATIONAL, "green"),
        ("Tools", ComponentStatus.DEGRADED_PERFORMANCE, "yellow"),
    ]
    assert read("current-status-green.json").overall is ComponentStatus.OPERATIONAL


def test_state_wins_over_a_contradicting_resolved_flag() -> None:
    """``resolved: true`` with ``state: monitoring`` is an open incident in monitoring."""
    inc = read("incidents.json").incident("2767")
    assert inc is not None
    assert inc.raw["resolved"] is True
    assert (inc.status, inc.raw_status) == (IncidentStatus.MONITORING, "monitoring")
    assert not inc.is_resolved and inc.resolved_at is None


def test_resolved_flag_without_state() -> None:
    """Without ``state``, ``resolved: true`` is resolved, at the resolving update."""
    inc = read("incidents.json").incident("2765")
    assert inc is not None
    assert inc.status is IncidentStatus.RESOLVED and inc.resolved_at is not None
    assert inc.resolved_at.isoformat() == "2026-07-10T15:24:58+00:00"


def test_update_is_a_post_that_moves_no_stage() -> None:
    """``update`` posts are UNKNOWN, so an incident opened with ``issue`` stays investigating;
    its impact is its worst colour (red: critical)."""
    snap = read("current-status.json")
    inc = snap.incident("2771")
    assert inc is not None
    assert [u.raw_status for u in inc.updates] == ["issue", "update"]
    assert inc.status is IncidentStatus.INVESTIGATING
    assert (inc.impact, inc.raw_impact) == (Impact.CRITICAL, "red")


def test_colours_on_updates_are_component_changes() -> None:
    """Each update's production and development colours are recorded as component changes."""
    inc = read("current-status.json").incident("2771")
    assert inc is not None
    prod = [t for t in inc.transitions() if t.name == "Production"]
    assert [(t.old, t.new) for t in prod] == [
        (None, ComponentStatus.DEGRADED_PERFORMANCE),
        (ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.MAJOR_OUTAGE),
    ]


def test_scheduled_is_maintenance() -> None:
    """``scheduled`` entries and ``upcoming`` incidents are maintenance, never outages; a done
    one is COMPLETED."""
    snap = read("current-status.json")
    m = snap.incident("2768")
    assert m is not None
    assert (m.kind, m.status, m.impact) == (
        IncidentKind.MAINTENANCE,
        IncidentStatus.SCHEDULED,
        Impact.MAINTENANCE,
    )
    done = read("incidents.json").incident("2760")
    assert done is not None and (done.kind, done.status) == (
        IncidentKind.MAINTENANCE,
        IncidentStatus.COMPLETED,
    )
    assert snap.coverage.maintenances is Scope.OPEN


def test_incident_listing_is_recent() -> None:
    """The incidents endpoint is a recent window; it has no components and no indicator."""
    snap = read("incidents.json")
    assert snap.coverage.incidents is Scope.RECENT
    assert not snap.coverage.components and snap.indicator is None
