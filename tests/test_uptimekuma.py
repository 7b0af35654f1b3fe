"""Uptime Kuma status pages: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Uptime Kuma's own server code (louislam/uptime-kuma: the status page router's
``/api/status-page/<slug>`` and ``/api/status-page/heartbeat/<slug>``, ``StatusPage
.getStatusPageData`` with one ``incident`` in 1.x and an ``incidents`` list in 2.x,
``Group.toPublicJSON`` with ``monitorList``, ``Maintenance.toPublicJSON`` with ``timeslotList`` and
``timezone``, heartbeats stored as UTC ``"YYYY-MM-DD HH:mm:ss.SSS"``, and 2.x's aggregated
buckets with a bare ``0`` for an empty one).  Names and texts are invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope
from statuskit.adapters._platforms import newest_by_text
from statuskit.adapters.uptimekuma import combine

from .conftest import FIXTURES

HERE = FIXTURES / "uptimekuma.json"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_heartbeat_codes() -> None:
    """0 down, 1 up, 2 pending (a failing check being retried: degraded), 3 maintenance; a
    monitor with no beat yet is UNKNOWN."""
    snap = read("heartbeat-1x.json")
    assert [(c.id, c.status, c.raw_status) for c in snap.components] == [
        ("1", ComponentStatus.OPERATIONAL, "up"),
        ("2", ComponentStatus.MAJOR_OUTAGE, "down"),
        ("3", ComponentStatus.DEGRADED_PERFORMANCE, "pending"),
        ("4", ComponentStatus.UNDER_MAINTENANCE, "maintenance"),
        ("6", ComponentStatus.UNKNOWN, None),
    ]
    assert snap.warnings == ()


def test_heartbeat_times_are_utc_without_saying_so() -> None:
    """Heartbeat times have no zone but are UTC: no warning, and the newest beat dates the
    state."""
    snap = read("heartbeat-1x.json")
    down = snap.component("2")
    assert down is not None
    assert down.updated_at == datetime(2026, 3, 14, 9, 29, 1, 117000, tzinfo=UTC)
    assert down.raw["uptime"] == 0.9134  # 1.x keys uptimes "<id>_24"


def test_2x_buckets_and_the_newest_beat() -> None:
    """2.x pads empty buckets with a bare 0 (skipped, no warning) and keys uptimes by id; the
    newest beat by time decides, wherever it sits in the list."""
    snap = read("heartbeat-2x.json")
    assert snap.warnings == ()
    search = snap.component("5")
    assert search is not None and search.status is ComponentStatus.MAJOR_OUTAGE
    assert search.raw["uptime"] == 0.5


def test_single_incident_of_1x() -> None:
    """1.x's one pinned ``incident`` is open (no life cycle); ``danger`` is major impact."""
    snap = read("status-page-1x.json")
    inc = snap.incident("4")
    assert inc is not None
    assert (inc.kind, inc.status) == (IncidentKind.INCIDENT, IncidentStatus.INVESTIGATING)
    assert (inc.impact, inc.raw_impact) == (Impact.MAJOR, "danger")
    assert inc.started_at == datetime(2026, 3, 14, 9, 2, 11, tzinfo=UTC)


def test_incident_list_of_2x_and_info_is_a_notice() -> None:
    """2.x's ``incidents`` list is read whole; an ``info`` announcement is a NOTICE."""
    snap = read("status-page-2x.json")
    assert [(i.id, i.kind, i.impact) for i in snap.incidents] == [
        ("9", IncidentKind.INCIDENT, Impact.MINOR),
        ("8", IncidentKind.NOTICE, Impact.NONE),
    ]
    assert snap.coverage.incidents is Scope.OPEN


def test_page_endpoint_has_names_and_groups_but_no_state() -> None:
    """The page endpoint's monitors are UNKNOWN (it carries no state), grouped by their list."""
    snap = read("status-page-1x.json")
    assert [(c.name, c.group, c.status) for c in snap.components] == [
        ("Storefront", "Shop", ComponentStatus.UNKNOWN),
        ("Checkout", "Shop", ComponentStatus.UNKNOWN),
        ("DNS", "Infrastructure", ComponentStatus.UNKNOWN),
        ("Mail relay", "Infrastructure", ComponentStatus.UNKNOWN),
    ]


def test_maintenance_window_in_its_own_zone() -> None:
    """A maintenance window is written in the maintenance's zone (Europe/Berlin, CET): 10:00
    local is 09:00 UTC; ``under-maintenance`` is in progress and never an outage."""
    snap = read("status-page-1x.json")
    m = snap.incident("maintenance:2")
    assert m is not None
    assert (m.kind, m.status) == (IncidentKind.MAINTENANCE, IncidentStatus.IN_PROGRESS)
    assert m.scheduled_for == datetime(2026, 3, 14, 9, tzinfo=UTC)
    assert m.scheduled_until == datetime(2026, 3, 14, 11, tzinfo=UTC)
    assert not m.open_state.is_outage


def test_combine_names_the_states() -> None:
    """``combine`` gives the page endpoint's monitors the heartbeat endpoint's states."""
    page = read("status-page-1x.json")
    beats = read("heartbeat-1x.json")
    both = combine(page, beats)
    assert [(c.name, c.status) for c in both.components] == [
        ("Storefront", ComponentStatus.OPERATIONAL),
        ("Checkout", ComponentStatus.MAJOR_OUTAGE),
        ("DNS", ComponentStatus.DEGRADED_PERFORMANCE),
        ("Mail relay", ComponentStatus.UNDER_MAINTENANCE),
    ]
    assert both.incidents == page.incidents
    assert both.overall is ComponentStatus.MAJOR_OUTAGE
    assert statuskit.loads(statuskit.dumps(both)) == both


def test_newest_beat_across_a_zone_change_is_parsed_not_compared_as_text() -> None:
    """Times in one zone sort as text; across two offsets (a DST change) they are parsed, so
    the beat that is later in UTC wins although its text sorts first."""
    beats = [
        {"status": 1, "time": "2026-11-01T01:30:00-04:00"},
        {"status": 0, "time": "2026-11-01T01:10:00-05:00"},
    ]
    assert newest_by_text(beats, "time") is None
    assert newest_by_text(beats[:1], "time") is beats[0]
    body = json.dumps({"heartbeatList": {"7": beats}, "uptimeList": {}})
    (mon,) = statuskit.parse(body).components
    assert mon.status is ComponentStatus.MAJOR_OUTAGE
    assert mon.updated_at == datetime(2026, 11, 1, 6, 10, tzinfo=UTC)
