"""The derived facts of the model follow DESIGN.md's rules 2-6, whatever the adapter."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from statuskit import (
    Component,
    ComponentChange,
    ComponentRef,
    ComponentStatus,
    Impact,
    Incident,
    IncidentKind,
    IncidentStatus,
    Page,
    Snapshot,
    Update,
)

UTC = timezone.utc
S = IncidentStatus
C = ComponentStatus


def t(minute: int) -> datetime:
    return datetime(2026, 4, 26, 7, 0, tzinfo=UTC) + timedelta(minutes=minute)


def up(minute: int, status: IncidentStatus, *changes: ComponentChange) -> Update:
    return Update(id=f"u{minute}", status=status, created_at=t(minute), component_changes=changes)


def test_updates_are_sorted_oldest_first() -> None:
    """build() puts updates oldest first, whatever order the vendor used."""
    inc = Incident.build(id="i", title="x", updates=[up(30, S.RESOLVED), up(0, S.INVESTIGATING)])
    assert [u.id for u in inc.updates] == ["u0", "u30"]


def test_started_at_is_the_earliest_known_start() -> None:
    """started_at = min(vendor start, creation, first update)."""
    inc = Incident.build(
        id="i", title="x", started_at=t(10), created_at=t(5), updates=[up(2, S.INVESTIGATING)]
    )
    assert inc.started_at == t(2)


def test_resolved_at_ignores_a_late_postmortem_and_takes_a_later_vendor_time() -> None:
    """resolved_at is where the final terminal run began, or the vendor's time if later."""
    ups = [up(0, S.INVESTIGATING), up(40, S.RESOLVED), up(3000, S.POSTMORTEM)]
    inc = Incident.build(id="i", title="x", status=S.POSTMORTEM, updates=ups)
    assert inc.resolved_at == t(40)
    assert inc.duration == timedelta(minutes=40)
    later = Incident.build(id="i", title="x", status=S.RESOLVED, resolved_at=t(45), updates=ups[:2])
    assert later.resolved_at == t(45)


def test_reopened_incident_is_open_and_counted() -> None:
    """Resolved, then updated as investigating: open, reopened once, no duration."""
    ups = [up(0, S.INVESTIGATING), up(10, S.RESOLVED), up(20, S.INVESTIGATING)]
    inc = Incident.build(id="i", title="x", status=S.RESOLVED, resolved_at=t(10), updates=ups)
    assert inc.status is S.INVESTIGATING
    assert not inc.is_resolved
    assert inc.reopened_count == 1
    assert inc.resolved_at is None
    assert inc.duration is None


def test_unknown_update_statuses_do_not_count_as_reopening() -> None:
    """An update with an UNKNOWN status between two resolved ones reopens nothing."""
    ups = [up(0, S.RESOLVED), up(5, S.UNKNOWN), up(9, S.RESOLVED)]
    assert Incident.build(id="i", title="x", updates=ups).reopened_count == 0


def test_listed_components_are_not_impacted_and_no_ops_are_not_transitions() -> None:
    """Only components that left operational are impacted; repeats are not transitions."""
    a_deg = ComponentChange("a", "A", C.OPERATIONAL, C.DEGRADED_PERFORMANCE)
    b_ok = ComponentChange("b", "B", C.OPERATIONAL, C.OPERATIONAL)
    a_same = ComponentChange("a", "A", None, C.DEGRADED_PERFORMANCE)
    a_back = ComponentChange("a", "A", C.DEGRADED_PERFORMANCE, C.OPERATIONAL)
    inc = Incident.build(
        id="i",
        title="x",
        updates=[
            up(0, S.INVESTIGATING, a_deg, b_ok),
            up(5, S.MONITORING, a_same),
            up(9, S.RESOLVED, a_back),
        ],
        components=[ComponentRef("a", "A"), ComponentRef("b", "B")],
    )
    assert inc.impacted_components == (ComponentRef("a", "A", C.DEGRADED_PERFORMANCE),)
    assert [(x.component_id, x.old, x.new, x.at) for x in inc.transitions()] == [
        ("a", C.OPERATIONAL, C.DEGRADED_PERFORMANCE, t(0)),
        ("a", C.DEGRADED_PERFORMANCE, C.OPERATIONAL, t(9)),
    ]


