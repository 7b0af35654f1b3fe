"""statuskit.timeline: readings folded into state intervals, uptime and time to resolve."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest

import statuskit
from statuskit import ComponentStatus

from .diffcases import reading, utc

SESSION = "c3sess000003"
BILLING = "c4bill000004"
ACME = "https://status.acme-cloud.example"


def incident_readings() -> list[statuskit.Snapshot]:
    return [
        reading("summary-calm.json", read_at="2026-03-14T06:00:00Z"),
        reading("summary-mid-incident.json", read_at="2026-03-14T07:00:00Z"),
        reading("summary-impact-major.json", read_at="2026-03-14T07:15:00Z"),
        reading("summary-post-incident.json", read_at="2026-03-14T07:30:00Z"),
    ]


def maintenance_readings() -> list[statuskit.Snapshot]:
    return [
        reading("summary-maint-scheduled.json", read_at="2026-03-14T08:00:00Z"),
        reading("summary-maint-in-progress.json", read_at="2026-03-14T09:05:00Z"),
        reading("summary-maint-done.json", read_at="2026-03-14T10:50:00Z"),
    ]


def test_intervals_change_at_the_vendors_times() -> None:
    """Each state holds from the vendor's change time to the next; the last one ends at the last
    reading."""
    tl = statuskit.timeline(incident_readings())
    assert [(i.status, i.start, i.end) for i in tl.intervals[SESSION]] == [
        (ComponentStatus.OPERATIONAL, utc("2026-03-14T06:00:00Z"), utc("2026-03-14T06:58:30.412Z")),
        (
            ComponentStatus.DEGRADED_PERFORMANCE,
            utc("2026-03-14T06:58:30.412Z"),
            utc("2026-03-14T07:10:05.300Z"),
        ),
        (
            ComponentStatus.PARTIAL_OUTAGE,
            utc("2026-03-14T07:10:05.300Z"),
            utc("2026-03-14T07:26:14.870Z"),
        ),
        (ComponentStatus.OPERATIONAL, utc("2026-03-14T07:26:14.870Z"), utc("2026-03-14T07:30:00Z")),
    ]
    assert (tl.start, tl.end, tl.readings) == (
        utc("2026-03-14T06:00:00Z"),
        utc("2026-03-14T07:30:00Z"),
        4,
    )


def test_readings_are_put_in_time_order() -> None:
    """The order the readings are given in does not matter."""
    readings = incident_readings()
    assert statuskit.timeline(reversed(readings)) == statuskit.timeline(readings)


def test_time_in_states_and_uptime() -> None:
    """Time per state adds up to the window; uptime weighs a partial outage at 30 % of a major one
    and does not count degraded performance (Statuspage's rule), or in full when asked."""
    tl = statuskit.timeline(incident_readings())
    times = tl.time_in_states(SESSION)
    assert times.partial_outage == timedelta(minutes=16, seconds=9, milliseconds=570)
    assert times.degraded_performance == timedelta(minutes=11, seconds=34, milliseconds=888)
    assert times.observed == timedelta(minutes=90)
    assert times.unobserved == timedelta(0)
    assert times.outage == times.partial_outage + times.degraded_performance
    window = timedelta(minutes=90)
    assert tl.uptime(SESSION) == pytest.approx(1 - 0.3 * times.partial_outage / window)
    strict = {ComponentStatus.PARTIAL_OUTAGE: 1.0, ComponentStatus.MAJOR_OUTAGE: 1.0}
    assert tl.uptime(SESSION, weights=strict) == pytest.approx(1 - times.partial_outage / window)
    assert tl.uptime("c1api0000001") == 1.0


def test_a_window_clips_the_intervals() -> None:
    """A window inside the timeline counts only its part; outside the readings is unobserved."""
    tl = statuskit.timeline(incident_readings())
    times = tl.time_in_states(SESSION, utc("2026-03-14T07:10:05.300Z"), utc("2026-03-14T07:40Z"))
    assert times.partial_outage == timedelta(minutes=16, seconds=9, milliseconds=570)
    assert times.unobserved == timedelta(minutes=10)
    assert tl.uptime(SESSION, utc("2026-03-14T07:10:05.300Z"), utc("2026-03-14T07:26:14.870Z")) == (
        pytest.approx(0.7)
    )


def test_maintenance_is_counted_apart_never_as_downtime() -> None:
    """Time under maintenance is reported on its own and leaves uptime untouched."""
    tl = statuskit.timeline(maintenance_readings())
    times = tl.time_in_states(BILLING)
    assert times.maintenance == timedelta(hours=1, minutes=44, seconds=57, milliseconds=300)
    assert times.outage == timedelta(0)
    assert tl.uptime(BILLING) == 1.0
    (span,) = tl.incidents
    assert (span.kind, span.inferred) == (statuskit.IncidentKind.MAINTENANCE, True)
    assert span.started_at == utc("2026-03-14T09:00:03.221Z")


def test_time_to_resolve_inferred_then_confirmed() -> None:
    """An incident that left summary.json is resolved at that reading (inferred); a later reading
    with the vendor's resolution replaces the guess."""
    readings = incident_readings()
    span = statuskit.timeline(readings).incident("k7slow000001")
    assert span is not None
    assert (span.inferred, span.resolved_at) == (True, utc("2026-03-14T07:30:00Z"))
    assert span.time_to_resolve == timedelta(minutes=35)
    assert (span.first_seen, span.last_seen) == (utc("2026-03-14T07:00Z"), utc("2026-03-14T07:15Z"))
    confirmed = reading(
        "incidents-resolved.json",
        url=f"{ACME}/api/v2/incidents.json",
        read_at="2026-03-14T07:31:00Z",
    )
    span = statuskit.timeline([*readings, confirmed]).incident("k7slow000001")
    assert span is not None
    assert (span.inferred, span.resolved_at) == (False, utc("2026-03-14T07:26:14.800Z"))
    assert span.time_to_resolve == timedelta(minutes=31, seconds=14, milliseconds=800)


def test_readings_without_components_leave_intervals_alone() -> None:
    """A reading that lists no components (incidents.json, a feed) neither ends nor splits the
    component intervals."""
    readings = incident_readings()
    between = reading(
        "incidents-resolved.json",
        url=f"{ACME}/api/v2/incidents.json",
        read_at="2026-03-14T07:05:00Z",
    )
    with_feed = statuskit.timeline([*readings, between])
    assert with_feed.intervals[SESSION] == statuskit.timeline(readings).intervals[SESSION]


def test_max_gap_leaves_long_gaps_unobserved() -> None:
    """With max_gap, the time between readings further apart than that is unobserved."""
    readings = incident_readings()
    tl = statuskit.timeline(readings, max_gap=timedelta(minutes=30))
    first = tl.intervals[SESSION][0]
    assert (first.status, first.start) == (
        ComponentStatus.DEGRADED_PERFORMANCE,
        utc("2026-03-14T07:00Z"),
    )
    assert tl.time_in_states(SESSION).unobserved == timedelta(hours=1)


def test_a_reading_without_any_time_is_refused() -> None:
    """Readings need a time (read_at, else the page's updated_at, else any time they hold)."""
    bare = statuskit.Snapshot(page=statuskit.Page(name="x"))
    with pytest.raises(ValueError, match="read_at"):
        statuskit.timeline([bare])
    assert statuskit.timeline([]).intervals == {}


def test_unknown_component_is_a_key_error() -> None:
    """Asking about a component no reading listed is a KeyError."""
    tl = statuskit.timeline(incident_readings())
    with pytest.raises(KeyError):
        tl.uptime("nope")


def test_component_removed_and_added_bound_its_intervals() -> None:
    """A component removed at a reading ends there; one added starts at its vendor time."""
    old = reading("summary-legacy-outage.json", read_at="2026-03-14T05:00:00Z")
    new = reading("summary-legacy-removed.json", read_at="2026-03-14T05:45:00Z")
    new = attrs.evolve(
        new,
        components=(
            *new.components,
            statuskit.Component(
                id="c8new",
                name="New",
                status=ComponentStatus.OPERATIONAL,
                updated_at=utc("2026-03-14T05:30:00Z"),
            ),
        ),
    )
    tl = statuskit.timeline([old, new])
    (legacy,) = tl.intervals["c6legacy0006"]
    assert (legacy.status, legacy.end) == (ComponentStatus.MAJOR_OUTAGE, utc("2026-03-14T05:45Z"))
    (fresh,) = tl.intervals["c8new"]
    assert (fresh.start, fresh.end) == (utc("2026-03-14T05:30Z"), utc("2026-03-14T05:45Z"))
