"""Statuspage v2 JSON: the traps of DESIGN.md, asserted as facts (the golden files pin the rest)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope

from .conftest import FIXTURES

SP = FIXTURES / "statuspage.json"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((SP / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_affected_components_null_means_no_changes() -> None:
    """`affected_components: null` gives updates without component changes, and no warning."""
    snap = read("incidents-history.json")
    inc = snap.incident("n0u1l2l3c4m5")
    assert inc is not None
    assert all(u.component_changes == () for u in inc.updates)
    assert inc.impacted_components == ()
    assert snap.warnings == ()


def test_open_incident_with_impact_none() -> None:
    """An open incident with impact none is open; it alone does not make the page unhealthy."""
    snap = read("summary-open-impact-none.json")
    (inc,) = snap.incidents
    assert inc.impact is Impact.NONE
    assert not inc.is_resolved
    assert inc.resolved_at is None and inc.duration is None
    assert snap.open_incidents == (inc,)
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_maintenance_in_progress() -> None:
    """A maintenance in progress is MAINTENANCE, started at its in-progress update, not an outage."""
    snap = read("summary-mid-incident.json")
    m = snap.incident("m4n8b2v6c0xz")
    assert m is not None
    assert m.kind is IncidentKind.MAINTENANCE
    assert m.status is IncidentStatus.IN_PROGRESS
    assert m.is_active and not m.is_resolved
    assert m.started_at == datetime(2026, 3, 14, 9, 0, 3, 221000, tzinfo=UTC)
    assert m.scheduled_until == datetime(2026, 3, 14, 11, tzinfo=UTC)
    assert m.open_state is ComponentStatus.UNDER_MAINTENANCE
    assert not m.open_state.is_outage
    upcoming = snap.incident("m7x1c5v9b3nq")
    assert upcoming is not None and upcoming.started_at is None and not upcoming.is_active


def test_components_in_groups() -> None:
    """Group rows are kept (is_group) and members carry the group's name and id."""
    snap = read("components-groups.json")
    api_eu = snap.component("c1api0eu0001")
    assert api_eu is not None
    assert (api_eu.group, api_eu.group_id) == ("Europe", "g1eu0r0p3abc")
    europe = snap.component("g1eu0r0p3abc")
    assert europe is not None and europe.is_group and europe.group is None
    assert [c.name for c in snap.components if c.is_group] == ["Europe", "North America"]
    assert snap.coverage.components and not snap.coverage.indicator


def test_components_with_the_same_name_are_kept_apart_by_id() -> None:
    """Two components named "API" with different ids are two components."""
    snap = read("components-groups.json")
    apis = [c for c in snap.components if c.name == "API"]
    assert [(c.id, c.status, c.group) for c in apis] == [
        ("c1api0eu0001", ComponentStatus.PARTIAL_OUTAGE, "Europe"),
        ("c3api0us0003", ComponentStatus.OPERATIONAL, "North America"),
    ]


def test_local_offsets_become_utc() -> None:
    """-06:00 times are converted to aware UTC; the page keeps its zone name."""
    snap = read("incidents-history.json")
    assert snap.page.time_zone == "America/Chicago"
    inc = snap.incident("n0u1l2l3c4m5")
    assert inc is not None
    assert inc.created_at == datetime(2026, 1, 1, 15, 0, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 1, 1, 15, 20, tzinfo=UTC)
    assert inc.duration == timedelta(minutes=20)
    assert inc.created_at is not None and inc.created_at.tzinfo is UTC


def test_reopened_incident() -> None:
    """Resolved, then investigating again, then resolved: reopened once, duration to the end."""
    snap = read("incidents-history.json")
    inc = snap.incident("r3o1p2e4n5e6")
    assert inc is not None
    assert inc.reopened_count == 1
    assert inc.is_resolved
    assert inc.started_at == datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 1, 5, 16, 0, tzinfo=UTC)
    assert inc.duration == timedelta(hours=2)
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.RESOLVED,
        IncidentStatus.INVESTIGATING,
        IncidentStatus.RESOLVED,
    ]


def test_vendor_started_at_later_than_first_update() -> None:
    """started_at is the first update when the vendor's start time is later; the postmortem
    posted two days later does not stretch the duration."""
    snap = read("incidents-history.json")
    inc = snap.incident("s7t8a9r0t1e2")
    assert inc is not None
    assert inc.raw["started_at"] == "2026-01-02T11:30:00.000-06:00"
    assert inc.started_at == datetime(2026, 1, 2, 16, 50, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 1, 2, 18, 15, tzinfo=UTC)
    assert inc.duration == timedelta(minutes=85)
    assert inc.status is IncidentStatus.POSTMORTEM and inc.is_resolved


def test_listed_is_not_impacted() -> None:
    """15 listed components, one ever degraded: one impacted, two transitions, no no-ops."""
    snap = read("incidents-history.json")
    inc = snap.incident("f1i5t3e3n0c5")
    assert inc is not None
    assert len(inc.components) == 15
    assert [(r.name, r.status) for r in inc.impacted_components] == [
        ("Search", ComponentStatus.DEGRADED_PERFORMANCE)
    ]
    assert [(t.name, t.old, t.new) for t in inc.transitions()] == [
        ("Search", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE),
        ("Search", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL),
    ]


