"""Properties of diff over generated readings (hypothesis builds valid Snapshots)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import given
from hypothesis import strategies as st

import statuskit
from statuskit import (
    Component,
    ComponentAdded,
    ComponentRemoved,
    ComponentStatus,
    ComponentStatusChanged,
    Coverage,
    Impact,
    Incident,
    IncidentKind,
    IncidentStatus,
    Page,
    Scope,
    Snapshot,
    Update,
)
from statuskit.events import sort_key

UTC = timezone.utc
BASE = datetime(2026, 3, 14, tzinfo=UTC)
# minutes around one day: cheap to draw, and equal times (ties to break) come up often
times = st.integers(-600, 2000).map(lambda m: BASE + timedelta(minutes=m))
maybe_time = st.none() | times

components = st.lists(
    st.builds(
        Component,
        id=st.sampled_from([f"c{i}" for i in range(10)]),
        name=st.sampled_from(["API", "Dashboard", "Billing", "Webhooks"]),
        status=st.sampled_from(ComponentStatus),
        group=st.none() | st.sampled_from(["Europe", "Asia"]),
        group_id=st.none() | st.sampled_from(["g1", "g2", "Europe"]),
        is_group=st.booleans(),
        updated_at=maybe_time,
    ),
    max_size=8,
    unique_by=lambda c: c.id,
).map(tuple)

updates = st.lists(
    st.builds(
        Update,
        id=st.none() | st.sampled_from([f"u{i}" for i in range(6)]),
        status=st.sampled_from(IncidentStatus),
        body=st.sampled_from(["", "Investigating.", "Fixed."]),
        created_at=maybe_time,
    ),
    max_size=3,
)


@st.composite
def incidents(draw: st.DrawFn) -> Incident:
    return Incident.build(
        id=draw(st.sampled_from([f"i{i}" for i in range(6)])),
        title=draw(st.sampled_from(["Errors", "Slow", "Upgrade", "", " Slow ", "slow"])),
        kind=draw(st.sampled_from(IncidentKind)),
        status=draw(st.sampled_from(IncidentStatus)),
        raw_status=draw(st.none() | st.sampled_from(["cancelled", "Canceled", "completed"])),
        impact=draw(st.sampled_from(Impact)),
        created_at=draw(maybe_time),
        started_at=draw(maybe_time),
        resolved_at=draw(maybe_time),
        updated_at=draw(maybe_time),
        scheduled_for=draw(maybe_time),
        scheduled_until=draw(maybe_time),
        url=draw(
            st.none() | st.sampled_from(["https://s.example/incidents/i1", "https://x.example"])
        ),
        updates=draw(updates),
    )


@st.composite
def snapshots(draw: st.DrawFn, *, with_components: bool = False) -> Snapshot:
    coverage = Coverage(
        components=True if with_components else draw(st.booleans()),
        indicator=draw(st.booleans()),
        incidents=draw(st.sampled_from(Scope)),
        maintenances=draw(st.sampled_from(Scope)),
    )
    return Snapshot(
        page=Page(name="Example", url="https://s.example", updated_at=draw(maybe_time)),
        components=draw(components) if coverage.components else (),
        incidents=tuple(draw(st.lists(incidents(), max_size=4, unique_by=lambda i: i.id))),
        platform="statuspage",
        adapter=draw(st.sampled_from(["statuspage.json", "statuspage.feed"])),
        indicator=draw(st.none() | st.sampled_from(ComponentStatus))
        if coverage.indicator
        else None,
        coverage=coverage,
        read_at=draw(maybe_time),
    )


@given(snapshots())
def test_a_reading_against_itself_is_no_change(a: Snapshot) -> None:
    """diff(a, a) == (), also against an equal copy."""
    assert statuskit.diff(a, a) == ()
    assert statuskit.diff(a, attrs.evolve(a)) == ()


@given(snapshots(), snapshots())
def test_events_are_sorted_with_unique_ids(a: Snapshot, b: Snapshot) -> None:
    """Events come sorted (by time, then a stable tiebreak), with unique ids, aware UTC times;
    the same inputs give the same events; each event survives JSON."""
    changes = statuskit.diff(a, b)
    assert list(changes) == sorted(changes, key=sort_key)
    assert all(x.at <= y.at for x, y in itertools.pairwise(changes))
    assert len({c.id for c in changes}) == len(changes)
    assert all(c.at.utcoffset() == timedelta(0) for c in changes)
    assert statuskit.diff(a, b) == changes
    for c in changes:
        assert statuskit.loads_change(statuskit.dumps_change(c)) == c


@given(snapshots(with_components=True), snapshots(with_components=True))
def test_folding_the_events_over_a_gives_b(a: Snapshot, b: Snapshot) -> None:
    """Applying the component events of diff(a, b) to a's component states gives b's."""
    state = {c.id: c.status for c in a.components}
    for change in statuskit.diff(a, b):
        if isinstance(change, ComponentStatusChanged):
            assert state[change.component_id] is change.old
            state[change.component_id] = change.new
        elif isinstance(change, ComponentAdded):
            assert change.component_id not in state
            state[change.component_id] = change.status
        elif isinstance(change, ComponentRemoved):
            assert state.pop(change.component_id) is change.last_status
    assert state == {c.id: c.status for c in b.components}