def test_incident_specific_component_state_counts_as_impact() -> None:
    """A listed component with a state given within the incident is impacted by it."""
    inc = Incident.build(
        id="i", title="x", components=[ComponentRef("a", "A", C.PARTIAL_OUTAGE), ComponentRef("b")]
    )
    assert [r.id for r in inc.impacted_components] == ["a"]


def test_maintenance_starts_when_work_begins() -> None:
    """A maintenance starts at its in-progress update, not when it was announced."""
    ups = [up(-3000, S.SCHEDULED), up(60, S.IN_PROGRESS), up(120, S.COMPLETED)]
    m = Incident.build(
        id="m",
        title="x",
        kind=IncidentKind.MAINTENANCE,
        status=S.COMPLETED,
        created_at=t(-3000),
        scheduled_for=t(60),
        updates=ups,
    )
    assert (m.started_at, m.resolved_at, m.duration) == (t(60), t(120), timedelta(hours=1))
    scheduled = Incident.build(
        id="m2",
        title="x",
        kind=IncidentKind.MAINTENANCE,
        status=S.SCHEDULED,
        created_at=t(0),
        scheduled_for=t(60),
    )
    assert scheduled.started_at is None
    assert not scheduled.is_active


def page(
    *components: Component,
    incidents: tuple[Incident, ...] = (),
    indicator: ComponentStatus | None = None,
) -> Snapshot:
    return Snapshot(page=Page(), components=components, incidents=incidents, indicator=indicator)


def test_overall_is_never_operational_while_an_impactful_incident_is_open() -> None:
    """A minor open incident beats an indicator of none and operational components."""
    ok = Component("a", "A", C.OPERATIONAL)
    inc = Incident.build(id="i", title="x", status=S.INVESTIGATING, impact=Impact.MINOR)
    assert page(ok, incidents=(inc,), indicator=C.OPERATIONAL).overall is C.DEGRADED_PERFORMANCE
    none = Incident.build(id="j", title="x", status=S.INVESTIGATING, impact=Impact.NONE)
    assert page(ok, incidents=(none,), indicator=C.OPERATIONAL).overall is C.OPERATIONAL


def test_maintenance_is_never_an_outage() -> None:
    """An active maintenance gives UNDER_MAINTENANCE, which loses to any real outage."""
    m = Incident.build(
        id="m",
        title="x",
        kind=IncidentKind.MAINTENANCE,
        status=S.IN_PROGRESS,
        impact=Impact.MAINTENANCE,
    )
    ok = Component("a", "A", C.OPERATIONAL)
    assert page(ok, incidents=(m,)).overall is C.UNDER_MAINTENANCE
    assert not page(ok, incidents=(m,)).overall.is_outage
    bad = Component("b", "B", C.PARTIAL_OUTAGE)
    assert page(ok, bad, incidents=(m,)).overall is C.PARTIAL_OUTAGE


def test_overall_is_unknown_when_nothing_is_known() -> None:
    """No indicator, no components, no open incident: UNKNOWN, never OPERATIONAL by guess."""
    resolved = Incident.build(id="i", title="x", status=S.RESOLVED, updates=[up(0, S.RESOLVED)])
    assert page(incidents=(resolved,)).overall is C.UNKNOWN
    assert page().overall is C.UNKNOWN


def test_severity_order() -> None:
    """Worse is: operational < maintenance < unknown < degraded < partial < major."""
    order = [
        C.OPERATIONAL,
        C.UNDER_MAINTENANCE,
        C.UNKNOWN,
        C.DEGRADED_PERFORMANCE,
        C.PARTIAL_OUTAGE,
        C.MAJOR_OUTAGE,
    ]
    assert sorted(C, key=lambda s: s.severity) == order


def test_first_mention_as_operational_is_not_a_transition() -> None:
    """A component first listed as operational, with no old state, changed nothing we know of."""
    listed = ComponentChange("a", "A", None, C.OPERATIONAL)
    broke = ComponentChange("a", "A", None, C.MAJOR_OUTAGE)
    inc = Incident.build(
        id="i", title="x", updates=[up(0, S.INVESTIGATING, listed), up(5, S.IDENTIFIED, broke)]
    )
    assert [(x.old, x.new) for x in inc.transitions()] == [(C.OPERATIONAL, C.MAJOR_OUTAGE)]