def test_indicator_none_with_open_incident_with_impact() -> None:
    """The vendor says "none" while a minor incident is open: overall is not OPERATIONAL."""
    snap = read("summary-indicator-lags.json")
    assert snap.indicator is ComponentStatus.OPERATIONAL
    assert snap.overall is ComponentStatus.DEGRADED_PERFORMANCE


def test_summary_overall_and_coverage() -> None:
    """summary.json: worst of indicator (major), components and incidents; open-only scopes."""
    snap = read("summary-mid-incident.json")
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE
    assert snap.coverage == statuskit.Coverage(
        components=True, indicator=True, incidents=Scope.OPEN, maintenances=Scope.OPEN
    )


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("incidents-history.json", Scope.RECENT),
        ("incidents-unresolved.json", Scope.OPEN),
    ],
)
def test_incident_list_scope(name: str, scope: Scope) -> None:
    """incidents.json covers recent incidents; incidents/unresolved.json only open ones."""
    assert read(name).coverage.incidents is scope


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("scheduled-maintenances.json", Scope.RECENT),
        ("scheduled-maintenances-upcoming.json", Scope.UPCOMING),
        ("scheduled-maintenances-active.json", Scope.ACTIVE),
    ],
)
def test_maintenance_list_scope(name: str, scope: Scope) -> None:
    """scheduled-maintenances.json and its upcoming/active variants say what they cover."""
    snap = read(name)
    assert snap.coverage.maintenances is scope
    assert all(i.kind is IncidentKind.MAINTENANCE for i in snap.incidents)


def test_completed_maintenance_window() -> None:
    """A completed maintenance runs from its in-progress update to its completed update."""
    snap = read("scheduled-maintenances.json")
    m = snap.incident("m0d1o2n3e4x5")
    assert m is not None
    assert m.started_at == datetime(2026, 3, 5, 2, 0, 5, tzinfo=UTC)
    assert m.resolved_at == datetime(2026, 3, 5, 3, 58, tzinfo=UTC)
    assert m.created_at == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def test_unknown_vendor_word_is_unknown_with_a_warning() -> None:
    """An unmapped status is UNKNOWN (never OPERATIONAL), the word kept, a warning given."""
    snap = read("unknown-status-word.json")
    realtime = snap.component("c9new0word09")
    assert realtime is not None
    assert realtime.status is ComponentStatus.UNKNOWN
    assert realtime.raw_status == "slightly_wobbly"
    assert any("slightly_wobbly" in w and "$.components[1].status" in w for w in snap.warnings)
    assert snap.overall is ComponentStatus.UNKNOWN


def test_unknown_vendor_word_raises_in_strict_mode() -> None:
    """strict=True turns the same problem into a ParseError naming adapter and path."""
    with pytest.raises(statuskit.ParseError) as info:
        read("unknown-status-word.json", strict=True)
    assert info.value.adapter == "statuspage.json"
    assert info.value.path == "$.components[1].status"


def test_incidentio_compat_summary() -> None:
    """incident.io's Statuspage-shaped summary is detected as incident.io and read fully."""
    data = (FIXTURES / "incidentio.json" / "summary-compat.json").read_bytes()
    det = statuskit.detect(data)
    assert (det.adapter, det.platform) == ("incidentio.json", "incidentio")
    snap = statuskit.parse(data)
    assert snap.platform == "incidentio"
    assert snap.page.time_zone is None
    (inc,) = snap.incidents
    assert inc.url == "https://status.fabrikam.example/incidents/01KC8Q2W3E4R5T6Y7U8I9O0P1A"
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
    ]
    assert snap.coverage.maintenances is Scope.NONE
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE


def test_statuspage_detected_with_confidence_and_evidence() -> None:
    """detect() names the adapter, the platform and why."""
    det = statuskit.detect((SP / "summary-mid-incident.json").read_bytes())
    assert (det.adapter, det.platform) == ("statuspage.json", "statuspage")
    assert det.confidence >= 0.8
    assert "Statuspage" in det.evidence


def test_statuskit_documents_are_not_taken_for_statuspage() -> None:
    """statuskit's own dumps() output has Statuspage-like keys but is not a vendor page."""
    snap = read("summary-mid-incident.json")
    with pytest.raises(statuskit.UnknownFormatError):
        statuskit.detect(statuskit.dumps(snap))


@pytest.mark.parametrize("provider", ["statuspage.json", "incidentio.json"])
@pytest.mark.parametrize("iid", ["", None])
def test_incident_with_an_empty_id_is_skipped(provider: str, iid: str | None) -> None:
    """An incident whose id is empty has nothing to key it by: skipped with a warning, as one
    without an id (found by the hostile property tests: it used to come out with id "")."""
    data = json.dumps({"incidents": [{"id": iid, "name": "Broken"}]}).encode()
    snap = statuskit.parse(data, provider=provider)
    assert snap.incidents == ()
    assert any("incident without id: skipped" in w for w in snap.warnings)
